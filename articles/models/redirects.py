"""Addresses that articles used to have, answered with a permanent redirect to where they are now."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleRedirect(models.Model):
    """An old slug of a published article, answered with a permanent redirect to its current address."""

    old_slug = models.SlugField(_("old slug"), max_length=200, unique=True)
    article = models.ForeignKey(
        "articles.Article", verbose_name=_("article"), on_delete=models.CASCADE, related_name="redirects"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()
