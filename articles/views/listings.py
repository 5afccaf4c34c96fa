"""Listings of published articles: by section, tag, country and author, in the page's language."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import ListView
from taggit.models import Tag

from articles.models import (
    ARTICLE_LOOKUPS,
    Article,
    Author,
    Country,
    Section,
    other_language,
    with_languages,
    with_published_articles,
)
from articles.pagination import CappedPaginationMixin


def published_articles():
    """Published articles in the language of the current page, with what a teaser shows."""
    return Article.objects.published().in_language(get_language()).for_listing()


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
