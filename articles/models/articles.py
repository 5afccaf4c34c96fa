"""The article: a brief, a feature or another story, in one language, with its translation pair."""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.models import F, OrderBy, Q
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import Tag

from articles.addresses import address
from articles.models.languages import Language, TranslationState
from articles.models.media import Image
from articles.models.people import Author
from articles.models.queries import PUBLIC_CONDITION, ArticleManager, _translation_states_sql
from articles.models.redirects import ArticleRedirect
from articles.models.taxonomy import Country, Section
from articles.sanitizer import clean_html, plain_text


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


# Search engines show about this many characters of a description.
SUMMARY_LENGTH = 160


# A common figure for news prose read on a screen.
READING_WORDS_PER_MINUTE = 230


def translation_state_counts():
    """{(state, language, published): how many articles}, for the whole archive in one query."""
    sql, params = _translation_states_sql(Article)
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
    # Every saved version, with who saved it; the admin shows them and restores one (articles/admin/articles.py).
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
        return address("articles:article-detail", language=self.language, section=self.section.slug, slug=self.slug)

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
