"""An index behind every query of the reader site's hot pages, checked with PostgreSQL's planner.

Each page is requested with its queries captured, and each query is explained with sequential scans
switched off: the planner then reads through an index wherever one can serve the query, so a Seq Scan
left on a large table means that no index can, and on an archive of 100,000 articles that page would read
the whole table on every view. Queries that fetch a page of a listing (newest first, LIMIT/OFFSET) are
also explained with sorts switched off: a Sort left means that no index gives their order, and every
match of the listing would be sorted to show twenty.

SQLite (development) has no such planner switches; these tests run on PostgreSQL only.
"""

import re
import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import TaggedItem

from articles.models import Article, ArticleAuthor, ArticleLink, Correction, TaggedArticle
from tests.factories import make_article, make_author, make_country, make_section

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Query plans are checked with PostgreSQL's planner settings; run with DATABASE_URL=postgres://…",
    ),
]

# Tables that grow with the archive. Small lookup tables (sections, countries, authors, tags, images) may be
# read whole: the planner must read them anyway, and they fit in a page or two.
LARGE_TABLES = {
    Article._meta.db_table,
    Article.countries.through._meta.db_table,
    Article.history.model._meta.db_table,
    ArticleAuthor._meta.db_table,
    ArticleLink._meta.db_table,
    Correction._meta.db_table,
    TaggedArticle._meta.db_table,
    TaggedItem._meta.db_table,
}

# A page of a listing: newest first as Article.Meta.ordering sorts (the corrections page by their own date),
# then LIMIT, at the end of the query or of each part of a UNION.
LISTING_PAGE = re.compile(
    r'ORDER BY ("articles_article"\."publish_at" DESC NULLS LAST, "articles_article"\."id" DESC'
    r'|"articles_correction"\."published_at" DESC, "articles_correction"\."id" DESC)'
    r" LIMIT \d+( OFFSET \d+)?\)?$"
)

# More articles than a listing page holds (20), so that every listing has a second page.
ARTICLE_COUNT = 25

PAGES = {
    "home": "/",
    "home-es": "/es/",
    "article": "{article}",
    "article-es": "{spanish}",
    "news": "/news/",
    "news-page-2": "/news/?page=2",
    "section": "/news/{section}/",
    "section-page-2": "/news/{section}/?page=2",
    "tag": "/tags/{tag}/",
    "tag-page-2": "/tags/{tag}/?page=2",
    "country": "/countries/{country}/",
    "country-page-2": "/countries/{country}/?page=2",
    "author": "/authors/{author}/",
    "author-page-2": "/authors/{author}/?page=2",
    "tag-index": "/tags/",
    "country-index": "/countries/",
    "author-index": "/authors/",
    "search": "/search/?q=cocaine",
    "search-es": "/es/search/?q=cocaína",
    "search-page-2": "/search/?q=cocaine&page=2",
    "search-section": "/search/?q=cocaine&section={section}",
    "search-country": "/search/?q=cocaine&country={country}",
    "feed": "/feed/",
    "feed-es": "/es/feed/",
    "section-feed": "/news/{section}/feed/",
    "tag-feed": "/tags/{tag}/feed/",
    "country-feed": "/countries/{country}/feed/",
    "author-feed": "/authors/{author}/feed/",
    "corrections": "/corrections/",
    "sitemap-index": "/sitemap.xml",
    "sitemap-articles": "/sitemap-articles.xml",
    "sitemap-sections": "/sitemap-sections.xml",
    "sitemap-tags": "/sitemap-tags.xml",
    "sitemap-countries": "/sitemap-countries.xml",
    "sitemap-authors": "/sitemap-authors.xml",
    "news-sitemap": "/news-sitemap.xml",
}

# The pages that show a page of a listing, read in index order.
LISTINGS = [
    "home",
    "home-es",
    "news",
    "news-page-2",
    "section",
    "section-page-2",
    "tag",
    "tag-page-2",
    "country",
    "country-page-2",
    "author",
    "author-page-2",
    "feed",
    "feed-es",
    "section-feed",
    "tag-feed",
    "country-feed",
    "author-feed",
    "corrections",
]


@pytest.fixture(scope="module")
def addresses(django_db_setup, django_db_blocker):
    """A small newsroom in both languages, made once for the module and rolled back after it: the
    addresses of PAGES filled in."""
    with django_db_blocker.unblock(), transaction.atomic():
        news = make_section(name="News", slug="news")
        make_section(name="About us", slug=settings.NEWSROOM_ORGANIZATION_SECTION)
        mexico = make_country(name="Mexico", slug="mexico", iso_code="MX")
        honduras = make_country(name="Honduras", slug="honduras", iso_code="HN")
        ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
        luis = make_author(name="Luis Pérez", slug="luis-perez")
        now = timezone.now()
        articles = [
            make_article(
                title=f"Cocaine seizure number {n} at the port",
                section=news,
                authors=[ana, luis][: 1 + n % 2],
                tags=["cocaine", "ports"],
                countries=[honduras],
                primary_country=mexico,
                publish_at=now - timedelta(hours=n + 1),
            )
            for n in range(ARTICLE_COUNT)
        ]
        key = uuid.uuid4()
        Article.objects.filter(pk=articles[0].pk).update(translation_key=key)
        spanish = make_article(
            title="Incautación de cocaína en el puerto",
            language="es",
            section=news,
            authors=[ana],
            tags=["cocaína"],
            primary_country=mexico,
            translation_key=key,
        )
        make_article(title="A draft about cocaine", section=news, published=False, authors=[ana], tags=["cocaine"])
        make_article(title="Cocaine, scheduled", section=news, publish_at=now + timedelta(days=1), tags=["cocaine"])
        for position, kind in enumerate(ArticleLink.Kind):
            ArticleLink.objects.create(
                from_article=articles[0], to_article=articles[position + 1], kind=kind, position=position
            )
        for article in articles[:3]:
            Correction.objects.create(article=article, text="An earlier version gave the wrong tonnage.")
        yield {
            "article": articles[0].get_absolute_url(),
            "spanish": spanish.get_absolute_url(),
            "section": news.slug,
            "tag": "cocaine",
            "country": mexico.slug,
            "author": ana.slug,
        }
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request runs its view and its queries, rather than being answered from the page cache."""
    settings.PAGE_CACHE_SECONDS = 0


def page_queries(client, url):
    """The SELECT statements that answering `url` runs, with their parameters in place."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return [query["sql"] for query in captured.captured_queries if query["sql"].lstrip("(").startswith("SELECT")]


def query_plan(sql, **planner_settings):
    """The plan PostgreSQL chooses for `sql` with `planner_settings` (e.g. enable_seqscan="off"): as JSON to
    inspect, and as text to show in a failure."""
    with transaction.atomic(), connection.cursor() as cursor:
        for name, value in planner_settings.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        plan = cursor.fetchone()[0][0]["Plan"]
        cursor.execute(f"EXPLAIN {sql}")
        text = "\n".join(row[0] for row in cursor.fetchall())
        # Rolled back to the savepoint, and the settings with it.
        transaction.set_rollback(True)
    return plan, text


def plan_nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)


@pytest.mark.parametrize("page", PAGES)
def test_no_large_table_is_read_whole(client, addresses, page):
    queries = page_queries(client, PAGES[page].format(**addresses))
    assert queries
    for sql in queries:
        plan, text = query_plan(sql, enable_seqscan="off")
        scanned = {node.get("Relation Name") for node in plan_nodes(plan) if node["Node Type"] == "Seq Scan"}
        assert not scanned & LARGE_TABLES, f"No index serves this query of {page}:\n{sql}\n\n{text}"


@pytest.mark.parametrize("page", LISTINGS)
def test_listing_pages_are_read_in_index_order(client, addresses, page):
    queries = [sql for sql in page_queries(client, PAGES[page].format(**addresses)) if LISTING_PAGE.search(sql)]
    assert queries, f"{page} fetched no page of a listing"
    for sql in queries:
        plan, text = query_plan(sql, enable_seqscan="off", enable_sort="off", enable_incremental_sort="off")
        sorts = [node for node in plan_nodes(plan) if node["Node Type"] in {"Sort", "Incremental Sort"}]
        assert not sorts, f"No index gives the order of this query of {page}:\n{sql}\n\n{text}"
