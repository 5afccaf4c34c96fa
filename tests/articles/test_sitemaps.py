"""Sitemaps and robots.txt, fetched over HTTP and read with the standard library's XML and robots parsers."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from unittest import mock
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article
from articles.sitemaps import ArticleSitemap, NewsSitemap
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    assert_cacheable_for_anyone,
    make_article,
    make_author,
    make_country,
    make_section,
)

SITE = "https://news.example.org"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
SECTIONS = ["home", "articles", "sections", "tags", "countries", "authors", "series", "pages"]


@override_settings(SITE_URL=SITE, NEWSROOM_NAME="Newsroom")
class SitemapTestCase(TestCase):
    def read(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/xml")
        assert_cacheable_for_anyone(response)
        return ET.fromstring(response.content)

    def index(self):
        root = self.read("/sitemap.xml")
        self.assertEqual(root.tag, f"{{{NS['sm']}}}sitemapindex")
        return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]

    def urls(self, url):
        """The <url> entries of a sitemap page, by location."""
        root = self.read(url)
        self.assertEqual(root.tag, f"{{{NS['sm']}}}urlset")
        return {entry.findtext("sm:loc", namespaces=NS): entry for entry in root.findall("sm:url", NS)}

    def all_urls(self):
        """Every location of every page of every sitemap the index lists, checking none repeats."""
        locations = []
        for sitemap in self.index():
            parts = urlsplit(sitemap)
            locations += self.urls(f"{parts.path}?{parts.query}" if parts.query else parts.path)
        self.assertEqual(len(locations), len(set(locations)))
        return set(locations)


class SitemapIndexTests(SitemapTestCase):
    def test_index_lists_one_sitemap_per_section_on_the_public_origin(self):
        make_article()

        self.assertEqual(self.index(), [f"{SITE}/sitemap-{section}.xml" for section in SECTIONS])

    def test_articles_section_is_paginated(self):
        articles = [make_article() for _ in range(5)]

        with mock.patch.object(ArticleSitemap, "limit", 2):
            index = self.index()
            self.assertEqual(
                [sitemap for sitemap in index if "articles" in sitemap],
                [
                    f"{SITE}/sitemap-articles.xml",
                    f"{SITE}/sitemap-articles.xml?p=2",
                    f"{SITE}/sitemap-articles.xml?p=3",
                ],
            )
            pages = [self.urls("/sitemap-articles.xml"), self.urls("/sitemap-articles.xml?p=2")]
            pages.append(self.urls("/sitemap-articles.xml?p=3"))
            self.assertEqual([len(page) for page in pages], [2, 2, 1])
            self.assertEqual(self.client.get("/sitemap-articles.xml?p=4").status_code, 404)

        listed = {location for page in pages for location in page}
        self.assertEqual(listed, {f"{SITE}{article.get_absolute_url()}" for article in articles})

    def test_unknown_section_is_not_found(self):
        self.assertEqual(self.client.get("/sitemap-nope.xml").status_code, 404)


class ArticleSitemapTests(SitemapTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(slug="briefs")
        cls.english = make_article(title="Gangs tax the bus routes", slug="bus-routes", section=cls.section)
        cls.spanish = make_article(
            title="Pandillas cobran a los buses", slug="buses", section=cls.section, language="es"
        )
        cls.draft = make_article(slug="draft", published=False)
        cls.in_review = make_article(
            slug="in-review", status=Article.Status.IN_REVIEW, publish_at=timezone.now() - timedelta(days=1)
        )
        cls.scheduled = make_article(slug="scheduled", publish_at=timezone.now() + timedelta(days=1))

    def test_lists_published_articles_in_both_languages_with_lastmod(self):
        urls = self.urls("/sitemap-articles.xml")

        self.assertEqual(set(urls), {f"{SITE}/news/briefs/bus-routes/", f"{SITE}/es/news/briefs/buses/"})
        self.english.refresh_from_db()
        self.assertEqual(
            urls[f"{SITE}/news/briefs/bus-routes/"].findtext("sm:lastmod", namespaces=NS),
            self.english.updated_at.date().isoformat(),
        )

    def test_unpublished_articles_are_in_no_sitemap(self):
        for location in self.all_urls():
            for slug in ["draft", "in-review", "scheduled"]:
                self.assertNotIn(f"/{slug}/", location)

    def test_a_scheduled_article_appears_once_its_time_comes(self):
        with mock.patch("django.utils.timezone.now", return_value=self.scheduled.publish_at + timedelta(minutes=1)):
            urls = self.urls("/sitemap-articles.xml")

        self.assertIn(f"{SITE}{self.scheduled.get_absolute_url()}", urls)


class ListingSitemapTests(SitemapTestCase):
    def test_home_and_index_pages_in_both_languages(self):
        urls = self.urls("/sitemap-home.xml")

        paths = ["/", "/news/", "/tags/", "/countries/", "/authors/"]
        self.assertEqual(set(urls), {f"{SITE}{prefix}{path}" for prefix in ["", "/es"] for path in paths})
        alternates = {link.get("hreflang"): link.get("href") for link in urls[f"{SITE}/"].findall("xhtml:link", NS)}
        self.assertEqual(alternates, {"en": f"{SITE}/", "es": f"{SITE}/es/"})

    def test_listings_with_published_articles_in_each_language(self):
        briefs = make_section(slug="briefs")
        empty_section = make_section(slug="empty")
        mexico = make_country(slug="mexico")
        peru = make_country(slug="peru")
        ana = make_author(slug="ana")
        luis = make_author(slug="luis")
        make_article(section=briefs, tags=["Extortion"], countries=[mexico], authors=[ana])
        make_article(section=briefs, tags=["Extortion"], language="es", authors=[ana])
        make_article(section=empty_section, tags=["Ports"], countries=[peru], authors=[luis], published=False)
        make_article(
            section=empty_section,
            tags=["Ports"],
            countries=[peru],
            authors=[luis],
            publish_at=timezone.now() + timedelta(hours=1),
        )

        self.assertEqual(set(self.urls("/sitemap-sections.xml")), {f"{SITE}/news/briefs/", f"{SITE}/es/news/briefs/"})
        self.assertEqual(set(self.urls("/sitemap-tags.xml")), {f"{SITE}/tags/extortion/", f"{SITE}/es/tags/extortion/"})
        self.assertEqual(set(self.urls("/sitemap-countries.xml")), {f"{SITE}/countries/mexico/"})
        self.assertEqual(set(self.urls("/sitemap-authors.xml")), {f"{SITE}/authors/ana/", f"{SITE}/es/authors/ana/"})

    def test_a_listing_points_to_its_other_language(self):
        make_article(tags=["Extortion"])
        make_article(tags=["Extortion"], language="es")

        urls = self.urls("/sitemap-tags.xml")

        alternates = {
            link.get("hreflang"): link.get("href")
            for link in urls[f"{SITE}/es/tags/extortion/"].findall("xhtml:link", NS)
        }
        self.assertEqual(alternates, {"en": f"{SITE}/tags/extortion/", "es": f"{SITE}/es/tags/extortion/"})


class NewsSitemapTests(SitemapTestCase):
    def test_lists_articles_of_the_last_two_days_only(self):
        now = timezone.now()
        make_article(title="An hour old", slug="hour", publish_at=now - timedelta(hours=1))
        make_article(title="Una noticia de ayer", slug="ayer", language="es", publish_at=now - timedelta(days=1))
        make_article(slug="old", publish_at=now - timedelta(days=3))
        make_article(slug="draft", published=False)
        make_article(slug="scheduled", publish_at=now + timedelta(hours=1))

        root = self.read("/news-sitemap.xml")
        entries = root.findall("sm:url", NS)

        self.assertEqual(root.tag, f"{{{NS['sm']}}}urlset")
        self.assertEqual(
            [entry.findtext("sm:loc", namespaces=NS) for entry in entries],
            [f"{SITE}{Article.objects.get(slug=slug).get_absolute_url()}" for slug in ["hour", "ayer"]],
        )
        titles = [entry.findtext("news:news/news:title", namespaces=NS) for entry in entries]
        self.assertEqual(titles, ["An hour old", "Una noticia de ayer"])
        names = {entry.findtext("news:news/news:publication/news:name", namespaces=NS) for entry in entries}
        self.assertEqual(names, {"Newsroom"})
        languages = [entry.findtext("news:news/news:publication/news:language", namespaces=NS) for entry in entries]
        self.assertEqual(languages, ["en", "es"])

    def test_publication_date_is_a_w3c_datetime(self):
        make_article(publish_at=datetime(2024, 5, 1, 12, 30, tzinfo=UTC))

        with mock.patch("django.utils.timezone.now", return_value=datetime(2024, 5, 2, tzinfo=UTC)):
            root = self.read("/news-sitemap.xml")

        date = root.findtext("sm:url/news:news/news:publication_date", namespaces=NS)
        self.assertEqual(date, "2024-05-01T12:30:00+00:00")
        self.assertEqual(datetime.fromisoformat(date), datetime(2024, 5, 1, 12, 30, tzinfo=UTC))

    def test_at_most_the_limit_newest_first(self):
        now = timezone.now()
        for minutes in (3, 1, 2):
            make_article(slug=f"minutes-{minutes}", publish_at=now - timedelta(minutes=minutes))

        with mock.patch.object(NewsSitemap, "limit", 2):
            urls = list(self.urls("/news-sitemap.xml"))

        self.assertEqual(len(urls), 2)
        self.assertTrue(urls[0].endswith("/minutes-1/"))
        self.assertTrue(urls[1].endswith("/minutes-2/"))


@override_settings(SITE_URL=SITE)
class RobotsTests(TestCase):
    def test_names_both_sitemaps_and_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        assert_cacheable_for_anyone(response)
        robots = RobotFileParser()
        robots.parse(response.content.decode().splitlines())
        self.assertEqual(robots.site_maps(), [f"{SITE}/sitemap.xml", f"{SITE}/news-sitemap.xml"])
        self.assertFalse(robots.can_fetch("Googlebot", f"{SITE}/admin/"))
        self.assertFalse(robots.can_fetch("Googlebot", f"{SITE}/admin/articles/article/"))
        self.assertFalse(robots.can_fetch("Googlebot", f"{SITE}/search/?q=cocaine"))
        for allowed in ["/", "/es/", "/news/briefs/a-story/", "/feed/", "/sitemap.xml", "/tags/extortion/"]:
            self.assertTrue(robots.can_fetch("Googlebot", f"{SITE}{allowed}"), allowed)


class SitemapQueryTests(TestCase):
    def add_articles(self, count):
        section = make_section()
        authors = [make_author() for _ in range(3)]
        for _ in range(count):
            make_article(section=section, tags=["one", "two"], authors=authors, countries=[make_country()])

    def test_article_sitemap_page_queries_do_not_grow_with_articles(self):
        """Guards against a query per article for the section in its address."""
        self.add_articles(2)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):  # count, one page of articles with their sections
            self.client.get("/sitemap-articles.xml")

        self.add_articles(12)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            self.client.get("/sitemap-articles.xml")

    def test_listing_sitemap_queries_do_not_grow_with_objects(self):
        """Guards against a query per tag (or country, author, section) to find whether it has articles."""
        self.add_articles(2)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 1):
            self.client.get("/sitemap-countries.xml")

        self.add_articles(12)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 1):
            self.client.get("/sitemap-countries.xml")

    def test_index_queries_do_not_grow_with_articles(self):
        """Guards against loading every article to find the latest change or the number of pages."""
        self.add_articles(2)
        # articles: count and latest change; one per listing kind (sections, tags, countries, authors, series),
        # one for the newsroom's pages
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 8):
            self.client.get("/sitemap.xml")

        self.add_articles(12)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 8):
            self.client.get("/sitemap.xml")
