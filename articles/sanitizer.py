"""The one HTML sanitizer for rich text, run on save whoever typed it.

An allow-list (nh3, the Rust `ammonia` library): anything not listed here is dropped, so scripts,
event handlers, styles, iframes, forms and `javascript:`/`data:` URLs never reach a page.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "figure",
    "figcaption",
    "hr",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(html):
    """Return `html` with only the allowed markup left. Cleaning twice changes nothing."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener",
    )
