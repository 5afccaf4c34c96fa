"""Where our stories are republished under the licence, as counted by the republishing pixel."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class Republication(models.Model):
    """A site that republished one of our articles, seen through the pixel in the republish HTML."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="republications"
    )
    domain = models.CharField(
        _("domain"),
        max_length=253,
        blank=True,
        help_text=_("The host name of the republishing page. Empty: its browser sent no referrer."),
    )
    views = models.PositiveIntegerField(_("views"), default=0, help_text=_("Times the republished copy was shown."))
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        constraints = [
            models.UniqueConstraint(fields=["article", "domain"], name="republication_once_per_domain"),
        ]

    def __str__(self):
        return f"{self.domain or '?'} – {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()
