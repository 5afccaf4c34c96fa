"""Live stories: an article with live coverage shows its timestamped updates, pinned ones first, and
refreshes them for readers through a small fragment of HTML (static/js/live.js polls it).

The article page and the fragment are both public pages (newsroom/pagecache.py): every saved update bumps
the content version, so both show it on the next request, and a reader's poll that finds nothing new is
answered 304 before any view runs.
"""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language

from articles.models import Article


@dataclass(frozen=True)
class LiveUpdates:
    """A live story's updates as readers see them: the pinned ones, then the rest newest first."""

    article: Article
    pinned: list
    stream: list

    @property
    def all(self):
        return [*self.pinned, *self.stream]

    @property
    def token(self):
        """Changes whenever an update is added, edited or removed, or the coverage ends."""
        updates = self.all
        latest = max((update.updated_at for update in updates), default=None)
        stamp = round(latest.timestamp()) if latest else 0
        return f"{len(updates)}-{stamp}-{int(self.article.is_live_now)}"


def live_updates(article):
    """The updates of a live story, in one query (their authors joined), or None for any other article."""
    if not article.is_live:
        return None
    updates = list(article.live_updates.select_related("author"))
    return LiveUpdates(
        article=article,
        pinned=[update for update in updates if update.pinned],
        stream=[update for update in updates if not update.pinned],
    )


def live_updates_fragment(request, section, slug):
    """The updates block of a published live story, alone: what the reader's page swaps in as it refreshes."""
    article = get_object_or_404(
        Article.objects.published().filter(live_started_at__isnull=False).select_related("section"),
        slug=slug,
        section__slug=section,
        language=get_language(),
    )
    response = render(
        request,
        "articles/includes/live_updates.html",
        {"live": live_updates(article), "poll_seconds": settings.LIVE_POLL_SECONDS},
    )
    # A piece of a page, not a page: search engines index the article instead.
    response["X-Robots-Tag"] = "noindex"
    return response
