"""Addresses that articles used to have, and those of the site a newsroom came from, answered with a
permanent redirect to where they are now."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.addresses import address
from articles.models.languages import Language


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


# How a WordPress address names a post, page, picture, category, tag or author by number or slug:
# /?p=123 and the like answer whatever the path before them.
LEGACY_QUERY_KEYS = ("p", "page_id", "attachment_id", "cat", "tag", "author")
LEGACY_PATH_LENGTH = 500


class LegacyAddress(models.Model):
    """An address of the site the newsroom came from (a WordPress permalink, `/?p=123`, a category, tag
    or author page, a picture's file), answered with a permanent redirect to what now stands there.

    Exactly one of article, section, tag, author and image is set: the redirect follows it, so it keeps
    working when the article moves (slug, section). An article's old address answers only while the
    article is published; before that, it is a 404 like any unpublished address.
    """

    path = models.CharField(
        _("old address"),
        max_length=LEGACY_PATH_LENGTH,
        unique=True,
        help_text=_(
            "The address on the old site without its host, e.g. /2014/07/08/bus-drivers-strike/ or /?p=123. "
            "Letters are compared without regard to case, and with or without the final slash."
        ),
    )
    article = models.ForeignKey(
        "articles.Article",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="legacy_addresses",
    )
    section = models.ForeignKey(
        "articles.Section", verbose_name=_("section"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    tag = models.ForeignKey(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    author = models.ForeignKey(
        "articles.Author", verbose_name=_("author"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    image = models.ForeignKey(
        "articles.Image", verbose_name=_("image"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("For a section, tag or author: the language of the page it leads to."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("address from the old site")
        verbose_name_plural = _("addresses from the old site")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(article__isnull=False, section=None, tag=None, author=None, image=None)
                    | Q(article=None, section__isnull=False, tag=None, author=None, image=None)
                    | Q(article=None, section=None, tag__isnull=False, author=None, image=None)
                    | Q(article=None, section=None, tag=None, author__isnull=False, image=None)
                    | Q(article=None, section=None, tag=None, author=None, image__isnull=False)
                ),
                name="legacy_address_one_target",
            ),
        ]

    def __str__(self):
        return self.path

    def save(self, *args, **kwargs):
        self.path = self.normalize(self.path)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.target_url()

    def clean(self):
        targets = [self.article_id, self.section_id, self.tag_id, self.author_id, self.image_id]
        if sum(target is not None for target in targets) != 1:
            raise ValidationError(
                _("Choose exactly one of article, section, tag, author and image for the address to lead to."),
                code="one_target",
            )

    @staticmethod
    def normalize(url):
        """The form an old address is stored and looked up in: `/?p=123` for WordPress's numbered
        addresses (whatever path they came on), else the decoded path, lower-cased, without its final
        slash, its host, query or fragment."""
        parts = urlsplit(str(url).strip())
        query = parse_qs(parts.query)
        for key in LEGACY_QUERY_KEYS:
            value = (query.get(key) or [""])[0].strip()
            if value:
                return f"/?{key}={value.lower()}"[:LEGACY_PATH_LENGTH]
        path = re.sub(r"/{2,}", "/", unquote(parts.path or "/")).lower()
        if parts.netloc and not parts.scheme:
            # "//cdn.example.org/x.jpg": a picture that lived on another host, kept as a key only.
            path = f"//{parts.netloc.lower()}{path}"
        if len(path) > 1:
            path = path.rstrip("/")
        return path[:LEGACY_PATH_LENGTH] or "/"

    def target_url(self):
        """The address it now leads to, or None while it leads to an article that is not published."""
        if self.article_id is not None:
            return self.article.get_absolute_url() if self.article.is_published else None
        if self.image_id is not None:
            return self.image.file.url
        if self.section_id is not None:
            return address("articles:section-detail", language=self.language, slug=self.section.slug)
        if self.tag_id is not None:
            return address("articles:tag-detail", language=self.language, slug=self.tag.slug)
        return address("articles:author-detail", language=self.language, slug=self.author.slug)
