"""The one HTML sanitizer for rich text, run on save whoever typed it.

An allow-list (nh3, the Rust `ammonia` library, which parses like a browser): anything not listed
here is dropped, so scripts, event handlers, styles, iframes, forms, SVG and MathML and
`javascript:`/`data:` URLs never reach a page, however they are spelled or encoded. The list matches
what the admin's editor makes (articles/forms.py), so what a writer can type survives.

Body blocks (docs/content-model.md) are stored as empty elements that name what they show; the reader
page renders them from our own templates (articles/blocks.py), never from stored markup:

- `<figure data-image="12"></figure>`: image 12 of the library, with its alt text, caption and credit;
- `<figure data-embed="youtube" data-url="https://youtu.be/…"></figure>`: an embed, the pasted link and
  its provider (articles/embeds.py); a link that is not to allow-listed content is dropped, and the
  provider is always the one the link itself names;
- `<aside data-see-also="34"></aside>`: a SEE ALSO callout to article 34;
- `<aside class="pullquote"><p>…</p></aside>`: a pull quote.

Cleaning twice changes nothing: the cleaning is repeated until its output is stable, as a browser
may read nh3's output of some malformed markup (a table inside a heading) differently once more.
"""

import html
import re
from html.parser import HTMLParser

import nh3
from django.utils.html import strip_tags

from articles import embeds

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
    "aside",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "figure": {"data-image", "data-embed", "data-url"},
    "aside": {"data-see-also"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Classes, by value: the pull quote is the only styled block a writer chooses.
ALLOWED_CLASSES = {"aside": {"pullquote"}}
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


def _number(value, digits):
    return value if value.isdigit() and len(value) <= digits and int(value) > 0 else None


def _attribute_filter(tag, attribute, value):
    if tag == "ol" and attribute == "start":
        # A list's first number, and nothing else.
        return value if value.isdigit() and len(value) <= 6 else None
    if attribute in ("data-image", "data-see-also"):
        # The id of an image or an article.
        return _number(value, 12)
    if attribute in ("colspan", "rowspan"):
        return _number(value, 3)
    if attribute == "data-url":
        embed = embeds.parse(value)
        return embed.url if embed is not None else None
    if attribute == "data-embed":
        return value if value in embeds.PROVIDERS else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=DROPPED_WITH_CONTENT,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    attribute_filter=_attribute_filter,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener",
    strip_comments=True,
)


# A few passes are enough for any input seen; the limit only guarantees an end.
MAX_PASSES = 6


def clean_html(html):
    """Return `html` with only the allowed markup left. Cleaning twice changes nothing."""
    if not html:
        return ""
    cleaned = CONTROL_CHARACTERS.sub("", html)
    for _pass in range(MAX_PASSES):
        previous = cleaned
        cleaned = _BlockShaper.shape(_cleaner.clean(cleaned)).strip()
        if cleaned == previous:
            break
    return cleaned


class _BlockShaper(HTMLParser):
    """Gives body blocks their one stored shape, on nh3's output (well-formed, normalized markup).

    An image, embed or SEE ALSO block keeps only the attributes that name what it shows, and nothing
    inside it (the page renders it from our templates); an embed's provider is the one its link
    names; an embed without a valid link becomes a plain figure. Everything else is copied as it is.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.skipping = None  # (tag, depth) while inside a block whose content is dropped

    @classmethod
    def shape(cls, markup):
        if "data-" not in markup:
            return markup
        shaper = cls()
        shaper.feed(markup)
        shaper.close()
        return "".join(shaper.out)

    def _emit(self, text):
        if self.skipping is None:
            self.out.append(text)

    def handle_starttag(self, tag, attrs):
        if self.skipping is not None:
            if tag == self.skipping[0]:
                self.skipping = (tag, self.skipping[1] + 1)
            return
        values = dict(attrs)
        block = None
        if tag == "figure" and values.get("data-image"):
            block = f'<figure data-image="{values["data-image"]}"></figure>'
        elif tag == "figure" and values.get("data-url"):
            embed = embeds.parse(values["data-url"])
            if embed is not None:
                url = html.escape(embed.url, quote=True)
                block = f'<figure data-embed="{embed.provider.name}" data-url="{url}"></figure>'
        elif tag == "aside" and values.get("data-see-also"):
            block = f'<aside data-see-also="{values["data-see-also"]}"></aside>'
        if block is not None:
            self.out.append(block)
            self.skipping = (tag, 1)
        elif tag == "figure" and attrs:
            self.out.append("<figure>")
        else:
            self.out.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self._emit(self.get_starttag_text())

    def handle_endtag(self, tag):
        if self.skipping is not None:
            if tag == self.skipping[0]:
                depth = self.skipping[1] - 1
                self.skipping = None if depth == 0 else (tag, depth)
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        self._emit(data)

    def handle_entityref(self, name):
        self._emit(f"&{name};")

    def handle_charref(self, name):
        self._emit(f"&#{name};")


# Where one block of text ends and the next begins, so that "<p>One.</p><p>Two.</p>" reads "One. Two.".
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|t[dh])>|<br\s*/?>", re.IGNORECASE)


def plain_text(body_html):
    """The words of sanitized HTML, without tags or entities, on one line."""
    return " ".join(html.unescape(strip_tags(BLOCK_END.sub(" ", body_html or ""))).split())
