"""Pages editors write in the admin: about, team, contact, privacy, the ethics and corrections policies,
the republishing guidelines and any other page the newsroom needs, each in English and Spanish."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from articles.models.languages import localized
from articles.sanitizer import clean_html, plain_text

PAGE_VIEW_NAME = "pages:page-detail"


def _site_uses(slug):
    """True when /<slug>/, or an address under it, is answered by anything but a page, or is a language's
    prefix (/es/)."""
    if slug in {code for code, _name in settings.LANGUAGES}:
        return True
    for path in (f"/{slug}/", f"/{slug}/a-page/", f"/{slug}/1/"):
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name != PAGE_VIEW_NAME:
            return True
    return False


class PageQuerySet(models.QuerySet):
    def published(self, language):
        """The pages readers may see in `language`: published, and written in that language (a Spanish
        page needs its Spanish title and text)."""
        pages = self.filter(published=True)
        if language == "es":
            pages = pages.exclude(title_es="").exclude(body_es="")
        return pages

    def for_menus(self):
        """Only what footers, sitemaps and JSON-LD need: never the texts."""
        return self.only("kind", "slug", "title", "title_es", "in_footer", "position", "updated_at")


class Page(models.Model):
    """A page of the newsroom's own, one object for both languages (as sections and series are): its texts
    have Spanish twins and its address is /<slug>/ in English and /es/<slug>/ in Spanish."""

    class Kind(models.TextChoices):
        # Each kind but "other" is one page at most: the JSON-LD names the policies by kind.
        ABOUT = "about", _("About us")
        TEAM = "team", _("Team (masthead)")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy policy")
        ETHICS = "ethics", _("Ethics policy")
        CORRECTIONS = "corrections", _("Corrections policy")
        FUNDING = "funding", _("Ownership and funding")
        REPUBLISHING = "republishing", _("Republishing guidelines")
        OTHER = "other", _("Other page")

    # The schema.org properties of a NewsMediaOrganization that point to a page of each kind.
    SCHEMA_PROPERTIES = {
        Kind.ABOUT: ("publishingPrinciples",),
        Kind.TEAM: ("masthead",),
        Kind.CONTACT: ("actionableFeedbackPolicy",),
        Kind.ETHICS: ("ethicsPolicy",),
        Kind.CORRECTIONS: ("correctionsPolicy",),
        Kind.FUNDING: ("ownershipFundingInfo",),
    }

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_(
            "What the page is. Search engines are told where the ethics, corrections and funding policies, the "
            "masthead and the contact page are; each of these kinds is one page at most."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The page's address: /<slug>/ in English and /es/<slug>/ in Spanish, e.g. “about”."),
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("The page's heading, e.g. “About us”."))
    title_es = models.CharField(
        _("Spanish title"),
        max_length=200,
        blank=True,
        help_text=_("The page is on the Spanish site once its Spanish title and text are written."),
    )
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One sentence for search engines and link previews. The start of the text if empty."),
    )
    summary_es = models.CharField(_("Spanish summary"), max_length=300, blank=True)
    body = models.TextField(_("text"), help_text=_("Formatting is cleaned on save."))
    body_es = models.TextField(_("Spanish text"), blank=True, help_text=_("Formatting is cleaned on save."))
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Readers see the page only once it is published.")
    )
    in_footer = models.BooleanField(_("in the footer"), default=True, help_text=_("Linked from every page's footer."))
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the footer.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=~Q(kind="other"),
                name="page_one_per_kind",
                violation_error_message=_("The newsroom already has a page of this kind."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        self.body_es = clean_html(self.body_es)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(PAGE_VIEW_NAME, kwargs={"slug": self.slug})

    def clean(self):
        # Pages answer at the top of the site, after everything else: an address the site already uses,
        # itself (/donate/, /es/) or as the start of others (/news/…, /tags/…), is not a page's to take.
        errors = {}
        if self.slug and _site_uses(self.slug):
            message = _("The site already uses the address /%(slug)s/: choose another.")
            errors["slug"] = ValidationError(message, code="reserved_slug", params={"slug": self.slug})
        if self.kind != self.Kind.OTHER:
            taken = Page.objects.filter(kind=self.kind).exclude(pk=self.pk).values_list("title", flat=True).first()
            if taken is not None:
                errors["kind"] = ValidationError(
                    _("“%(title)s” is already the newsroom's %(kind)s page: edit it, or make this one “Other page”."),
                    code="kind_taken",
                    params={"title": taken, "kind": self.get_kind_display().lower()},
                )
        if errors:
            raise ValidationError(errors)

    @property
    def display_title(self):
        return localized(self, "title")

    @property
    def display_body(self):
        return localized(self, "body")

    @property
    def description(self):
        """The page's summary in the active language, or the start of its text."""
        summary = localized(self, "summary")
        if summary:
            return summary
        text = plain_text(self.display_body)
        return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"

    def schema_properties(self):
        return self.SCHEMA_PROPERTIES.get(self.kind, ())
