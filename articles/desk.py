"""The desk: the admin's home page opens with what the newsroom is working on, as headlines.

The page is a list of blocks, each a headline list (or anything else) with its own template. The
article blocks below (in review, scheduled, under embargo, recently published, stale drafts, the user's
own drafts) come first; the way to the editorial calendar follows the blocks. Another app adds a block
of its own by registering a function that takes the request and returns a `Block` (or None, to show
nothing to this user), usually in its AppConfig.ready():

    from articles import desk

    def translations_block(request):
        if not request.user.has_perm("articles.view_article"):
            return None
        return desk.Block(key="translations", title=_("Translations"), template="admin/desk/translations.html",
                          items=[...], more_url=..., empty=_("Nothing to translate."))

    desk.register(translations_block)

The template gets `block` (and the request's context); see templates/admin/desk/articles_block.html.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import Article, ArticleAuthor, TranslationState, translation_state_counts

# Headlines per block: enough to see the day's work without scrolling past the rest of the desk.
BLOCK_SIZE = 8


@dataclass
class Block:
    key: str
    title: str
    items: list = field(default_factory=list)
    template: str = "admin/desk/articles_block.html"
    # A link to everything the block stands for (e.g. the filtered article list).
    more_url: str = ""
    # Shown when `items` is empty.
    empty: str = ""
    # Anything else a block's own template needs.
    extra: dict = field(default_factory=dict)


_blocks = []


def register(block_function, *, position=None):
    """Add a block to the desk: `block_function(request)` returns a Block or None. At the end, or at
    `position` in the list."""
    if block_function in _blocks:
        return block_function
    if position is None:
        _blocks.append(block_function)
    else:
        _blocks.insert(position, block_function)
    return block_function


def blocks(request):
    """The desk's blocks for `request`'s user, in order."""
    return [block for block in (function(request) for function in _blocks) if block is not None]


def _changelist(query):
    return f"{reverse('admin:articles_article_changelist')}?{query}"


def _articles():
    return (
        Article.objects.select_related("section", "created_by", "status_changed_by", "published_by")
        .prefetch_related(Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author")))
        .defer("body", "analysis")
    )


def _can_see_articles(request):
    return request.user.has_perm("articles.view_article")


@register
def in_review(request):
    if not _can_see_articles(request):
        return None
    items = _articles().filter(status=Article.Status.IN_REVIEW)
    # The longest waiting first.
    items = items.order_by(F("status_changed_at").asc(nulls_first=True), "updated_at")[:BLOCK_SIZE]
    return Block(
        key="in-review",
        title=_("In review"),
        items=list(items),
        more_url=_changelist("status__exact=review"),
        empty=_("Nothing waits for an editor."),
        extra={"when": "submitted"},
    )


@register
def scheduled(request):
    if not _can_see_articles(request):
        return None
    items = _articles().filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now()).order_by("publish_at")
    return Block(
        key="scheduled",
        title=_("Scheduled"),
        items=list(items[:BLOCK_SIZE]),
        more_url=_changelist("publication=scheduled"),
        empty=_("Nothing is scheduled."),
        extra={"when": "scheduled"},
    )


@register
def under_embargo(request):
    if not _can_see_articles(request):
        return None
    items = _articles().filter(status=Article.Status.EMBARGOED, publish_at__gt=timezone.now()).order_by("publish_at")
    return Block(
        key="under-embargo",
        title=_("Under embargo"),
        items=list(items[:BLOCK_SIZE]),
        more_url=_changelist("publication=embargoed"),
        empty=_("Nothing is under embargo."),
        extra={"when": "embargoed"},
    )


@register
def recently_published(request):
    if not _can_see_articles(request):
        return None
    since = timezone.now() - timedelta(days=settings.DESK_RECENT_DAYS)
    items = Article.objects.published().filter(publish_at__gte=since).order_by("-publish_at", "-pk")
    items = _articles().filter(pk__in=items.values("pk")[:BLOCK_SIZE]).order_by("-publish_at", "-pk")
    return Block(
        key="recently-published",
        title=_("Recently published"),
        items=list(items),
        more_url=_changelist("publication=live"),
        empty=_("Nothing published in the last few days."),
        extra={"when": "published"},
    )


@register
def stale_drafts(request):
    if not _can_see_articles(request):
        return None
    before = timezone.now() - timedelta(days=settings.DESK_STALE_DRAFT_DAYS)
    items = _articles().filter(status=Article.Status.DRAFT, updated_at__lt=before).order_by("updated_at")
    return Block(
        key="stale-drafts",
        title=_("Stale drafts"),
        items=list(items[:BLOCK_SIZE]),
        more_url=_changelist("activity=stale"),
        empty=_("No draft has been left alone for long."),
        extra={"when": "untouched", "days": settings.DESK_STALE_DRAFT_DAYS},
    )


@register
def my_drafts(request):
    if not request.user.has_perm("articles.add_article"):
        return None
    user = request.user
    mine = Article.objects.filter(Q(created_by=user) | Q(bylines__author__user=user)).values("pk")
    items = _articles().filter(pk__in=mine, status__in=[Article.Status.DRAFT, Article.Status.IN_REVIEW])
    return Block(
        key="my-drafts",
        title=_("My drafts"),
        items=list(items.order_by("-updated_at")[:BLOCK_SIZE]),
        more_url=_changelist("mine=yes&status__exact=draft"),
        empty=_("You have no drafts."),
        extra={"when": "changed"},
    )


@register
def translations(request):
    """What waits for the translators (articles/admin/translations.py): counts, each a link to the filtered
    list, and the title a link to the Translations page. Counted in one query."""
    if not _can_see_articles(request):
        return None
    counts = translation_state_counts()

    def total(state, published=(True, False)):
        return sum(count for (name, _code, live), count in counts.items() if name == state and live in published)

    queues = [
        {"label": _("Outdated"), "url": _changelist("translation=outdated"), "count": total(TranslationState.OUTDATED)},
        {
            "label": _("In progress"),
            "url": _changelist("translation=in-progress"),
            "count": total(TranslationState.IN_PROGRESS),
        },
        {
            "label": _("Published, not translated"),
            "url": _changelist("translation=missing&status__exact=published"),
            "count": total(TranslationState.MISSING, published=(True,)),
        },
    ]
    return Block(
        key="translations",
        title=_("Translations"),
        template="admin/desk/translations_block.html",
        more_url=reverse("admin:articles_article_translations"),
        extra={"queues": queues},
    )
