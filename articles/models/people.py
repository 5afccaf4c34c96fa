"""Authors and their place in an article's byline."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.addresses import address
from articles.models.languages import Language, localized
from articles.models.media import Image


class Author(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The author's address: /authors/<slug>/.")
    )
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("e.g. “Senior investigator”."))
    role_es = models.CharField(_("Spanish role"), max_length=120, blank=True)
    bio = models.TextField(_("biography"), blank=True, help_text=_("A short paragraph for the author page."))
    bio_es = models.TextField(_("Spanish biography"), blank=True)
    photo = models.ForeignKey(
        Image,
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    email = models.EmailField(
        _("public email"), blank=True, help_text=_("Shown on the author page; leave blank to hide.")
    )
    website = models.URLField(_("website"), blank=True)
    x_handle = models.CharField(_("X handle"), max_length=50, blank=True, help_text=_("Without the @."))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        help_text=_("The admin account of this author, if they have one."),
    )
    email_language = models.CharField(
        _("language of desk e-mails"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_(
            "The language of the e-mails the desk sends this staff member (submissions, returns, "
            "publications). When empty, each e-mail is in the language of its article."
        ),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("articles:author-detail", slug=self.slug)

    @property
    def display_role(self):
        return localized(self, "role")

    @property
    def display_bio(self):
        return localized(self, "bio")


class ArticleAuthor(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, verbose_name=_("author"), on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("byline")
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_once_per_article"),
        ]
        indexes = [
            # Author pages, feeds and sitemap: an author's articles from the index alone.
            models.Index(fields=["author", "article"], name="byline_author_idx"),
        ]

    def __str__(self):
        return f"{self.author} – {self.article}"
