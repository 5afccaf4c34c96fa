"""The one HTML sanitizer for rich text, run on save whoever typed it.

An allow-list (nh3, the Rust `ammonia` library, which parses like a browser): anything not listed
here is dropped, so scripts, event handlers, styles, iframes, forms, SVG and MathML and
`javascript:`/`data:` URLs never reach a page, however they are spelled or encoded. The list matches
what the admin's editor makes (articles/forms.py), so what a writer can type survives.
Cleaning twice changes nothing.
"""

import html
import re

import nh3
from django.utils.html import strip_tags

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
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
# Dropped with everything inside them, not just unwrapped: their content is code, or markup that
# a browser would read differently (foreign SVG/MathML content, raw text elements).
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "frameset",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "object",
    "svg",
    "math",
    "textarea",
    "select",
    "title",
    "xmp",
}
# NUL and the other C0 controls but tab, newline and return: no text needs them, and browsers skip
# some of them inside a URL scheme (`java\x00script:`).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _attribute_filter(tag, attribute, value):
    if tag == "ol" and attribute == "start":
        # A list's first number, and nothing else.
        return value if value.isdigit() and len(value) <= 6 else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener",
    strip_comments=True,
)


def clean_html(html):
    """Return `html` with only the allowed markup left. Cleaning twice changes nothing."""
    if not html:
        return ""
    return _cleaner.clean(CONTROL_CHARACTERS.sub("", html)).strip()


# Where one block of text ends and the next begins, so that "<p>One.</p><p>Two.</p>" reads "One. Two.".
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption)>|<br\s*/?>", re.IGNORECASE)


def plain_text(body_html):
    """The words of sanitized HTML, without tags or entities, on one line."""
    return " ".join(html.unescape(strip_tags(BLOCK_END.sub(" ", body_html or ""))).split())
