"""The ways into the archive besides the sections: every article (/news/), and the indexes of topics, countries
and authors (/tags/, /countries/, /authors/), in the language of the page.

An index lists only what has something published in the page's language, so every link on it leads to a page
with articles: a topic, a country or an author with nothing here yet has no page worth offering. Long indexes
are paginated like the listings, counted only as far as the page links reach (articles/pagination.py).
"""

import unicodedata

from django.utils.translation import get_language
from django.views.generic import ListView, TemplateView
from taggit.models import Tag

from articles.models import ARTICLE_LOOKUPS, Author, Country, with_published_articles
from articles.pagination import CappedPaginationMixin
from articles.views.listings import published_articles


def initial(name):
    """The letter `name` is filed under in an index: its first letter without accents, "#" for a digit or sign."""
    letter = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode().upper()
    return letter if letter.isalpha() else "#"


class NewsView(CappedPaginationMixin, ListView):
    """Every published article in the page's language, newest first: the address the articles live under."""

    template_name = "articles/news.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return published_articles()

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind="section", **kwargs)


class TagIndexView(CappedPaginationMixin, ListView):
    """The topics with published articles in the page's language, A to Z, filed under their initials."""

    template_name = "articles/tag_index.html"
    context_object_name = "tags"
    paginate_by = 150

    def get_queryset(self):
        tags = Tag.objects.only("name", "slug").order_by("name", "pk")
        return with_published_articles(tags, ARTICLE_LOOKUPS["tag"], language=get_language())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        letters = {}
        for tag in context["tags"]:
            letters.setdefault(initial(tag.name), []).append(tag)
        return {**context, "kind": "tag", "letters": sorted(letters.items())}


class CountryIndexView(TemplateView):
    """The countries with published articles in the page's language, by region, A to Z in that language.
    Never more than the world's countries, so on one page."""

    template_name = "articles/country_index.html"

    def get_context_data(self, **kwargs):
        countries = with_published_articles(Country.objects.all(), ARTICLE_LOOKUPS["country"], language=get_language())
        by_region = {}
        for country in sorted(countries, key=lambda country: country.display_name):
            by_region.setdefault(country.region, []).append(country)
        regions = [(label, by_region[value]) for value, label in Country.Region.choices if value in by_region]
        return super().get_context_data(kind="country", regions=regions, **kwargs)


class AuthorIndexView(CappedPaginationMixin, ListView):
    """The people whose bylines are on published articles in the page's language, A to Z, with their roles."""

    template_name = "articles/author_index.html"
    context_object_name = "authors"
    paginate_by = 60

    def get_queryset(self):
        authors = Author.objects.select_related("photo").order_by("name", "pk")
        return with_published_articles(authors, ARTICLE_LOOKUPS["author"], language=get_language())

    def get_context_data(self, **kwargs):
        return super().get_context_data(kind="author", **kwargs)
