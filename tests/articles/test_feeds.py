"""RSS feeds, fetched over HTTP and read by feedparser the way a feed reader reads them."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import feedparser
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article, Image
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    IDENTITY_QUERY,
    make_article,
    make_author,
    make_country,
    make_image,
    make_section,
)

SITE = "https://news.example.org"


@override_settings(SITE_URL=SITE, NEWSROOM_NAME="Newsroom")
class FeedTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", name_es="Breves", slug="briefs")
        cls.country = make_country(name="Guatemala", name_es="Guatemala (GT)", slug="guatemala", iso_code="GT")
        cls.ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
        cls.luis = make_author(name="Luis Pérez", slug="luis-perez")
        cls.image = make_image()
        shared = {"section": cls.section, "countries": [cls.country], "tags": ["Extortion"]}
        cls.article = make_article(
            title="Extortion rings move into bus routes",
            slug="extortion-bus-routes",
            dek="Drivers in the capital pay three gangs at once.",
            authors=[cls.luis, cls.ana],
            tags=["Extortion", "Buses"],
            countries=[cls.country],
            section=cls.section,
            lead_image=cls.image,
            publish_at=datetime(2024, 5, 1, 12, 30, tzinfo=UTC),
        )
        cls.spanish = make_article(
            title="Las extorsiones llegan a los buses",
            slug="extorsiones-buses",
            language="es",
            authors=[cls.ana],
            publish_at=datetime(2024, 5, 2, 9, tzinfo=UTC),
            **shared,
        )
        cls.draft = make_article(title="Draft about prisons", published=False, authors=[cls.ana], **shared)
        cls.in_review = make_article(
            title="In review about ports",
            status=Article.Status.IN_REVIEW,
            publish_at=timezone.now() - timedelta(days=1),
            authors=[cls.ana],
            **shared,
        )
        cls.scheduled = make_article(
            title="Scheduled about cocaine",
            publish_at=timezone.now() + timedelta(days=1),
            authors=[cls.ana],
            **shared,
        )

    def read(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed

    def titles(self, url):
        return [entry.title for entry in self.read(url).entries]


ENGLISH_FEEDS = [
    "/feed/",
    "/news/briefs/feed/",
    "/tags/extortion/feed/",
    "/countries/guatemala/feed/",
    "/authors/ana-ruiz/feed/",
]
SPANISH_FEEDS = ["/es" + url for url in ENGLISH_FEEDS]


class LatestFeedTests(FeedTestCase):
    def test_channel_is_the_newsroom_on_the_public_origin(self):
        feed = self.read("/feed/")

        self.assertEqual(feed.version, "rss20")
        self.assertEqual(feed.feed.title, "Newsroom")
        self.assertEqual(feed.feed.link, f"{SITE}/")
        self.assertEqual(feed.feed.language, "en")
        self.assertEqual(feed.feed.description, "The latest articles from Newsroom.")
        self.assertIn(f"{SITE}/feed/", [link.href for link in feed.feed.links])

    def test_item_has_what_a_reader_shows(self):
        (entry,) = self.read("/feed/").entries

        self.assertEqual(entry.title, "Extortion rings move into bus routes")
        self.assertEqual(entry.link, f"{SITE}/news/briefs/extortion-bus-routes/")
        self.assertEqual(entry.id, entry.link)
        self.assertEqual(entry.published_parsed[:6], (2024, 5, 1, 12, 30, 0))
        self.assertEqual([author.name for author in entry.authors], ["Luis Pérez", "Ana Ruiz"])
        self.assertEqual([tag.term for tag in entry.tags], ["Buses", "Extortion"])
        self.assertEqual(entry.summary, "Drivers in the capital pay three gangs at once.")

    def test_lead_image_is_an_enclosure_with_its_size_and_type(self):
        (entry,) = self.read("/feed/").entries

        (enclosure,) = entry.enclosures
        self.assertEqual(enclosure.href, f"{SITE}{self.image.file.url}")
        self.assertEqual(enclosure.length, str(self.image.file.size))
        self.assertGreater(int(enclosure.length), 0)
        self.assertEqual(enclosure.type, "image/jpeg")

    def test_no_enclosure_when_the_file_of_an_image_from_before_sizes_were_recorded_is_gone(self):
        gone = make_image()
        gone.file.storage.delete(gone.file.name)
        Image.objects.filter(pk=gone.pk).update(file_size=None)
        Article.objects.filter(pk=self.article.pk).update(lead_image=gone)

        (entry,) = self.read("/feed/").entries

        self.assertEqual(entry.enclosures, [])
        self.assertEqual(entry.title, "Extortion rings move into bus routes")

    def test_without_a_dek_the_description_is_a_plain_text_excerpt(self):
        Article.objects.filter(pk=self.article.pk).update(
            dek="", body="<p>Bus drivers &amp; conductors pay <strong>three</strong> gangs.</p><p>Police know.</p>"
        )

        (entry,) = self.read("/feed/").entries

        self.assertEqual(entry.summary, "Bus drivers & conductors pay three gangs. Police know.")

    def test_lists_the_latest_twenty_newest_first(self):
        for hours in range(2, 24):
            make_article(title=f"Story {hours} hours old", publish_at=timezone.now() - timedelta(hours=hours))

        titles = self.titles("/feed/")

        self.assertEqual(len(titles), 20)
        self.assertEqual(titles[0], "Story 2 hours old")
        self.assertEqual(titles[-1], "Story 21 hours old")

    def test_anonymous_readers_get_no_cookies(self):
        for url in ENGLISH_FEEDS + SPANISH_FEEDS:
            self.assertEqual(self.client.get(url).cookies, {}, url)


class ListingFeedTests(FeedTestCase):
    def test_tag_feed(self):
        feed = self.read("/tags/extortion/feed/")

        self.assertEqual(feed.feed.title, "Newsroom – Extortion")
        self.assertEqual(feed.feed.link, f"{SITE}/tags/extortion/")
        self.assertEqual(feed.feed.description, "The latest articles from Newsroom on Extortion.")
        self.assertEqual([entry.title for entry in feed.entries], ["Extortion rings move into bus routes"])

    def test_country_feed(self):
        feed = self.read("/countries/guatemala/feed/")

        self.assertEqual(feed.feed.title, "Newsroom – Guatemala")
        self.assertEqual(feed.feed.link, f"{SITE}/countries/guatemala/")
        self.assertEqual([entry.title for entry in feed.entries], ["Extortion rings move into bus routes"])

    def test_author_feed(self):
        feed = self.read("/authors/luis-perez/feed/")

        self.assertEqual(feed.feed.title, "Newsroom – Luis Pérez")
        self.assertEqual(feed.feed.link, f"{SITE}/authors/luis-perez/")
        self.assertEqual(feed.feed.description, "The latest articles from Newsroom by Luis Pérez.")
        self.assertEqual([entry.title for entry in feed.entries], ["Extortion rings move into bus routes"])

    def test_section_feed(self):
        feed = self.read("/news/briefs/feed/")

        self.assertEqual(feed.feed.title, "Newsroom – Briefs")
        self.assertEqual(feed.feed.link, f"{SITE}/news/briefs/")
        self.assertEqual(feed.feed.description, "The latest articles from Newsroom in Briefs.")
        self.assertEqual([entry.title for entry in feed.entries], ["Extortion rings move into bus routes"])
        self.assertEqual(feed.entries[0].link, f"{SITE}/news/briefs/extortion-bus-routes/")

    def test_spanish_section_feed_has_the_spanish_name_and_articles(self):
        feed = self.read("/es/news/briefs/feed/")

        self.assertEqual(feed.feed.title, "Newsroom – Breves")
        self.assertEqual(feed.feed.link, f"{SITE}/es/news/briefs/")
        self.assertEqual([entry.title for entry in feed.entries], ["Las extorsiones llegan a los buses"])

    def test_a_section_feed_has_only_its_sections_articles(self):
        make_article(title="Analysis of the ports", section=make_section(name="Analysis", slug="analysis"))

        self.assertEqual(self.titles("/news/analysis/feed/"), ["Analysis of the ports"])
        self.assertNotIn("Analysis of the ports", self.titles("/news/briefs/feed/"))

    def test_only_the_objects_articles(self):
        make_article(title="About another tag", tags=["Cocaine"], authors=[make_author()])

        self.assertEqual(self.titles("/tags/cocaine/feed/"), ["About another tag"])
        self.assertNotIn("About another tag", self.titles("/tags/extortion/feed/"))
        self.assertNotIn("About another tag", self.titles("/authors/ana-ruiz/feed/"))
        self.assertNotIn("About another tag", self.titles("/countries/guatemala/feed/"))

    def test_unknown_objects_are_not_found(self):
        for url in [
            "/news/nope/feed/",
            "/tags/nope/feed/",
            "/countries/nope/feed/",
            "/authors/nope/feed/",
            "/es/tags/nope/feed/",
        ]:
            self.assertEqual(self.client.get(url).status_code, 404, url)


class UnpublishedTests(FeedTestCase):
    def test_drafts_reviews_and_scheduled_articles_never_appear(self):
        for url in ENGLISH_FEEDS + SPANISH_FEEDS:
            titles = self.titles(url)
            self.assertNotIn("Draft about prisons", titles, url)
            self.assertNotIn("In review about ports", titles, url)
            self.assertNotIn("Scheduled about cocaine", titles, url)

    def test_a_scheduled_article_appears_once_its_time_comes(self):
        later = self.scheduled.publish_at + timedelta(minutes=1)

        with mock.patch("django.utils.timezone.now", return_value=later):
            for url in ENGLISH_FEEDS:
                self.assertEqual(self.titles(url)[0], "Scheduled about cocaine", url)


class SpanishFeedTests(FeedTestCase):
    def test_spanish_feed_lists_spanish_articles_under_es(self):
        feed = self.read("/es/feed/")

        self.assertEqual(feed.feed.language, "es")
        self.assertEqual(feed.feed.link, f"{SITE}/es/")
        self.assertIn(f"{SITE}/es/feed/", [link.href for link in feed.feed.links])
        (entry,) = feed.entries
        self.assertEqual(entry.title, "Las extorsiones llegan a los buses")
        self.assertEqual(entry.link, f"{SITE}/es/news/briefs/extorsiones-buses/")

    def test_spanish_listing_feeds(self):
        for url in SPANISH_FEEDS[1:]:
            feed = self.read(url)
            self.assertEqual([entry.title for entry in feed.entries], ["Las extorsiones llegan a los buses"], url)
            self.assertTrue(feed.feed.link.startswith(f"{SITE}/es/"), url)

    def test_spanish_country_feed_uses_the_spanish_name(self):
        self.assertEqual(self.read("/es/countries/guatemala/feed/").feed.title, "Newsroom – Guatemala (GT)")

    def test_english_feeds_leave_spanish_articles_out(self):
        for url in ENGLISH_FEEDS:
            self.assertNotIn("Las extorsiones llegan a los buses", self.titles(url), url)


class FeedQueryTests(TestCase):
    def add_articles(self, count, *, tags, authors):
        section = make_section()
        for _ in range(count):
            make_article(section=section, tags=tags, authors=authors, lead_image=make_image())

    def test_latest_feed_queries_do_not_grow_with_items_tags_or_authors(self):
        """Guards against a query per item for its section, image, bylines, authors or tags."""
        self.add_articles(2, tags=["one"], authors=[make_author()])
        with self.assertNumQueries(
            CONTENT_VERSION_QUERIES + IDENTITY_QUERY + 3
        ):  # articles with section and image, bylines with authors, tags
            self.client.get("/feed/")

        self.add_articles(15, tags=["one", "two", "three"], authors=[make_author() for _ in range(3)])
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + IDENTITY_QUERY + 3):
            self.client.get("/feed/")

    def test_tag_feed_queries_do_not_grow_with_items_tags_or_authors(self):
        """Guards against a query per item for its section, image, bylines, authors or tags."""
        self.add_articles(2, tags=["one"], authors=[make_author()])
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + IDENTITY_QUERY + 4):  # the tag, then as the latest feed
            self.client.get("/tags/one/feed/")

        self.add_articles(15, tags=["one", "two", "three"], authors=[make_author() for _ in range(3)])
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + IDENTITY_QUERY + 4):
            self.client.get("/tags/one/feed/")


@override_settings(NEWSROOM_NAME="Newsroom")
class FeedLinkTests(TestCase):
    """Pages tell browsers and feed readers where their feeds are."""

    def test_home_pages_link_the_site_feed_in_their_language(self):
        self.assertContains(
            self.client.get("/"),
            '<link rel="alternate" type="application/rss+xml" title="Newsroom" href="/feed/">',
            html=True,
        )
        self.assertContains(
            self.client.get("/es/"),
            '<link rel="alternate" type="application/rss+xml" title="Newsroom" href="/es/feed/">',
            html=True,
        )

    def test_listing_pages_link_their_own_feed_too(self):
        ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
        make_article(tags=["Extortion"], countries=[make_country(slug="mexico", name="Mexico")], authors=[ana])
        make_article(language="es", authors=[ana])
        pages = {
            "/tags/extortion/": ("Newsroom – Extortion", "/tags/extortion/feed/"),
            "/countries/mexico/": ("Newsroom – Mexico", "/countries/mexico/feed/"),
            "/es/authors/ana-ruiz/": ("Newsroom – Ana Ruiz", "/es/authors/ana-ruiz/feed/"),
        }
        for page, (title, feed) in pages.items():
            response = self.client.get(page)
            self.assertContains(
                response, f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{feed}">', html=True
            )
            self.assertContains(response, 'type="application/rss+xml"', count=2)
