"""Small factories shared by the tests: each makes a valid object, with keyword overrides."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, ArticleAuthor, Author, Country, Image, Section

_numbers = itertools.count(1)


def _next():
    return next(_numbers)


def make_section(**fields):
    n = _next()
    fields.setdefault("name", f"Section {n}")
    fields.setdefault("slug", f"section-{n}")
    return Section.objects.create(**fields)


def make_country(**fields):
    n = _next()
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    fields.setdefault("name", f"Country {n}")
    fields.setdefault("slug", f"country-{n}")
    if "iso_code" not in fields:
        # The next two-letter code that no country holds yet (tests also use real codes such as GT).
        taken = set(Country.objects.values_list("iso_code", flat=True))
        codes = (letters[(n + step) // 26 % 26] + letters[(n + step) % 26] for step in range(26 * 26))
        fields["iso_code"] = next(code for code in codes if code not in taken)
    fields.setdefault("region", Country.Region.CENTRAL_AMERICA)
    return Country.objects.create(**fields)


def make_author(**fields):
    n = _next()
    fields.setdefault("name", f"Author {n}")
    fields.setdefault("slug", f"author-{n}")
    return Author.objects.create(**fields)


def image_file(name="photo.jpg", size=(64, 48), image_format="JPEG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 90, 120)).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def make_image(**fields):
    fields.setdefault("file", image_file())
    fields.setdefault("alt_text", "A river crossing at dawn")
    return Image.objects.create(**fields)


def make_article(*, authors=(), tags=(), countries=(), published=True, **fields):
    """An article; published an hour ago unless `published=False` or a status/publish_at is given."""
    n = _next()
    fields.setdefault("title", f"Article number {n}")
    fields.setdefault("slug", f"article-{n}")
    fields.setdefault("body", "<p>First paragraph.</p><p>Second paragraph.</p>")
    fields.setdefault("dek", f"The dek of article {n}.")
    if "section" not in fields:
        fields["section"] = make_section()
    if published:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, position=position)
    if tags:
        article.tags.add(*tags)
    if countries:
        article.countries.add(*countries)
    return article


def make_user(username="staff", *, password="a-long-test-password", **fields):
    return get_user_model().objects.create_user(username=username, password=password, **fields)


# Every public page first reads the content version that its cached copy is checked against
# (newsroom/pagecache.py): one query when there is no Redis, as in the tests.
CONTENT_VERSION_QUERIES = 1
# Every reader page built on base.html reads the live prompts once (donations/prompts/selection.py): the
# site-wide banner, and on articles the in-article and end-of-article prompts, all from that one query.
PROMPTS_QUERY = 1
# Feeds and reader pages read the newsroom's identity (name, logo, licence) once per content version
# (articles/identity.py): one query on their first render.
IDENTITY_QUERY = 1
# Every reader page built on base.html reads the identity (header, title, footer) and the newsroom's published
# pages (footer), each once per content version: two queries on a page's first render.
SITE_CHROME_QUERIES = IDENTITY_QUERY + 1


def assert_cacheable_for_anyone(response):
    """An anonymous reader's page that a CDN may keep one copy of: no cookie set, and not varied on the
    reader's cookies or browser language (the address alone says which language the page is in)."""
    assert response.cookies == {}, f"sets cookies: {list(response.cookies)}"
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    assert not vary & {"cookie", "accept-language"}, f"Vary: {response.get('Vary')}"
