"""What readers and donors send us, for fundraising staff and moderators.

Reader text is only ever returned as plain strings, so the admin escapes it.
"""

from django.contrib import admin, messages
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from donations.models import Comment, Donation, HelpfulVote


def excerpt(text, length=80):
    return Truncator(text).chars(length)


@admin.register(Donation)
class DonationAdmin(admin.ModelAdmin):
    list_display = [
        "short_reference",
        "donor_name",
        "amount",
        "currency",
        "frequency",
        "status",
        "provider",
        "created_at",
    ]
    list_filter = ["status", "frequency", "currency", "provider", "created_at"]
    search_fields = ["donor_name", "email", "reference", "provider_reference"]
    date_hierarchy = "created_at"
    readonly_fields = ["reference", "created_at", "updated_at"]
    fieldsets = [
        (_("Gift"), {"fields": ["amount", "currency", "frequency", "message"]}),
        (_("Donor"), {"fields": ["donor_name", "email", "country", "is_anonymous", "may_contact"]}),
        (
            _("Payment"),
            {"fields": ["status", "provider", "provider_reference", "reference", ("created_at", "updated_at")]},
        ),
    ]

    @admin.display(description=_("reference"), ordering="reference")
    def short_reference(self, donation):
        # The first block is what staff read out and search for; the full reference is on the page.
        return str(donation.reference)[:8]


@admin.register(HelpfulVote)
class HelpfulVoteAdmin(admin.ModelAdmin):
    list_display = ["article", "is_helpful", "feedback_excerpt", "created_at"]
    list_select_related = ["article"]
    list_filter = ["is_helpful", "created_at"]
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
