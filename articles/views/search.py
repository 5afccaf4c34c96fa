"""The search page."""

from django.utils.translation import get_language
from django.views.generic import ListView

from articles.models import (
    Article,
    Country,
)
from articles.search import SearchForm, highlight
from articles.templatetags.newsroom import site_sections
from newsroom import fragments


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
