"""The demo's desk: who wrote, submitted and published what, a story with a history of versions to compare,
stale drafts, and a draft that the checks before publishing stop.

Runs after the demo articles are written (articles/demo/seeding.py), on the planned stories themselves, so
it adds no articles; every run puts the same state back, with times relative to the run.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model

from articles import history
from articles.demo.loader import read
from articles.models import Article, Author
from articles.sanitizer import clean_html

# The link text that the checks flag, with the sentence it ends, in each language.
VAGUE_LINK_SENTENCE = read("desk.toml")["vague_link"]


def _paragraphs(html):
    return [f"<p>{part}" for part in html.split("<p>")[1:]]


def _without_last_sentence(paragraph):
    """The paragraph as a first draft had it: its last sentence not yet written."""
    text = paragraph.removesuffix("</p>")
    head, dot, _tail = text.rstrip(".").rpartition(". ")
    return f"{head}.</p>" if dot else paragraph


def seed_desk(*, now):
    """Give the demo's unpublished and newest articles the people, times and versions the desk shows."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["editor", "writer"])}
    writer, editor = users["writer"], users["editor"]
    for user in (writer, editor):
        author = Author.objects.filter(user=user).first()
        if author is not None and not user.get_full_name():
            user.first_name, _, user.last_name = author.name.partition(" ")
            user.save(update_fields=["first_name", "last_name"])

    unpublished = Article.objects.exclude(status=Article.Status.PUBLISHED)
    unpublished.update(created_by=writer)
    # In review since this morning, submitted by the writer.
    for hours, article in enumerate(Article.objects.filter(status=Article.Status.IN_REVIEW).order_by("slug"), 2):
        Article.objects.filter(pk=article.pk).update(
            status_changed_at=now - timedelta(hours=hours), status_changed_by=writer
        )
    # Scheduled and recently published by the editor.
    recent = Article.objects.filter(status=Article.Status.PUBLISHED, publish_at__gt=now - timedelta(days=3))
    for article in recent.only("pk", "publish_at"):
        moved = min(article.publish_at, now) - timedelta(hours=1)
        Article.objects.filter(pk=article.pk).update(
            published_by=editor, published_on=moved, status_changed_at=moved, status_changed_by=editor
        )

    drafts = list(Article.objects.filter(status=Article.Status.DRAFT).order_by("translation_key", "language"))
    keys = sorted({article.translation_key for article in drafts}, key=str)
    # Two stories nobody has touched for weeks: stale on the desk.
    for days, key in zip((18, 26), keys[1:], strict=False):
        Article.objects.filter(translation_key=key).update(updated_at=now - timedelta(days=days))
    # One draft that the checks stop: its source is linked as "here".
    for article in (draft for draft in drafts if draft.translation_key == keys[0]):
        body = f"{article.body.removesuffix('</p>')} {VAGUE_LINK_SENTENCE[article.language]}</p>"
        Article.objects.filter(pk=article.pk).update(body=clean_html(body))

    in_review = Article.objects.filter(status=Article.Status.IN_REVIEW).order_by("slug").first()
    if in_review is not None:
        for article in Article.objects.translations_of(in_review) | Article.objects.filter(pk=in_review.pk):
            _write_versions(article, writer=writer, now=now)


def _write_versions(article, *, writer, now):
    """Three versions of a story the writer worked on over two days before submitting it: a first draft
    of two paragraphs, a fuller one with its summary and tags, and the submitted text."""
    article.refresh_from_db()
    current = history.snapshot(article)
    paragraphs = _paragraphs(article.body)
    analysis = _paragraphs(article.analysis)
    first_draft = {
        "dek": "",
        "body": "".join(
            [*paragraphs[:1], _without_last_sentence(paragraphs[1])] if len(paragraphs) > 1 else paragraphs
        ),
        "analysis": "",
        "status": Article.Status.DRAFT,
        "related": {**current, "authors": current["authors"][:1], "tags": [], "links": [], "corrections": []},
    }
    fuller = {
        "body": "".join(paragraphs[:-1]),
        "analysis": "".join(analysis[:1]),
        "status": Article.Status.DRAFT,
        "related": {**current, "tags": current["tags"][:1], "links": []},
    }
    submitted = {"status": Article.Status.IN_REVIEW, "related": current}
    HistoricalArticle = Article.history.model
    HistoricalArticle.objects.filter(id=article.pk).delete()
    fields = [field.attname for field in HistoricalArticle._meta.fields if field.attname in _article_fields()]
    versions = []
    for hours, kind, changes in ((50, "+", first_draft), (30, "~", fuller), (3, "~", submitted)):
        values = {name: getattr(article, name) for name in fields}
        values.update(changes)
        when = now - timedelta(hours=hours)
        values.update(updated_at=when, status_changed_at=when if changes is submitted else None)
        values["status_changed_by_id"] = writer.pk if changes is submitted else None
        versions.append(HistoricalArticle(**values, history_date=when, history_type=kind, history_user=writer))
    HistoricalArticle.objects.bulk_create(versions)
    Article.objects.filter(pk=article.pk).update(status_changed_at=now - timedelta(hours=3), status_changed_by=writer)


def _article_fields():
    return {field.attname for field in Article._meta.concrete_fields}
