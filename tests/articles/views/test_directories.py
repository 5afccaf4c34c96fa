"""/news/ and the indexes of topics, countries and authors, read as a reader and a search engine read them."""

import json
import re
from datetime import timedelta

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article, Country
from articles.views.directories import initial
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    assert_cacheable_for_anyone,
    image_file,
    make_article,
    make_author,
    make_country,
    make_image,
    make_section,
)


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def visible_crumbs(response):
    """(name, address) of each crumb of the page's breadcrumb, as shown; no address for the current page."""
    trail = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', response.content.decode(), re.S)[1]
    return [
        (name.strip(), href or None)
        for href, name in re.findall(r'<li>(?:<a href="([^"]*)">|<span aria-current="page">)(.*?)</(?:a|span)>', trail)
    ]


def assert_crumbs_match_json_ld(test, response, site="http://127.0.0.1:8000"):
    """The breadcrumb a reader sees is the BreadcrumbList search engines read: same names, same addresses."""
    (crumbs,) = [data for data in json_ld(response) if data["@type"] == "BreadcrumbList"]
    listed = [(item["name"], item.get("item")) for item in crumbs["itemListElement"]]
    test.assertEqual([position["position"] for position in crumbs["itemListElement"]], list(range(1, len(listed) + 1)))
    test.assertEqual(listed, [(name, site + url if url else None) for name, url in visible_crumbs(response)])
    return listed


class NewsPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.briefs = make_section(name="Briefs", name_es="Breves", slug="briefs")
        cls.analysis = make_section(name="Analysis", name_es="Análisis", slug="analysis")
        now = timezone.now()
        cls.older = make_article(title="Ports under pressure", section=cls.analysis, publish_at=now - timedelta(days=2))
        cls.newer = make_article(
            title="Gangs tax the bus routes", section=cls.briefs, publish_at=now - timedelta(hours=2)
        )
        make_article(title="Draft about prisons", section=cls.briefs, published=False)
        make_article(title="Scheduled about mines", section=cls.briefs, publish_at=now + timedelta(days=1))
        make_article(title="Pandillas cobran a los buses", section=cls.briefs, language="es")

    def test_lists_every_published_article_of_the_language_newest_first(self):
        response = self.client.get("/news/")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["articles"]), [self.newer, self.older])
        self.assertContains(response, "<h1>All news</h1>", html=True)
        self.assertNotContains(response, "Draft about prisons")
        self.assertNotContains(response, "Scheduled about mines")
        self.assertNotContains(response, "Pandillas cobran a los buses")

    def test_spanish_news_lists_the_spanish_articles(self):
        response = self.client.get("/es/news/")
        self.assertEqual([article.title for article in response.context["articles"]], ["Pandillas cobran a los buses"])
        self.assertContains(response, "<h1>Todas las noticias</h1>", html=True)

    def test_breadcrumb_is_the_json_ld_and_articles_lead_back_here(self):
        self.assertEqual(
            assert_crumbs_match_json_ld(self, self.client.get("/news/")),
            [("Home", "http://127.0.0.1:8000/"), ("News", None)],
        )
        listed = assert_crumbs_match_json_ld(self, self.client.get(self.newer.get_absolute_url()))
        self.assertEqual(listed[1], ("News", "http://127.0.0.1:8000/news/"))
        self.assertEqual(self.client.get("/news/").status_code, 200)

    def test_pages_are_counted_only_as_far_as_their_links_reach(self):
        for number in range(130):
            make_article(section=self.briefs, title=f"Bulk brief {number}")
        response = self.client.get("/news/")
        paginator = response.context["paginator"]
        # Twenty a page, five pages counted from the first, and an ellipsis for the rest.
        self.assertEqual(paginator.count, 100)
        self.assertTrue(paginator.more)
        self.assertContains(response, 'href="?page=2"')
        self.assertEqual(len(self.client.get("/news/?page=7").context["articles"]), 12)
        self.assertEqual(self.client.get("/news/?page=8").status_code, 404)
        self.assertEqual(self.client.get("/news/?page=x").status_code, 404)

    def test_anonymous_readers_get_no_cookies(self):
        assert_cacheable_for_anyone(self.client.get("/news/"))

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_does_not_grow_with_articles(self):
        """Guards against a query per teaser for its section, label, image or byline: the page's capped
        count, its articles with what a teaser shows, their bylines. The first render after a change also
        reads the menu's sections, the live prompts, and the identity and pages of the header and footer, for the
        pages after it."""
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 4):
            self.client.get("/news/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 3):
            self.client.get("/news/")
        for number in range(10):
            make_article(section=make_section(), authors=[make_author(), make_author()], tags=[f"topic-{number}"])
        self.client.get("/news/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 3):
            response = self.client.get("/news/")
        self.assertEqual(len(response.context["articles"]), 12)


class TagIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_article(tags=["Extortion", "Élite units"])
        make_article(tags=["Cocaine", "2024 elections"])
        make_article(tags=["Unpublished topic"], published=False)
        make_article(tags=["Extorsión"], language="es")

    def test_lists_the_topics_of_published_articles_in_the_language_under_their_initials(self):
        response = self.client.get("/tags/")

        self.assertEqual(
            [(letter, [tag.name for tag in tags]) for letter, tags in response.context["letters"]],
            [("#", ["2024 elections"]), ("C", ["Cocaine"]), ("E", ["Extortion", "Élite units"])],
        )
        self.assertContains(response, '<a href="/tags/extortion/">Extortion</a>', html=True)
        self.assertContains(response, '<a href="#letter-2">C</a>', html=True)
        self.assertNotContains(response, "Unpublished topic")
        self.assertNotContains(response, "Extorsión")

    def test_spanish_topics_under_es(self):
        response = self.client.get("/es/tags/")
        self.assertEqual([tag.name for _letter, tags in response.context["letters"] for tag in tags], ["Extorsión"])
        self.assertContains(response, "<h1>Temas</h1>", html=True)
        self.assertContains(response, 'href="/es/tags/extorsion/"')

    def test_breadcrumb_is_the_json_ld_and_a_topic_leads_back_here(self):
        self.assertEqual(
            assert_crumbs_match_json_ld(self, self.client.get("/tags/")),
            [("Home", "http://127.0.0.1:8000/"), ("Topics", None)],
        )
        self.assertEqual(
            assert_crumbs_match_json_ld(self, self.client.get("/tags/extortion/")),
            [("Home", "http://127.0.0.1:8000/"), ("Topics", "http://127.0.0.1:8000/tags/"), ("Extortion", None)],
        )

    def test_initials_ignore_accents_and_file_digits_and_signs_together(self):
        self.assertEqual(
            [initial(name) for name in ["Élite", "ñandú", "9/11", "¿Quién?", " zeta"]], ["E", "N", "#", "#", "Z"]
        )

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_does_not_grow_with_topics(self):
        """Guards against a query per topic: the capped count and the page of topics, whatever their number."""
        self.client.get("/tags/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            self.client.get("/tags/")
        make_article(tags=[f"Topic {number}" for number in range(30)])
        self.client.get("/tags/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            response = self.client.get("/tags/")
        self.assertEqual(sum(len(tags) for _letter, tags in response.context["letters"]), 34)


class CountryIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        mexico = make_country(name="Mexico", name_es="México", slug="mexico", iso_code="MX", region="north-america")
        honduras = make_country(name="Honduras", slug="honduras", iso_code="HN", region="central-america")
        guatemala = make_country(name="Guatemala", slug="guatemala", iso_code="GT", region="central-america")
        brazil = make_country(name="Brazil", name_es="Brasil", slug="brazil", iso_code="BR", region="south-america")
        make_country(name="Chile", slug="chile", iso_code="CL", region="south-america")
        make_article(countries=[honduras, guatemala], primary_country=honduras)
        make_article(countries=[mexico], primary_country=mexico)
        make_article(countries=[brazil], published=False)
        make_article(countries=[brazil], language="es")

    def test_lists_the_countries_with_published_articles_in_the_language_by_region(self):
        response = self.client.get("/countries/")

        self.assertEqual(
            [
                (str(region), [country.name for country in countries])
                for region, countries in response.context["regions"]
            ],
            [("North America", ["Mexico"]), ("Central America", ["Guatemala", "Honduras"])],
        )
        self.assertContains(response, '<a href="/countries/honduras/">Honduras</a>', html=True)
        self.assertNotContains(response, "Brazil")
        self.assertNotContains(response, "Chile")

    def test_spanish_names_under_es(self):
        response = self.client.get("/es/countries/")
        self.assertContains(response, "<h1>Países</h1>", html=True)
        self.assertContains(response, '<a href="/es/countries/brazil/">Brasil</a>', html=True)
        self.assertContains(response, "Sudamérica")
        self.assertNotContains(response, "México")

    def test_breadcrumb_is_the_json_ld(self):
        self.assertEqual(
            assert_crumbs_match_json_ld(self, self.client.get("/countries/mexico/")),
            [
                ("Home", "http://127.0.0.1:8000/"),
                ("Countries", "http://127.0.0.1:8000/countries/"),
                ("Mexico", None),
            ],
        )
        assert_crumbs_match_json_ld(self, self.client.get("/countries/"))

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_one_query_whatever_the_number_of_countries(self):
        """Guards against a query per country or region: one for all of them."""
        self.client.get("/countries/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 1):
            self.client.get("/countries/")
        make_article(countries=[make_country(region=region) for region in Country.Region.values])
        self.client.get("/countries/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 1):
            response = self.client.get("/countries/")
        self.assertEqual(len(response.context["regions"]), len(Country.Region.values))


class AuthorIndexTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        photo = make_image(file=image_file(size=(300, 400)), alt_text="Portrait of Ana Ruiz")
        cls.ana = make_author(
            name="Ana Ruiz", slug="ana-ruiz", role="Investigator", role_es="Investigadora", photo=photo
        )
        cls.luis = make_author(name="Luis Pérez", slug="luis-perez", role="Data editor")
        cls.drafting = make_author(name="Carla Draft", slug="carla-draft")
        cls.spanish_only = make_author(name="Marta Sosa", slug="marta-sosa")
        make_article(authors=[cls.luis, cls.ana])
        make_article(authors=[cls.drafting], published=False)
        make_article(authors=[cls.spanish_only], language="es")

    def test_lists_the_authors_of_published_articles_in_the_language_a_to_z(self):
        response = self.client.get("/authors/")

        self.assertEqual(list(response.context["authors"]), [self.ana, self.luis])
        self.assertContains(response, '<a href="/authors/ana-ruiz/">Ana Ruiz</a>', html=True)
        self.assertContains(response, "Investigator")
        self.assertNotContains(response, "Carla Draft")
        self.assertNotContains(response, "Marta Sosa")

    def test_the_cached_index_changes_when_a_new_author_publishes(self):
        self.assertNotContains(self.client.get("/authors/"), "Nadia Quispe")
        article = make_article(authors=[make_author(name="Nadia Quispe", slug="nadia-quispe")], published=False)
        self.assertNotContains(self.client.get("/authors/"), "Nadia Quispe")
        article.status, article.publish_at = Article.Status.PUBLISHED, timezone.now() - timedelta(minutes=1)
        article.save()
        self.assertContains(self.client.get("/authors/"), "Nadia Quispe")

    def test_photos_have_their_size_so_nothing_shifts(self):
        response = self.client.get("/authors/")
        self.assertRegex(response.content.decode(), r'<img class="author-card__photo"[^>]* width="300" height="400"')

    def test_spanish_roles_under_es(self):
        response = self.client.get("/es/authors/")
        self.assertEqual(list(response.context["authors"]), [self.spanish_only])
        response = self.client.get("/es/authors/?page=1")
        self.assertContains(response, "<h1>Autores</h1>", html=True)

    def test_breadcrumb_is_the_json_ld(self):
        self.assertEqual(
            assert_crumbs_match_json_ld(self, self.client.get("/authors/ana-ruiz/")),
            [("Home", "http://127.0.0.1:8000/"), ("Authors", "http://127.0.0.1:8000/authors/"), ("Ana Ruiz", None)],
        )

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_does_not_grow_with_authors(self):
        """Guards against a query per author for the photo: the capped count and the page of authors."""
        self.client.get("/authors/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            self.client.get("/authors/")
        make_article(authors=[make_author(photo=make_image()) for _ in range(8)])
        self.client.get("/authors/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            response = self.client.get("/authors/")
        self.assertEqual(len(response.context["authors"]), 10)


class SectionListingTests(TestCase):
    def test_breadcrumb_is_the_json_ld_and_the_page_offers_its_feed(self):
        section = make_section(name="Briefs", name_es="Breves", slug="briefs")
        make_article(section=section)
        make_article(section=section, language="es")
        response = self.client.get("/news/briefs/")
        self.assertEqual(
            assert_crumbs_match_json_ld(self, response),
            [("Home", "http://127.0.0.1:8000/"), ("News", "http://127.0.0.1:8000/news/"), ("Briefs", None)],
        )
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" title="Newsroom – Briefs" href="/news/briefs/feed/">',
            html=True,
        )
        spanish = self.client.get("/es/news/briefs/")
        self.assertEqual([name for name, _url in visible_crumbs(spanish)], ["Inicio", "Noticias", "Breves"])
