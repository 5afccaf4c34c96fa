"""Live stories: timestamped updates added to an article as events unfold."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from articles.models.articles import Article
from articles.models.people import Author
from articles.sanitizer import clean_html, plain_text


class LiveUpdate(models.Model):
    """A timestamped update of a live story (an article with live coverage), shown newest first;
    pinned updates are shown first of all, as the summary of the story so far."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="live_updates"
    )
    published_at = models.DateTimeField(
        _("time"), default=timezone.now, help_text=_("Shown with the update; now, or earlier for a late entry.")
    )
    title = models.CharField(
        _("headline"), max_length=200, blank=True, help_text=_("Optional: a few words that sum up the update.")
    )
    body = models.TextField(_("text"), help_text=_("What happened. Formatting is cleaned on save."))
    pinned = models.BooleanField(
        _("pinned"),
        default=False,
        help_text=_("Pinned updates stay at the top as the summary of the story so far."),
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Optional: who reported it."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [models.Index(fields=["article", "-published_at", "-id"], name="live_update_newest_idx")]

    def __str__(self):
        return self.title or Truncator(plain_text(self.body)).chars(60)

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#update-{self.pk}"

    def clean(self):
        # An update is shown as soon as it is saved: a time ahead would read as a mistake, and nothing
        # would refresh the page when it came.
        if self.published_at and self.published_at > timezone.now() + timedelta(minutes=1):
            raise ValidationError(
                {"published_at": _("An update cannot be dated in the future.")}, code="live_update_in_future"
            )

    @property
    def text(self):
        """The update as plain text, for search engines."""
        return plain_text(self.body)
