"""The newsroom's content: sections, articles, authors, countries, images, tags and links."""

import datetime
import math
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVectorField
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import connections, models, transaction
from django.db.models import Case, Exists, F, Func, OrderBy, OuterRef, Q, Subquery, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, JSONObject
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from articles import fulltext
from articles.sanitizer import clean_html, plain_text


def localized(obj, field):
    """`obj.<field>_es` when the active language is Spanish and that text is filled in, else `obj.<field>`."""
    if translation.get_language() == "es":
        spanish = getattr(obj, f"{field}_es", "")
        if spanish:
            return spanish
    return getattr(obj, field)


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


def other_language(language):
    """The newsroom's other language: Spanish for English, English for Spanish."""
    return Language.SPANISH if language == Language.ENGLISH else Language.ENGLISH


class TranslationState(models.TextChoices):
    """Where an article's translation stands, derived from the pair (never typed; see Article.revision)."""

    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in-progress", _("In progress")
    OUTDATED = "outdated", _("Outdated")
    UP_TO_DATE = "up-to-date", _("Up to date")


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
        return reverse("articles:section-detail", kwargs={"slug": self.slug})

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
        return reverse("articles:country-detail", kwargs={"slug": self.slug})

    @property
    def display_name(self):
        return localized(self, "name")


class Image(models.Model):
    """An uploaded picture with the words that must travel with it: alt text, caption and credit."""

    file = models.ImageField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("A JPEG, PNG or WebP photo or graphic."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it. Required."),
    )
    alt_text_es = models.CharField(
        _("Spanish alt text"),
        max_length=250,
        blank=True,
        help_text=_("The alt text in Spanish, shown on Spanish pages. The English one is used when this is empty."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True, help_text=_("Shown under the image."))
    caption_es = models.CharField(
        _("Spanish caption"),
        max_length=300,
        blank=True,
        help_text=_("The caption in Spanish, shown on Spanish pages. The English one is used when this is empty."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or agency, e.g. “Ana Ruiz / Newsroom”.")
    )
    # Where the subject is, in percent of the width and height from the top left: every crop keeps it in frame.
    focal_x = models.PositiveSmallIntegerField(
        _("focal point across (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Click the picture on where it matters most; crops keep that spot. 0 is the left edge."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("focal point down (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("0 is the top edge, 100 the bottom."),
    )
    credit_es = models.CharField(
        _("Spanish credit"),
        max_length=200,
        blank=True,
        help_text=_(
            "The credit as Spanish pages show it, e.g. “Foto: Ana Ruiz / Newsroom”. The English one is used when "
            "this is empty."
        ),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # Smaller WebP copies for responsive pages, {"480": "<storage name>", ...}; see articles/images.py.
    renditions = models.JSONField(_("renditions"), default=dict, blank=True, editable=False)
    # The original's size in bytes, for feed enclosures: asking object storage costs a request per image.
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")
        constraints = [
            models.CheckConstraint(condition=Q(focal_x__lte=100, focal_y__lte=100), name="image_focal_point_inside"),
        ]

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        if self.file and (self.file_size is None or not self.file._committed):
            # A new upload knows its size; a stored file is asked once.
            self.file_size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.file.url

    def widths(self):
        """The resized copies, {width: storage name} (the cropped ones are named otherwise)."""
        return {int(key): name for key, name in self.renditions.items() if key.isdigit()}

    @property
    def srcset(self):
        """Every size of the image for the `srcset` attribute, smallest first, the original last."""
        storage = self.file.storage
        candidates = [f"{storage.url(name)} {width}w" for width, name in sorted(self.widths().items())]
        return ", ".join([*candidates, f"{self.file.url} {self.width}w"])

    @property
    def card_url(self):
        """The copy cropped for social cards (articles/images.py CARD_SIZE) around the focal point, else
        the original."""
        name = self.renditions.get("card")
        return self.file.storage.url(name) if name else self.file.url

    @property
    def display_alt_text(self):
        return localized(self, "alt_text")

    @property
    def display_caption(self):
        return localized(self, "caption")

    @property
    def display_credit(self):
        return localized(self, "credit")


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
        return reverse("articles:author-detail", kwargs={"slug": self.slug})

    @property
    def display_role(self):
        return localized(self, "role")

    @property
    def display_bio(self):
        return localized(self, "bio")


# The longest reader query searched: room for any real question, none for a denial of service.
SEARCH_MAX_LENGTH = 200
# How many of the newest matches a search ranks by relevance (ArticleQuerySet.search).
SEARCH_RANKED = 1000
# Put around each match of a search snippet: characters no article holds, so that the passage can be
# escaped as plain text first and its matches marked up after (articles/search.py).
SEARCH_MATCH_START = "\ue000"
SEARCH_MATCH_STOP = "\ue001"
# The text search configuration of each language, as the search vector trigger uses them: stemming
# that ignores accents (migrations 0002 and 0008).
SEARCH_CONFIGS = {"en": "newsroom_english", "es": "newsroom_spanish"}
EXCLUDING_MINUS = re.compile(r'-+(?=[\w"])')
LONE_MINUS = re.compile(r'-(?![\w"])')


def clean_search_query(query):
    """A reader's query as it may reach the database: no NUL characters or lone surrogates, trimmed,
    at most SEARCH_MAX_LENGTH characters, and a minus only where it excludes a word or a phrase."""
    query = str(query or "").replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    # PostgreSQL's web search syntax reads every other minus as one more NOT, and a few dozen of them
    # in a row overflow its parser ("tsquery stack too small"): a run before a word is one minus, and a
    # minus before anything else (space, bracket, another sign) means nothing and becomes a space.
    query = EXCLUDING_MINUS.sub("-", query)
    query = LONE_MINUS.sub(" ", query)
    return query.strip()[:SEARCH_MAX_LENGTH].strip()


class StripTags(Func):
    """An HTML column as text, its tags replaced with spaces as the search vector trigger does."""

    function = "REGEXP_REPLACE"
    output_field = models.TextField()

    def __init__(self, expression):
        super().__init__(expression, Value("<[^>]*>"), Value(" "), Value("g"))


# The statuses readers may see, as a condition of indexes and constraints: spelt out rather than
# `status__in`, since PostgreSQL prints an IN list back in a form that a restored database words
# differently (backups are compared schema and all; see tests/newsroom/test_backup_restore.py).
PUBLIC_CONDITION = Q(status="published") | Q(status="embargoed")


class NullsLastIndex(models.Index):
    """An index whose columns may be ordered `F(...).desc(nulls_last=True)`, as Article's listings are sorted.

    PostgreSQL reads a page of a listing straight from such an index; a plain DESC column puts NULLs first and
    cannot serve that ORDER BY, so every match gets sorted. SQLite refuses NULLS LAST in an index, and its DESC
    puts NULLs last anyway: there the index is created without the words.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "sqlite":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        index = self.clone()
        index.expressions = tuple(
            OrderBy(expression.expression, descending=expression.descending)
            if isinstance(expression, OrderBy)
            else expression
            for expression in self.expressions
        )
        return super(NullsLastIndex, index).create_sql(model, schema_editor, using=using, **kwargs)


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
        with translation.override(self.language):
            return reverse("articles:article-detail", kwargs={"section": self.section_slug, "slug": self.slug})


def published_lookups(prefix=""):
    """The lookups of ArticleQuerySet.published(), for an article reached through `prefix` (e.g. "to_article__"),
    so that a join can filter on them where a subquery would read every published article."""
    return {f"{prefix}status__in": Article.PUBLIC_STATUSES, f"{prefix}publish_at__lte": timezone.now()}


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
        return self.filter(status__in=Article.PUBLIC_STATUSES, publish_at__gt=after)

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
            Article.objects.published()
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
            ArticleCountry = Article.countries.through
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
                    Article.countries.through.objects.filter(article=OuterRef("pk"), country=article.primary_country_id)
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
        partner = Article.objects.filter(translation_key=OuterRef("translation_key")).exclude(pk=OuterRef("pk"))
        outdated = (
            Q(source_revision__isnull=False) & Q(Exists(partner.filter(revision__gt=OuterRef("source_revision"))))
        ) | Q(Exists(partner.filter(source_revision__isnull=False, source_revision__lt=OuterRef("revision"))))
        unfinished = ~Q(status__in=Article.PUBLIC_STATUSES) | Q(needs_review=True)
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
        sql, params = _translation_states_sql()
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


# Search engines show about this many characters of a description.
SUMMARY_LENGTH = 160
# A common figure for news prose read on a screen.
READING_WORDS_PER_MINUTE = 230


class SearchResults:
    """The matches of a search, best first, read as a paginator reads a queryset: `count()` and slices.

    The ranked ids of at most SEARCH_RANKED matches come first, in one query on the search index; a slice
    then fetches only its own rows (with their snippets and bylines).
    """

    def __init__(self, articles, query, language):
        self.articles, self.query, self.language = articles, query, language
        self.vendor = connections[articles.db].vendor

    @cached_property
    def _ids(self):
        if not self.query:
            return []
        if self.vendor == "postgresql":
            return self._ranked_on_postgresql()
        return self._ranked_on_sqlite()

    @property
    def more(self):
        """True when more articles match than were ranked."""
        return len(self._ids) > SEARCH_RANKED

    def count(self):
        return min(len(self._ids), SEARCH_RANKED)

    def __len__(self):
        return self.count()

    def __bool__(self):
        return bool(self._ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self._ids[:SEARCH_RANKED][index]
        rows = {article.pk: article for article in self._rows(ids)} if ids else {}
        return [rows[pk] for pk in ids if pk in rows]

    def _search_query(self):
        return SearchQuery(self.query, config=SEARCH_CONFIGS.get(self.language, "simple"), search_type="websearch")

    def _ranked_on_postgresql(self):
        # The newest matches from the GIN index (or the listing index, as the planner sees fit), narrow rows,
        # ranked once they are few: ts_rank reads each one's whole vector.
        newest = (
            self.articles.filter(search_vector=self._search_query())
            .order_by(F("publish_at").desc(nulls_last=True), "-pk")
            .values(ranked_id=F("pk"), ranked_at=F("publish_at"), ranked_vector=F("search_vector"))[: SEARCH_RANKED + 1]
        )
        sql, params = newest.query.sql_with_params()
        config = SEARCH_CONFIGS.get(self.language, "simple")
        with connections[self.articles.db].cursor() as cursor:
            # The one match past SEARCH_RANKED only says that there are more: it goes last, unranked.
            cursor.execute(
                "SELECT newest.ranked_id FROM (SELECT matches.*, ROW_NUMBER() OVER "
                "(ORDER BY matches.ranked_at DESC NULLS LAST, matches.ranked_id DESC) AS position "
                f"FROM ({sql}) matches) newest "  # noqa: S608 - the ORM's SQL, with parameters
                "ORDER BY newest.position > %s, "
                "ts_rank(newest.ranked_vector, websearch_to_tsquery(%s::regconfig, %s)) DESC, "
                "newest.ranked_at DESC NULLS LAST, newest.ranked_id DESC",
                [*params, SEARCH_RANKED, config, self.query],
            )
            return [row[0] for row in cursor.fetchall()]

    def _ranked_on_sqlite(self):
        expression = fulltext.match_expression(self.query, self.language)
        if not expression:
            return []
        allowed, params = self.articles.order_by().values("pk").query.sql_with_params()
        with connections[self.articles.db].cursor() as cursor:
            # bm25 weighs a match by where it is: headline, topics (tags and countries), dek, text, authors.
            cursor.execute(
                "SELECT newest.id FROM (SELECT matches.*, ROW_NUMBER() OVER "
                "(ORDER BY matches.publish_at DESC, matches.id DESC) AS position FROM ("
                "SELECT article.id, article.publish_at, bm25(articles_search, 10.0, 5.0, 3.0, 1.0, 1.0) AS score "
                "FROM articles_search INNER JOIN articles_article article ON article.id = articles_search.rowid "
                f"WHERE articles_search MATCH %s AND article.id IN ({allowed}) "  # noqa: S608 - the ORM's SQL
                "ORDER BY article.publish_at DESC, article.id DESC LIMIT %s) matches) newest "
                "ORDER BY newest.position > %s, newest.score, newest.publish_at DESC, newest.id DESC",
                [expression, *params, SEARCH_RANKED + 1, SEARCH_RANKED],
            )
            return [row[0] for row in cursor.fetchall()]

    def _rows(self, ids):
        rows = Article.objects.filter(pk__in=ids).for_listing()
        if self.vendor == "postgresql":
            config = SEARCH_CONFIGS.get(self.language, "simple")
            text = Concat(
                "dek",
                Value("\n"),
                StripTags("body"),
                Value("\n"),
                StripTags("analysis"),
                output_field=models.TextField(),
            )
            snippet = SearchHeadline(
                text,
                self._search_query(),
                config=config,
                start_sel=SEARCH_MATCH_START,
                stop_sel=SEARCH_MATCH_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
            return list(rows.annotate(search_snippet=snippet))
        rows = list(rows.annotate(search_text=Concat("dek", Value(" "), "body", output_field=models.TextField())))
        for article in rows:
            article.search_snippet = fulltext.snippet(
                article.search_text, self.query, self.language, start=SEARCH_MATCH_START, stop=SEARCH_MATCH_STOP
            )
        return rows


def _translation_states_sql():
    """(SQL, params): every article's id, language, whether it is published, and its TranslationState,
    joined to its partner (the other article with its translation key) rather than looked up per row."""
    table = Article._meta.db_table
    public = ", ".join(["%s"] * len(Article.PUBLIC_STATUSES))
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
    public_statuses = [str(status) for status in Article.PUBLIC_STATUSES]
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


def translation_state_counts():
    """{(state, language, published): how many articles}, for the whole archive in one query."""
    sql, params = _translation_states_sql()
    with connections[Article.objects.db].cursor() as cursor:
        cursor.execute(f"SELECT state, language, published, COUNT(*) FROM ({sql}) states GROUP BY 1, 2, 3", params)
        return {(state, language, bool(published)): count for state, language, published, count in cursor.fetchall()}


# The words of an article that its translation follows: changing any of them counts a new revision.
TRANSLATED_FIELDS = ("title", "dek", "body", "analysis", "seo_title", "seo_description")


class ArticleVersionBase(models.Model):
    """What a saved version of an article records besides its own fields (articles/history.py)."""

    # The byline, tags, countries, links and corrections as they were when the version was saved,
    # by name: {"authors": [...], "tags": [...], ...}. None for versions saved before it was recorded.
    related = models.JSONField(_("byline, topics, links and corrections"), null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # The search vector is as large as the text and only search reads it (in SQL).
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")
        # Shared with partner outlets (PartnerLink) and live for readers once the embargo lifts, at the
        # publish time; it cannot be published any earlier (articles/workflow.py).
        EMBARGOED = "embargoed", _("Embargoed")

    title = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The last part of the article's address. Filled in from the headline."),
    )
    section = models.ForeignKey(Section, verbose_name=_("section"), on_delete=models.PROTECT, related_name="articles")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH)
    translation_key = models.UUIDField(
        _("translation key"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Shared by an article and its translation."),
    )
    # A translation's "outdated" is derived from these two, never typed: every change to the words
    # (TRANSLATED_FIELDS) counts a new revision, and the translated side of a pair records the revision
    # of its source that a person last brought it up to date with.
    revision = models.PositiveIntegerField(
        _("revision"),
        default=1,
        editable=False,
        help_text=_("Counts the changes to the headline, dek, text and SEO text."),
    )
    source_revision = models.PositiveIntegerField(
        _("translated from revision"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The revision of the original that this translation was last brought up to date with."),
    )
    needs_review = models.BooleanField(
        _("machine translation to review"),
        default=False,
        editable=False,
        help_text=_("Holds machine-translated text that no one has reviewed yet: it cannot be published."),
    )
    dek = models.CharField(
        _("dek"),
        max_length=300,
        blank=True,
        help_text=_("One sentence under the headline that sums up the story."),
    )
    body = models.TextField(_("body"), help_text=_("The story. Formatting is cleaned on save."))
    analysis = models.TextField(
        _("analysis"),
        blank=True,
        help_text=_("The newsroom's reading of the news, shown under its own heading. Optional."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_(
            "When the article goes live. A future time schedules it; for an embargoed article, the minute "
            "the embargo lifts. Required to publish."
        ),
    )
    planned_date = models.DateField(
        _("planned date"),
        null=True,
        blank=True,
        help_text=_(
            "For drafts: the day the desk plans to run it, shown on the editorial calendar. Readers never see it."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("A writer may edit the drafts they created or sign."),
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("The editor who last published or scheduled it."),
    )
    published_on = models.DateTimeField(
        _("published on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When an editor last published or scheduled it. Readers see it from the publish time."),
    )
    status_changed_at = models.DateTimeField(
        _("status changed"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the article last moved in the workflow: submitted, returned, published or unpublished."),
    )
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text=_("Who last moved the article in the workflow."),
    )
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", verbose_name=_("authors")
    )
    primary_country = models.ForeignKey(
        Country,
        verbose_name=_("primary country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Shown above the headline."),
    )
    countries = models.ManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="articles",
        help_text=_("Every country the story covers. The primary country is added on save."),
    )
    tags = TaggableManager(
        verbose_name=_("tags"), through="TaggedArticle", blank=True, help_text=_("Topics, e.g. extortion, cocaine.")
    )
    primary_tag = models.ForeignKey(
        Tag,
        verbose_name=_("label"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The topic shown on teasers, e.g. FENTANYL. The section is shown when empty."),
    )
    lead_image = models.ForeignKey(
        Image,
        verbose_name=_("lead image"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    related_articles = models.ManyToManyField(
        "self",
        through="ArticleLink",
        symmetrical=False,
        related_name="+",
        verbose_name=_("linked articles"),
    )
    seo_title = models.CharField(
        _("SEO title"),
        max_length=70,
        blank=True,
        help_text=_("For search engines when the headline is too long."),
    )
    seo_description = models.CharField(
        _("SEO description"),
        max_length=160,
        blank=True,
        help_text=_("For search results; the dek is used when empty."),
    )
    republishable = models.BooleanField(
        _("republishable"),
        default=True,
        help_text=_("Others may republish it under Creative Commons BY-NC. Untick for work we may not relicense."),
    )
    # Live coverage (a developing story): see LiveUpdate and docs/content-model.md.
    live_started_at = models.DateTimeField(
        _("live coverage started"),
        null=True,
        blank=True,
        help_text=_(
            "Set to make this a live story: readers see its live updates newest first, and the page "
            "refreshes itself while the coverage lasts."
        ),
    )
    live_ended_at = models.DateTimeField(
        _("live coverage ended"),
        null=True,
        blank=True,
        help_text=_("Set when the story stops developing: the page then stops refreshing itself."),
    )
    # Kept up to date by a PostgreSQL trigger (migration 0002) from the headline, dek, body and analysis,
    # with English or Spanish stemming by the article's language; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    # The statuses of articles that readers see once their publish time has come.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.EMBARGOED)

    objects = ArticleManager()
    # Every saved version, with who saved it; the admin shows them and restores one (articles/admin.py).
    history = HistoricalRecords(excluded_fields=["search_vector"], user_related_name="+", bases=[ArticleVersionBase])

    class Meta:
        # Drafts without a publish time last, on PostgreSQL and SQLite alike.
        ordering = [F("publish_at").desc(nulls_last=True), "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish, schedule and unpublish articles"))]
        constraints = [
            models.CheckConstraint(
                condition=~PUBLIC_CONDITION | Q(publish_at__isnull=False),
                name="article_published_has_time",
            ),
            models.CheckConstraint(
                condition=Q(live_ended_at__isnull=True)
                | (Q(live_started_at__isnull=False) & Q(live_ended_at__gte=F("live_started_at"))),
                name="article_live_ends_after_it_starts",
            ),
            # One article per language in a translation pair, so a pair is always two languages.
            models.UniqueConstraint(fields=["translation_key", "language"], name="article_one_per_language_in_pair"),
        ]
        indexes = [
            # The listings read a page in `ordering` from these two rather than sorting every match. Only
            # what readers may see (published(): two statuses), so that one index scan gives the order.
            # Home, feeds, tag, country and author pages (joined in this order), related content, search filters.
            NullsLastIndex(
                "language",
                F("publish_at").desc(nulls_last=True),
                F("id").desc(),
                name="article_listing_idx",
                condition=PUBLIC_CONDITION,
            ),
            # Section pages, and the newest of each section on the home page.
            NullsLastIndex(
                "section",
                "language",
                F("publish_at").desc(nulls_last=True),
                F("id").desc(),
                name="article_section_idx",
                condition=PUBLIC_CONDITION,
            ),
            # Translation status for a whole archive (translation_state_counts, in_translation_state): every
            # article joined to its partner from this index alone (on PostgreSQL), without reading its text.
            models.Index(
                fields=["translation_key"],
                include=["id", "language", "status", "revision", "source_revision", "needs_review"],
                name="article_translation_idx",
            ),
            # The sitemap index: the latest change of a published article, read from one index entry.
            models.Index(
                F("updated_at").desc(),
                name="article_updated_idx",
                condition=PUBLIC_CONDITION,
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:200]
        self.body = clean_html(self.body)
        self.analysis = clean_html(self.analysis)
        old_slug = getattr(self, "_loaded_slug", None)
        with transaction.atomic():
            if self._count_revision(kwargs.get("update_fields")) and kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "revision"}
            super().save(*args, **kwargs)
            # An address that readers may have seen keeps working: it redirects to the new one.
            was_public = self.status == self.Status.PUBLISHED or self.published_on is not None
            if old_slug and old_slug != self.slug and was_public:
                ArticleRedirect.objects.filter(old_slug=self.slug).delete()
                ArticleRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": self})
            # Country pages list `countries`, so the primary country is always one of them.
            if self.primary_country_id:
                self.countries.add(self.primary_country_id)
        self._loaded_slug = self.slug

    def get_absolute_url(self):
        # Spanish articles live under /es/, whatever language the current page is in.
        with translation.override(self.language):
            return reverse("articles:article-detail", kwargs={"section": self.section.slug, "slug": self.slug})

    def _count_revision(self, update_fields):
        """Count a new revision when the words differ from the stored ones; True when one was counted.

        Counted from the stored number, so two saves never count the same revision twice.
        """
        if self._state.adding or self.pk is None:
            return False
        if update_fields is not None and not set(update_fields) & set(TRANSLATED_FIELDS):
            return False
        stored = Article.objects.filter(pk=self.pk).values("revision", *TRANSLATED_FIELDS).first()
        if stored is None:
            return False
        changed = any(stored[name] != getattr(self, name) for name in TRANSLATED_FIELDS)
        self.revision = stored["revision"] + 1 if changed else stored["revision"]
        return changed

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        # Remember the slug as loaded, so that save() can tell a renamed article from a new one.
        # (Read from the row itself: touching a deferred attribute here would cost a query.)
        if "slug" in field_names:
            article._loaded_slug = values[list(field_names).index("slug")]
        return article

    def clean(self):
        if self.status in self.PUBLIC_STATUSES and self.publish_at is None:
            raise ValidationError({"publish_at": _("Set a publish time to publish.")}, code="publish_time_required")
        if self.live_ended_at is not None:
            if self.live_started_at is None:
                raise ValidationError(
                    {"live_started_at": _("Set when the live coverage started before ending it.")},
                    code="live_end_without_start",
                )
            if self.live_ended_at < self.live_started_at:
                raise ValidationError(
                    {"live_ended_at": _("Live coverage cannot end before it starts.")}, code="live_ends_before_start"
                )
            # Nothing would refresh the page at a later end: it is ended by saving, when it ends.
            if self.live_ended_at > timezone.now() + timedelta(minutes=1):
                raise ValidationError(
                    {"live_ended_at": _("End the live coverage when it ends, not ahead of time.")},
                    code="live_end_in_future",
                )

    @property
    def is_live(self):
        """A live story: one with live coverage, running or ended."""
        return self.live_started_at is not None

    @property
    def is_live_now(self):
        """A live story whose coverage is still running: its page refreshes itself."""
        return self.is_live and (self.live_ended_at is None or self.live_ended_at > timezone.now())

    @property
    def is_published(self):
        """Whether readers see it now (the same rule as ArticleQuerySet.published())."""
        return self.status in self.PUBLIC_STATUSES and self.publish_at is not None and self.publish_at <= timezone.now()

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def is_under_embargo(self):
        """Embargoed, and the embargo has not lifted yet: only partner outlets may see it."""
        return self.status == self.Status.EMBARGOED and self.publish_at is not None and self.publish_at > timezone.now()

    @property
    def word_count(self):
        """Words in the body and analysis, as a reader counts them."""
        return len(plain_text(f"{self.body} {self.analysis}").split())

    @property
    def reading_minutes(self):
        """Minutes a reader needs at READING_WORDS_PER_MINUTE, at least one for any text."""
        words = self.word_count
        return math.ceil(words / READING_WORDS_PER_MINUTE) if words else 0

    @property
    def byline_authors(self):
        """Authors in byline order. Uses the prefetch of `for_listing()` when present."""
        return [byline.author for byline in self.bylines.all()]

    @property
    def summary(self):
        """A sentence or two for search engines, social cards and feeds: the SEO description, else the dek,
        else the opening of the body."""
        return self.seo_description or self.dek or Truncator(plain_text(self.body)).chars(SUMMARY_LENGTH)

    @property
    def label(self):
        """The teaser label: the primary tag, else the section."""
        return self.primary_tag.name if self.primary_tag_id else self.section.display_name

    # Translation: the same rules as ArticleQuerySet.with_translation_state(), for one pair in hand.

    def is_translation_of(self, partner):
        """Whether this article is the translated side of its pair with `partner` (else the original).

        The translated side records a source revision; when neither does (a pair made by hand before
        anyone marked it up to date), the one created later is taken for the translation.
        """
        if (self.source_revision is None) != (partner.source_revision is None):
            return self.source_revision is not None
        return (self.created_at, self.pk or 0) > (partner.created_at, partner.pk or 0)

    def translation_state_with(self, partner):
        """The pair's TranslationState, `partner` being this article's translation (or None)."""
        if partner is None:
            return TranslationState.MISSING
        for translated, source in ((self, partner), (partner, self)):
            if translated.source_revision is not None and source.revision > translated.source_revision:
                return TranslationState.OUTDATED
        for side in (self, partner):
            if side.status not in self.PUBLIC_STATUSES or side.needs_review:
                return TranslationState.IN_PROGRESS
        return TranslationState.UP_TO_DATE


def preview_link_expiry():
    return timezone.now() + timedelta(days=settings.PREVIEW_LINK_DAYS)


class _PreviewLinkSigner(signing.TimestampSigner):
    """Signs a preview link's id stamped with its creation time, so that the same link always has
    the same address and its signature's age is the link's age."""

    salt = "articles.preview-link"

    def __init__(self, issued=None):
        super().__init__(salt=self.salt)
        self.issued = issued

    def timestamp(self):
        return signing.b62_encode(int(self.issued.timestamp()))


class RevocableLink(models.Model):
    """What preview and partner links share: an editor can revoke them, and they say who made them and when."""

    revoked = models.BooleanField(_("revoked"), default=False, help_text=_("Tick to stop the link working at once."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class PreviewLink(RevocableLink):
    """An unpublished article shown to someone without an account (a translator, say) at a signed address
    that expires and can be revoked."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="preview_links"
    )
    note = models.CharField(
        _("for"), max_length=200, help_text=_("Who the link is for, e.g. “Marta, translator” or “Partner newsroom”.")
    )
    expires_at = models.DateTimeField(
        _("expires"),
        default=preview_link_expiry,
        help_text=_("The link stops working then."),
    )

    class Meta(RevocableLink.Meta):
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.article} – {self.note}"

    def get_absolute_url(self):
        return reverse("articles:article-shared-preview", kwargs={"token": self.token})

    def clean(self):
        if self.expires_at and self.expires_at > self.created_at + timedelta(days=settings.PREVIEW_LINK_MAX_DAYS):
            raise ValidationError(
                {
                    "expires_at": _("A preview link lasts at most %(days)s days.")
                    % {"days": settings.PREVIEW_LINK_MAX_DAYS}
                },
                code="preview_link_too_long",
            )

    @property
    def token(self):
        return _PreviewLinkSigner(issued=self.created_at).sign_object(self.pk)

    @property
    def is_active(self):
        return not self.revoked and self.expires_at > timezone.now()

    @classmethod
    def from_token(cls, token):
        """The active link that `token` names, or None: forged, too old, expired or revoked."""
        try:
            pk = _PreviewLinkSigner().unsign_object(token, max_age=timedelta(days=settings.PREVIEW_LINK_MAX_DAYS))
        except signing.BadSignature:
            return None
        link = cls.objects.filter(pk=pk).first() if isinstance(pk, int) else None
        return link if link is not None and link.is_active else None


def partner_link_token():
    return secrets.token_urlsafe(32)


class PartnerLink(RevocableLink):
    """An embargoed article shown to one partner outlet at an address of its own, until the embargo
    lifts (the address then sends the partner to the public page) or an editor revokes it. Every
    visit is logged (PartnerAccess)."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="partner_links"
    )
    partner = models.CharField(
        _("partner outlet"),
        max_length=200,
        help_text=_("The newsroom that gets this link, e.g. “Radio Frontera (investigations desk)”."),
    )
    # A random address, not derived from anything: a link cannot be guessed from another one.
    token = models.CharField(_("token"), max_length=64, unique=True, default=partner_link_token, editable=False)

    class Meta(RevocableLink.Meta):
        verbose_name = _("partner link")
        verbose_name_plural = _("partner links")

    def __str__(self):
        return f"{self.article} – {self.partner}"

    def get_absolute_url(self):
        # In the article's language, as its partners will read it.
        with translation.override(self.article.language):
            return reverse("articles:article-partner", kwargs={"token": self.token})


class PartnerAccess(models.Model):
    """One visit of a partner link: who (the link's partner), when, and what they got. A revoked link
    that is still used is logged too: it may be how a story leaks."""

    class Outcome(models.TextChoices):
        READ = "read", _("Read under embargo")
        AFTER_LIFT = "lifted", _("After the lift: sent to the public page")
        REFUSED = "refused", _("Refused: link revoked or embargo cancelled")

    link = models.ForeignKey(PartnerLink, verbose_name=_("link"), on_delete=models.CASCADE, related_name="accesses")
    # Kept as it was at the visit, should the link be renamed later.
    partner = models.CharField(_("partner outlet"), max_length=200)
    accessed_at = models.DateTimeField(_("accessed"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.READ)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        verbose_name = _("partner link visit")
        verbose_name_plural = _("partner link visits")

    def __str__(self):
        return f"{self.partner} ({self.accessed_at:%Y-%m-%d %H:%M})"


class ArticleRedirect(models.Model):
    """An old slug of a published article, answered with a permanent redirect to its current address."""

    old_slug = models.SlugField(_("old slug"), max_length=200, unique=True)
    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")

    def __str__(self):
        return f"{self.old_slug} → {self.article.slug}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()


# How an article is tied to each kind of object that has a listing page, feed and sitemap entry, as a
# queryset lookup from Article. None of these ties can repeat an article, so no DISTINCT is needed.
ARTICLE_LOOKUPS = {
    "section": "section",
    "tag": "tagged_items__tag",
    "country": "countries",
    "author": "bylines__author",
}


def with_published_articles(queryset, lookup, *, language=None):
    """The rows of `queryset` that at least one published article (in `language`, if given) is tied to
    through `lookup` (e.g. "tagged_items__tag"), in the same query."""
    articles = Article.objects.published()
    if language is not None:
        articles = articles.in_language(language)
    return queryset.filter(models.Exists(articles.filter(**{lookup: models.OuterRef("pk")})))


def with_languages(queryset, lookup, language):
    """`queryset` annotated, in the same query, with where a listing of each row stands in `language` and
    in the other one: `published_here` and `published_there` (whether any published article is tied to it
    through `lookup` in each), and for tags `counterpart_slug`, `counterpart_here` and `counterpart_there`
    (the tag of its pair in the other language, and the same about it)."""
    there = other_language(language)

    def published_in(code, tie=None):
        return Exists(Article.objects.published().in_language(code).filter(**{lookup: tie or OuterRef("pk")}))

    queryset = queryset.annotate(published_here=published_in(language), published_there=published_in(there))
    if queryset.model is not Tag:
        return queryset
    counterpart = TagLanguage.objects.filter(translation_key=OuterRef("language_info__translation_key")).exclude(
        tag=OuterRef("pk")
    )
    return queryset.annotate(
        counterpart_slug=Subquery(counterpart.values("tag__slug")[:1]),
        counterpart_id=Subquery(counterpart.values("tag")[:1]),
    ).annotate(
        counterpart_here=published_in(language, OuterRef("counterpart_id")),
        counterpart_there=published_in(there, OuterRef("counterpart_id")),
    )


class ArticleAuthor(models.Model):
    """An author's place in an article's byline."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
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


class TaggedArticle(TaggedItemBase):
    """Article tags with a real foreign key, so tag pages join on an indexed integer column."""

    content_object = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="tagged_items")

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


class ArticleLink(models.Model):
    """A link from one article to another: a SEE ALSO callout in the body, or a related-content pick."""

    class Kind(models.TextChoices):
        SEE_ALSO = "see-also", _("SEE ALSO (in the body)")
        RELATED = "related", _("Related content")

    from_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="links")
    to_article = models.ForeignKey(
        Article,
        verbose_name=_("linked article"),
        on_delete=models.CASCADE,
        related_name="linked_from",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RELATED)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        default=2,
        help_text=_("For SEE ALSO: the paragraph of the body after which the callout appears."),
    )

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("article link")
        verbose_name_plural = _("article links")
        constraints = [
            models.CheckConstraint(condition=~Q(from_article=F("to_article")), name="article_link_not_self"),
            models.UniqueConstraint(fields=["from_article", "to_article", "kind"], name="article_link_once_per_kind"),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.to_article}"

    def clean(self):
        if self.from_article_id and self.from_article_id == self.to_article_id:
            raise ValidationError({"to_article": _("An article cannot link to itself.")}, code="self_link")


class Correction(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        UPDATE = "update", _("Update")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CORRECTION)
    text = models.TextField(_("text"), help_text=_("What was wrong and what we changed, in plain words."))
    published_at = models.DateTimeField(_("date"), default=timezone.now)
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="translations",
        help_text=_("The correction on the other-language version that this one translates."),
    )

    class Meta:
        ordering = ["published_at", "pk"]
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        indexes = [
            # The corrections page, newest first.
            models.Index(fields=["-published_at", "-id"], name="correction_newest_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article}"

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#corrections"


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
        return reverse("articles:series-detail", kwargs={"slug": self.slug})

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


class LiveUpdate(models.Model):
    """A timestamped update of a live story (an article with live coverage), shown newest first;
    pinned updates are shown first of all, as the summary of the story so far."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="live_updates"
    )
    published_at = models.DateTimeField(
        _("time"), default=timezone.now, help_text=_("Shown with the update; now, or earlier for a late entry.")
    )
    title = models.CharField(
        _("headline"), max_length=200, blank=True, help_text=_("Optional: a few words that sum up the update.")
    )
    body = models.TextField(_("text"), help_text=_("What happened. Formatting is cleaned on save."))
    pinned = models.BooleanField(
        _("pinned"),
        default=False,
        help_text=_("Pinned updates stay at the top as the summary of the story so far."),
    )
    author = models.ForeignKey(
        Author,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Optional: who reported it."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        indexes = [models.Index(fields=["article", "-published_at", "-id"], name="live_update_newest_idx")]

    def __str__(self):
        return self.title or Truncator(plain_text(self.body)).chars(60)

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.article.get_absolute_url()}#update-{self.pk}"

    def clean(self):
        # An update is shown as soon as it is saved: a time ahead would read as a mistake, and nothing
        # would refresh the page when it came.
        if self.published_at and self.published_at > timezone.now() + timedelta(minutes=1):
            raise ValidationError(
                {"published_at": _("An update cannot be dated in the future.")}, code="live_update_in_future"
            )

    @property
    def text(self):
        """The update as plain text, for search engines."""
        return plain_text(self.body)


class ContentVersion(models.Model):
    """A single row: the version of everything that readers can see.

    Any change to published content (an article, its links, tags, bylines, corrections, sections, authors,
    countries or images) bumps `number` in the same transaction, and the full-page cache
    (newsroom.pagecache) serves a stored page only while the number it was stored under is current.
    `next_change_at` is when the site next changes with no one saving anything: the earliest publish time
    of a scheduled article or of an embargo lifting.
    """

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)
    next_change_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
