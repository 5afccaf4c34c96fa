from django.conf import settings
from django.db import connection
from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView
from taggit.models import Tag

from articles import blocks, services, structured_data
from articles.live import live_updates
from articles.models import (
    ARTICLE_LOOKUPS,
    Article,
    ArticleLink,
    ArticleRedirect,
    Author,
    Correction,
    Country,
    PartnerAccess,
    PartnerLink,
    PreviewLink,
    Section,
    TranslationLink,
    other_language,
    published_lookups,
    with_languages,
    with_published_articles,
)
from articles.pagination import CappedPaginationMixin
from articles.search import SearchForm, highlight
from articles.series import series_navigation
from articles.templatetags.newsroom import site_sections
from newsroom import fragments


def published_articles():
    """Published articles in the language of the current page, with what a teaser shows."""
    return Article.objects.published().in_language(get_language()).for_listing()


class HomeView(TemplateView):
    template_name = "articles/home.html"
    latest_count = 7
    per_section = 3

    def get_context_data(self, **kwargs):
        organization = settings.NEWSROOM_ORGANIZATION_SECTION
        latest = list(published_articles().exclude(section__slug=organization)[: self.latest_count])
        shown = [article.pk for article in latest]
        sections = [section for section in site_sections(self.request) if section.slug != organization]
        by_section = {}
        for article in self.section_teasers(sections, exclude=shown):
            by_section.setdefault(article.section_id, []).append(article)
        return super().get_context_data(
            lead=latest[0] if latest else None,
            latest=latest[1:],
            sections=[(section, by_section[section.pk]) for section in sections if section.pk in by_section],
            **kwargs,
        )

    def section_teasers(self, sections, *, exclude):
        """The newest few articles of each of `sections`, in one query."""
        articles = Article.objects.published().in_language(get_language()).for_teaser().exclude(pk__in=exclude)
        newest_first = [F("publish_at").desc(nulls_last=True), F("pk").desc()]
        if not sections:
            return []
        if connection.features.supports_slicing_ordering_in_compound:
            # PostgreSQL: one short index scan per section, glued with UNION ALL.
            newest = [
                articles.filter(section=section).order_by(*newest_first)[: self.per_section] for section in sections
            ]
            return newest[0].union(*newest[1:], all=True)
        # SQLite cannot limit the parts of a UNION: a window over the language's articles, which at the size
        # of a site on SQLite is quick (on PostgreSQL at 100,000 articles it would read every one of them).
        return (
            articles.filter(section__in=sections)
            .annotate(rank=Window(RowNumber(), partition_by=[F("section_id")], order_by=newest_first))
            .filter(rank__lte=self.per_section)
        )


class CorrectionListView(CappedPaginationMixin, ListView):
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


class ArticleListView(CappedPaginationMixin, ListView):
    """A paginated list of published articles that belong to one object (section, tag, country, author).

    Sections, countries and authors are shared by both languages (with names in each), so their pages in
    the other language are the same object under the other prefix. Tags belong to one language and pair
    with a counterpart in the other (TagLanguage). Where a listing has nothing published in the page's
    language:
    - a tag whose counterpart has articles in this language redirects there (permanently: the counterpart
      is this topic's address in this language);
    - an object that has articles only in the other language answers 404, with a page that says so and
      links to them, so no empty page is ever offered as a topic's page;
    - a section or country with nothing published in either language says so, with a 200 kept out of
      search engines (noindex).
    What the page needs to know for this, and for its language switch and hreflang alternates, is read
    with the object itself, in the same query (articles.models.with_languages).
    """

    template_name = "articles/article_list.html"
    context_object_name = "articles"
    paginate_by = 20
    model = None
    kind = ""

    @property
    def lookup(self):
        """How an article is tied to the object (articles.models.ARTICLE_LOOKUPS)."""
        return ARTICLE_LOOKUPS[self.kind]

    # Tags and authors get a page only once something of theirs is published, so that a draft's topic
    # or a contributor not yet on the record never shows up.
    requires_published = False

    def get_object(self):
        objects = with_languages(self.model.objects.all(), self.lookup, get_language())
        if self.requires_published:
            objects = with_published_articles(objects, self.lookup)
        return get_object_or_404(objects, slug=self.kwargs["slug"])

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.object.published_here:
            counterpart = self.counterpart_slug(here=True)
            if counterpart is not None:
                return redirect(self.url_name, slug=counterpart, permanent=True)
            if self.language_urls().get(other_language(get_language())):
                # The topic exists only in the other language: a 404 that says so and leads there.
                self.object_list = self.model.objects.none()
                context = self.get_context_data(object_list=Article.objects.none())
                return self.render_to_response(context, status=404)
        return super().get(request, *args, **kwargs)

    @property
    def url_name(self):
        return f"articles:{self.kind}-detail"

    def counterpart_slug(self, *, here):
        """The slug of the object's counterpart with published articles in this language (`here`) or the
        other; None when it has none. Only tags have counterparts other than themselves."""
        if self.kind != "tag":
            return None
        published = self.object.counterpart_here if here else self.object.counterpart_there
        return self.object.counterpart_slug if published else None

    def language_urls(self):
        """{language: address} of this listing in each language where it has published articles."""
        here, there = get_language(), other_language(get_language())
        urls = {}
        if self.object.published_here:
            urls[here] = reverse(self.url_name, kwargs={"slug": self.object.slug})
        with translation.override(there):
            counterpart = self.counterpart_slug(here=False)
            if counterpart is not None:
                urls[there] = reverse(self.url_name, kwargs={"slug": counterpart})
            elif self.object.published_there:
                urls[there] = reverse(self.url_name, kwargs={"slug": self.object.slug})
        return urls

    def get_queryset(self):
        return published_articles().filter(**{self.lookup: self.object})

    def get_context_data(self, **kwargs):
        language_urls = self.language_urls()
        return super().get_context_data(
            object=self.object,
            kind=self.kind,
            language_urls=language_urls,
            # Offered to search engines only with something in it; an empty page says so instead.
            noindex=not self.object.published_here,
            other_language_url=language_urls.get(other_language(get_language())),
            **kwargs,
        )


class SectionDetailView(ArticleListView):
    model = Section
    kind = "section"


class TagDetailView(ArticleListView):
    model = Tag
    kind = "tag"
    requires_published = True


class CountryDetailView(ArticleListView):
    model = Country
    kind = "country"


class AuthorDetailView(ArticleListView):
    model = Author
    kind = "author"
    requires_published = True


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    related_count = 4

    def get_queryset(self):
        return self.page_queryset(Article.objects.published())

    @staticmethod
    def page_queryset(articles):
        """`articles` with everything the page shows fetched alongside: the article with its section, country,
        label, lead image and translation in one query, then one query each for its bylines, tags,
        corrections and links (only to published articles). See docs/performance.md before adding to it."""
        links = (
            ArticleLink.objects.filter(**published_lookups("to_article__"))
            .select_related("to_article__section", "to_article__primary_tag", "to_article__lead_image")
            .defer("to_article__body", "to_article__analysis", "to_article__search_vector")
        )
        # The series a part belongs to comes with the article (articles/series.py): none costs no query.
        return (
            articles.for_page()
            .with_translation()
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
        if live is not None:
            data = structured_data.live_blog_posting(article, live.all, translation_of=translation)
        else:
            data = structured_data.news_article(article, translation_of=translation)
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


def may_preview(user):
    """Staff who may read articles in the admin may see any of them, unpublished, on the site."""
    return user.is_active and user.is_staff and user.has_perm("articles.view_article")


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Any article, whatever its status, on the reader's template, for staff: marked as a preview,
    kept out of search engines and caches, and a 404 for anyone else."""

    preview = "staff"

    def get(self, request, *args, **kwargs):
        if not may_preview(request.user):
            raise Http404
        return self.render_preview()

    def get_queryset(self):
        return self.page_queryset(Article.objects.all())

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def render_preview(self):
        self.object = self.get_object()
        if self.object.publish_at is None:
            # A draft without a date is shown as if it went out now, as the page cannot go undated.
            self.object.publish_at = timezone.now()
        # In the article's language, whatever the address: the page as its readers will see it.
        with translation.override(self.object.language):
            response = self.render_to_response(self.get_context_data(object=self.object, preview=self.preview))
            response.render()
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


class SharedPreviewView(ArticlePreviewView):
    """The same preview for someone without an account, at the address of an active PreviewLink."""

    preview = "shared"

    def get(self, request, *args, **kwargs):
        link = PreviewLink.from_token(kwargs["token"])
        if link is None:
            raise Http404
        self.kwargs["pk"] = link.article_id
        response = self.render_preview()
        # The address is the key: never hand it to the sites the page links to.
        response["Referrer-Policy"] = "no-referrer"
        return response


class PartnerPreviewView(ArticlePreviewView):
    """An embargoed article for one partner outlet, at the address of its PartnerLink: every visit
    logged (but the desk's own checks), never cached or indexed, and no address leaked to the sites it
    links to. Once the embargo has lifted the address sends the partner to the public page; a revoked
    link, or an article no longer embargoed, is a 404 (logged: a revoked link still in use may be a
    leak)."""

    preview = "partner"

    def get(self, request, *args, **kwargs):
        link = PartnerLink.objects.select_related("article__section").filter(token=kwargs["token"]).first()
        if link is None:
            raise Http404
        outcomes = PartnerAccess.Outcome
        # The desk checking a link it is about to send is not the partner reading it.
        log = not may_preview(request.user)
        if link.revoked or link.article.status != Article.Status.EMBARGOED:
            if log:
                services.record_partner_access(link=link, outcome=outcomes.REFUSED)
            raise Http404
        lifted = link.article.is_published
        if log:
            services.record_partner_access(link=link, outcome=outcomes.AFTER_LIFT if lifted else outcomes.READ)
        if lifted:
            response = redirect(link.article)
        else:
            self.kwargs["pk"] = link.article_id
            self.partner_link = link
            response = self.render_preview()
        # The address is the key: never hand it to the sites the page links to.
        response["Referrer-Policy"] = "no-referrer"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(partner_link=self.partner_link, **kwargs)


class SearchView(ListView):
    """Reader search, `/search/?q=`: published articles that match the reader's words, best first,
    narrowed by section, country and language (the page's by default)."""

    template_name = "articles/search.html"
    context_object_name = "articles"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        choices = {
            "sections": site_sections(request),
            "countries": fragments.cached(
                request,
                "countries",
                lambda: sorted(Country.objects.all(), key=lambda country: country.display_name),
            ),
        }
        self.terms = SearchForm(request.GET, **choices).terms(language=get_language())
        # Shown with what was searched, so an unknown value shows as "all" rather than as an error.
        self.form = SearchForm(initial=self.terms, **choices)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        articles = Article.objects.all()
        if self.terms["section"]:
            articles = articles.filter(section__slug=self.terms["section"])
        if self.terms["country"]:
            articles = articles.filter(countries__slug=self.terms["country"])
        return articles.search(self.terms["q"], language=self.terms["language"])

    def paginate_queryset(self, queryset, page_size):
        # A page number that is no number, or out of range, shows the first or the last page instead.
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for article in context["articles"]:
            article.snippet = highlight(article.search_snippet)
        return {**context, "form": self.form, "terms": self.terms}
