"""Series: the index, a series' page, its feed, JSON-LD and sitemap entries, and "Part N of M" with the
previous and next parts on each part's page, all read over HTTP as readers and crawlers read them."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from html import unescape

import feedparser
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article, Series, SeriesPart
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    assert_cacheable_for_anyone,
    make_article,
    make_author,
    make_image,
    make_section,
)

SITE = "https://news.example.org"
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def json_ld(response):
    """Every JSON-LD block of a page, parsed."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def add_parts(series, *articles, start=1):
    for position, article in enumerate(articles, start=start):
        SeriesPart.objects.create(series=series, article=article, position=position)


@override_settings(SITE_URL=SITE, NEWSROOM_NAME="Newsroom")
class SeriesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Investigations", name_es="Investigaciones", slug="investigations")
        cls.author = make_author(name="Lucía Benavides", slug="lucia-benavides")
        cls.series = Series.objects.create(
            title="The Cocaine Corridor",
            title_es="El corredor de la cocaína",
            slug="cocaine-corridor",
            summary="How one route carries a third of the region's cocaine.",
            summary_es="Cómo una ruta lleva un tercio de la cocaína de la región.",
            lead_image=make_image(alt_text="A port at night", alt_text_es="Un puerto de noche"),
            planned_parts=5,
        )
        now = timezone.now()
        cls.parts = [
            make_article(
                title=f"Corridor part {number}",
                slug=f"corridor-part-{number}",
                section=cls.section,
                authors=[cls.author],
                publish_at=now - timedelta(days=10 - number),
            )
            for number in (1, 2, 3)
        ]
        cls.scheduled = make_article(
            title="Corridor part 4, scheduled", section=cls.section, publish_at=now + timedelta(days=2)
        )
        cls.draft = make_article(title="Corridor part 5, a draft", section=cls.section, published=False)
        add_parts(cls.series, *cls.parts, cls.scheduled, cls.draft)
        cls.spanish = make_article(
            title="Corredor parte 1",
            slug="corredor-parte-1",
            section=cls.section,
            language="es",
            authors=[cls.author],
            publish_at=now - timedelta(days=9),
        )
        add_parts(cls.series, cls.spanish)


class SeriesPageTests(SeriesTestCase):
    url = "/series/cocaine-corridor/"

    def test_shows_the_series_and_its_published_parts_in_order(self):
        response = self.client.get(self.url)

        self.assertContains(response, "<h1>The Cocaine Corridor</h1>", html=True)
        self.assertContains(response, "How one route carries a third of the region")
        self.assertContains(response, 'alt="A port at night"')
        titles = re.findall(r'class="teaser__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())
        self.assertEqual(titles, ["Corridor part 1", "Corridor part 2", "Corridor part 3"])
        for number in (1, 2, 3):
            self.assertContains(response, f"Part {number}<")
        self.assertContains(response, "3 of 5 parts published")
        self.assertContains(response, "More parts are on their way.")
        assert_cacheable_for_anyone(response)

    def test_unpublished_parts_are_not_shown(self):
        response = self.client.get(self.url)
        self.assertNotContains(response, "scheduled")
        self.assertNotContains(response, "a draft")
        self.assertNotContains(response, "Corredor parte 1")

    def test_parts_follow_their_positions_not_their_dates(self):
        SeriesPart.objects.filter(article=self.parts[0]).update(position=9)
        titles = re.findall(r'class="teaser__title"><a href="[^"]+">([^<]+)</a>', self.client.get(self.url).text)
        self.assertEqual(titles, ["Corridor part 2", "Corridor part 3", "Corridor part 1"])

    def test_spanish_page_lists_the_spanish_parts_in_spanish(self):
        response = self.client.get("/es/series/cocaine-corridor/")

        self.assertContains(response, "<h1>El corredor de la cocaína</h1>", html=True)
        self.assertContains(response, "Corredor parte 1")
        self.assertNotContains(response, "Corridor part 1")
        self.assertContains(response, 'alt="Un puerto de noche"')
        self.assertContains(response, '<html lang="es">')
        # The language switch leads to the same series in English.
        self.assertContains(response, '<a href="/series/cocaine-corridor/" hreflang="en" lang="en">EN</a>', html=True)
        # Read in both languages: each page names the other.
        self.assertContains(response, f'hreflang="en" href="{SITE}/series/cocaine-corridor/"')
        self.assertContains(response, f'hreflang="es" href="{SITE}/es/series/cocaine-corridor/"')

    def test_a_series_without_published_parts_is_not_found(self):
        Series.objects.create(title="Secret plan", slug="secret-plan", summary="Not yet.")
        add_parts(Series.objects.get(slug="secret-plan"), make_article(section=self.section, published=False))
        self.assertEqual(self.client.get("/series/secret-plan/").status_code, 404)
        self.assertEqual(self.client.get("/series/secret-plan/feed/").status_code, 404)
        self.assertEqual(self.client.get("/series/no-such-series/").status_code, 404)
        # Only English parts: no Spanish page.
        Series.objects.create(title="English only", slug="english-only", summary="One part.")
        add_parts(Series.objects.get(slug="english-only"), make_article(section=self.section))
        self.assertEqual(self.client.get("/series/english-only/").status_code, 200)
        self.assertEqual(self.client.get("/es/series/english-only/").status_code, 404)
        # Its language switch leads to the Spanish series index rather than to a missing page.
        self.assertContains(
            self.client.get("/series/english-only/"), '<a href="/es/series/" hreflang="es" lang="es">ES</a>', html=True
        )

    def test_a_scheduled_part_appears_at_its_time(self):
        self.assertNotContains(self.client.get(self.url), "Corridor part 4")
        Article.objects.filter(pk=self.scheduled.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
        cache.clear()
        self.assertContains(self.client.get(self.url), "Corridor part 4")

    def test_breadcrumb_leads_to_the_series_index_as_its_json_ld_says(self):
        response = self.client.get(self.url)
        self.assertContains(
            response,
            """<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li>
            <li><a href="/series/">Series</a></li>
            <li><span aria-current="page">The Cocaine Corridor</span></li></ol></nav>""",
            html=True,
        )
        [_series, crumbs] = json_ld(response)
        self.assertEqual(
            [(item["name"], item.get("item")) for item in crumbs["itemListElement"]],
            [
                ("Home", f"{SITE}/"),
                ("Series", f"{SITE}/series/"),
                ("The Cocaine Corridor", None),
            ],
        )
        spanish = self.client.get("/es/series/cocaine-corridor/")
        self.assertEqual(
            [item["name"] for item in json_ld(spanish)[1]["itemListElement"]],
            ["Inicio", "Series", "El corredor de la cocaína"],
        )

    def test_json_ld_is_a_creative_work_series_of_the_published_parts(self):
        [data, _breadcrumbs] = json_ld(self.client.get(self.url))

        self.assertEqual(data["@type"], "CreativeWorkSeries")
        self.assertEqual(data["url"], f"{SITE}/series/cocaine-corridor/")
        self.assertEqual(data["name"], "The Cocaine Corridor")
        self.assertEqual(data["inLanguage"], "en")
        self.assertEqual(
            [(part["position"], part["headline"], part["url"]) for part in data["hasPart"]],
            [(n, f"Corridor part {n}", f"{SITE}/news/investigations/corridor-part-{n}/") for n in (1, 2, 3)],
        )
        self.assertTrue(data["image"][0].startswith(SITE))

    def test_query_count_does_not_grow_with_parts(self):
        """Guards against a query per part for bylines, sections, images or part numbers."""
        # series, parts, their bylines, sections menu
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 4):
            self.client.get(self.url)
        for number in range(6, 12):
            add_parts(
                self.series,
                make_article(section=make_section(), authors=[make_author(), make_author()], lead_image=make_image()),
                start=number,
            )
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 4):
            response = self.client.get(self.url)
        self.assertEqual(len(response.context["parts"]), 9)


class SeriesIndexTests(SeriesTestCase):
    def test_lists_series_with_published_parts_in_the_page_language(self):
        Series.objects.create(title="Planned only", slug="planned-only", summary="Nothing out yet.")
        add_parts(Series.objects.get(slug="planned-only"), make_article(section=self.section, published=False))

        response = self.client.get("/series/")

        self.assertContains(response, '<a href="/series/cocaine-corridor/">The Cocaine Corridor</a>', html=True)
        self.assertContains(response, "Ongoing series")
        self.assertContains(response, "3 of 5 parts published")
        self.assertNotContains(response, "Planned only")
        spanish = self.client.get("/es/series/")
        self.assertContains(spanish, '<a href="/es/series/cocaine-corridor/">El corredor de la cocaína</a>', html=True)
        self.assertContains(spanish, "1 de 5 partes publicadas")

    def test_most_recently_continued_first(self):
        older = Series.objects.create(title="Prison empires", slug="prison-empires", summary="Inside the prisons.")
        add_parts(older, make_article(section=self.section, publish_at=timezone.now() - timedelta(days=40)))
        titles = re.findall(r'class="teaser__title"><a href="[^"]+">([^<]+)</a>', self.client.get("/series/").text)
        self.assertEqual(titles, ["The Cocaine Corridor", "Prison empires"])

    def test_the_menu_links_to_the_index(self):
        self.assertContains(self.client.get("/"), '<a href="/series/">Series</a>', html=True)

    def test_query_count_does_not_grow_with_series(self):
        """Guards against a query per series for its parts, dates or image."""
        # count, series with their counts and latest dates, sections menu
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 3):
            self.client.get("/series/")
        for number in range(5):
            series = Series.objects.create(
                title=f"Series {number}", slug=f"series-{number}", summary="More.", lead_image=make_image()
            )
            add_parts(series, make_article(section=self.section), make_article(section=self.section))
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 3):
            response = self.client.get("/series/")
        self.assertEqual(len(response.context["series_list"]), 6)


class PartPageTests(SeriesTestCase):
    def test_a_part_says_which_part_it_is_and_links_its_neighbours(self):
        response = self.client.get(self.parts[1].get_absolute_url())

        self.assertContains(response, "Part 2 of 5", count=2)
        self.assertContains(response, '<a href="/series/cocaine-corridor/">The Cocaine Corridor</a>', html=True)
        self.assertContains(response, 'href="/news/investigations/corridor-part-1/" rel="prev"')
        self.assertContains(response, 'href="/news/investigations/corridor-part-3/" rel="next"')

    def test_first_and_latest_parts(self):
        first = self.client.get(self.parts[0].get_absolute_url())
        self.assertContains(first, "Part 1 of 5")
        self.assertNotContains(first, 'rel="prev"')
        latest = self.client.get(self.parts[2].get_absolute_url())
        self.assertContains(latest, "Part 3 of 5")
        self.assertContains(latest, 'rel="prev"')
        self.assertNotContains(latest, 'rel="next"')
        # The scheduled part 4 is not linked, nor named: only announced.
        self.assertContains(latest, "Part 4 is coming soon.")
        self.assertNotContains(latest, "scheduled")

    def test_without_planned_parts_the_published_ones_are_counted(self):
        Series.objects.filter(pk=self.series.pk).update(planned_parts=None)
        response = self.client.get(self.parts[1].get_absolute_url())
        self.assertContains(response, "Part 2 of 3")
        self.assertNotContains(response, "coming soon")

    def test_spanish_parts_are_numbered_among_the_spanish_parts(self):
        response = self.client.get(self.spanish.get_absolute_url())
        self.assertContains(response, "Parte 1 de 5")
        self.assertContains(response, '<a href="/es/series/cocaine-corridor/">El corredor de la cocaína</a>', html=True)
        self.assertNotContains(response, 'rel="next"')

    def test_json_ld_names_the_series(self):
        data = json_ld(self.client.get(self.parts[1].get_absolute_url()))[0]
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["isPartOf"]["@type"], "CreativeWorkSeries")
        self.assertEqual(data["isPartOf"]["@id"], f"{SITE}/series/cocaine-corridor/")
        self.assertEqual(data["position"], 2)

    def test_an_article_outside_any_series_has_no_series_block(self):
        response = self.client.get(make_article(section=self.section).get_absolute_url())
        self.assertNotContains(response, "series-pager")
        self.assertNotIn("isPartOf", json_ld(response)[0])

    def test_a_preview_of_the_next_part_shows_its_place(self):
        from tests.factories import make_user

        editor = make_user("editor", is_staff=True, is_superuser=True)
        self.client.force_login(editor)
        response = self.client.get(f"/preview/{self.draft.pk}/")
        self.assertContains(response, "Part 4 of 5")
        self.assertContains(response, 'href="/news/investigations/corridor-part-3/" rel="prev"')

    def test_being_a_part_costs_one_query_whatever_the_number_of_parts(self):
        """Guards against a query per part for the part number or the neighbours. An article in a series
        costs one query more than one outside any (ArticlePageTests pins that one): the published parts
        in its language."""
        url = self.parts[1].get_absolute_url()
        # article (with its series and translation), bylines, tags, corrections, links, the series' parts, and
        # on the first render after a change the sections menu and organization news (related: none to rank)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 8):
            self.client.get(url)
        for number in range(6, 16):
            add_parts(self.series, make_article(section=self.section), start=number)
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 8):
            response = self.client.get(url)
        self.assertContains(response, "Part 2 of 13")


class SeriesFeedTests(SeriesTestCase):
    def test_feed_has_the_published_parts_newest_first(self):
        response = self.client.get("/series/cocaine-corridor/feed/")
        self.assertEqual(response.status_code, 200)
        feed = feedparser.parse(response.content)

        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        self.assertEqual(feed.feed.title, "Newsroom – The Cocaine Corridor")
        self.assertEqual(feed.feed.link, f"{SITE}/series/cocaine-corridor/")
        self.assertEqual(
            [entry.title for entry in feed.entries], ["Corridor part 3", "Corridor part 2", "Corridor part 1"]
        )
        self.assertEqual(feed.entries[0].link, f"{SITE}/news/investigations/corridor-part-3/")
        spanish = feedparser.parse(self.client.get("/es/series/cocaine-corridor/feed/").content)
        self.assertEqual(spanish.feed.title, "Newsroom – El corredor de la cocaína")
        self.assertEqual([entry.title for entry in spanish.entries], ["Corredor parte 1"])

    def test_series_page_links_its_feed(self):
        response = self.client.get("/series/cocaine-corridor/")
        self.assertContains(response, 'type="application/rss+xml" title="Newsroom – The Cocaine Corridor"')
        self.assertContains(response, 'href="/series/cocaine-corridor/feed/"')


class SeriesSitemapTests(SeriesTestCase):
    def test_sitemap_lists_the_index_and_each_series_in_its_languages(self):
        index = ET.fromstring(self.client.get("/sitemap.xml").content)
        self.assertIn(f"{SITE}/sitemap-series.xml", [loc.text for loc in index.findall("sm:sitemap/sm:loc", SITEMAP)])
        root = ET.fromstring(self.client.get("/sitemap-series.xml").content)
        urls = {entry.findtext("sm:loc", namespaces=SITEMAP): entry for entry in root.findall("sm:url", SITEMAP)}

        self.assertEqual(
            set(urls),
            {
                f"{SITE}/series/",
                f"{SITE}/es/series/",
                f"{SITE}/series/cocaine-corridor/",
                f"{SITE}/es/series/cocaine-corridor/",
            },
        )
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in urls[f"{SITE}/series/cocaine-corridor/"].findall("xhtml:link", SITEMAP)
        }
        self.assertEqual(alternates["es"], f"{SITE}/es/series/cocaine-corridor/")

    def test_unpublished_series_are_in_no_sitemap(self):
        Series.objects.create(title="Secret plan", slug="secret-plan", summary="Not yet.")
        add_parts(Series.objects.get(slug="secret-plan"), make_article(section=self.section, published=False))
        self.assertNotIn(b"secret-plan", self.client.get("/sitemap-series.xml").content)


class SeriesCacheTests(SeriesTestCase):
    def test_the_cached_series_page_follows_changes_to_the_series_and_its_parts(self):
        url = "/series/cocaine-corridor/"
        self.assertNotContains(self.client.get(self.parts[2].get_absolute_url()), 'rel="next"')
        self.assertEqual(self.client.get(url)["X-Cache"], "MISS")
        self.assertEqual(self.client.get(url)["X-Cache"], "HIT")

        self.series.title = "The Cocaine Corridor, revised"
        self.series.save()
        self.assertContains(self.client.get(url), "The Cocaine Corridor, revised")

        new = make_article(title="Corridor part 6, just out", section=self.section)
        add_parts(self.series, new, start=6)
        self.assertContains(self.client.get(url), "Corridor part 6, just out")
        part_page = self.client.get(self.parts[2].get_absolute_url())
        # The latest part's page, cached before, now leads on to the new part.
        self.assertContains(part_page, f'href="/news/investigations/{new.slug}/" rel="next"')

        SeriesPart.objects.filter(article=new).delete()
        self.assertNotContains(self.client.get(url), "Corridor part 6, just out")

    def test_unescaped_text_is_escaped(self):
        self.series.summary = "<script>alert(1)</script> & more"
        self.series.save()
        response = self.client.get("/series/cocaine-corridor/")
        self.assertNotContains(response, "<script>alert(1)")
        self.assertIn("<script>alert(1)</script> & more", unescape(response.content.decode()))


class EmbargoedPartTests(SeriesTestCase):
    """A part under embargo is a published part only from the minute its embargo lifts."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.embargoed = make_article(
            title="Corridor part 6, under embargo",
            slug="corridor-part-6",
            section=cls.section,
            status=Article.Status.EMBARGOED,
            publish_at=timezone.now() + timedelta(days=1),
        )
        add_parts(cls.series, cls.embargoed, start=6)
        cls.lonely = Series.objects.create(title="Embargoed alone", slug="embargoed-alone", summary="Secret.")
        add_parts(
            cls.lonely,
            make_article(
                section=cls.section, status=Article.Status.EMBARGOED, publish_at=timezone.now() + timedelta(days=1)
            ),
        )

    def everything_a_reader_or_crawler_sees(self):
        urls = [
            "/series/",
            "/series/cocaine-corridor/",
            "/series/cocaine-corridor/feed/",
            "/sitemap-series.xml",
            self.parts[2].get_absolute_url(),
        ]
        return "".join(self.client.get(url).content.decode() for url in urls)

    def test_hidden_until_the_embargo_lifts_then_shown(self):
        seen = self.everything_a_reader_or_crawler_sees()
        self.assertNotIn("under embargo", seen)
        self.assertNotIn("corridor-part-6", seen)
        self.assertNotIn("embargoed-alone", seen)
        self.assertEqual(self.client.get("/series/embargoed-alone/").status_code, 404)

        Article.objects.filter(status=Article.Status.EMBARGOED).update(publish_at=timezone.now() - timedelta(minutes=1))
        cache.clear()
        seen = self.everything_a_reader_or_crawler_sees()
        self.assertIn("Corridor part 6, under embargo", seen)
        self.assertIn("embargoed-alone", seen)
        self.assertContains(self.client.get(self.embargoed.get_absolute_url()), "Part 4 of 5")


class SeriesAdminTests(SeriesTestCase):
    def test_an_editor_sees_the_whole_plan_with_the_state_of_each_part(self):
        from articles import roles
        from tests.factories import make_user

        editor = make_user("editor", is_staff=True)
        roles.assign_role(editor, roles.EDITOR)
        self.client.force_login(editor)

        response = self.client.get(f"/admin/articles/series/{self.series.pk}/change/")

        self.assertEqual(response.status_code, 200)
        page = response.content.decode()
        for title in ("Corridor part 1", "Corridor part 3", "Corridor part 4, scheduled", "Corridor part 5, a draft"):
            self.assertIn(title, page)
        self.assertIn("Scheduled for", page)
        self.assertIn("Draft", page)
        self.assertIn("Spanish", page)
        forms = response.context["inline_admin_formsets"][0].formset.forms
        self.assertEqual([form.instance.position for form in forms if form.instance.pk], [1, 1, 2, 3, 4, 5])

    def test_an_editor_adds_a_part_and_readers_see_it(self):
        from articles import roles
        from tests.factories import make_user

        editor = make_user("editor", is_staff=True)
        roles.assign_role(editor, roles.EDITOR)
        self.client.force_login(editor)
        new = make_article(title="Corridor epilogue", section=self.section)
        existing = list(self.series.parts.order_by("pk"))
        data = {
            "title": self.series.title,
            "title_es": self.series.title_es,
            "slug": self.series.slug,
            "summary": self.series.summary,
            "summary_es": self.series.summary_es,
            "lead_image": str(self.series.lead_image_id),
            "planned_parts": "",
            "parts-TOTAL_FORMS": str(len(existing) + 1),
            "parts-INITIAL_FORMS": str(len(existing)),
            "parts-MIN_NUM_FORMS": "0",
            "parts-MAX_NUM_FORMS": "1000",
        }
        for index, part in enumerate(existing):
            data.update(
                {
                    f"parts-{index}-id": str(part.pk),
                    f"parts-{index}-series": str(self.series.pk),
                    f"parts-{index}-article": str(part.article_id),
                    f"parts-{index}-position": str(part.position),
                }
            )
        data.update({f"parts-{len(existing)}-article": str(new.pk), f"parts-{len(existing)}-position": "9"})

        response = self.client.post(f"/admin/articles/series/{self.series.pk}/change/", data)

        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        self.client.logout()
        self.assertContains(self.client.get("/series/cocaine-corridor/"), "Corridor epilogue")
        self.assertContains(self.client.get(new.get_absolute_url()), "Part 4 of 4")
