"""Body blocks: the figures, embeds and SEE ALSO callouts that the body and the analysis name by id.

The sanitizer (articles/sanitizer.py) stores each block as one empty element of a fixed shape; this
module finds them, fetches what they name for a whole article at once (one query for every image,
one for every linked article, none when there are none), and renders them from our own templates:

- on the page (`render`): a figure with the image's responsive renditions, alt text, caption and
  credit in the page's language; an embed as a click-to-load placeholder that names its provider;
  a SEE ALSO callout to a published article (a link to anything else is left out);
- for other sites (`render_plain`, the republishing HTML): plain figures with absolute addresses,
  and embeds and callouts as links.

Tables are wrapped in a region that scrolls sideways on a phone.
"""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from articles import embeds

IMAGE_BLOCK = re.compile(r'<figure data-image="(?P<id>[0-9]+)"></figure>')
EMBED_BLOCK = re.compile(r'<figure data-embed="(?P<provider>[a-z]+)" data-url="(?P<url>[^"]*)"></figure>')
SEE_ALSO_BLOCK = re.compile(r'<aside data-see-also="(?P<id>[0-9]+)"></aside>')
TABLE_START = re.compile(r"<table>")
TABLE_END = re.compile(r"</table>")


def image_ids(*texts):
    """The ids of the library images that `texts` (sanitized HTML) show, in order of appearance."""
    return _ids(IMAGE_BLOCK, texts)


def see_also_ids(*texts):
    """The ids of the articles that the SEE ALSO callouts of `texts` link to, in order."""
    return _ids(SEE_ALSO_BLOCK, texts)


def embed_links(*texts):
    """The (provider, link) of each embed in `texts`, in order."""
    return [
        (match["provider"], _unescape(match["url"])) for text in texts for match in EMBED_BLOCK.finditer(text or "")
    ]


def _ids(pattern, texts):
    seen = {}
    for text in texts:
        for match in pattern.finditer(text or ""):
            seen.setdefault(int(match["id"]), None)
    return list(seen)


def _unescape(value):
    return value.replace("&amp;", "&")


@dataclass
class Blocks:
    """What an article's blocks show: images by id, and the published articles they link to by id."""

    images: dict = field(default_factory=dict)
    articles: dict = field(default_factory=dict)
    # Whether the page needs the click-to-load script.
    has_embeds: bool = False


def load(article):
    """The images and linked articles named by `article`'s body and analysis: at most two queries,
    none for an article without figures or callouts."""
    from articles.models import Article, Image  # noqa: PLC0415 - models import the sanitizer, which imports this app

    texts = (article.body, article.analysis)
    blocks = Blocks(has_embeds=any("<figure data-embed=" in (text or "") for text in texts))
    if ids := image_ids(*texts):
        blocks.images = Image.objects.in_bulk(ids)
    if ids := see_also_ids(*texts):
        linked = Article.objects.published().filter(pk__in=ids).select_related("section").defer("body", "analysis")
        blocks.articles = {linked_article.pk: linked_article for linked_article in linked}
    return blocks


def render(text, blocks):
    """`text` (sanitized HTML) as the reader page shows it."""

    def figure(match):
        image = blocks.images.get(int(match["id"]))
        return render_to_string("includes/body_figure.html", {"image": image}) if image else ""

    def embed(match):
        found = embeds.parse(_unescape(match["url"]))
        if found is None or found.provider.name != match["provider"]:
            return ""
        return render_to_string("includes/body_embed.html", {"embed": found})

    def see_also(match):
        linked = blocks.articles.get(int(match["id"]))
        return render_to_string("includes/see_also.html", {"linked": linked}) if linked else ""

    text = IMAGE_BLOCK.sub(figure, text or "")
    text = EMBED_BLOCK.sub(embed, text)
    text = SEE_ALSO_BLOCK.sub(see_also, text)
    if "<table>" in text:
        label = format_html(
            '<div class="table-scroll" role="region" tabindex="0" aria-label="{}"><table>', gettext("Table")
        )
        text = TABLE_END.sub("</table></div>", TABLE_START.sub(label, text))
    return mark_safe(text)  # noqa: S308 - sanitized on save; blocks rendered from our templates


def render_plain(text, blocks, absolute):
    """`text` for another site: figures with absolute addresses, embeds and callouts as plain links.
    `absolute` makes a path absolute on our public origin."""

    def figure(match):
        image = blocks.images.get(int(match["id"]))
        if image is None:
            return ""
        caption = " ".join(part for part in (image.display_caption, image.credit) if part)
        return format_html(
            '<figure><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
            absolute(image.file.url),
            image.display_alt_text,
            image.width,
            image.height,
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )

    def embed(match):
        found = embeds.parse(_unescape(match["url"]))
        if found is None:
            return ""
        return format_html('<p><a href="{}">{}</a></p>', found.url, f"{found.provider.label}: {found.url}")

    def see_also(match):
        linked = blocks.articles.get(int(match["id"]))
        if linked is None:
            return ""
        return format_html(
            '<p>{}: <a href="{}">{}</a></p>', gettext("See also"), absolute(linked.get_absolute_url()), linked.title
        )

    text = IMAGE_BLOCK.sub(figure, text or "")
    text = EMBED_BLOCK.sub(embed, text)
    return mark_safe(SEE_ALSO_BLOCK.sub(see_also, text))  # noqa: S308 - as render()
