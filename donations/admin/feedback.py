"""Readers' feedback in the admin: helpful votes, comments to moderate, and the helpful columns of the article list."""

from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from donations.admin.exports import excerpt, with_totals
from donations.models import Comment, HelpfulVote


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
