"""The home page: the latest articles, the lead story and what the newsroom highlights."""

from django.conf import settings
from django.db import connection
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language
from django.views.generic import TemplateView

from articles.models import (
    Article,
)
from articles.templatetags.newsroom import site_sections
from articles.views.listings import published_articles


class HomeView(TemplateView):
    template_name = "articles/home.html"
    latest_count = 7
    per_section = 3

    def get_context_data(self, **kwargs):
        organization = settings.NEWSROOM_ORGANIZATION_SECTION
        latest = list(published_articles().exclude(section__slug=organization)[: self.latest_count])
        shown = [article.pk for article in latest]
        sections = [section for section in site_sections(self.request) if section.slug != organization]
        by_section = {}
        for article in self.section_teasers(sections, exclude=shown):
            by_section.setdefault(article.section_id, []).append(article)
        return super().get_context_data(
            lead=latest[0] if latest else None,
            latest=latest[1:],
            sections=[(section, by_section[section.pk]) for section in sections if section.pk in by_section],
            **kwargs,
        )

    def section_teasers(self, sections, *, exclude):
        """The newest few articles of each of `sections`, in one query."""
        articles = Article.objects.published().in_language(get_language()).for_teaser().exclude(pk__in=exclude)
        newest_first = [F("publish_at").desc(nulls_last=True), F("pk").desc()]
        if not sections:
            return []
        if connection.features.supports_slicing_ordering_in_compound:
            # PostgreSQL: one short index scan per section, glued with UNION ALL.
            newest = [
                articles.filter(section=section).order_by(*newest_first)[: self.per_section] for section in sections
            ]
            return newest[0].union(*newest[1:], all=True)
        # SQLite cannot limit the parts of a UNION: a window over the language's articles, which at the size
        # of a site on SQLite is quick (on PostgreSQL at 100,000 articles it would read every one of them).
        return (
            articles.filter(section__in=sections)
            .annotate(rank=Window(RowNumber(), partition_by=[F("section_id")], order_by=newest_first))
            .filter(rank__lte=self.per_section)
        )
