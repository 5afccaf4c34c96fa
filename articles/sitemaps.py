"""Sitemaps for crawlers: one index over articles and listing pages in both languages, and a Google News sitemap.

Every URL is on settings.SITE_URL, whatever host or scheme the request came in on: behind a proxy or a CDN
those are the internal ones, and the sites framework (where Django would look otherwise) is not installed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Exists, Max, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import cached_property

from articles.models import ARTICLE_LOOKUPS, Article, Page, SeriesPart, TagLanguage, other_language


def _site_url():
    return urlsplit(settings.SITE_URL)


def _language_codes():
    return [code for code, _name in settings.LANGUAGES]


class SiteSitemap(Sitemap):
    """A sitemap whose URLs are on settings.SITE_URL.

    Sitemap.get_urls() asks get_protocol() and get_domain() for the origin, and Django's views pass them the
    request's scheme and host (a RequestSite, without the sites framework); these two hooks answer with the
    public origin instead.
    """

    def get_protocol(self, protocol=None):
        return _site_url().scheme

    def get_domain(self, site=None):
        return _site_url().netloc


class HomeSitemap(SiteSitemap):
    """The home page and the ways into the archive (every article at /news/, the indexes of topics,
    countries and authors) in each language."""

    i18n = True
    alternates = True
    changefreq = "hourly"

    def items(self):
        return ["articles:home", "articles:news", "articles:tag-list", "articles:country-list", "articles:author-list"]

    def location(self, url_name):
        return reverse(url_name)


def _article_path(language, section_slug, slug):
    with translation.override(language):
        return reverse("articles:article-detail", kwargs={"section": section_slug, "slug": slug})


class ArticleSitemap(SiteSitemap):
    """Every published article, English and Spanish, at its own address (Spanish under /es/), with its
    published translation as an `xhtml:link` hreflang alternate (and itself, as the protocol asks).

    Pages of `limit` articles: each page is one count and one slice of the table, never the whole table
    in memory, and no query per article (the section, which is in the address, is joined; the
    translation's address is read by subqueries of the same query).
    """

    limit = 5000

    def items(self):
        # By primary key, so a new article goes on the last page and the earlier pages stay as they were.
        partner = (
            Article.objects.published()
            .filter(translation_key=OuterRef("translation_key"))
            .exclude(pk=OuterRef("pk"))
            .order_by()
        )
        return (
            Article.objects.published()
            .select_related("section")
            .only("slug", "language", "updated_at", "section__slug")
            .annotate(
                partner_slug=Subquery(partner.values("slug")[:1]),
                partner_section=Subquery(partner.values("section__slug")[:1]),
            )
            .order_by("pk")
        )

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # Sitemap's own would call lastmod() on every article; the database answers in one query.
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            article = url["item"]
            if article.partner_slug:
                partner_language = other_language(article.language)
                url["alternates"] = [
                    {"lang_code": article.language, "location": url["location"]},
                    {
                        "lang_code": partner_language,
                        "location": f"{protocol}://{domain}"
                        + _article_path(partner_language, article.partner_section, article.partner_slug),
                    },
                ]
        return urls


@dataclass(frozen=True)
class Listing:
    """A listing page of the sitemap: its slug and the languages it has published articles in."""

    slug: str
    languages: tuple


class ListingSitemap(SiteSitemap):
    """The listing pages of one kind (sections, tags, countries, authors).

    A page is listed in each language that has at least one published article in it: /es/tags/<slug>/
    only when a published Spanish article has that tag. One query for all of them: the distinct
    (slug, language) pairs of published articles, read from the indexes.
    """

    i18n = True
    alternates = True
    # How an article is tied to the object, as a lookup (the same as the listing page's).
    lookup = ""
    url_name = ""

    def items(self):
        pairs = Article.objects.published().order_by().values_list(f"{self.lookup}__slug", "language").distinct()
        languages = defaultdict(set)
        for slug, code in pairs:
            if slug:
                languages[slug].add(code)
        codes = _language_codes()
        return [
            Listing(slug, tuple(code for code in codes if code in found)) for slug, found in sorted(languages.items())
        ]

    def get_languages_for_item(self, item):
        return list(item.languages)

    def location(self, item):
        return reverse(self.url_name, kwargs={"slug": item.slug})


class SectionSitemap(ListingSitemap):
    lookup = ARTICLE_LOOKUPS["section"]
    url_name = "articles:section-detail"


class TagSitemap(ListingSitemap):
    """Tag pages, each with its counterpart in the other language (TagLanguage) as an hreflang alternate
    where the counterpart has published articles in that language: one more query for all the pairs."""

    lookup = ARTICLE_LOOKUPS["tag"]
    url_name = "articles:tag-detail"

    def items(self):
        listings = super().items()
        # Read by _urls(), so that only a sitemap page (not the index counting pages) asks for the pairs.
        self.languages = {listing.slug: listing.languages for listing in listings}
        return listings

    def counterparts(self):
        """{tag slug: (language, counterpart slug)} for tags whose counterpart has published articles in
        its language."""
        pairs = defaultdict(list)
        for key, slug, code in TagLanguage.objects.exclude(translation_key=None).values_list(
            "translation_key", "tag__slug", "language"
        ):
            pairs[key].append((slug, code))
        found = {}
        for pair in pairs.values():
            for slug, _code in pair:
                for other_slug, other_code in pair:
                    if other_slug != slug and other_code in self.languages.get(other_slug, ()):
                        found[slug] = (other_code, other_slug)
        return found

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        counterparts = self.counterparts()
        for url in urls:
            listing, language = url["item"]
            counterpart = counterparts.get(listing.slug)
            if counterpart is None:
                continue
            code, slug = counterpart
            if any(alternate["lang_code"] == code for alternate in url["alternates"]):
                continue
            with translation.override(code):
                path = reverse(self.url_name, kwargs={"slug": slug})
            if not url["alternates"]:
                url["alternates"] = [{"lang_code": language, "location": url["location"]}]
            url["alternates"].append({"lang_code": code, "location": f"{protocol}://{domain}{path}"})
        return urls


class CountrySitemap(ListingSitemap):
    lookup = ARTICLE_LOOKUPS["country"]
    url_name = "articles:country-detail"


class AuthorSitemap(ListingSitemap):
    lookup = ARTICLE_LOOKUPS["author"]
    url_name = "articles:author-detail"


class SeriesSitemap(ListingSitemap):
    """Each series' landing page in the languages it has published parts in, and the series index in
    each language that has any series to list."""

    lookup = "series_part__series"
    url_name = "articles:series-detail"
    index_slug = ""

    def items(self):
        # From the parts rather than from every published article: a few hundred rows, not the archive.
        pairs = (
            SeriesPart.objects.filter(article__in=Article.objects.published())
            .order_by()
            .values_list("series__slug", "article__language")
            .distinct()
        )
        found = defaultdict(set)
        for slug, code in pairs:
            found[slug].add(code)
        codes = _language_codes()
        listings = [
            Listing(slug, tuple(code for code in codes if code in languages))
            for slug, languages in sorted(found.items())
        ]
        languages = {code for listing in listings for code in listing.languages}
        if not languages:
            return []
        index = Listing(self.index_slug, tuple(code for code in _language_codes() if code in languages))
        return [index, *listings]

    def location(self, item):
        if item.slug == self.index_slug:
            return reverse("articles:series-list")
        return super().location(item)


class PageSitemap(SiteSitemap):
    """The newsroom's own pages (about, policies…), each in the languages it is published in, the other
    language as an hreflang alternate: one query, without the pages' texts."""

    i18n = True
    alternates = True

    @cached_property
    def pages(self):
        spanish = Page.objects.published("es").filter(pk=OuterRef("pk"))
        pages = Page.objects.published("en").for_menus().annotate(in_spanish=Exists(spanish)).order_by("pk")
        return [(page, ("en", "es") if page.in_spanish else ("en",)) for page in pages]

    def items(self):
        # Read once per sitemap: the index asks for the pages to count them and for their latest change.
        return self.pages

    def get_languages_for_item(self, item):
        return list(item[1])

    def location(self, item):
        return item[0].get_absolute_url()

    def lastmod(self, item):
        return item[0].updated_at

    def get_latest_lastmod(self):
        return max((page.updated_at for page, _languages in self.pages), default=None)


SITEMAPS = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "countries": CountrySitemap,
    "authors": AuthorSitemap,
    "series": SeriesSitemap,
    "pages": PageSitemap,
}


class NewsSitemap(SiteSitemap):
    """Google News: the articles published in the last two days, newest first, at most 1,000.

    Rendered by Django's sitemap view with templates/news_sitemap.xml, which adds the <news:news> block.
    """

    limit = 1000
    window = timedelta(days=2)

    def items(self):
        return (
            Article.objects.published()
            .filter(publish_at__gte=timezone.now() - self.window)
            .select_related("section")
            .only("slug", "title", "language", "publish_at", "updated_at", "section__slug")
            .order_by("-publish_at", "-pk")[: self.limit]
        )

    def lastmod(self, article):
        return article.updated_at


def index(request):
    """Django's sitemap index, with the address of each sitemap page on settings.SITE_URL.

    The index view builds those addresses from the request's scheme and host and has no hook for them
    (unlike Sitemap.get_domain); its response is rendered lazily, so the addresses are moved onto the
    public origin before rendering.
    """
    response = sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap-section")
    origin = _site_url()
    for entry in response.context_data["sitemaps"]:
        entry.location = urlsplit(entry.location)._replace(scheme=origin.scheme, netloc=origin.netloc).geturl()
    return response
