"""Sections, countries and tags: what an article is about, each with its counterpart in the other language."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag, TaggedItemBase

from articles.addresses import address
from articles.models.languages import Language, localized


class Section(models.Model):
    name = models.CharField(_("name"), max_length=80, help_text=_("Shown in menus and kickers, e.g. “Briefs”."))
    name_es = models.CharField(_("Spanish name"), max_length=80, blank=True, help_text=_("e.g. “Breves”."))
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("The section's address: /news/<slug>/."))
    description = models.TextField(
        _("description"), blank=True, help_text=_("One or two sentences for the section page.")
    )
    description_es = models.TextField(_("Spanish description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first in menus."))
    minimum_words = models.PositiveIntegerField(
        _("minimum length"),
        default=0,
        help_text=_(
            "Words a body of this section usually has at least. Shorter articles are flagged before "
            "publishing; an editor may publish anyway. 0 for no minimum."
        ),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("articles:section-detail", slug=self.slug)

    @property
    def display_name(self):
        return localized(self, "name")

    @property
    def display_description(self):
        return localized(self, "description")


class Country(models.Model):
    class Region(models.TextChoices):
        NORTH_AMERICA = "north-america", _("North America")
        CENTRAL_AMERICA = "central-america", _("Central America")
        CARIBBEAN = "caribbean", _("Caribbean")
        SOUTH_AMERICA = "south-america", _("South America")
        EUROPE = "europe", _("Europe")
        AFRICA = "africa", _("Africa")
        ASIA = "asia", _("Asia")
        OCEANIA = "oceania", _("Oceania")

    name = models.CharField(_("name"), max_length=80, help_text=_("English name, e.g. “Mexico”."))
    name_es = models.CharField(_("Spanish name"), max_length=80, blank=True, help_text=_("e.g. “México”."))
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("The country's address: /countries/<slug>/.")
    )
    iso_code = models.CharField(
        _("ISO code"), max_length=2, unique=True, help_text=_("Two-letter ISO 3166 code, e.g. MX.")
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(condition=Q(iso_code__regex=r"^[A-Z]{2}$"), name="country_iso_code_two_capitals"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.iso_code = self.iso_code.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return address("articles:country-detail", slug=self.slug)

    @property
    def display_name(self):
        return localized(self, "name")


class TaggedArticle(TaggedItemBase):
    """Article tags with a real foreign key, so tag pages join on an indexed integer column."""

    content_object = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_tag_once"),
        ]
        indexes = [
            # Tag pages, feeds and sitemap: a tag's articles from the index alone.
            models.Index(fields=["tag", "content_object"], name="tagged_article_tag_idx"),
        ]


class TagLanguage(models.Model):
    """A tag's language and its counterpart in the other language ("Extortion" and "Extorsión").

    Tags are django-taggit's; this row adds what a bilingual site needs, paired as articles are: the two
    tags of a pair share a translation key, one per language (the database refuses anything else).
    """

    tag = models.OneToOneField(
        Tag, verbose_name=_("tag"), on_delete=models.CASCADE, primary_key=True, related_name="language_info"
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH)
    translation_key = models.UUIDField(_("translation key"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("tag language")
        verbose_name_plural = _("tag languages")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "language"], name="tag_one_per_language_in_pair"),
        ]

    def __str__(self):
        return f"{self.tag} ({self.language})"


def tag_counterparts(tags, language):
    """{tag id: its counterpart Tag in `language`} for those of `tags` that have one, in one query."""
    keys = {
        info.translation_key: info.tag_id
        for info in TagLanguage.objects.filter(tag__in=tags, translation_key__isnull=False)
    }
    counterparts = (
        TagLanguage.objects.filter(translation_key__in=keys, language=language)
        .exclude(tag__in=tags)
        .select_related("tag")
    )
    return {keys[info.translation_key]: info.tag for info in counterparts}
