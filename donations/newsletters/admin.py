"""Newsletter lists (editable) and their subscribers (read, filtered, exported) for fundraising staff."""

import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from donations.admin.exports import spreadsheet_safe
from donations.newsletters import services
from donations.newsletters.models import NewsletterList, Subscription
from donations.newsletters.providers import get_provider


@admin.register(NewsletterList)
class NewsletterListAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_active", "is_default", "confirmed", "pending", "order"]
    list_editable = ["order"]
    list_filter = ["is_active", "is_default"]
    search_fields = ["name", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description", "is_active", "is_default", "order"]}),
        (_("Spanish"), {"fields": ["name_es", "description_es"]}),
        (_("E-mail service"), {"fields": ["provider_tag"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    @admin.display(description=_("subscribed"), ordering="confirmed_count")
    def confirmed(self, newsletter):
        return newsletter.confirmed_count

    @admin.display(description=_("waiting for confirmation"), ordering="pending_count")
    def pending(self, newsletter):
        return newsletter.pending_count


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Subscribers as readers gave them: staff read, filter, export and unsubscribe; nobody types one in
    (only the reader's own confirmation subscribes an address)."""

    list_display = ["email", "newsletter", "status", "language", "consent_source", "consent_at", "sync_state"]
    list_select_related = ["newsletter"]
    list_filter = ["newsletter", "status", "language", "consent_source", "sync_state", "consent_at"]
    search_fields = ["email"]
    date_hierarchy = "consent_at"
    actions = ["export_csv", "unsubscribe", "sync_now"]
    fieldsets = [
        (None, {"fields": ["email", "newsletter", "status", "language"]}),
        (
            _("Consent"),
            {
                "fields": [
                    "consent_at",
                    "consent_source",
                    "consent_url",
                    "consent_text",
                    "confirmation_sent_at",
                    "confirmations_sent",
                    "confirmed_at",
                    "unsubscribed_at",
                ]
            },
        ),
        (_("E-mail service"), {"fields": ["sync_state", "sync_attempts", "sync_error", "synced_at", "provider_id"]}),
    ]
    export_columns = [
        "email",
        "status",
        "language",
        "consent_at",
        "consent_source",
        "consent_url",
        "consent_text",
        "confirmed_at",
        "unsubscribed_at",
        "created_at",
    ]

    def get_readonly_fields(self, request, obj=None):
        return [name for fieldset in self.fieldsets for name in fieldset[1]["fields"]]

    def has_add_permission(self, request):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.export_{self.opts.model_name}")

    @admin.action(description=_("Export selected subscribers as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subscribers-{timezone.localdate():%Y-%m-%d}.csv"'
        # A byte order mark, so that spreadsheet programs read accents as UTF-8.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(["list", *self.export_columns])
        for row in queryset.select_related("newsletter").order_by("newsletter__slug", "email"):
            writer.writerow(
                [row.newsletter.slug, *(spreadsheet_safe(getattr(row, column)) for column in self.export_columns)]
            )
        return response

    @admin.action(description=_("Unsubscribe selected addresses"), permissions=["change"])
    def unsubscribe(self, request, queryset):
        rows = list(queryset.exclude(status=Subscription.Status.UNSUBSCRIBED))
        if rows:
            services.unsubscribe_rows(pks=[row.pk for row in rows])
        self.message_user(
            request,
            ngettext("%(count)d address unsubscribed.", "%(count)d addresses unsubscribed.", len(rows))
            % {"count": len(rows)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Send selected to the e-mail service now"), permissions=["change"])
    def sync_now(self, request, queryset):
        if get_provider() is None:
            self.message_user(request, _("No e-mail service is configured (NEWSLETTER_PROVIDER)."), messages.ERROR)
            return
        emails = sorted(set(queryset.values_list("email", flat=True)))
        synced = sum(services.sync_address(email=email) for email in emails)
        level = messages.SUCCESS if synced == len(emails) else messages.WARNING
        self.message_user(
            request,
            _("%(synced)d of %(total)d addresses are in step with the e-mail service.")
            % {"synced": synced, "total": len(emails)},
            level,
        )
