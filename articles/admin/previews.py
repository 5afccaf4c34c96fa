"""Preview links for colleagues and embargoed partner links, with the partner outlets' access log."""

from django.contrib import admin
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.admin.article_parts import PartnerLinkInline
from articles.forms import (
    ZONED_DATETIMES,
)
from articles.models import (
    PartnerAccess,
    PartnerLink,
    PreviewLink,
)


@admin.register(PreviewLink)
class PreviewLinkAdmin(admin.ModelAdmin):
    formfield_overrides = ZONED_DATETIMES
    list_display = ["article", "note", "expires_at", "revoked", "created_by", "created_at"]
    list_filter = ["revoked", "expires_at"]
    list_select_related = ["article", "created_by"]
    search_fields = ["note", "article__title"]
    autocomplete_fields = ["article"]
    fields = ["article", "note", "expires_at", "revoked"]
    actions = ["revoke"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.update(revoked=True)
        self.message_user(
            request, ngettext("%(count)d link revoked.", "%(count)d links revoked.", count) % {"count": count}
        )


class PartnerAccessInline(admin.TabularInline):
    """A partner link's visits, newest first: a record, never edited."""

    model = PartnerAccess
    fields = ["partner", "accessed_at", "outcome"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    max_num = 0
    verbose_name = _("visit")
    verbose_name_plural = _("visits")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PartnerLink)
class PartnerLinkAdmin(admin.ModelAdmin):
    list_display = ["article", "partner", "revoked", "visit_count", "last_visit", "created_by", "created_at"]
    list_filter = ["revoked", "article__status"]
    list_select_related = ["article", "created_by"]
    search_fields = ["partner", "article__title"]
    autocomplete_fields = ["article"]
    fields = ["article", "partner", "revoked", "address"]
    readonly_fields = ["address"]
    inlines = [PartnerAccessInline]
    view_on_site = False
    actions = ["revoke"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(visit_count=Count("accesses"), last_visit=Max("accesses__accessed_at"))
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("address to send"))
    def address(self, link):
        return PartnerLinkInline.address(self, link)

    @admin.display(description=_("visits"), ordering="visit_count")
    def visit_count(self, link):
        return link.visit_count

    @admin.display(description=_("last visit"), ordering="last_visit")
    def last_visit(self, link):
        return date_format(timezone.localtime(link.last_visit), "DATETIME_FORMAT") if link.last_visit else "–"

    @admin.action(description=_("Revoke the selected links"), permissions=["change"])
    def revoke(self, request, queryset):
        count = queryset.update(revoked=True)
        self.message_user(
            request, ngettext("%(count)d link revoked.", "%(count)d links revoked.", count) % {"count": count}
        )


@admin.register(PartnerAccess)
class PartnerAccessAdmin(admin.ModelAdmin):
    """Who opened which embargoed article, and when: read only."""

    list_display = ["accessed_at", "partner", "article", "outcome"]
    list_filter = ["outcome", "accessed_at", ("link__article", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["link__article"]
    search_fields = ["partner", "link__article__title"]
    date_hierarchy = "accessed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("article"), ordering="link__article__title")
    def article(self, access):
        return access.link.article
