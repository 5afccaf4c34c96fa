"""Series in the admin, with their parts in order."""

from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from articles.admin.articles import _state_text
from articles.forms import (
    KnownChoicesInlineMixin,
)
from articles.models import (
    Series,
    SeriesPart,
)


class SeriesPartInline(KnownChoicesInlineMixin, admin.TabularInline):
    """The whole plan of a series, in order: published, scheduled and unfinished parts alike, with the
    state of each, in both languages."""

    model = SeriesPart
    fields = ["position", "article", "language", "state", "publish_time"]
    readonly_fields = ["language", "state", "publish_time"]
    autocomplete_fields = ["article"]
    extra = 1
    verbose_name = _("part")
    verbose_name_plural = _("parts (lower positions come first; a part and its translation share one)")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("series", "article")
            .defer("article__body", "article__analysis", "article__search_vector")
            .order_by("position", "article__language", "pk")
        )

    @admin.display(description=_("language"))
    def language(self, part):
        return part.article.get_language_display() if part.article_id else ""

    @admin.display(description=_("status"))
    def state(self, part):
        if not part.article_id:
            return ""
        article = part.article
        if article.is_published:
            return _("Published")
        return _state_text(article).capitalize()

    @admin.display(description=_("publish time"))
    def publish_time(self, part):
        if not part.article_id or part.article.publish_at is None:
            return "–"
        return date_format(timezone.localtime(part.article.publish_at), "DATETIME_FORMAT")


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "title_es", "slug", "part_count", "planned_parts", "updated_at"]
    search_fields = ["title", "title_es", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_image"]
    fields = ["title", "title_es", "slug", "summary", "summary_es", "lead_image", "planned_parts"]
    inlines = [SeriesPartInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(part_count=Count("parts"))

    @admin.display(description=_("parts"), ordering="part_count")
    def part_count(self, series):
        return series.part_count

    def view_on_site(self, series):
        return series.get_absolute_url()
