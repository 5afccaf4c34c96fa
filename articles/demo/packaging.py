"""The demo's packaged coverage: two series (one complete, one still being published) and one live story,
each in English and Spanish, written for the demo: articles/demo/content/series/ (a file per series,
named by its slug) and articles/demo/content/live.toml.

Seeded after the demo's own stories, by slug, so that running the command again brings them back to this
plan: publish times move with the run, like every demo story's. Every person and group is invented.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from articles.demo.loader import duration, read, read_folder
from articles.demo.stories import compile_blocks
from articles.sanitizer import clean_html

TRANSLATION_NAMESPACE = uuid.UUID("0b8f2f4e-5c1d-4a8e-9a4f-7f1e2d3c4b5a")


@dataclass(frozen=True)
class Text:
    title: str
    slug: str
    dek: str
    body: str
    analysis: str = ""

    def html(self, markup):
        return "".join(compile_blocks(markup)) if markup else ""


@dataclass(frozen=True)
class Piece:
    """One article of the plan, in both languages. `age` as in articles/demo/stories.Story: how long ago
    the English version went live (negative: scheduled ahead); None when unpublished, with `status`."""

    key: str
    section: str
    topics: tuple
    countries: tuple
    authors: tuple
    image: str
    en: Text
    es: Text
    age: timedelta | None
    status: str = "published"
    live_for: timedelta | None = None

    @property
    def translation_key(self):
        return uuid.uuid5(TRANSLATION_NAMESPACE, self.key)

    def version(self, language):
        return self.en if language == "en" else self.es


@dataclass(frozen=True)
class SeriesPlan:
    slug: str
    title: str
    title_es: str
    summary: str
    summary_es: str
    image: str
    planned_parts: int | None
    parts: tuple = field(default_factory=tuple)


@dataclass(frozen=True)
class Update:
    """A live update, `minutes` after the coverage started, in both languages."""

    minutes: int
    en_title: str
    en: str
    es_title: str
    es: str
    pinned: bool = False
    author: str = ""


def _piece(content):
    def text(language):
        version = content[language]
        return Text(
            title=version["title"],
            slug=version["slug"],
            dek=version["dek"],
            body=version["body"],
            analysis=version.get("analysis", ""),
        )

    return Piece(
        key=content["key"],
        section=content["section"],
        topics=tuple(content["topics"]),
        countries=tuple(content["countries"]),
        authors=tuple(content["authors"]),
        image=content["image"],
        en=text("en"),
        es=text("es"),
        age=duration(content.get("age")),
        status=content.get("status", "published"),
        live_for=duration(content.get("live_for")),
    )


SERIES = tuple(
    SeriesPlan(
        slug=slug,
        title=series["en"]["title"],
        title_es=series["es"]["title"],
        summary=series["en"]["summary"],
        summary_es=series["es"]["summary"],
        image=series["image"],
        planned_parts=series.get("planned_parts"),
        parts=tuple(_piece(part) for part in series["parts"]),
    )
    for slug, series in read_folder("series")
)

_live = read("live.toml")
LIVE = _piece(_live)
LIVE_UPDATES = tuple(
    Update(
        minutes=update["minutes"],
        en_title=update["en"].get("title", ""),
        en=update["en"]["text"],
        es_title=update["es"].get("title", ""),
        es=update["es"]["text"],
        pinned=update.get("pinned", False),
        author=update.get("author", ""),
    )
    for update in _live["updates"]
)


PIECES = (*(part for series in SERIES for part in series.parts), LIVE)
# Articles the packaging adds to the demo: each piece in both languages.
ARTICLES = 2 * len(PIECES)


def update_html(text):
    return clean_html(f"<p>{text}</p>")


def seed(seeder):
    """Write the series, their parts and the live story with its updates, as the plan above says.

    `seeder` is the DemoSeeder of the run, with its reference rows (sections, tags, authors, images) loaded.
    """
    from articles.demo.seeding import LANGUAGES, _sync_by_key, _sync_rows
    from articles.models import Article, ArticleAuthor, LiveUpdate, Series, SeriesPart, TaggedArticle

    refs, now = seeder.refs, seeder.now
    ids = {}
    for piece in PIECES:
        english_at = now - piece.age if piece.age is not None else None
        for language in LANGUAGES:
            text = piece.version(language)
            # A translation goes out an hour after the original, unless that would be in the future.
            publish_at = english_at
            if english_at is not None and language == "es":
                publish_at = english_at + min(
                    timedelta(hours=1), piece.age / 2 if piece.age > timedelta(0) else timedelta(hours=1)
                )
            live_start = now - piece.live_for if piece.live_for else None
            fields = {
                "title": text.title,
                "section": refs.sections[piece.section],
                "language": language,
                "translation_key": piece.translation_key,
                "dek": text.dek,
                "body": text.html(text.body),
                "analysis": text.html(text.analysis),
                "status": piece.status,
                "publish_at": publish_at,
                "primary_country": refs.countries[piece.countries[0]],
                "primary_tag": refs.tags[piece.topics[0], language],
                "lead_image": refs.images[piece.image],
                "live_started_at": live_start,
                "live_ended_at": None,
                # The Spanish side translates the English one as first published: up to date.
                "revision": 1,
                "source_revision": 1 if language == "es" else None,
            }
            # Stamped as changed when it went live (auto_now would say "now").
            fields["updated_at"] = publish_at or now
            # Written as the other demo stories are, without save(): a rerun leaves no history entries (the
            # text is sanitized already, by compile_blocks).
            pk = Article.objects.filter(slug=text.slug).values_list("pk", flat=True).first()
            if pk is None:
                pk = Article.objects.bulk_create([Article(slug=text.slug, **fields)])[0].pk
            else:
                Article.objects.filter(pk=pk).update(**fields)
            ids[piece.key, language] = pk
    owners = list(ids.values())
    _sync_rows(
        Article.countries.through,
        "article",
        owners,
        [
            Article.countries.through(article_id=ids[piece.key, language], country_id=refs.countries[iso].pk)
            for piece in PIECES
            for language in LANGUAGES
            for iso in piece.countries
        ],
        ("article_id", "country_id"),
    )
    _sync_rows(
        ArticleAuthor,
        "article",
        owners,
        [
            ArticleAuthor(article_id=ids[piece.key, language], author_id=refs.authors[slug].pk, position=position)
            for piece in PIECES
            for language in LANGUAGES
            for position, slug in enumerate(piece.authors)
        ],
        ("article_id", "author_id"),
        ("position",),
    )
    _sync_rows(
        TaggedArticle,
        "content_object",
        owners,
        [
            TaggedArticle(content_object_id=ids[piece.key, language], tag_id=refs.tags[topic, language].pk)
            for piece in PIECES
            for language in LANGUAGES
            for topic in piece.topics
        ],
        ("content_object_id", "tag_id"),
    )

    series = _sync_by_key(
        Series,
        "slug",
        [
            {
                "slug": plan.slug,
                "title": plan.title,
                "title_es": plan.title_es,
                "summary": plan.summary,
                "summary_es": plan.summary_es,
                "lead_image_id": refs.images[plan.image].pk,
                "planned_parts": plan.planned_parts,
            }
            for plan in SERIES
        ],
    )
    _sync_rows(
        SeriesPart,
        "article",
        owners,
        [
            SeriesPart(series_id=series[plan.slug].pk, article_id=ids[part.key, language], position=position)
            for plan in SERIES
            for position, part in enumerate(plan.parts, start=1)
            for language in LANGUAGES
        ],
        ("article_id",),
        ("series_id", "position"),
    )

    start = now - LIVE.live_for
    updates = []
    for update in LIVE_UPDATES:
        for language in LANGUAGES:
            english = language == "en"
            updates.append(
                LiveUpdate(
                    article_id=ids[LIVE.key, language],
                    published_at=start + timedelta(minutes=update.minutes),
                    title=update.en_title if english else update.es_title,
                    body=update_html(update.en if english else update.es),
                    pinned=update.pinned,
                    author_id=refs.authors[update.author].pk if update.author else None,
                )
            )
    _sync_rows(
        LiveUpdate,
        "article",
        [ids[LIVE.key, language] for language in LANGUAGES],
        updates,
        ("article_id", "body"),
        ("published_at", "title", "pinned", "author_id"),
    )
