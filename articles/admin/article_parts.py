"""The parts of an article edited on its page: byline, tags, links, corrections, live updates, previews
and partner links.

Each inline fetches the objects its rows name with the rows, so a change form costs the same number of
queries whatever the number of rows; each is editable only where the article itself is (articles/workflow.py).
"""

from django.contrib import admin
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import workflow
from articles.forms import (
    ZONED_DATETIMES,
    KnownChoicesInlineMixin,
    LiveUpdateForm,
)
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    Correction,
    LiveUpdate,
    PartnerLink,
    PreviewLink,
    TaggedArticle,
)
from newsroom.site import absolute_url

# Each inline fetches the objects its rows name (row label and autocomplete value) with the rows,
# so a change form costs the same number of queries whatever the number of rows.


class ArticlePartInline:
    """An inline of an article's rows, editable only where the article itself is (articles/workflow.py)."""

    def _article_editable(self, request, obj):
        return obj is None or workflow.can_edit(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._article_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._article_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._article_editable(request, obj)


class BylineInline(ArticlePartInline, KnownChoicesInlineMixin, admin.TabularInline):
    model = ArticleAuthor
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = _("author")
    verbose_name_plural = _("byline (lower positions come first)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author", "article")


class TagInline(ArticlePartInline, KnownChoicesInlineMixin, admin.TabularInline):
    model = TaggedArticle
    fields = ["tag"]
    autocomplete_fields = ["tag"]
    extra = 0
    verbose_name = _("tag")
    verbose_name_plural = _("tags")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("tag", "content_object")


class LinkInline(ArticlePartInline, KnownChoicesInlineMixin, admin.TabularInline):
    model = ArticleLink
    fk_name = "from_article"
    fields = ["to_article", "kind", "position", "after_paragraph"]
    autocomplete_fields = ["to_article"]
    extra = 0
    verbose_name = _("link to another article")
    verbose_name_plural = _("SEE ALSO and related content")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_article", "to_article")


class CorrectionInline(ArticlePartInline, admin.StackedInline):
    model = Correction
    formfield_overrides = ZONED_DATETIMES
    fields = ["kind", "published_at", "text"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")


class LiveUpdateInline(ArticlePartInline, KnownChoicesInlineMixin, admin.StackedInline):
    """The updates of a live story, newest first; see docs/editorial.md."""

    model = LiveUpdate
    form = LiveUpdateForm
    fields = ["published_at", "title", "body", "pinned", "author"]
    autocomplete_fields = ["author"]
    extra = 0
    verbose_name = _("live update")
    verbose_name_plural = _("live updates (for live stories; newest first)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "author")


class PreviewLinkInline(admin.TabularInline):
    """Links that show the article, unpublished, to someone without an account; see docs/editorial.md."""

    model = PreviewLink
    formfield_overrides = ZONED_DATETIMES
    fields = ["note", "expires_at", "revoked", "address", "created_by", "created_at"]
    readonly_fields = ["address", "created_by", "created_at"]
    extra = 0
    verbose_name = _("preview link for someone without an account")
    verbose_name_plural = _("preview links for people without an account")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "created_by")

    @admin.display(description=_("address to send"))
    def address(self, link):
        if not link.pk:
            return _("Shown once saved.")
        if not link.is_active:
            return _("No longer works.")
        url = absolute_url(link.get_absolute_url())
        return format_html('<input type="text" readonly value="{}" size="60" aria-label="{}">', url, _("Preview link"))


class PartnerLinkInline(admin.TabularInline):
    """The partner outlets an embargoed article is shared with, each with its own address and visits."""

    model = PartnerLink
    fields = ["partner", "revoked", "address", "visits", "created_by", "created_at"]
    readonly_fields = ["address", "visits", "created_by", "created_at"]
    extra = 0
    # "View on site" would open the partner's page as the partner: the address is there to copy.
    view_on_site = False
    verbose_name = _("partner link (embargo)")
    verbose_name_plural = _("partner links: the article under embargo, for partner outlets")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("article", "created_by")
            .annotate(visit_count=Count("accesses"), last_visit=Max("accesses__accessed_at"))
        )

    @admin.display(description=_("address to send"))
    def address(self, link):
        if not link.pk:
            return _("Shown once saved.")
        if link.revoked:
            return _("Revoked: no longer works.")
        url = absolute_url(link.get_absolute_url())
        field = format_html('<input type="text" readonly value="{}" size="40" aria-label="{}">', url, _("Partner link"))
        if link.article.status != Article.Status.EMBARGOED:
            return format_html("{}<br>{}", field, _("Works while the article is embargoed."))
        return field

    @admin.display(description=_("visits"))
    def visits(self, link):
        count = getattr(link, "visit_count", 0)
        if not link.pk or not count:
            return _("none yet")
        log = reverse("admin:articles_partneraccess_changelist") + f"?link__id__exact={link.pk}"
        return format_html(
            '<a href="{}">{}</a>',
            log,
            ngettext("%(count)d, last %(when)s", "%(count)d, last %(when)s", count)
            % {"count": count, "when": date_format(timezone.localtime(link.last_visit), "DATETIME_FORMAT")},
        )
