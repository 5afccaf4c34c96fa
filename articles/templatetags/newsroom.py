"""Template tags for the reader site."""

import json
import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from articles import breadcrumbs, structured_data
from articles.blocks import load as load_blocks
from articles.blocks import render as render_blocks
from articles.blocks import render_plain as render_blocks_plain
from articles.models import Article, Country, Section
from articles.sharing import share_links
from newsroom import fragments
from newsroom.site import absolute_url

register = template.Library()

# href="/…" or src="/…" (not protocol-relative //host/…).
SITE_RELATIVE_LINK = re.compile(r'\b(href|src)="(/(?!/)[^"]*)"')

# The end of a paragraph, or the start or end of a block that holds paragraphs of its own (the
# editor puts each list item's and quote's text in a <p>).
PARAGRAPH_END_OR_BLOCK = re.compile(r"</p\s*>|<(/?)(?:ul|ol|blockquote|figure|aside|table)\b[^>]*>", re.IGNORECASE)


def _top_level_paragraph_ends(html):
    """Where each top-level paragraph of `html` ends, in order: not those inside lists or quotes."""
    depth = 0
    for match in PARAGRAPH_END_OR_BLOCK.finditer(html):
        closing_block = match.group(1)
        if closing_block is None:
            if depth == 0:
                yield match.end()
        else:
            depth = max(depth - 1, 0) if closing_block else depth + 1


def site_sections(request):
    """Every section in menu order, read once per content version (newsroom/fragments.py)."""
    return fragments.cached(request, "sections", lambda: list(Section.objects.all()))


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context):
    """The sections menu: no query once the sections are in the fragment cache, whatever the page."""
    request = context.get("request")
    return {"sections": site_sections(request), "request": request}


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        vary = [part.resolve(context) for part in self.vary]
        return fragments.cached(context.get("request"), self.name, lambda: self.nodelist.render(context), *vary)


@register.tag
def fragment(parser, token):
    """`{% fragment "name" value… %}…{% endfragment %}`: the enclosed HTML, rendered once per content version,
    language and values (newsroom/fragments.py), and its data read only then. For parts of a page that only
    change when content does: pass the context it needs lazily (a SimpleLazyObject, a queryset) so that a
    fragment found in the cache costs no query."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name.")
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, name, [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag
def body_with_see_also(article, see_also, blocks=None):
    """The article body with its blocks rendered (articles/blocks.py) and each SEE ALSO callout of
    the article's links placed after its paragraph.

    Paragraphs are counted at the top level of the body, as the admin's editor numbers them; a
    paragraph inside a list, a quote, a pull quote or a table does not count. `article.body` is
    sanitized on save; the callouts are rendered from our own template. A callout whose paragraph
    number is past the end of the body goes at the end. `blocks` comes from `blocks.load(article)`
    (fetched here when not given).
    """
    if blocks is None:
        blocks = load_blocks(article)
    return render_blocks(_body_with_see_also(article, see_also), blocks)


@register.simple_tag
def analysis_text(article, blocks=None):
    """The article's analysis with its blocks rendered (articles/blocks.py)."""
    if blocks is None:
        blocks = load_blocks(article)
    return render_blocks(article.analysis, blocks)


def _body_with_see_also(article, see_also):
    callouts = {}
    for link in see_also:
        callouts.setdefault(link.after_paragraph, []).append(
            render_to_string("includes/see_also.html", {"linked": link.to_article})
        )
    if not callouts:
        return article.body
    body = article.body
    html = []
    start = 0
    for number, end in enumerate(_top_level_paragraph_ends(body), start=1):
        if number in callouts:
            html.append(body[start:end])
            html.extend(callouts.pop(number))
            start = end
    html.append(body[start:])
    for remaining in callouts.values():
        html.extend(remaining)
    return "".join(html)


@register.simple_tag(takes_context=True)
def other_language_url(context, language):
    """This page in `language`: the paired translation of an article, the counterpart of a listing (its
    `language_urls`), else the same path. A page with no version in `language` leads to that language's
    home page."""
    home = translate_url("/", language) if language != "en" else "/"
    language_urls = context.get("language_urls")
    if language_urls is not None:
        return language_urls.get(language) or home
    translated = context.get("translation")
    if translated is not None and translated.language == language:
        return translated.get_absolute_url()
    request = context["request"]
    if context.get("article") is not None:
        # An article without a translation: the other language's home page.
        return home
    return translate_url(request.path, language)


@register.filter
def is_current_language(code):
    return code == get_language()


@register.filter
def absolute(url):
    """A path made absolute on the site's public origin."""
    return absolute_url(str(url))


@register.simple_tag
def json_ld(data):
    """A JSON-LD script element; <, > and & are escaped so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False).translate(
        {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.inclusion_tag("includes/share_links.html")
def share(article):
    return {"links": share_links(article), "url": absolute_url(article.get_absolute_url())}


@register.simple_tag(takes_context=True)
def republish_html(context, article):
    """The ready-to-paste HTML of `article` for other sites, with attribution and links to the original.

    Links within our own site are made absolute, so that they still lead here from the other site.
    """
    blocks = context.get("blocks") or load_blocks(article)
    text = {
        "body": render_blocks_plain(article.body, blocks, absolute_url),
        "analysis": render_blocks_plain(article.analysis, blocks, absolute_url),
    }
    html = render_to_string(
        "includes/republish_html.html", {**context.flatten(), "article": article, "text": text}
    ).strip()
    return SITE_RELATIVE_LINK.sub(lambda match: f'{match[1]}="{absolute_url(match[2])}"', html)


@register.filter
def alternate_urls(request):
    """(language, path) of this page in each language, for hreflang links on pages that exist in both."""
    return [(code, translate_url(request.path, code)) for code, _name in settings.LANGUAGES]


@register.filter
def page_numbers(page):
    """Page numbers around the current one, with ellipses: 1 … 4 5 [6] 7 8 … 40."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)


@register.filter
def machine_datetime(value):
    """A date and time for a `datetime` attribute: ISO 8601 to the second, as HTML allows, in the newsroom's
    time zone with its offset, so that it names the same day as the date shown next to it."""
    return timezone.localtime(value).replace(microsecond=0).isoformat() if value else ""


@register.simple_tag(takes_context=True)
def organization_news(context, exclude=None, count=3):
    """The "About <Newsroom>" block: the latest items of the organization's own news section, in one query,
    rendered once per content version and language (and per article of that section, which it leaves out)."""
    organization = settings.NEWSROOM_ORGANIZATION_SECTION
    excluded = exclude.pk if exclude is not None and exclude.section.slug == organization else None

    def render():
        articles = (
            Article.objects.published().in_language(get_language()).for_teaser().filter(section__slug=organization)
        )
        if excluded is not None:
            articles = articles.exclude(pk=excluded)
        return render_to_string(
            "includes/organization_news.html",
            {"articles": articles[:count], "NEWSROOM_NAME": context.get("NEWSROOM_NAME")},
        )

    return mark_safe(fragments.cached(context.get("request"), "about", render, count, excluded or ""))  # noqa: S308 - our template's output


@register.simple_tag
def breadcrumb_trail(kind, obj=None):
    """The page's trail from the home page (articles/breadcrumbs.py): `kind` "article" with the article, a
    listing's kind ("section", "tag", "country", "author") with its object, or an index's kind alone."""
    if kind == "article":
        return breadcrumbs.for_article(obj)
    if obj is None:
        return breadcrumbs.for_index(kind)
    return breadcrumbs.for_listing(kind, obj)


@register.filter
def breadcrumb_list(trail):
    """`trail` as the schema.org BreadcrumbList that search engines read, for `json_ld`."""
    return structured_data.breadcrumb_list(trail)


@register.filter
def countries_shown(article):
    """Every country of `article`, its primary country first and the others by name in the page's language:
    read with the article (ArticleQuerySet.with_countries()), or from its prefetched `countries`."""
    if hasattr(article, "countries_json"):
        countries = [Country(**fields) for fields in article.countries_json or ()]
    else:
        countries = list(article.countries.all())
    others = sorted(
        (country for country in countries if country.pk != article.primary_country_id),
        key=lambda country: country.display_name,
    )
    primary = article.primary_country
    return [primary, *others] if primary is not None else others
