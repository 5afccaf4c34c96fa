"""Writes the demo content: reference data, pictures, staff accounts, the demo's stories and, on request,
as many more synthetic stories as a large data set needs.

Every step is idempotent. Reference rows are found by slug (or ISO code, or username) and brought up to
date; the demo's articles are found by slug and their bylines, tags, countries, links and corrections
made to match the plan; pictures already drawn are kept; synthetic stories already stored are skipped.

Articles and the rows that hang off them are written with bulk queries. `bulk_create()` skips
`Article.save()`, which sanitizes the HTML: the story text is sanitized when its template is compiled
(articles/demo/stories.py), so what is stored is what `save()` would store.
"""

import random
import re
import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from articles import roles
from articles.demo import blocks as demo_blocks
from articles.demo import packaging, pictures, plan, reference, translations
from articles.demo.desk import seed_desk
from articles.demo.loader import read
from articles.demo.reader_revenue import seed_reader_revenue
from articles.demo.stories import synthetic_stories, synthetic_translation_key
from articles.images import create_renditions
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    Author,
    Correction,
    Country,
    Image,
    LiveUpdate,
    PartnerAccess,
    PartnerLink,
    Section,
    Series,
    SeriesPart,
    TaggedArticle,
    TagLanguage,
)
from articles.sanitizer import clean_html
from donations.demo import seed_donors
from donations.giving.models import MonthlyGift, MonthlyPayment
from donations.newsletters.models import NewsletterList, Subscription
from donations.prompts.models import Prompt

ArticleCountry = Article.countries.through
# What the plan decides of each demo article, beyond its slug; and the times, which move on every run.
CONTENT_FIELDS = (
    "title",
    "section",
    "language",
    "translation_key",
    "dek",
    "body",
    "analysis",
    "status",
    "primary_country",
    "primary_tag",
    "lead_image",
    "seo_title",
    "republishable",
    "revision",
    "source_revision",
    "needs_review",
)
TIME_FIELDS = ("publish_at", "updated_at", "planned_date")

LANGUAGES = ("en", "es")
# The plan's stories in both languages, the briefs not translated yet, and the packaged coverage (series
# and a live story, in both languages).
DEMO_ARTICLES = (
    2 * sum(template.copies for template in plan.TEMPLATES) + len(translations.UNTRANSLATED) + packaging.ARTICLES
)
# Pairs the demo's topics by a key made from the topic, so every run pairs the same tags the same way.
TOPIC_PAIRS = uuid.UUID("6b1f2f9c-5a0e-4b8e-9a51-2d3c1e7f4a10")
SYNTHETIC_BATCH = 1000  # stories, so twice as many articles, per transaction
SYNTHETIC_WRITERS = 2
PICTURE_NAME = re.compile(r"/(demo-[a-z0-9-]+?)(?:_[A-Za-z0-9]{7})?\.jpg$")

# The partner outlets (invented) that read the embargoed investigation ahead of its release, by language,
# and how long ago each of their visits was.
DEMO_PARTNERS = {
    language: (partner["partner"], tuple(timedelta(hours=hours) for hours in partner["visits_hours_ago"]))
    for language, partner in read("partners.toml").items()
}

# Demo staff accounts and their roles (articles/roles.py): the editor also follows donations and reader
# feedback, so that one account shows the whole admin.
ACCOUNT_ROLES = {"editor": (roles.EDITOR, roles.FUNDRAISING, roles.MODERATOR), "writer": (roles.WRITER,)}
ACCOUNTS = tuple(ACCOUNT_ROLES)


@dataclass
class References:
    """The rows the articles point to, by their natural keys."""

    sections: dict = field(default_factory=dict)  # slug -> Section
    countries: dict = field(default_factory=dict)  # ISO code -> Country
    tags: dict = field(default_factory=dict)  # (topic key, language) -> Tag
    authors: dict = field(default_factory=dict)  # slug -> Author
    images: dict = field(default_factory=dict)  # picture key -> Image
    portraits: dict = field(default_factory=dict)  # author slug -> Image


def _sync_by_key(model, key_field, rows):
    """Rows of `model` with these field values (foreign keys by id), found by `key_field`: created when
    missing, updated when different, left alone when equal. Returns {key: instance}."""
    existing = model.objects.in_bulk([row[key_field] for row in rows], field_name=key_field)
    missing, changed = [], []
    for row in rows:
        instance = existing.get(row[key_field])
        if instance is None:
            missing.append(model(**row))
        elif any(getattr(instance, name) != value for name, value in row.items()):
            for name, value in row.items():
                setattr(instance, name, value)
            changed.append(instance)
    model.objects.bulk_create(missing)
    if changed:
        model.objects.bulk_update(changed, [name for name in rows[0] if name != key_field])
    return {getattr(instance, key_field): instance for instance in [*existing.values(), *missing]}


def _sync_rows(model, owner_field, owners, desired, key_fields, value_fields=()):
    """Make the rows of `model` that belong to `owners` exactly `desired` (unsaved instances): rows
    with the same `key_fields` are kept (and updated if their `value_fields` differ), others deleted."""

    def key(row):
        return tuple(getattr(row, name) for name in key_fields)

    wanted = {key(row): row for row in desired}
    stale, changed = [], []
    for row in model.objects.filter(**{f"{owner_field}__in": owners}):
        target = wanted.pop(key(row), None)
        if target is None:
            stale.append(row.pk)
        elif any(getattr(row, name) != getattr(target, name) for name in value_fields):
            for name in value_fields:
                setattr(row, name, getattr(target, name))
            changed.append(row)
    if stale:
        model.objects.filter(pk__in=stale).delete()
    if changed:
        model.objects.bulk_update(changed, list(value_fields))
    model.objects.bulk_create(wanted.values())


class DemoSeeder:
    """Fills the database with the demo newsroom. `now` anchors every publish time."""

    def __init__(self, *, now, newsroom, progress=None):
        self.now = now
        self.newsroom = newsroom
        self.progress = progress or (lambda done, total: None)
        self.refs = References()
        self.pictures_drawn = 0

    # Reference data ----------------------------------------------------------------------------------

    def seed_reference(self):
        self.refs.sections = _sync_by_key(
            Section,
            "slug",
            [
                {
                    "slug": slug,
                    "name": name,
                    "name_es": name_es,
                    "description": description,
                    "description_es": description_es,
                    "order": order,
                    "minimum_words": reference.MINIMUM_WORDS[slug],
                }
                for order, (slug, name, name_es, description, description_es) in enumerate(reference.SECTIONS)
            ],
        )
        self.refs.countries = _sync_by_key(
            Country,
            "iso_code",
            [
                {
                    "iso_code": place.iso,
                    "name": place.name,
                    "name_es": place.name_es,
                    "slug": slugify(place.name),
                    "region": place.region,
                }
                for place in reference.COUNTRIES
            ],
        )
        rows = []
        for _, name, slug, name_es, slug_es in reference.TOPICS:
            rows += [{"slug": slug, "name": name}, {"slug": slug_es, "name": name_es}]
        tags = _sync_by_key(Tag, "slug", rows)
        for key, _, slug, _, slug_es in reference.TOPICS:
            self.refs.tags[key, "en"] = tags[slug]
            self.refs.tags[key, "es"] = tags[slug_es]
        # Every topic in both languages, paired: "Extortion" and "Extorsión" lead to each other.
        pairs = {tag.pk: (language, uuid.uuid5(TOPIC_PAIRS, key)) for (key, language), tag in self.refs.tags.items()}
        stored = {
            info.tag_id: (info.language, info.translation_key) for info in TagLanguage.objects.filter(tag__in=pairs)
        }
        wanted = [pk for pk, value in pairs.items() if stored.get(pk) != value]
        if wanted:
            # Keys of the plan held by other tags would break the one-per-language rule.
            TagLanguage.objects.filter(translation_key__in=[pairs[pk][1] for pk in wanted]).exclude(
                tag__in=pairs
            ).update(translation_key=None)
            TagLanguage.objects.filter(tag__in=wanted).delete()
            TagLanguage.objects.bulk_create(
                TagLanguage(tag_id=pk, language=pairs[pk][0], translation_key=pairs[pk][1]) for pk in wanted
            )

    def seed_authors(self):
        photos = self.refs.portraits
        self.refs.authors = _sync_by_key(
            Author,
            "slug",
            [
                {
                    "slug": person.slug,
                    "name": person.name,
                    "role": person.role,
                    "role_es": person.role_es,
                    "bio": person.bio,
                    "bio_es": person.bio_es,
                    "email": person.email,
                    "website": person.website,
                    "x_handle": person.x_handle,
                    "photo_id": photos[person.slug].pk if person.slug in photos else None,
                }
                for person in reference.AUTHORS
            ],
        )

    # Pictures ------------------------------------------------------------------------------------------

    def _existing_pictures(self):
        """Demo images already stored, by the stem of the file name they were drawn under."""
        found = {}
        for image in Image.objects.filter(file__contains="/demo-"):
            match = PICTURE_NAME.search(image.file.name)
            if match and match.group(1) not in found:
                found[match.group(1)] = image
        return found

    def _store_pictures(self, wanted, pool):
        """Images for `wanted`, a list of (stem, fields, draw): kept when their files are all there, else
        drawn by `pool` (the next ones drawn while this thread makes the renditions of the last)."""
        existing = self._existing_pictures()
        images, to_draw = {}, []
        for stem, fields, draw in wanted:
            image = existing.get(stem)
            if image is not None and self._files_present(image):
                changed = {name: value for name, value in fields.items() if getattr(image, name) != value}
                if changed:
                    Image.objects.filter(pk=image.pk).update(**changed)
                images[stem] = image
            else:
                to_draw.append((stem, fields, pool.submit(draw), image))
        for stem, fields, drawing, image in to_draw:
            image = image or Image()
            for name, value in fields.items():
                setattr(image, name, value)
            # Assigned rather than saved with FieldFile.save(), so that the field reads the dimensions.
            image.file = ContentFile(drawing.result(), name=f"{stem}.jpg")
            image.save()
            create_renditions(image)
            images[stem] = image
            self.pictures_drawn += 1
        return images

    @staticmethod
    def _files_present(image):
        storage = image.file.storage
        return (
            bool(image.renditions)
            and storage.exists(image.file.name)
            and all(storage.exists(name) for name in image.renditions.values())
        )

    def seed_pictures(self, pool):
        """The lead images and the author portraits."""
        credit = pictures.CREDIT["en"].format(newsroom=self.newsroom)
        credit_es = pictures.CREDIT["es"].format(newsroom=self.newsroom)
        wanted = [
            (
                f"demo-{picture.key}",
                {
                    "alt_text": picture.alt,
                    "alt_text_es": picture.alt_es,
                    "caption": picture.caption,
                    "caption_es": picture.caption_es,
                    "credit": credit,
                    "credit_es": credit_es,
                },
                partial(pictures.draw, picture),
            )
            for picture in pictures.PICTURES
        ]
        palettes = pictures.PORTRAIT_PALETTES
        people = [person for person in reference.AUTHORS if person.photo]
        wanted += [
            (
                f"demo-author-{person.slug}",
                {
                    "alt_text": pictures.PORTRAIT_ALT["en"].format(name=person.name),
                    "alt_text_es": pictures.PORTRAIT_ALT["es"].format(name=person.name),
                    "caption": "",
                    "caption_es": "",
                    "credit": credit,
                    "credit_es": credit_es,
                },
                partial(pictures.portrait, person.name, palettes[index % len(palettes)]),
            )
            for index, person in enumerate(people)
        ]
        stored = self._store_pictures(wanted, pool)
        self.refs.images = {picture.key: stored[f"demo-{picture.key}"] for picture in pictures.PICTURES}
        self.refs.portraits = {person.slug: stored[f"demo-author-{person.slug}"] for person in people}

    # Accounts ------------------------------------------------------------------------------------------

    def seed_accounts(self, hashed_passwords):
        """The demo staff accounts, with their new passwords ({username: hashed password})."""
        authors = {person.account: person.slug for person in reference.AUTHORS if person.account}
        for username in ACCOUNTS:
            user, _ = get_user_model().objects.get_or_create(
                username=username, defaults={"email": f"{username}@newsroom.example"}
            )
            user.password = hashed_passwords[username]
            user.is_staff, user.is_superuser, user.is_active = True, False, True
            user.save()
            user.user_permissions.clear()
            user.groups.clear()
            for role in ACCOUNT_ROLES[username]:
                roles.assign_role(user, role)
            author = self.refs.authors.get(authors.get(username))
            if author is not None and author.user_id != user.pk:
                Author.objects.filter(user=user).exclude(pk=author.pk).update(user=None)
                Author.objects.filter(pk=author.pk).update(user=user)

    # Articles ------------------------------------------------------------------------------------------

    def _article(self, story, language, publish_at):
        version = story.version(language)
        refs = self.refs
        # The Spanish version is the translation, brought up to date with the English one's first
        # revision; articles/demo/translations.py has the pairs where it is not (yet).
        spanish = language == "es"
        outdated = story.translation == "outdated"
        in_progress = spanish and story.translation in ("draft", "machine")
        body = version.body
        if outdated and not spanish:
            body += translations.UPDATES[story.update]
        return Article(
            title=version.title,
            slug=version.slug,
            section=refs.sections[story.section],
            language=language,
            translation_key=story.translation_key,
            dek=version.dek,
            body=body,
            analysis=version.analysis,
            revision=2 if outdated and not spanish else 1,
            source_revision=1 if spanish else None,
            needs_review=spanish and story.translation == "machine",
            status=Article.Status.DRAFT if in_progress else story.status,
            publish_at=publish_at,
            primary_country=refs.countries[story.countries[0]],
            primary_tag=refs.tags[story.topics[0], language] if story.labelled else None,
            lead_image=refs.images.get(story.image),
            seo_title=version.seo_title,
            republishable=story.republishable,
            planned_date=(
                timezone.localtime(self.now).date() + timedelta(days=story.planned_in)
                if story.planned_in is not None
                else None
            ),
        )

    def _rows(self, story, ids):
        """The bylines, tags, countries and corrections of both versions of `story`, unsaved.

        `ids` maps each language to the id of that version.
        """
        refs = self.refs
        times = dict(zip(LANGUAGES, story.publish_times(self.now), strict=True))
        bylines, tags, countries, corrections = [], [], [], []
        for language, article_id in ids.items():
            bylines += [
                ArticleAuthor(article_id=article_id, author_id=refs.authors[slug].pk, position=position)
                for position, slug in enumerate(story.authors)
            ]
            tags += [
                TaggedArticle(content_object_id=article_id, tag_id=refs.tags[topic, language].pk)
                for topic in story.topics
            ]
            countries += [
                ArticleCountry(article_id=article_id, country_id=refs.countries[iso].pk) for iso in story.countries
            ]
            for index, delay in story.corrections:
                kind, text_en, text_es = reference.CORRECTIONS[index]
                corrections.append(
                    Correction(
                        article_id=article_id,
                        kind=kind,
                        text=text_en if language == "en" else text_es,
                        published_at=times[language] + delay,
                    )
                )
        return bylines, tags, countries, corrections

    @staticmethod
    def _links(story, ids, language, unpublished=frozenset()):
        """The SEE ALSO and related links of `story`'s version in `language`, unsaved.

        `ids` maps (story key, language) to an article id; links to the (story key, language) pairs in
        `unpublished` (translations in progress) are left out, as an editor would not link a draft.
        """
        source = ids[story.key, language]
        links = [
            ArticleLink(
                from_article_id=source,
                to_article_id=ids[key, language],
                kind=ArticleLink.Kind.SEE_ALSO,
                position=position,
                after_paragraph=after,
            )
            for position, (key, after) in enumerate(story.see_also)
            if (key, language) not in unpublished
        ]
        links += [
            ArticleLink(
                from_article_id=source,
                to_article_id=ids[key, language],
                kind=ArticleLink.Kind.RELATED,
                position=position,
            )
            for position, key in enumerate(story.related)
            if (key, language) not in unpublished
        ]
        return links

    @staticmethod
    def _updated_at(article, corrections):
        """When an article was last changed: its latest correction, else its publication, else lately."""
        times = [correction.published_at for correction in corrections if correction.article_id == article.pk]
        return max([article.publish_at, *times]) if article.publish_at else None

    def _store_links_and_rows(self, stories, ids, *, sync):
        """Write the bylines, tags, countries, corrections and links of `stories`, whose article ids are
        in `ids` ({(story key, language): id}). With `sync`, rows these articles already have are made
        to match instead of added to."""
        bylines, tags, countries, corrections, links = [], [], [], [], []
        unpublished = {(story.key, "es") for story in stories if story.translation in ("draft", "machine")}
        for story in stories:
            rows = self._rows(story, {language: ids[story.key, language] for language in LANGUAGES})
            for bucket, part in zip((bylines, tags, countries, corrections), rows, strict=True):
                bucket += part
            for language in LANGUAGES:
                links += self._links(story, ids, language, unpublished)
        if sync:
            owners = list(ids.values())
            _sync_rows(ArticleAuthor, "article", owners, bylines, ("article_id", "author_id"), ("position",))
            _sync_rows(TaggedArticle, "content_object", owners, tags, ("content_object_id", "tag_id"))
            _sync_rows(ArticleCountry, "article", owners, countries, ("article_id", "country_id"))
            _sync_rows(
                ArticleLink,
                "from_article",
                owners,
                links,
                ("from_article_id", "to_article_id", "kind"),
                ("position", "after_paragraph"),
            )
            _sync_rows(Correction, "article", owners, corrections, ("article_id", "kind", "text"), ("published_at",))
        else:
            for model, rows in (
                (ArticleAuthor, bylines),
                (TaggedArticle, tags),
                (ArticleCountry, countries),
                (ArticleLink, links),
                (Correction, corrections),
            ):
                model.objects.bulk_create(rows, batch_size=5000)
        self._place_body_blocks(stories, ids)
        return corrections

    def _place_body_blocks(self, stories, ids):
        """Inline figures, a table, a pull quote, embeds and a SEE ALSO in an analysis in a few published
        stories, both languages (articles/demo/blocks.py)."""
        live = [
            story
            for story in stories
            if story.status == Article.Status.PUBLISHED
            and None not in story.publish_times(self.now)
            and max(story.publish_times(self.now)) <= self.now
        ]
        chosen = [story for story in live if story.version("en").analysis and story.image][: len(demo_blocks.PLAN)]
        others = [story for story in live if story not in chosen]
        for position, (story, layout) in enumerate(zip(chosen, demo_blocks.PLAN, strict=False)):
            image = self.refs.images.get(story.image)
            pictures = [picture for key, picture in self.refs.images.items() if key != story.image]
            figure = pictures[position % len(pictures)] if pictures else image
            linked = others[position] if position < len(others) else None
            for language in LANGUAGES:
                article = Article.objects.only("body", "analysis").get(pk=ids[story.key, language])
                body, analysis = demo_blocks.with_blocks(
                    article.body,
                    article.analysis,
                    layout,
                    language,
                    image_id=figure.pk if figure else None,
                    linked_id=ids[linked.key, language] if linked else None,
                )
                Article.objects.filter(pk=article.pk).update(body=clean_html(body), analysis=clean_html(analysis))

    def seed_demo_articles(self):
        """The demo's own stories, both languages of each, created or brought back to the plan.

        Publish times are relative to the run, so they move on every run; the rest of an existing
        article is only written when it differs from the plan.
        """
        stories = plan.demo_stories(newsroom=self.newsroom)
        articles = {}
        for story in stories:
            for language, publish_at in zip(LANGUAGES, story.publish_times(self.now), strict=True):
                articles[story.key, language] = self._article(story, language, publish_at)
        slugs = [article.slug for article in articles.values()]
        existing = Article.objects.only("pk", "slug", "created_at", *CONTENT_FIELDS).in_bulk(slugs, field_name="slug")
        # A translation key of the plan held by an article outside it would break the one-per-language rule.
        keys = [story.translation_key for story in stories]
        Article.objects.filter(translation_key__in=keys).exclude(slug__in=slugs).update(translation_key=None)
        new, changed, unchanged = [], [], []
        for article in articles.values():
            current = existing.get(article.slug)
            if current is None:
                new.append(article)
                continue
            article.pk, article.created_at = current.pk, current.created_at
            differs = any(
                getattr(current, field.attname) != getattr(article, field.attname)
                for field in (Article._meta.get_field(name) for name in CONTENT_FIELDS)
            )
            (changed if differs else unchanged).append(article)
        Article.objects.bulk_create(new)
        ids = {key: article.pk for key, article in articles.items()}
        corrections = self._store_links_and_rows(stories, ids, sync=True)

        for number, article in enumerate(articles.values()):
            updated = self._updated_at(article, corrections)
            article.updated_at = (
                updated if updated and updated <= self.now else self.now - timedelta(hours=number % 9 + 1)
            )
        Article.objects.bulk_update(changed, [*CONTENT_FIELDS, *TIME_FIELDS], batch_size=100)
        Article.objects.bulk_update(unchanged, TIME_FIELDS)
        Article.objects.bulk_update(new, ["updated_at"])
        self.seed_partner_links(
            [
                articles[story.key, language]
                for story in stories
                if story.status == "embargoed"
                for language in LANGUAGES
            ]
        )
        self._record_first_revisions(stories, articles)
        return len(new)

    def seed_partner_links(self, embargoed):
        """A partner outlet's link for each language of the embargoed investigation, with a few visits
        logged; made once, kept (with their addresses) on later runs."""
        editor = get_user_model().objects.filter(username="editor").first()
        for article in embargoed:
            partner, visits_ago = DEMO_PARTNERS[article.language]
            link, created = PartnerLink.objects.get_or_create(
                article_id=article.pk, partner=partner, defaults={"created_by": editor, "created_at": self.now}
            )
            if created:
                PartnerAccess.objects.bulk_create(
                    PartnerAccess(link=link, partner=partner, accessed_at=self.now - ago) for ago in visits_ago
                )

    @staticmethod
    def _record_first_revisions(stories, articles):
        """For each outdated original: its first revision in the history, as published and translated,
        so that the translator's comparison shows what changed since (the update)."""
        history = Article.history.model
        for story in stories:
            if story.translation != "outdated":
                continue
            article = articles[story.key, "en"]
            if history.objects.filter(id=article.pk, revision=1).exists():
                continue
            first = Article(
                **{field.attname: getattr(article, field.attname) for field in Article._meta.concrete_fields}
            )
            first.body, first.revision = story.en.body, 1
            Article.history.bulk_history_create(
                [first], default_date=article.publish_at, default_change_reason="Published"
            )

    def seed_untranslated(self):
        """The English briefs nobody has translated yet (articles/demo/content/untranslated/), recent and live."""
        refs = self.refs
        stored = Article.objects.in_bulk([brief.slug for brief in translations.UNTRANSLATED], field_name="slug")
        for brief in translations.UNTRANSLATED:
            publish_at = self.now - timedelta(hours=brief.hours_ago)
            fields = {
                "title": brief.title,
                "dek": brief.dek,
                "body": brief.body,
                "analysis": brief.analysis,
                "section": refs.sections["briefs"],
                "language": "en",
                "translation_key": None,
                "status": Article.Status.PUBLISHED,
                "publish_at": publish_at,
                "primary_country": refs.countries[brief.country],
                "primary_tag": refs.tags[brief.topics[0], "en"],
            }
            article = stored.get(brief.slug)
            if article is None:
                article = Article.objects.create(slug=brief.slug, **fields)
            # Written without save(), as the demo's other articles are: no new version in the history per run.
            Article.objects.filter(pk=article.pk).update(**fields, updated_at=publish_at)
            ArticleAuthor.objects.update_or_create(
                article=article, author=refs.authors[brief.author], defaults={"position": 0}
            )
            ArticleAuthor.objects.filter(article=article).exclude(author=refs.authors[brief.author]).delete()
            article.tags.set([refs.tags[topic, "en"] for topic in brief.topics])
            article.countries.set([refs.countries[brief.country]])

    # Synthetic stories ---------------------------------------------------------------------------------

    def seed_synthetic(self, total_articles):
        """Synthetic stories until the demo holds `total_articles` articles, its own included.

        Stories come in pairs, so an odd total is rounded up. Each batch is written in its own
        transaction. On PostgreSQL, outside any transaction of the caller, two threads write batches
        side by side, each on its own connection: the search vector trigger makes the database the
        slower half, and this keeps both cores busy. Returns how many articles were created.
        """
        wanted = max(0, -(-(total_articles - DEMO_ARTICLES) // 2))
        if not wanted:
            return 0
        stored = set(Article.objects.exclude(translation_key=None).values_list("translation_key", flat=True))
        numbers = [number for number in range(1, wanted + 1) if synthetic_translation_key(number) not in stored]
        batches = [numbers[start : start + SYNTHETIC_BATCH] for start in range(0, len(numbers), SYNTHETIC_BATCH)]
        total, done = 2 * len(numbers), 0
        self.progress(done, total)
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            for batch in batches:
                done += self._write_synthetic_batch(batch)
                self.progress(done, total)
            return total
        with ThreadPoolExecutor(max_workers=SYNTHETIC_WRITERS) as pool:
            futures = [pool.submit(self._write_synthetic_batch, batch, own_connection=True) for batch in batches]
            try:
                for future in as_completed(futures):
                    done += future.result()
                    self.progress(done, total)
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        return total

    def _write_synthetic_batch(self, numbers, *, own_connection=False):
        try:
            stories, articles = self._prepare_synthetic(numbers)
            with transaction.atomic():
                self._store_synthetic(stories, articles)
            return len(articles)
        finally:
            # With DEBUG on, every query's SQL is kept in memory; a large data set would hoard gigabytes.
            reset_queries()
            if own_connection:
                connection.close()

    def _prepare_synthetic(self, numbers):
        """The stories numbered `numbers`, with links and corrections, and their unsaved articles."""
        stories = list(
            synthetic_stories(
                plan.TEMPLATES,
                numbers,
                newsroom=self.newsroom,
                pictures=pictures.PICTURE_TOPICS,
                oldest_days=plan.OLDEST.days + 30,
            )
        )
        articles = {}
        for index, story in enumerate(stories):
            self._pick_synthetic_extras(story, stories[:index])
            for language, publish_at in zip(LANGUAGES, story.publish_times(self.now), strict=True):
                articles[story.key, language] = self._article(story, language, publish_at)
        return stories, articles

    def _store_synthetic(self, stories, articles):
        # Synthetic slugs end in the story's number, but nothing stops an editor from having used one.
        slugs = [article.slug for article in articles.values()]
        taken = set(Article.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        for article in articles.values():
            if article.slug in taken:
                article.slug = f"{article.slug}-{article.language}-{secrets.token_hex(3)}"
        # bulk_create() stamps each row as updated now, which is true of synthetic stories: rewriting
        # every row to back-date them would cost a second write of every index, the search one included.
        Article.objects.bulk_create(articles.values(), batch_size=250)
        ids = {key: article.pk for key, article in articles.items()}
        self._store_links_and_rows(stories, ids, sync=False)

    @staticmethod
    def _pick_synthetic_extras(story, earlier):
        """Links to stories earlier in the same batch, and now and then a correction."""
        rng = random.Random(f"extras-{story.key}")
        if earlier and story.paragraphs >= 2 and rng.random() < 0.5:
            story.see_also.append((rng.choice(earlier).key, rng.randint(1, min(3, story.paragraphs - 1))))
        if earlier and rng.random() < 0.4:
            taken = {key for key, _ in story.see_also}
            candidates = [other.key for other in earlier[-50:] if other.key not in taken]
            story.related += rng.sample(candidates, min(len(candidates), rng.randint(1, 2)))
        if rng.random() < 0.02:
            story.corrections.append((rng.randrange(len(reference.CORRECTIONS)), timedelta(hours=rng.uniform(3, 72))))

    # Everything ----------------------------------------------------------------------------------------

    def run(self, *, articles=None):
        """Seed the demo; with `articles`, add synthetic stories up to that many articles in all.

        Returns the new passwords of the demo accounts, {username: password}.
        """
        passwords = {username: secrets.token_urlsafe(12) for username in ACCOUNTS}
        # Two workers draw pictures and hash passwords (both mostly outside the GIL) while this thread
        # writes; every database write stays on this thread and its transaction.
        with ThreadPoolExecutor(max_workers=2) as pool:
            hashed = {username: pool.submit(make_password, password) for username, password in passwords.items()}
            with transaction.atomic():
                self.seed_reference()
                self.seed_pictures(pool)
                self.seed_authors()
                self.seed_accounts({username: future.result() for username, future in hashed.items()})
                self.seed_demo_articles()
                self.seed_untranslated()
                packaging.seed(self)
                seed_reader_revenue(now=self.now, newsroom=self.newsroom)
                # Monthly donors and followed-up pledges, so that the fundraising admin has histories to show.
                seed_donors(now=self.now, staff=get_user_model().objects.filter(username="editor").first())
                seed_desk(now=self.now)
        if articles:
            self.seed_synthetic(articles)
        return passwords


def summary():
    """(label, count) of every kind of row the demo writes."""
    published = Article.objects.published()
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=timezone.now())
    embargoed = Article.objects.filter(status=Article.Status.EMBARGOED, publish_at__gt=timezone.now())
    staff = get_user_model().objects.filter(username__in=ACCOUNTS)
    return [
        ("Sections", Section.objects.count()),
        ("Countries", Country.objects.count()),
        ("Authors", Author.objects.count()),
        ("Tags", Tag.objects.count()),
        ("Images", Image.objects.count()),
        ("Articles", Article.objects.count()),
        ("  published", published.count()),
        ("  scheduled", scheduled.count()),
        ("  under embargo", embargoed.count()),
        ("  in review", Article.objects.filter(status=Article.Status.IN_REVIEW).count()),
        ("  planned", Article.objects.exclude(planned_date=None).count()),
        ("  drafts", Article.objects.filter(status=Article.Status.DRAFT).count()),
        ("Bylines", ArticleAuthor.objects.count()),
        ("Article tags", TaggedArticle.objects.count()),
        ("Article countries", ArticleCountry.objects.count()),
        ("SEE ALSO links", ArticleLink.objects.filter(kind=ArticleLink.Kind.SEE_ALSO).count()),
        ("Related links", ArticleLink.objects.filter(kind=ArticleLink.Kind.RELATED).count()),
        ("Corrections and updates", Correction.objects.count()),
        ("Partner links", PartnerLink.objects.count()),
        ("Series", Series.objects.count()),
        ("  parts", SeriesPart.objects.count()),
        ("Live updates", LiveUpdate.objects.count()),
        ("Demo staff accounts", staff.count()),
        ("Newsletter lists", NewsletterList.objects.count()),
        ("  confirmed subscribers", Subscription.objects.filter(status=Subscription.Status.CONFIRMED).count()),
        ("  waiting for confirmation", Subscription.objects.filter(status=Subscription.Status.PENDING).count()),
        ("Prompts", Prompt.objects.count()),
        ("Monthly gifts", MonthlyGift.objects.count()),
        ("Monthly payments", MonthlyPayment.objects.count()),
    ]
