"""Series: investigations in parts, with a landing page of their own."""

from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from articles.addresses import address
from articles.models.articles import Article
from articles.models.languages import localized
from articles.models.media import Image


class SeriesQuerySet(models.QuerySet):
    def with_published_parts(self, language):
        """The series that readers of `language` may see: those with at least one published part in it,
        each annotated with `part_count` (its published parts in that language) and `latest_part_at`
        (when the newest of them went live), in the same query.

        A series has no publication state of its own: it appears with its first published part, by the one
        rule of Article.objects.published(), so a series planned around unpublished or embargoed work says
        nothing about it before then.
        """
        parts = Article.objects.published().in_language(language).filter(series_part__series=OuterRef("pk"))
        count = parts.order_by().values("series_part__series").annotate(total=models.Count("pk")).values("total")
        return self.annotate(
            part_count=Coalesce(Subquery(count), 0),
            latest_part_at=Subquery(parts.order_by("-publish_at").values("publish_at")[:1]),
        ).filter(part_count__gt=0)


class Series(models.Model):
    """An ordered collection of articles with a landing page of its own: an investigation in parts.

    One object for both languages, as sections and countries are: its own words have a Spanish twin, and
    its parts are articles, each in its language (docs/content-model.md says why).
    """

    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. “The Cocaine Corridor”."))
    title_es = models.CharField(
        _("Spanish title"), max_length=200, blank=True, help_text=_("Shown on Spanish pages; the English one if empty.")
    )
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The series' address: /series/<slug>/, in both languages.")
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences for the series page: what the investigation found.")
    )
    summary_es = models.TextField(
        _("Spanish summary"), blank=True, help_text=_("Shown on Spanish pages; the English one if empty.")
    )
    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    planned_parts = models.PositiveSmallIntegerField(
        _("planned parts"),
        null=True,
        blank=True,
        help_text=_(
            "How many parts the series will have, once announced: readers see “Part 2 of 5” while the rest are "
            "still to come. Leave empty to count the published parts."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("series")
        verbose_name_plural = _("series")
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_parts__isnull=True) | Q(planned_parts__gte=1), name="series_planned_parts_positive"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return address("articles:series-detail", slug=self.slug)

    @property
    def display_title(self):
        return localized(self, "title")

    @property
    def display_summary(self):
        return localized(self, "summary")

    def total_parts(self, published):
        """The number readers see in "Part 2 of N": the planned parts, or the published ones when more."""
        return max(self.planned_parts or 0, published)

    def is_ongoing(self, published):
        """More parts are announced than `published` (the published parts in one language)."""
        return self.planned_parts is not None and published < self.planned_parts


class SeriesPart(models.Model):
    """An article's place in a series. An article belongs to one series at most.

    Parts are ordered by `position`; each language's readers see that language's published parts in that
    order, numbered 1, 2, 3…, so an English part and its Spanish translation usually share a position.
    """

    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="parts")
    article = models.OneToOneField(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="series_part",
        help_text=_("An article is part of one series at most."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=1, help_text=_("Lower numbers come first; give a part and its translation the same one.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("part")
        verbose_name_plural = _("parts")
        indexes = [models.Index(fields=["series", "position"], name="series_part_order_idx")]

    def __str__(self):
        return f"{self.series} – {self.article}"
