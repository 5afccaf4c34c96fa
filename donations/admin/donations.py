"""Donations in the admin: the list with its totals, the CSV export, and a donor's giving on each donation."""

import csv

from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from donations.admin.exports import spreadsheet_safe, with_totals
from donations.giving.admin import DonationGivingAdmin
from donations.models import Donation
from newsroom.site import absolute_url


@admin.register(Donation)
class DonationAdmin(DonationGivingAdmin, admin.ModelAdmin):
    list_display = [
        "short_reference",
        "donor_name",
        "amount",
        "currency",
        "frequency",
        "status",
        "monthly_status",
        "provider",
        "created_at",
    ]
    list_filter = [
        "status",
        "frequency",
        ("monthly_gift__status", admin.ChoicesFieldListFilter),
        "currency",
        "provider",
        "created_at",
        "placement",
        "utm_campaign",
    ]
    list_select_related = ["article", "monthly_gift"]
    search_fields = ["donor_name", "email", "reference", "provider_reference", "provider_payment_reference"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["article"]
    readonly_fields = ["reference", "created_at", "updated_at", "receipt_sent_at"]
    fieldsets = [
        (_("Gift"), {"fields": ["amount", "currency", "frequency", "message"]}),
        (_("Donor"), {"fields": ["donor_name", "email", "country", "language", "is_anonymous", "may_contact"]}),
        (
            _("Payment"),
            {
                "fields": [
                    "status",
                    "provider",
                    "provider_reference",
                    "provider_payment_reference",
                    "reference",
                    "receipt_sent_at",
                    ("created_at", "updated_at"),
                ]
            },
        ),
        (
            _("Where it came from"),
            {"fields": ["article", "placement", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]},
        ),
    ]
    actions = ["export_csv", *DonationGivingAdmin.giving_actions]
    export_columns = [
        "reference",
        "created_at",
        "amount",
        "currency",
        "frequency",
        "status",
        "provider",
        "provider_reference",
        "provider_payment_reference",
        "donor_name",
        "email",
        "country",
        "language",
        "is_anonymous",
        "may_contact",
        "message",
        "receipt_sent_at",
        "placement",
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
    ]

    def changelist_view(self, request, extra_context=None):
        return with_totals(
            lambda: super(DonationAdmin, self).changelist_view(request, extra_context),
            totals_by_month="totals_by_month",
            totals_by_article="totals_by_article",
        )

    def has_export_permission(self, request):
        return request.user.has_perm(f"{self.opts.app_label}.export_{self.opts.model_name}")

    @admin.action(description=_("Export selected donations as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"donations-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        # A byte order mark, so that spreadsheet programs read the names' accents as UTF-8.
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow([*self.export_columns, "article", "article_url"])
        for donation in queryset.select_related("article__section").order_by("created_at", "pk"):
            article = donation.article
            writer.writerow(
                [spreadsheet_safe(getattr(donation, column)) for column in self.export_columns]
                + [
                    spreadsheet_safe(article.title if article else ""),
                    absolute_url(article.get_absolute_url()) if article else "",
                ]
            )
        return response

    @admin.display(description=_("monthly gift"), ordering="monthly_gift__status")
    def monthly_status(self, donation):
        gift = getattr(donation, "monthly_gift", None)
        return gift.get_status_display() if gift is not None else "–"

    @admin.display(description=_("reference"), ordering="reference")
    def short_reference(self, donation):
        # The first block is what staff read out and search for; the full reference is on the page.
        return str(donation.reference)[:8]
