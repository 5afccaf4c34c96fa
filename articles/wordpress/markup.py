"""WordPress's post markup turned into ours, before the one sanitizer (articles/sanitizer.py) cleans it.

WordPress stores what the writer typed and shapes it when it shows a page: the classic editor's blank
lines become paragraphs (`wpautop`), shortcodes such as `[caption]` and `[embed]` are expanded, a link
alone on its line becomes an embed. The block editor stores finished HTML between `<!-- wp:… -->`
comments. This module does what WordPress would have done, in our terms:

- pictures (`<img>`, with their link, `[caption]` or `<figure>` and `<figcaption>`) become image blocks,
  `<figure data-image="ID"></figure>`, once the importer has the picture in the library; a picture it
  could not bring in is left out and reported;
- embeds (the block editor's, `[embed]`, `[video]`, a provider's link alone on its line) become embed
  blocks, which the sanitizer keeps only for the providers we allow;
- galleries become one image block per picture;
- page builders' layout shortcodes (`[vc_row]`, `[et_pb_section]`…) are unwrapped, forms and other
  plugins' shortcodes dropped, each reported; bracketed text that is no shortcode we know ("[sic]") stays;
- `h1` becomes `h2` (the headline is the page's one `h1`), `h5` and `h6` become `h4`;
- links to the old site's posts, categories and tags point to their new addresses.

What is not ours (scripts, styles, frames, forms, event handlers) is left to the sanitizer to drop.
"""

import html
import re
from dataclasses import dataclass, field

from articles import embeds


@dataclass(frozen=True)
class ImageRef:
    """A picture in a post: its attachment in the media library when known, its address, and the words
    the post gives it."""

    attachment_id: str
    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class Conversion:
    html: str
    missing_images: list = field(default_factory=list)
    dropped_shortcodes: set = field(default_factory=set)


# Shortcodes of page builders whose content is the post: the markers go, the text stays.
UNWRAPPED_SHORTCODES = re.compile(r"(?:vc|et_pb|fusion|av|su|cs|x|mk|tatsu|themify|bt_bb|fl|elementor)_\w+", re.I)
# Shortcodes that stand for something the old site's plugins drew (forms, ads, sliders): dropped, content
# included, and reported.
DROPPED_SHORTCODES = {
    "contact-form",
    "contact-form-7",
    "gravityform",
    "wpforms",
    "ninja_form",
    "mc4wp_form",
    "adrotate",
    "metaslider",
    "rev_slider",
    "smartslider3",
    "playlist",
    "audio",
    "pdf-embedder",
    "wp_ad_camp",
    "ad",
    "newsletter",
    "related_posts",
    "jetpack_subscription_form",
    "donate",
}
EMBED_SHORTCODES = {"embed", "video", "youtube", "vimeo", "tweet", "twitter", "instagram", "soundcloud"}
SHORTCODE_ATTRIBUTE = re.compile(r'(\w[\w-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))|(\S+)')
BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
EMBED_BLOCK = re.compile(r"<!--\s*wp:(?:core-)?embed\b[^>]*?-->(.*?)<!--\s*/wp:(?:core-)?embed\b[^>]*?-->", re.S)
URL = re.compile(r"https?://[^\s<>\"']+")
FIGURE = re.compile(r"<figure\b[^>]*>(.*?)</figure>", re.S | re.I)
FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.S | re.I)
IMG = re.compile(r"<img\b[^>]*>", re.I)
LINKED_IMG = re.compile(r"(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?", re.I)
ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
ATTACHMENT_ID = re.compile(r"attachment_(\d+)")
LONE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"']+)[ \t]*$", re.M)
HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)(["'])(.*?)\2""", re.I | re.S)
EMPTY_PARAGRAPH = re.compile(r"<p\b[^>]*>(?:\s|&nbsp;|&#160;|\xa0|<br\s*/?>)*</p>", re.I)
BLOCK_TAGS = (
    "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|"
    "address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|"
    "figcaption|details|menu|summary|iframe|script|object|embed|video|audio|noscript"
)
BLOCK_START = re.compile(rf"(<(?:{BLOCK_TAGS})[\s/>])", re.I)
BLOCK_END = re.compile(rf"(</(?:{BLOCK_TAGS})>)", re.I)
PARAGRAPH_BEFORE_BLOCK = re.compile(rf"<p>\s*(</?(?:{BLOCK_TAGS})\b[^>]*>)", re.I)
PARAGRAPH_AFTER_BLOCK = re.compile(rf"(</?(?:{BLOCK_TAGS})\b[^>]*>)\s*</p>", re.I)
LINE_BREAK = re.compile(rf"(?<!>)(?<!\n)[ \t]*\n(?![ \t]*</?(?:{BLOCK_TAGS})\b)(?!\ue010)(?=[^\n])", re.I)
IMAGE_PLACEHOLDER = "\ue010{}\ue011"
PLACEHOLDER = re.compile("\ue010(\\d+)\ue011")


def attributes(tag):
    """The attributes of one start tag, as a dict (entities decoded)."""
    return {
        match[1].lower(): html.unescape(next(value for value in match.groups()[1:] if value is not None))
        for match in ATTRIBUTE.finditer(tag)
    }


def _plain(markup):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup or "")).split())


class _Converter:
    def __init__(self, content, *, image_for, link_for):
        self.content = content or ""
        self.image_for = image_for
        self.link_for = link_for
        self.result = Conversion(html="")
        self.refs = []

    def run(self):
        text = self.content.replace("\r\n", "\n").replace("\r", "\n")
        gutenberg = "<!-- wp:" in text
        text = EMBED_BLOCK.sub(self._embed_block, text)
        text = BLOCK_COMMENT.sub("", text)
        text = self._shortcodes(text)
        text = FIGURE.sub(self._figure, text)
        text = LINKED_IMG.sub(self._loose_image, text)
        text = LONE_URL_LINE.sub(self._lone_url, text)
        if not gutenberg:
            text = autop(text)
        text = self._headings(text)
        text = HREF.sub(self._link, text)
        text = PLACEHOLDER.sub(self._image_block, text)
        text = EMPTY_PARAGRAPH.sub("", text)
        self.result.html = re.sub(r"\n\s*\n+", "\n", text).strip()
        return self.result

    # Pictures are replaced by placeholders first, so that paragraphs are made around them, and by their
    # blocks last.

    def _placeholder(self, img_tag, *, caption="", link=""):
        attrs = attributes(img_tag)
        classes = attrs.get("class", "")
        found = WP_IMAGE_CLASS.search(classes) or ATTACHMENT_ID.search(attrs.get("id", ""))
        ref = ImageRef(
            attachment_id=found[1] if found else "",
            url=attrs.get("src", "") or link,
            alt=attrs.get("alt", "").strip(),
            caption=caption,
        )
        self.refs.append(ref)
        return "\n\n" + IMAGE_PLACEHOLDER.format(len(self.refs) - 1) + "\n\n"

    def _image_block(self, match):
        ref = self.refs[int(match[1])]
        image_id = self.image_for(ref)
        if image_id is None:
            self.result.missing_images.append(ref.url)
            return ""
        return f'<figure data-image="{image_id}"></figure>'

    def _figure(self, match):
        inner = match[1]
        img = IMG.search(inner)
        if img is None:
            return match[0]
        caption = FIGCAPTION.search(inner)
        # A gallery block: a figure of figures, or of several pictures.
        pictures = IMG.findall(inner)
        if len(pictures) > 1:
            return "".join(self._placeholder(tag) for tag in pictures)
        return self._placeholder(img[0], caption=_plain(caption[1]) if caption else "")

    def _loose_image(self, match):
        img = IMG.search(match[0])
        return self._placeholder(img[0])

    def _embed_block(self, match):
        found = URL.search(_plain(match[1]))
        embed = embeds.parse(found[0]) if found else None
        if embed is None:
            return ""
        return f'\n\n<figure data-embed="{embed.provider.name}" data-url="{html.escape(embed.url)}"></figure>\n\n'

    def _lone_url(self, match):
        embed = embeds.parse(match[1])
        if embed is None:
            return match[0]
        return f'\n\n<figure data-embed="{embed.provider.name}" data-url="{html.escape(embed.url)}"></figure>\n\n'

    def _shortcodes(self, text):
        # Enclosing shortcodes first, innermost first, then the self-closing ones that remain.
        enclosing = re.compile(r"\[([A-Za-z][\w-]*)((?:\s[^\]]*)?)\](.*?)\[/\1\]", re.S)
        self_closing = re.compile(r"\[([A-Za-z][\w-]*)((?:\s[^\]]*)?)/?\]")
        for _round in range(10):
            replaced = enclosing.sub(self._enclosing, text)
            if replaced == text:
                break
            text = replaced
        return self_closing.sub(self._self_closing, text)

    def _enclosing(self, match):
        name, attrs, inner = match[1].lower(), match[2], match[3]
        if name in ("caption", "wp_caption"):
            img = IMG.search(inner)
            if img is None:
                return inner
            caption = _plain(LINKED_IMG.sub("", inner, count=1))
            tag = img[0]
            found = ATTACHMENT_ID.search(attrs)
            if found and "wp-image-" not in tag:
                tag = tag[:-1] + f' class="wp-image-{found[1]}">'
            return self._placeholder(tag, caption=caption)
        if name in EMBED_SHORTCODES:
            found = URL.search(inner) or URL.search(attrs)
            return self._embed_for(found[0] if found else "", name)
        if UNWRAPPED_SHORTCODES.fullmatch(name):
            self.result.dropped_shortcodes.add(name)
            return inner
        if name in DROPPED_SHORTCODES:
            self.result.dropped_shortcodes.add(name)
            return ""
        return match[0]

    def _self_closing(self, match):
        name, attrs = match[1].lower(), match[2]
        if name == "gallery":
            values = dict(self._shortcode_attributes(attrs))
            ids = [part.strip() for part in values.get("ids", "").split(",") if part.strip().isdigit()]
            if not ids:
                self.result.dropped_shortcodes.add(name)
                return ""
            return "".join(self._placeholder(f'<img class="wp-image-{number}">') for number in ids)
        if name in EMBED_SHORTCODES:
            values = dict(self._shortcode_attributes(attrs))
            url = values.get("src") or values.get("url") or values.get("mp4") or values.get("") or ""
            if not url:
                found = URL.search(attrs)
                url = found[0] if found else ""
            return self._embed_for(url, name)
        if UNWRAPPED_SHORTCODES.fullmatch(name) or name in DROPPED_SHORTCODES:
            self.result.dropped_shortcodes.add(name)
            return ""
        return match[0]

    def _embed_for(self, url, name):
        embed = embeds.parse(url) if url else None
        if embed is None:
            self.result.dropped_shortcodes.add(name)
            return ""
        return f'\n\n<figure data-embed="{embed.provider.name}" data-url="{html.escape(embed.url)}"></figure>\n\n'

    @staticmethod
    def _shortcode_attributes(attrs):
        for match in SHORTCODE_ATTRIBUTE.finditer(attrs):
            if match[1]:
                yield match[1].lower(), next(value for value in match.groups()[1:4] if value is not None)
            else:
                yield "", match[5]

    @staticmethod
    def _headings(text):
        text = re.sub(r"<(/?)h1\b", r"<\1h2", text, flags=re.I)
        return re.sub(r"<(/?)h[56]\b", r"<\1h4", text, flags=re.I)

    def _link(self, match):
        new = self.link_for(html.unescape(match[3]))
        if new is None:
            return match[0]
        return f"{match[1]}{match[2]}{html.escape(new)}{match[2]}"


def convert(content, *, image_for, link_for=lambda url: None):
    """Our markup for a post's `content`, before sanitizing.

    `image_for(ImageRef)` gives the library image's id for a picture, or None when it could not be
    brought in (the picture is then left out and its address listed in `missing_images`);
    `link_for(url)` gives the new address of a link to the old site, or None to keep the link as it is.
    """
    return _Converter(content, image_for=image_for, link_for=link_for).run()


def image_refs(content):
    """The pictures of a post's `content`, in order, as `convert()` will ask for them."""
    refs = []

    def collect(ref):
        refs.append(ref)

    _Converter(content, image_for=collect, link_for=lambda url: None).run()
    return refs


def autop(text):
    """WordPress's `wpautop()`: blank lines part paragraphs, a single line break is a `<br>`, and block
    elements are never put inside a paragraph (text directly in a block quote gets one of its own)."""
    text = BLOCK_START.sub(r"\n\n\1", text)
    text = BLOCK_END.sub(r"\1\n\n", text)
    text = PLACEHOLDER.sub(lambda match: f"\n\n{match[0]}\n\n", text)
    chunks = (chunk.strip() for chunk in re.split(r"\n\s*\n", text))
    text = "\n".join(f"<p>{chunk}</p>" for chunk in chunks if chunk)
    text = re.sub(r"<p>(\s*<blockquote\b[^>]*>)", r"\1<p>", text, flags=re.I)
    text = re.sub(r"(</blockquote>\s*)</p>", r"</p>\1", text, flags=re.I)
    text = PARAGRAPH_BEFORE_BLOCK.sub(r"\1", text)
    text = PARAGRAPH_AFTER_BLOCK.sub(r"\1", text)
    text = re.sub(r"<p>(\ue010\d+\ue011)</p>", r"\1", text)
    # A line break inside a paragraph, but not next to a block element's tag.
    return LINE_BREAK.sub("<br>\n", text)


def excerpt_text(excerpt):
    """A hand-written excerpt as one line of plain text (the dek)."""
    return _plain(excerpt)
