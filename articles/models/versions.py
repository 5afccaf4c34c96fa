"""The content version: one number that every cached page and fragment is stored under."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """A single row: the version of everything that readers can see.

    Any change to published content (an article, its links, tags, bylines, corrections, sections, authors,
    countries or images) bumps `number` in the same transaction, and the full-page cache
    (newsroom.pagecache) serves a stored page only while the number it was stored under is current.
    `next_change_at` is when the site next changes with no one saving anything: the earliest publish time
    of a scheduled article or of an embargo lifting.
    """

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)
    next_change_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
