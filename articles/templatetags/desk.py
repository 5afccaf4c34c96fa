"""Template tags for the admin: the desk's queues on the index page."""

from django import template
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, TranslationState, translation_state_counts

register = template.Library()


@register.inclusion_tag("admin/includes/desk_queues.html", takes_context=True)
def desk_queues(context):
    """What waits for the desk, each a link to the filtered article list: in review, scheduled, under
    embargo, and the signed-in user's drafts; and the way to the editorial calendar. Counted in one
    query; nothing for staff who do not work on articles."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"queues": []}
    mine = Q(created_by=user) | Q(bylines__author__user=user)
    counts = Article.objects.aggregate(
        review=Count("pk", filter=Q(status=Article.Status.IN_REVIEW), distinct=True),
        scheduled=Count("pk", filter=Q(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now()), distinct=True),
        embargoed=Count("pk", filter=Q(status=Article.Status.EMBARGOED, publish_at__gt=timezone.now()), distinct=True),
        my_drafts=Count("pk", filter=mine & Q(status=Article.Status.DRAFT), distinct=True),
    )
    changelist = reverse("admin:articles_article_changelist")
    return {
        "calendar_url": reverse("admin:articles_article_calendar"),
        "queues": [
            {"label": _("In review"), "url": f"{changelist}?status__exact=review", "count": counts["review"]},
            {"label": _("Scheduled"), "url": f"{changelist}?publication=scheduled", "count": counts["scheduled"]},
            {"label": _("Under embargo"), "url": f"{changelist}?publication=embargoed", "count": counts["embargoed"]},
            {
                "label": _("My drafts"),
                "url": f"{changelist}?mine=yes&status__exact=draft",
                "count": counts["my_drafts"],
            },
        ],
    }


@register.inclusion_tag("admin/includes/translation_queues.html", takes_context=True)
def translation_queues(context):
    """What waits for the translators, each a link to the filtered article list: originals changed since
    their translation was brought up to date, translations in progress, and published articles without
    a translation. Counted in one query; nothing for staff who do not work on articles."""
    user = context["request"].user
    if not user.has_perm("articles.view_article"):
        return {"queues": []}
    counts = translation_state_counts()

    def total(state, published=(True, False)):
        return sum(count for (name, _code, live), count in counts.items() if name == state and live in published)

    changelist = reverse("admin:articles_article_changelist")
    return {
        "page": reverse("admin:articles_article_translations"),
        "queues": [
            {
                "label": _("Outdated"),
                "url": f"{changelist}?translation=outdated",
                "count": total(TranslationState.OUTDATED),
            },
            {
                "label": _("In progress"),
                "url": f"{changelist}?translation=in-progress",
                "count": total(TranslationState.IN_PROGRESS),
            },
            {
                "label": _("Published, not translated"),
                "url": f"{changelist}?translation=missing&status__exact=published",
                "count": total(TranslationState.MISSING, published=(True,)),
            },
        ],
    }
