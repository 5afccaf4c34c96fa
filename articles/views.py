from django.conf import settings
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles import structured_data
from articles.models import Article, ArticleLink, ArticleRedirect, Author, Correction, Country, Section


def published_articles():
    """Published articles in the language of the current page, with what a teaser shows."""
    return Article.objects.published().in_language(get_language()).for_listing()


class HomeView(TemplateView):
    template_name = "articles/home.html"
    latest_count = 7
    per_section = 3
    organization_news_count = 3

    def get_context_data(self, **kwargs):
        organization = settings.NEWSROOM_ORGANIZATION_SECTION
        latest = list(published_articles().exclude(section__slug=organization)[: self.latest_count])
        shown = [article.pk for article in latest]
        # The newest few of every section in one query, not one query per section.
        section_teasers = (
            Article.objects.published()
            .in_language(get_language())
            .for_teaser()
            .exclude(section__slug=organization)
            .exclude(pk__in=shown)
            .annotate(
                rank=Window(
                    RowNumber(), partition_by=[F("section_id")], order_by=[F("publish_at").desc(), F("pk").desc()]
                )
            )
            .filter(rank__lte=self.per_section)
        )
        by_section = {}
        for article in section_teasers:
            by_section.setdefault(article.section_id, []).append(article)
        sections = [(section, by_section[section.pk]) for section in Section.objects.all() if section.pk in by_section]
        return super().get_context_data(
            lead=latest[0] if latest else None,
            latest=latest[1:],
            sections=sections,
            organization_news=Article.objects.published()
            .in_language(get_language())
            .for_teaser()
            .filter(section__slug=organization)[: self.organization_news_count],
            **kwargs,
        )


class CorrectionListView(ListView):
    """Every correction and update to a published article, newest first."""

    template_name = "articles/correction_list.html"
    context_object_name = "corrections"
    paginate_by = 30

    def get_queryset(self):
        return (
            Correction.objects.filter(article__in=Article.objects.published().in_language(get_language()))
            .select_related("article__section")
            .defer("article__body", "article__analysis")
            .order_by("-published_at", "-pk")
        )


class ArticleListView(ListView):
    """A paginated list of published articles that belong to one object (section, tag, country, author)."""

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20
    model = None
    kind = ""
    # How an article is tied to the object, as a lookup; none of these ties can repeat an article.
    lookup = ""

    def get_object(self):
        return get_object_or_404(self.model, slug=self.kwargs["slug"])

    def get_queryset(self):
        self.object = self.get_object()
        return published_articles().filter(**{self.lookup: self.object})

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, kind=self.kind, **kwargs)


class SectionDetailView(ArticleListView):
    model = Section
    kind = "section"
    lookup = "section"


class TagDetailView(ArticleListView):
    model = Tag
    kind = "tag"
    lookup = "tagged_items__tag"


class CountryDetailView(ArticleListView):
    model = Country
    kind = "country"
    lookup = "countries"


class AuthorDetailView(ArticleListView):
    model = Author
    kind = "author"
    lookup = "bylines__author"


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    related_count = 4
    organization_news_count = 3

    def get_queryset(self):
        links = ArticleLink.objects.filter(to_article__in=Article.objects.published()).select_related(
            "to_article__section", "to_article__primary_tag", "to_article__lead_image"
        )
        return (
            Article.objects.published()
            .for_page()
            .prefetch_related(
                "tags",
                "countries",
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
        translation = Article.objects.published().translations_of(article).select_related("section").first()
        return super().get_context_data(
            see_also=see_also,
            related=Article.objects.related_to(article, picks=picks, limit=self.related_count),
            translation=translation,
            structured_data=structured_data.news_article(article, translation_of=translation),
            breadcrumbs=structured_data.breadcrumbs(article),
            organization_news=Article.objects.published()
            .in_language(article.language)
            .for_teaser()
            .filter(section__slug=settings.NEWSROOM_ORGANIZATION_SECTION)
            .exclude(pk=article.pk)[: self.organization_news_count],
            **kwargs,
        )
