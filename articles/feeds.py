"""RSS feeds: the latest articles, and the latest of a section, a tag, a country or an author, in the page's
language.

Every URL handed to Feed is already absolute on settings.SITE_URL: Feed would otherwise build links on
the request's host and scheme, which behind a proxy or a CDN are the internal ones.
"""

import mimetypes
from contextvars import ContextVar

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.identity import site_identity
from articles.models import (
    ARTICLE_LOOKUPS,
    Article,
    ArticleAuthor,
    Author,
    Country,
    Licence,
    Section,
    Series,
    with_published_articles,
)
from newsroom.site import absolute_url

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
_identity = ContextVar("feed_identity")


class BylineRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with one <dc:creator> per author, in byline order (Django's writes a single author)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["author_names"]:
            handler.addQuickElement("dc:creator", name)


class LatestArticlesFeed(Feed):
    """The newsroom's latest published articles in the language of the page (/feed/, /es/feed/)."""

    feed_type = BylineRssFeed
    item_count = 20
    url_name = "articles:feed"
    description_format = _("The latest articles from %(newsroom)s.")

    def articles(self, obj):
        """Published articles in the page's language that belong in this feed."""
        return Article.objects.published().in_language(get_language())

    def items(self, obj):
        # Bylines (with their authors) and tags in one query each, whatever the number of items.
        bylines = Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
        return (
            self.articles(obj)
            .select_related("section", "lead_image")
            .defer("analysis")
            .prefetch_related(bylines, "tags")[: self.item_count]
        )

    def name(self, obj):
        return ""

    def get_feed(self, obj, request):
        # The newsroom's identity for the channel's title, description and copyright: read once per content
        # version (articles/identity.py) and held for this feed only (a Feed instance serves every request).
        token = _identity.set(site_identity(request))
        try:
            return super().get_feed(obj, request)
        finally:
            _identity.reset(token)

    def title(self, obj):
        name, newsroom = self.name(obj), _identity.get().display_name
        return f"{newsroom} – {name}" if name else newsroom

    def description(self, obj):
        return self.description_format % {"newsroom": _identity.get().display_name, "name": self.name(obj)}

    def feed_copyright(self, obj):
        """The licence the newsroom publishes under, as readers of the site see it in the footer."""
        identity = _identity.get()
        licence = identity.licence_choice
        if licence == Licence.ALL_RIGHTS_RESERVED:
            return _("© %(newsroom)s. All rights reserved.") % {"newsroom": identity.display_name}
        return f"{licence.short_name}: {identity.licence_url(get_language())}"

    def link(self, obj):
        return absolute_url(reverse("articles:home"))

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name))

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return absolute_url(article.get_absolute_url())

    def item_pubdate(self, article):
        return article.publish_at

    def item_categories(self, article):
        return sorted(tag.name for tag in article.tags.all())

    def item_extra_kwargs(self, article):
        return {"author_names": [author.name for author in article.byline_authors]}

    def item_enclosures(self, article):
        image = article.lead_image
        if image is None:
            return []
        try:
            length = image.file_size if image.file_size is not None else image.file.size
        except (OSError, ValueError):
            # The file is gone from storage (or was never saved): no enclosure rather than a broken feed.
            return []
        mime_type = mimetypes.guess_type(image.file.name)[0] or "application/octet-stream"
        return [feedgenerator.Enclosure(absolute_url(image.file.url), str(length), mime_type)]


class ArticleListFeed(LatestArticlesFeed):
    """The latest published articles of one section, tag, country or author, in the language of the page."""

    model = None
    # How an article is tied to the object, as a lookup (the same as the object's listing page).
    lookup = ""
    listing_url_name = ""

    # As on the listing pages: tags and authors have a feed only once something of theirs is published.
    requires_published = False
    # Tags belong to one language: a tag's feed exists only in the language it has published articles in.
    per_language = False

    def get_object(self, request, slug):
        objects = self.model.objects.all()
        if self.requires_published:
            objects = with_published_articles(
                objects, self.lookup, language=get_language() if self.per_language else None
            )
        # DoesNotExist is answered with a 404 by Feed.
        return objects.get(slug=slug)

    def articles(self, obj):
        return super().articles(obj).filter(**{self.lookup: obj})

    def name(self, obj):
        return obj.name

    def link(self, obj):
        return absolute_url(reverse(self.listing_url_name, kwargs={"slug": obj.slug}))

    def feed_url(self, obj):
        return absolute_url(reverse(self.url_name, kwargs={"slug": obj.slug}))


class SectionFeed(ArticleListFeed):
    """A section's latest articles (/news/<section>/feed/): every section has one, like its page, and an
    empty feed is valid RSS until the section publishes."""

    model = Section
    lookup = ARTICLE_LOOKUPS["section"]
    url_name = "articles:section-feed"
    listing_url_name = "articles:section-detail"
    description_format = _("The latest articles from %(newsroom)s in %(name)s.")

    def name(self, section):
        return section.display_name


class TagFeed(ArticleListFeed):
    model = Tag
    lookup = ARTICLE_LOOKUPS["tag"]
    requires_published = True
    per_language = True
    url_name = "articles:tag-feed"
    listing_url_name = "articles:tag-detail"
    description_format = _("The latest articles from %(newsroom)s on %(name)s.")


class CountryFeed(ArticleListFeed):
    model = Country
    lookup = ARTICLE_LOOKUPS["country"]
    url_name = "articles:country-feed"
    listing_url_name = "articles:country-detail"
    description_format = _("The latest articles from %(newsroom)s on %(name)s.")

    def name(self, country):
        return country.display_name


class AuthorFeed(ArticleListFeed):
    model = Author
    lookup = ARTICLE_LOOKUPS["author"]
    requires_published = True
    url_name = "articles:author-feed"
    listing_url_name = "articles:author-detail"
    description_format = _("The latest articles from %(newsroom)s by %(name)s.")


class SeriesFeed(ArticleListFeed):
    """The published parts of a series in the page's language, newest first: readers following an
    investigation learn of each new part."""

    model = Series
    lookup = "series_part__series"
    requires_published = True
    url_name = "articles:series-feed"
    listing_url_name = "articles:series-detail"
    description_format = _("%(name)s: an investigation in parts by %(newsroom)s.")

    def name(self, series):
        return series.display_title
