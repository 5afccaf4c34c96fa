"""The filters of the article list: publication state, stale drafts, and the signed-in person's own work."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import (
    Article,
    ArticleAuthor,
)


class PublicationFilter(admin.SimpleListFilter):
    """Articles that readers see or will see by themselves: live, scheduled for later, or under embargo."""

    title = _("publication")
    parameter_name = "publication"

    def lookups(self, request, model_admin):
        return [("scheduled", _("Scheduled")), ("embargoed", _("Under embargo")), ("live", _("Live"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "scheduled":
            return queryset.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
        if self.value() == "embargoed":
            return queryset.filter(status=Article.Status.EMBARGOED, publish_at__gt=now)
        if self.value() == "live":
            return queryset.filter(status__in=Article.PUBLIC_STATUSES, publish_at__lte=now)
        return queryset


class StaleDraftFilter(admin.SimpleListFilter):
    """Drafts nobody has touched for DESK_STALE_DRAFT_DAYS: forgotten, or waiting for something."""

    title = _("activity")
    parameter_name = "activity"

    def lookups(self, request, model_admin):
        return [("stale", _("Stale drafts (untouched for %(days)d days)") % {"days": settings.DESK_STALE_DRAFT_DAYS})]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            before = timezone.now() - timedelta(days=settings.DESK_STALE_DRAFT_DAYS)
            return queryset.filter(status=Article.Status.DRAFT, updated_at__lt=before)
        return queryset


class MineFilter(admin.SimpleListFilter):
    """The signed-in user's own articles: those they created or sign."""

    title = _("whose")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", _("Mine"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            mine = Article.objects.filter(Q(created_by=request.user) | Q(bylines__author__user=request.user))
            return queryset.filter(pk__in=mine.values("pk"))
        return queryset


def _mine(user):
    """Whether an article is `user`'s own (created or signed), as an expression over articles."""
    signed = ArticleAuthor.objects.filter(article=OuterRef("pk"), author__user=user)
    return ExpressionWrapper(Q(created_by=user) | Exists(signed), output_field=models.BooleanField())
