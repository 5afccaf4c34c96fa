"""Series: investigations in parts. The series index, each series' landing page, and the "Part 2 of 5"
block with the previous and next parts on each part's article page. The series feed is in feeds.py."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from articles import structured_data
from articles.identity import site_identity
from articles.models import Article, Series

# The parts of a series in reading order (ties, such as two parts left at the same position, by date).
PART_ORDER = ("series_part__position", "publish_at", "pk")


class SeriesListView(ListView):
    """Every series with a published part in the page's language, the most recently continued first."""

    template_name = "articles/series_list.html"
    context_object_name = "series_list"
    paginate_by = 20

    def get_queryset(self):
        return (
            Series.objects.with_published_parts(get_language())
            .select_related("lead_image")
            .order_by(F("latest_part_at").desc(), "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for series in context["series_list"]:
            series.total = series.total_parts(series.part_count)
            series.ongoing = series.is_ongoing(series.part_count)
        return context


class SeriesDetailView(DetailView):
    """A series' landing page: its title, summary and lead image, and its published parts in order."""

    template_name = "articles/series_detail.html"
    context_object_name = "series"

    def get_queryset(self):
        return Series.objects.with_published_parts(get_language()).select_related("lead_image")

    def get_context_data(self, **kwargs):
        series, language = self.object, get_language()
        # Both languages' parts in one go: this language's are listed, the others tell which
        # languages the series can be read in (hreflang).
        parts = list(Article.objects.published().filter(series_part__series=series).for_listing().order_by(*PART_ORDER))
        here = [part for part in parts if part.language == language]
        for number, part in enumerate(here, start=1):
            part.part_number = number
        found = {part.language for part in parts}
        return super().get_context_data(
            translation=_other_language(series, found),
            parts=here,
            total_parts=series.total_parts(len(here)),
            ongoing=series.is_ongoing(len(here)),
            languages=[code for code, _name in settings.LANGUAGES if code in found],
            structured_data=structured_data.creative_work_series(
                series, here, language=language, identity=site_identity(self.request)
            ),
            **kwargs,
        )


@dataclass(frozen=True)
class OtherLanguage:
    """Where the language switch of a series page leads: the series in the other language, or the series
    index there when the series has no published part in that language yet."""

    language: str
    url: str

    def get_absolute_url(self):
        return self.url


def _other_language(series, found):
    language = get_language()
    other = next((code for code, _name in settings.LANGUAGES if code != language), None)
    if other is None:
        return None
    with translation.override(other):
        if other in found:
            return OtherLanguage(other, reverse("articles:series-detail", kwargs={"slug": series.slug}))
        return OtherLanguage(other, reverse("articles:series-list"))


@dataclass(frozen=True)
class SeriesNavigation:
    """Where an article stands in its series: "Part `number` of `total`", and its neighbours."""

    series: Series
    number: int
    total: int
    previous: Article | None
    next: Article | None


def series_navigation(article):
    """The series block of `article`'s page, or None when it is in no series.

    `article.series_part.series` should be fetched with the article (`select_related`): then an article
    outside any series costs no query, and one in a series costs one, whatever the number of parts. The
    neighbours are the published parts in the article's language; the article itself counts even when it
    is not published yet, so that a preview shows the part as it will appear.
    """
    try:
        series = article.series_part.series
    except ObjectDoesNotExist:
        return None
    siblings = Article.objects.published().in_language(article.language).filter(
        series_part__series=series
    ) | Article.objects.filter(pk=article.pk)
    parts = list(
        siblings.select_related("section")
        .only("title", "slug", "language", "publish_at", "section__slug")
        .order_by(*PART_ORDER)
    )
    index = next(number for number, part in enumerate(parts) if part.pk == article.pk)
    return SeriesNavigation(
        series=series,
        number=index + 1,
        total=series.total_parts(len(parts)),
        previous=parts[index - 1] if index > 0 else None,
        next=parts[index + 1] if index + 1 < len(parts) else None,
    )
