"""The article page."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView

from articles import blocks, structured_data
from articles.identity import site_identity
from articles.models import (
    Article,
    ArticleLink,
    ArticleRedirect,
    TranslationLink,
    published_lookups,
)
from articles.views.live import live_updates
from articles.views.series import series_navigation


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    related_count = 4

    def get_queryset(self):
        return self.page_queryset(Article.objects.published())

    @staticmethod
    def page_queryset(articles):
        """`articles` with everything the page shows fetched alongside: the article with its section, countries,
        label, lead image and translation in one query, then one query each for its bylines, tags,
        corrections and links (only to published articles). See docs/performance.md before adding to it."""
        links = (
            ArticleLink.objects.filter(**published_lookups("to_article__"))
            .select_related("to_article__section", "to_article__primary_tag", "to_article__lead_image")
            .defer("to_article__body", "to_article__analysis", "to_article__search_vector")
        )
        # The series a part belongs to comes with the article (articles/views/series.py): none costs no query.
        return (
            articles.for_page()
            .with_translation()
            # Every country of the article is in its kicker, not only the primary one.
            .with_countries()
            .select_related("series_part__series")
            .prefetch_related(
                "tags",
                "corrections",
                Prefetch("links", queryset=links, to_attr="visible_links"),
            )
        )

    def get(self, request, *args, **kwargs):
        try:
            self.object = self.get_object()
        except Http404:
            # A published article whose slug changed answers its old address with a permanent redirect.
            moved = (
                ArticleRedirect.objects.filter(old_slug=kwargs["slug"], article__in=Article.objects.published())
                .select_related("article__section")
                .first()
            )
            if moved is None:
                raise
            return redirect(moved.article, permanent=True)
        # An article has one address: its section and its language's prefix.
        if request.path != self.object.get_absolute_url():
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_object(self, queryset=None):
        try:
            return self.get_queryset().get(slug=self.kwargs["slug"])
        except Article.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        article = self.object
        links = article.visible_links
        see_also = [link for link in links if link.kind == ArticleLink.Kind.SEE_ALSO]
        picks = [link.to_article for link in links if link.kind == ArticleLink.Kind.RELATED]
        translation = TranslationLink.from_json(article.translation_json) if article.translation_json else None
        # A live story's updates (one query) and a series part's neighbours (one query); neither for others.
        live = live_updates(article)
        identity = site_identity(self.request)
        if live is not None:
            data = structured_data.live_blog_posting(article, live.all, identity=identity, translation_of=translation)
        else:
            data = structured_data.news_article(article, identity=identity, translation_of=translation)
        in_series = series_navigation(article)
        if in_series is not None:
            data["isPartOf"] = structured_data.part_of_series(in_series.series, language=article.language)
            data["position"] = in_series.number
        return super().get_context_data(
            see_also=see_also,
            # The images and linked articles that the body and analysis show, for all of them at once.
            blocks=blocks.load(article),
            # Read only when the template's related-content fragment is not in the cache.
            related=SimpleLazyObject(
                lambda: Article.objects.related_to(article, picks=picks, limit=self.related_count)
            ),
            translation=translation,
            structured_data=data,
            breadcrumbs=structured_data.breadcrumbs(article),
            live=live,
            poll_seconds=settings.LIVE_POLL_SECONDS,
            in_series=in_series,
            **kwargs,
        )
