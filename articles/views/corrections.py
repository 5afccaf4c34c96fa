"""The corrections page: every correction and clarification, newest first."""

from django.utils.translation import get_language
from django.views.generic import ListView

from articles.models import (
    Article,
    Correction,
)
from articles.pagination import CappedPaginationMixin


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
