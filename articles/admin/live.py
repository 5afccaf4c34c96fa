"""Live updates in the admin, listed across live stories."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import workflow
from articles.forms import (
    LiveUpdateForm,
)
from articles.models import (
    LiveUpdate,
)


class LivePublicationFilter(admin.SimpleListFilter):
    """Live stories whose coverage is running, or has ended."""

    title = _("live coverage")
    parameter_name = "coverage"

    def lookups(self, request, model_admin):
        return [("running", _("Running")), ("ended", _("Ended"))]

    def queryset(self, request, queryset):
        if self.value() == "running":
            return queryset.filter(article__live_ended_at__isnull=True)
        if self.value() == "ended":
            return queryset.filter(article__live_ended_at__isnull=False)
        return queryset


@admin.register(LiveUpdate)
class LiveUpdateAdmin(admin.ModelAdmin):
    """Updates posted on their own, without opening the whole article: several editors can post to the
    same live story at once, where saving the article's form would make them wait for each other."""

    form = LiveUpdateForm
    list_display = ["__str__", "article", "published_at", "pinned", "author"]
    list_filter = [LivePublicationFilter, "pinned", "published_at"]
    list_select_related = ["article", "author"]
    search_fields = ["title", "body", "article__title"]
    autocomplete_fields = ["article", "author"]
    fields = ["article", "published_at", "title", "body", "pinned", "author"]
    date_hierarchy = "published_at"

    def _article_editable(self, request, update):
        return update is None or workflow.can_edit(request.user, update.article)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_editable(request, obj)

    def get_changeform_initial_data(self, request):
        # The time starts at now; `?article=<id>` in the address names the story (Django reads it).
        return {**super().get_changeform_initial_data(request), "published_at": timezone.now()}

    def save_model(self, request, obj, form, change):
        if not workflow.can_edit(request.user, obj.article):
            raise PermissionDenied
        super().save_model(request, obj, form, change)
