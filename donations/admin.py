"""What readers and donors send us, for fundraising staff and moderators.

Reader text is only ever returned as plain strings, so the admin escapes it.
"""

import csv

from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from donations.giving_admin import DonationGivingAdmin
from donations.models import Comment, Donation, HelpfulVote, PaymentEvent, Republication
from newsroom.site import absolute_url

# Spreadsheet programs run a cell that starts with one of these as a formula; reader text never should.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def excerpt(text, length=80):
    return Truncator(text).chars(length)


def spreadsheet_safe(value):
    """A CSV cell that a spreadsheet shows as text: a leading apostrophe before what looks like a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def with_totals(changelist_view, **tables):
    """The response of an admin changelist view with `tables` ({name: queryset method}) computed on the
    rows that its filters and search select, for the totals under the list."""
    response = changelist_view()
    context = getattr(response, "context_data", None)
    if context and "cl" in context:
        rows = context["cl"].queryset
        context.update({name: list(getattr(rows, method)()) for name, method in tables.items()})
    return response


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


class ArticleHelpfulColumns:
    """For the article admin: "helpful" Yes and No counts and the share of Yes as list columns, counted
    in the list's own query. Add it to ArticleAdmin's bases and "helpful_yes", "helpful_no",
    "helpful_share" to its list_display."""

    def get_queryset(self, request):
        # Correlated subqueries rather than joins: counted only for the rows on the page, and never
        # multiplied by the other joins that the list's filters add.
        def votes(is_helpful):
            counted = (
                HelpfulVote.objects.filter(article=OuterRef("pk"), is_helpful=is_helpful)
                .order_by()
                .values("article")
                .annotate(total=Count("pk"))
                .values("total")
            )
            return Coalesce(Subquery(counted), 0)

        return super().get_queryset(request).annotate(helpful_yes_count=votes(True), helpful_no_count=votes(False))

    @admin.display(description=_("helpful: yes"), ordering="helpful_yes_count")
    def helpful_yes(self, article):
        return article.helpful_yes_count

    @admin.display(description=_("helpful: no"), ordering="helpful_no_count")
    def helpful_no(self, article):
        return article.helpful_no_count

    @admin.display(description=_("helpful: share of yes"))
    def helpful_share(self, article):
        total = article.helpful_yes_count + article.helpful_no_count
        return f"{round(100 * article.helpful_yes_count / total)} %" if total else "–"


@admin.register(HelpfulVote)
class HelpfulVoteAdmin(admin.ModelAdmin):
    list_display = ["article", "is_helpful", "feedback_excerpt", "created_at"]
    list_select_related = ["article"]
    list_filter = ["is_helpful", "created_at", ("feedback", admin.EmptyFieldListFilter)]
    search_fields = ["article__title"]
    autocomplete_fields = ["article"]
    fields = ["article", "is_helpful", "feedback", "created_at"]
    readonly_fields = ["created_at"]

    def get_readonly_fields(self, request, obj=None):
        # A reader's answer is kept as given.
        if obj is not None:
            return ["article", "is_helpful", "feedback", "created_at"]
        return super().get_readonly_fields(request, obj)

    @admin.display(description=_("feedback"))
    def feedback_excerpt(self, vote):
        return excerpt(vote.feedback)

    def changelist_view(self, request, extra_context=None):
        return with_totals(
            lambda: super(HelpfulVoteAdmin, self).changelist_view(request, extra_context),
            tally_by_article="tally_by_article",
        )


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "article", "status", "created_at", "message_excerpt"]
    list_select_related = ["article"]
    list_filter = ["status", "created_at"]
    search_fields = ["name", "email", "message", "article__title"]
    autocomplete_fields = ["article"]
    fields = ["article", "name", "email", "message", "status", "created_at"]
    readonly_fields = ["created_at"]
    actions = ["mark_read", "mark_answered", "mark_spam"]

    def get_readonly_fields(self, request, obj=None):
        # Moderators change the status; what the reader sent is kept as sent.
        if obj is not None:
            return ["article", "name", "email", "message", "created_at"]
        return super().get_readonly_fields(request, obj)

    @admin.display(description=_("message"))
    def message_excerpt(self, comment):
        return excerpt(comment.message)

    def _set_status(self, request, queryset, status):
        changed = queryset.exclude(status=status).update(status=status)
        self.message_user(
            request,
            ngettext(
                "%(count)d comment marked as “%(status)s”.",
                "%(count)d comments marked as “%(status)s”.",
                changed,
            )
            % {"count": changed, "status": status.label},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark selected comments as read"), permissions=["change"])
    def mark_read(self, request, queryset):
        self._set_status(request, queryset, Comment.Status.READ)

    @admin.action(description=_("Mark selected comments as answered"), permissions=["change"])
    def mark_answered(self, request, queryset):
        self._set_status(request, queryset, Comment.Status.ANSWERED)

    @admin.action(description=_("Mark selected comments as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(request, queryset, Comment.Status.SPAM)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records that machines write: staff look, nobody edits."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Republication)
class RepublicationAdmin(ReadOnlyAdmin):
    list_display = ["article", "shown_domain", "views", "first_seen_at", "last_seen_at"]
    list_select_related = ["article"]
    list_filter = ["last_seen_at", "first_seen_at"]
    search_fields = ["domain", "article__title"]
    date_hierarchy = "last_seen_at"

    @admin.display(description=_("domain"), ordering="domain")
    def shown_domain(self, republication):
        return republication.domain or _("(no referrer)")


@admin.register(PaymentEvent)
class PaymentEventAdmin(ReadOnlyAdmin):
    list_display = ["event_type", "event_id", "outcome", "donation", "event_created_at", "received_at"]
    list_select_related = ["donation"]
    list_filter = ["outcome", "provider", "event_type", "received_at"]
    search_fields = ["event_id", "donation__reference", "donation__email"]


# The newsletter and prompt admins live next to their models.
import donations.newsletters.admin  # noqa: E402, F401
import donations.prompts.admin  # noqa: E402, F401
