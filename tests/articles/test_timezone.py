"""The newsroom's time zone: the admin shows and takes times in it and says which zone it is, readers see
dates in it, and feeds and sitemaps keep the same absolute times whatever the zone. Tested with zones far
from UTC, at times near midnight, where a wrong zone shows the wrong day."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import feedparser
from django.test import TestCase, override_settings
from django.utils.dateparse import parse_datetime

from articles.models import Article
from articles.roles import assign_role
from tests.articles.admin.test_articles import article_form_data, change_url, changelist_url
from tests.factories import make_article, make_section, make_user
from tests.newsroom.test_settings import load_settings

# 03:30 UTC on 9 July 2014 is still the evening of the 8th in Bogotá (UTC−5).
LATE_EVENING_IN_BOGOTA = datetime(2014, 7, 9, 3, 30, tzinfo=UTC)
# 11:30 UTC on 8 July 2014 is already past midnight, on the 9th, in Kiritimati (UTC+14).
AFTER_MIDNIGHT_IN_KIRITIMATI = datetime(2014, 7, 8, 11, 30, tzinfo=UTC)


def test_the_time_zone_comes_from_the_environment():
    result = load_settings("print(settings.TIME_ZONE)", DEBUG="true", NEWSROOM_TIME_ZONE="America/Bogota")
    assert result.stdout.strip() == "America/Bogota", result.stderr
    result = load_settings("print(settings.TIME_ZONE)", DEBUG="true", TIME_ZONE="Pacific/Kiritimati")
    assert result.stdout.strip() == "Pacific/Kiritimati", result.stderr


def test_a_mistyped_time_zone_stops_the_site():
    result = load_settings("print(settings.TIME_ZONE)", DEBUG="true", NEWSROOM_TIME_ZONE="America/Bogata")
    assert result.returncode != 0
    assert "is not a time zone name such as America/Bogota" in result.stderr


@override_settings(TIME_ZONE="America/Bogota")
class BogotaTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", slug="briefs")
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")

    def test_readers_see_the_newsrooms_date(self):
        article = make_article(section=self.section, title="Late news", publish_at=LATE_EVENING_IN_BOGOTA)
        response = self.client.get(article.get_absolute_url())
        self.assertContains(response, '<time datetime="2014-07-08T22:30:00-05:00">8 Jul 2014</time>', html=True)

    def test_the_admin_takes_and_shows_times_in_the_zone_and_names_it(self):
        article = make_article(section=self.section, published=False, status=Article.Status.IN_REVIEW)
        self.client.force_login(self.editor)

        form = self.client.get(change_url(article))
        self.assertContains(form, "Time in America/Bogota (UTC−05:00)")

        data = article_form_data(
            section=self.section,
            title=article.title,
            slug=article.slug,
            edit_token=article.updated_at.isoformat(),
            publish_at_0="2030-12-31",
            publish_at_1="23:30:00",
            _transition="schedule",
        )
        self.client.post(change_url(article), data)

        article.refresh_from_db()
        self.assertEqual(article.publish_at, datetime(2031, 1, 1, 4, 30, tzinfo=UTC))
        listing = self.client.get(changelist_url(Article))
        self.assertContains(listing, "Publish time (America/Bogota)")
        self.assertContains(listing, "Dec. 31, 2030, 11:30 p.m.")
        self.assertContains(self.client.get(change_url(article)), 'value="23:30:00"')

    def test_feeds_and_sitemaps_keep_the_absolute_time(self):
        make_article(section=self.section, title="Late news", publish_at=LATE_EVENING_IN_BOGOTA)

        feed = feedparser.parse(self.client.get("/feed/").content)
        published = parsedate_to_datetime(feed.entries[0].published)
        self.assertEqual(published, LATE_EVENING_IN_BOGOTA)


@override_settings(TIME_ZONE="Pacific/Kiritimati")
class KiritimatiTests(TestCase):
    def test_dates_and_the_news_sitemap_just_after_midnight(self):
        article = make_article(title="Early news", publish_at=AFTER_MIDNIGHT_IN_KIRITIMATI)

        page = self.client.get(article.get_absolute_url())
        self.assertContains(page, '<time datetime="2014-07-09T01:30:00+14:00">9 Jul 2014</time>', html=True)

        # The news sitemap lists the last two days only.
        Article.objects.filter(pk=article.pk).update(publish_at=datetime.now(UTC).replace(microsecond=0))
        article.refresh_from_db()
        root = ET.fromstring(self.client.get("/news-sitemap.xml").content)
        namespace = {"news": "http://www.google.com/schemas/sitemap-news/0.9"}
        date = root.find(".//news:publication_date", namespace).text
        self.assertTrue(date.endswith("+14:00"), date)
        self.assertEqual(parse_datetime(date), article.publish_at)
