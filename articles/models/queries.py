"""How articles are read: what readers may see, teasers with their bylines, related content, translation state."""

import datetime
from dataclasses import dataclass

from django.db import connections, models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from articles.addresses import address
from articles.models.languages import TranslationState
from articles.models.people import ArticleAuthor
from articles.models.search import SearchResults, clean_search_query
from articles.models.taxonomy import TaggedArticle

# The statuses readers may see, as a condition of indexes and constraints: spelt out rather than
# `status__in`, since PostgreSQL prints an IN list back in a form that a restored database words
# differently (backups are compared schema and all; see tests/newsroom/test_backup_restore.py).
PUBLIC_CONDITION = Q(status="published") | Q(status="embargoed")

# The statuses of articles that readers see once their publish time has come (Article.PUBLIC_STATUSES).
PUBLIC_STATUSES = ("published", "embargoed")


def _bylines():
    """Bylines in order with their authors, for prefetching."""
    return models.Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))


# What for_teaser() reads of an article and of what it shows with it (see there).
TEASER_FIELDS = [
    "title",
    "slug",
    "language",
    "dek",
    "status",
    "publish_at",
    "section",
    "primary_tag",
    "lead_image",
    # The "Live" badge of a developing story.
    "live_started_at",
    "live_ended_at",
    *(f"section__{name}" for name in ("name", "name_es", "slug")),
    *(f"primary_tag__{name}" for name in ("name", "slug")),
    *(f"lead_image__{name}" for name in ("file", "width", "height", "renditions", "alt_text", "alt_text_es")),
]


# Related content is ranked among the newest this-many articles of each of the article's tags and of its
# primary country (ArticleQuerySet.related_to), at most RELATED_TAGS tags.
RELATED_POOL = 50


RELATED_TAGS = 8


@dataclass(frozen=True)
class TranslationLink:
    """The published translation of an article, as its page links to it and its JSON-LD names it
    (ArticleQuerySet.with_translation): what Article.is_translation_of() and the page read of the partner."""

    pk: int
    language: str
    slug: str
    section_slug: str
    title: str
    source_revision: int | None
    created_at: datetime.datetime

    @classmethod
    def from_json(cls, data):
        created_at = data["created_at"]
        if isinstance(created_at, str):
            created_at = parse_datetime(created_at)
        if timezone.is_naive(created_at):
            # SQLite's JSON holds UTC without its offset.
            created_at = timezone.make_aware(created_at, datetime.UTC)
        return cls(**{**data, "created_at": created_at})

    def get_absolute_url(self):
        return address("articles:article-detail", language=self.language, section=self.section_slug, slug=self.slug)


def published_lookups(prefix=""):
    """The lookups of ArticleQuerySet.published(), for an article reached through `prefix` (e.g. "to_article__"),
    so that a join can filter on them where a subquery would read every published article."""
    return {f"{prefix}status__in": PUBLIC_STATUSES, f"{prefix}publish_at__lte": timezone.now()}


class JSONArrayAgg(models.Aggregate):
    """The aggregated values as one JSON array: json_group_array() on SQLite, jsonb_agg() on PostgreSQL
    (jsonb, which Django's JSONField reads back from the driver as text, as it does any jsonb)."""

    function = "JSON_GROUP_ARRAY"
    output_field = models.JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published or embargoed, with the publish time reached.

        The one definition of "published", used by every page, feed, sitemap and search. A scheduled
        article (published with a future time) goes live at its minute with no worker running, and an
        embargoed one at the minute its embargo lifts (its publish time), the same way.
        """
        return self.filter(**published_lookups())

    def going_live(self, after):
        """Articles that readers will see later without anyone saving them: scheduled, or under an
        embargo that lifts after `after`."""
        return self.filter(status__in=PUBLIC_STATUSES, publish_at__gt=after)

    def in_language(self, language):
        return self.filter(language=language)

    def for_teaser(self):
        """What a teaser shows (label, headline, dek, image, date, address), in the same query, and nothing
        else: building and planning the SQL of a wide join costs more than running it. A template that shows
        more of a teaser's article names the field here (TEASER_FIELDS), or every teaser costs a query."""
        return self.select_related("section", "primary_tag", "lead_image").only(*TEASER_FIELDS)

    def for_page(self):
        """Everything the article page shows of the article itself and its bylines, in two queries."""
        return self.select_related("section", "primary_country", "primary_tag", "lead_image").prefetch_related(
            _bylines()
        )

    def for_listing(self):
        """What a full teaser shows, bylines included: a constant number of queries for any page size."""
        return self.for_teaser().prefetch_related(_bylines())

    def with_translation(self):
        """Each article with its published translation, in the same query, as `translation_link` (a
        TranslationLink, or None): what the article page links to, without a query of its own."""
        other = (
            self.model.objects.published()
            .filter(translation_key=OuterRef("translation_key"))
            .exclude(pk=OuterRef("pk"))
            .values(
                link=JSONObject(
                    pk="pk",
                    language="language",
                    slug="slug",
                    section_slug="section__slug",
                    title="title",
                    source_revision="source_revision",
                    created_at="created_at",
                )
            )[:1]
        )
        return self.annotate(translation_json=Subquery(other, output_field=models.JSONField()))

    def with_countries(self):
        """Each article with every country it is tied to, in the same query, as `countries_json` (a list of
        {pk, slug, name, name_es}, in no particular order, or None for none): what the article page's kicker
        shows, without a query of its own (articles.templatetags.newsroom.countries_shown)."""
        countries = (
            self.model.countries.through.objects.filter(article=OuterRef("pk"))
            .order_by()
            .values("article")
            .annotate(
                countries=JSONArrayAgg(
                    JSONObject(pk="country__pk", slug="country__slug", name="country__name", name_es="country__name_es")
                )
            )
            .values("countries")
        )
        return self.annotate(countries_json=Subquery(countries, output_field=models.JSONField()))

    def related_to(self, article, *, picks=(), limit=4):
        """Related content for `article`: the editors' picks first, then filled with the articles in its
        language that share the most tags with it (or its primary country), newest first among equals.
        Never the article itself, never unpublished. `article.tags.all()` should be prefetched.

        The candidates are the newest RELATED_POOL published articles of each tag and of the primary country,
        each read backwards from its own index (tag or country, then article) and stopped there: on a large
        archive a tag is shared by tens of thousands of articles, too many to rank on every page view, and
        related content should be recent anyway. (Newest by id, which is the order the archive was written in.)
        """
        related = list(picks)[:limit]
        missing = limit - len(related)
        if missing <= 0:
            return related
        tag_ids = [tag.pk for tag in article.tags.all()][:RELATED_TAGS]
        excluded = [article.pk, *(pick.pk for pick in related)]
        pools = [
            TaggedArticle.objects.filter(
                tag=tag_id, content_object__language=article.language, **published_lookups("content_object__")
            )
            .order_by("-content_object_id")
            .values_list("content_object_id", flat=True)[:RELATED_POOL]
            for tag_id in tag_ids
        ]
        if article.primary_country_id:
            ArticleCountry = self.model.countries.through
            pools.append(
                ArticleCountry.objects.filter(
                    country=article.primary_country_id,
                    article__language=article.language,
                    **published_lookups("article__"),
                )
                .order_by("-article_id")
                .values_list("article_id", flat=True)[:RELATED_POOL]
            )
        if not pools:
            return related
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            candidates = pools[0].union(*pools[1:], all=True) if len(pools) > 1 else pools[0]
        else:
            # SQLite cannot limit the parts of a UNION: any article sharing a tag or the country, ranked among
            # the newest few hundred, which at the size of a site on SQLite is quick.
            matches = Exists(TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids))
            if article.primary_country_id:
                matches |= Exists(
                    self.model.countries.through.objects.filter(
                        article=OuterRef("pk"), country=article.primary_country_id
                    )
                )
            candidates = (
                self.published()
                .in_language(article.language)
                .filter(matches)
                .order_by(F("publish_at").desc(nulls_last=True), "-pk")
                .values("pk")[: RELATED_POOL * (len(tag_ids) + 1)]
            )
        shared_tags = (
            TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
            .order_by()
            .values("content_object")
            .annotate(total=models.Count("pk"))
            .values("total")
        )
        fill = (
            self.published()
            .filter(pk__in=candidates)
            .exclude(pk__in=excluded)
            .for_teaser()
            .annotate(shared_tags=Coalesce(Subquery(shared_tags), 0))
            .order_by("-shared_tags", "-publish_at", "-pk")[:missing]
        )
        return related + list(fill)

    def translations_of(self, article):
        """The other-language versions of `article` (at most one: see the translation constraint)."""
        if article.translation_key is None:
            return self.none()
        return self.filter(translation_key=article.translation_key).exclude(pk=article.pk)

    def with_translation_state(self):
        """Each article with `translation_state` (a TranslationState value), in the same query.

        The same rule as Article.translation_state_with(), in SQL: missing without a partner; outdated
        when the translated side was last brought up to date with an older revision of its source than the
        current one; in progress while either side is unpublished or holds machine text nobody has
        reviewed; up to date otherwise. Correlated subqueries: right for the rows of one page (a list's
        column); to filter or count a whole archive, in_translation_state() and translation_state_counts()
        join each article to its partner once instead.
        """
        partner = self.model.objects.filter(translation_key=OuterRef("translation_key")).exclude(pk=OuterRef("pk"))
        outdated = (
            Q(source_revision__isnull=False) & Q(Exists(partner.filter(revision__gt=OuterRef("source_revision"))))
        ) | Q(Exists(partner.filter(source_revision__isnull=False, source_revision__lt=OuterRef("revision"))))
        unfinished = ~Q(status__in=PUBLIC_STATUSES) | Q(needs_review=True)
        in_progress = unfinished | Q(Exists(partner.filter(unfinished)))
        return self.annotate(
            translation_state=Case(
                When(Q(translation_key__isnull=True) | ~Q(Exists(partner)), then=Value(TranslationState.MISSING)),
                When(outdated, then=Value(TranslationState.OUTDATED)),
                When(in_progress, then=Value(TranslationState.IN_PROGRESS)),
                default=Value(TranslationState.UP_TO_DATE),
                output_field=models.CharField(),
            )
        )

    def in_translation_state(self, state):
        """The articles whose translation is in `state` (a TranslationState value): one hash join of the
        table with itself, however large the archive."""
        sql, params = _translation_states_sql(self.model)
        return self.filter(pk__in=RawSQL(f"SELECT id FROM ({sql}) states WHERE state = %s", [*params, state]))

    def search(self, query, *, language):
        """The published articles of this queryset in `language` that match a reader's `query`, best first,
        as SearchResults: a page of them costs two queries (and their bylines), however many match.

        On PostgreSQL: full text on the stored search vector (headline, then tags, countries and dek, then
        text, then authors, by weight), `query` read as a web search engine would ("quoted phrase", or,
        -word) with the stemming of `language`. On SQLite: every word of `query`, stemmed in `language`
        and without accents, in the FTS5 table `articles_search` (articles/fulltext.py). Either way the
        newest SEARCH_RANKED matches, found from the index, are ranked by relevance and then recency, and
        only those: a common word matches tens of thousands of articles in a large archive, which no reader
        pages through, and ranking them all would make every search slow. `more` says there were others.

        Each article of a page gets `search_snippet`: plain text to escape before display, a passage of its
        dek and text with the matches between SEARCH_MATCH_START and SEARCH_MATCH_STOP. An empty query
        matches nothing.
        """
        return SearchResults(self.published().in_language(language), clean_search_query(query), language)


def _translation_states_sql(model):
    """(SQL, params): every article's id, language, whether it is published, and its TranslationState,
    joined to its partner (the other article with its translation key) rather than looked up per row."""
    table = model._meta.db_table
    public = ", ".join(["%s"] * len(PUBLIC_STATUSES))
    sql = f"""
        SELECT a.id AS id, a.language AS language, a.status IN ({public}) AS published,
            CASE
                WHEN b.id IS NULL THEN %s
                WHEN (a.source_revision IS NOT NULL AND b.revision > a.source_revision)
                    OR (b.source_revision IS NOT NULL AND a.revision > b.source_revision) THEN %s
                WHEN a.status NOT IN ({public}) OR a.needs_review OR b.status NOT IN ({public}) OR b.needs_review
                    THEN %s
                ELSE %s
            END AS state
        FROM {table} a LEFT JOIN {table} b ON b.translation_key = a.translation_key AND b.id <> a.id
    """  # noqa: S608 - the table name is ours, every value a parameter
    public_statuses = [str(status) for status in PUBLIC_STATUSES]
    params = [
        *public_statuses,
        TranslationState.MISSING,
        TranslationState.OUTDATED,
        *public_statuses,
        *public_statuses,
        TranslationState.IN_PROGRESS,
        TranslationState.UP_TO_DATE,
    ]
    return sql, params


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search vector is as large as the text and only search reads it (in SQL).
        return super().get_queryset().defer("search_vector")
