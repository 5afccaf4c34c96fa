"""Which sections, tags, countries and authors readers can list: those with published articles, by language."""

from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from taggit.models import Tag

from articles.models.articles import Article
from articles.models.languages import other_language
from articles.models.taxonomy import TagLanguage

# How an article is tied to each kind of object that has a listing page, feed and sitemap entry, as a
# queryset lookup from Article. None of these ties can repeat an article, so no DISTINCT is needed.
ARTICLE_LOOKUPS = {
    "section": "section",
    "tag": "tagged_items__tag",
    "country": "countries",
    "author": "bylines__author",
}


def with_published_articles(queryset, lookup, *, language=None):
    """The rows of `queryset` that at least one published article (in `language`, if given) is tied to
    through `lookup` (e.g. "tagged_items__tag"), in the same query."""
    articles = Article.objects.published()
    if language is not None:
        articles = articles.in_language(language)
    return queryset.filter(models.Exists(articles.filter(**{lookup: models.OuterRef("pk")})))


def with_languages(queryset, lookup, language):
    """`queryset` annotated, in the same query, with where a listing of each row stands in `language` and
    in the other one: `published_here` and `published_there` (whether any published article is tied to it
    through `lookup` in each), and for tags `counterpart_slug`, `counterpart_here` and `counterpart_there`
    (the tag of its pair in the other language, and the same about it)."""
    there = other_language(language)

    def published_in(code, tie=None):
        return Exists(Article.objects.published().in_language(code).filter(**{lookup: tie or OuterRef("pk")}))

    queryset = queryset.annotate(published_here=published_in(language), published_there=published_in(there))
    if queryset.model is not Tag:
        return queryset
    counterpart = TagLanguage.objects.filter(translation_key=OuterRef("language_info__translation_key")).exclude(
        tag=OuterRef("pk")
    )
    return queryset.annotate(
        counterpart_slug=Subquery(counterpart.values("tag__slug")[:1]),
        counterpart_id=Subquery(counterpart.values("tag")[:1]),
    ).annotate(
        counterpart_here=published_in(language, OuterRef("counterpart_id")),
        counterpart_there=published_in(there, OuterRef("counterpart_id")),
    )
