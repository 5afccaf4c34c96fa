"""Reader search at /search/ and /es/search/: full text on PostgreSQL, a word-by-word fallback on SQLite.

Every test runs on both databases; where they differ, a test asserts each one's behaviour.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import SEARCH_MATCH_START, SEARCH_MATCH_STOP
from articles.search import highlight
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    assert_cacheable_for_anyone,
    make_article,
    make_author,
    make_country,
    make_section,
)


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


class SearchResultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.briefs = make_section(name="Briefs", slug="briefs")
        cls.analysis = make_section(name="Analysis", slug="analysis")
        cls.mexico = make_country(name="Mexico", slug="mexico", iso_code="MX")
        cls.honduras = make_country(name="Honduras", slug="honduras", iso_code="HN")

    def titles(self, response):
        return [article.title for article in response.context["articles"]]

    def test_finds_words_of_the_headline_the_dek_and_the_body(self):
        make_article(title="Smugglers build submarines", dek="Shipyards hide in the jungle.")
        make_article(title="Customs officers arrested", dek="Guards were bribed at the crossing.")
        make_article(title="Police follow the money", body="<p>Investigators traced payments to a warehouse.</p>")

        cases = {
            "submarines": "Smugglers build submarines",
            "bribed": "Customs officers arrested",
            "warehouse": "Police follow the money",
        }
        for query, title in cases.items():
            with self.subTest(query=query):
                response = self.client.get("/search/", {"q": query})
                self.assertEqual(self.titles(response), [title])
                self.assertContains(response, f"1 result for “{query}”")

    def test_every_word_must_match(self):
        make_article(title="Cartel runs the port")
        make_article(title="Cartel runs the prison")

        response = self.client.get("/search/", {"q": "cartel prison"})

        self.assertEqual(self.titles(response), ["Cartel runs the prison"])

    def test_drafts_and_scheduled_articles_never_appear(self):
        make_article(title="Ferry routes carry cocaine")
        make_article(title="Ferry draft", published=False)
        make_article(title="Ferry scheduled", publish_at=timezone.now() + timedelta(hours=2))

        response = self.client.get("/search/", {"q": "ferry"})

        self.assertEqual(self.titles(response), ["Ferry routes carry cocaine"])
        self.assertNotContains(response, "Ferry draft")
        self.assertNotContains(response, "Ferry scheduled")

    def test_english_stemming(self):
        make_article(title="Traffickers move north")

        response = self.client.get("/search/", {"q": "trafficking"})

        self.assertEqual(self.titles(response), ["Traffickers move north"])

    def test_spanish_stemming_on_spanish_pages(self):
        make_article(title="La extorsión golpea a los comerciantes", language="es")
        make_article(title="Incautan cocaína en el puerto", language="es")

        response = self.client.get("/es/search/", {"q": "extorsiones"})

        self.assertContains(response, '<html lang="es">')
        self.assertEqual(self.titles(response), ["La extorsión golpea a los comerciantes"])
        self.assertEqual(
            self.titles(self.client.get("/es/search/", {"q": "comerciante"})),
            ["La extorsión golpea a los comerciantes"],
        )
        self.assertEqual(
            self.titles(self.client.get("/es/search/", {"q": "cocaina"})), ["Incautan cocaína en el puerto"]
        )

    def test_accents_do_not_matter(self):
        make_article(title="Phone scam ring broken up in Medellín")
        make_article(title="Redes de extorsión en el puerto", language="es")

        english = self.client.get("/search/", {"q": "medellin"})
        spanish = self.client.get("/es/search/", {"q": "extorsion"})

        self.assertEqual(self.titles(english), ["Phone scam ring broken up in Medellín"])
        self.assertEqual(self.titles(spanish), ["Redes de extorsión en el puerto"])
        self.assertEqual(
            self.titles(self.client.get("/search/", {"q": "MEDELLÍN"})), ["Phone scam ring broken up in Medellín"]
        )

    def test_tags_countries_and_authors_are_searched(self):
        """A story tagged "fentanyl", about Honduras, by Ana Ruiz is found by those words even where its text
        never says them; and a tag, country or author renamed later is found by the new name."""
        author = make_author(name="Ana Ruiz")
        article = make_article(title="Labs move north", tags=["fentanyl"], countries=[self.honduras], authors=[author])
        make_article(title="Ports reopen")

        for query in ["fentanyl", "honduras", "ruiz"]:
            with self.subTest(query=query):
                self.assertEqual(self.titles(self.client.get("/search/", {"q": query})), ["Labs move north"])
        # Spanish names of countries count too.
        self.mexico.name_es = "México"
        self.mexico.save()
        article.countries.add(self.mexico)
        self.assertEqual(self.titles(self.client.get("/search/", {"q": "méxico"})), ["Labs move north"])
        self.honduras.name = "Republic of Honduras"
        self.honduras.save()
        author.name = "Ana Ruiz Castillo"
        author.save()
        article.tags.first().__class__.objects.filter(name="fentanyl").update(name="synthetic opioids")
        for query in ["republic", "castillo", "opioids"]:
            with self.subTest(query=query):
                self.assertEqual(self.titles(self.client.get("/search/", {"q": query})), ["Labs move north"])
        article.tags.clear()
        self.assertEqual(self.titles(self.client.get("/search/", {"q": "opioids"})), [])

    def test_web_search_syntax(self):
        make_article(title="Cartel takes the port")
        make_article(title="Cartel takes the prison")

        response = self.client.get("/search/", {"q": "cartel -prison"})

        if connection.vendor == "postgresql":
            self.assertEqual(self.titles(response), ["Cartel takes the port"])
        else:
            # The fallback ignores the operators and wants every word.
            self.assertEqual(self.titles(response), ["Cartel takes the prison"])

    def test_headline_matches_rank_before_body_matches(self):
        make_article(title="Port workers strike", body="<p>A cartel controls the docks.</p>", publish_at=hours_ago(1))
        make_article(title="Cartel takes over the port", publish_at=hours_ago(48))

        titles = self.titles(self.client.get("/search/", {"q": "cartel"}))

        self.assertEqual(titles, ["Cartel takes over the port", "Port workers strike"])

    def test_only_the_newest_matches_are_ranked_and_counted(self):
        """A common word in a large archive matches thousands of articles; ranking them all on every search
        would be slow, so the newest SEARCH_RANKED are ranked and shown, and the page says there are more."""
        make_article(title="Cartel takes over the port", publish_at=hours_ago(72))
        make_article(title="Cartel leader extradited", publish_at=hours_ago(96))
        make_article(title="Port workers strike", body="<p>A cartel controls the docks.</p>", publish_at=hours_ago(2))
        make_article(title="Dockers vote", body="<p>The cartel was not mentioned.</p>", publish_at=hours_ago(1))

        with mock.patch("articles.models.search.SEARCH_RANKED", 3):
            response = self.client.get("/search/", {"q": "cartel"})

        self.assertContains(response, "More than 3 results for “cartel”")
        # The three newest by relevance (a headline match first); the oldest is not shown.
        self.assertEqual(self.titles(response)[0], "Cartel takes over the port")
        self.assertCountEqual(
            self.titles(response), ["Cartel takes over the port", "Dockers vote", "Port workers strike"]
        )

    def test_snippets_highlight_matches_and_escape_the_article_text(self):
        make_article(
            title="Gangs print leaflets",
            dek="Leaflets say <script>alert('dek')</script> and worse.",
            body="<p>The leaflets demand a ransom &lt;script&gt;alert('body')&lt;/script&gt; from shops.</p>",
        )

        response = self.client.get("/search/", {"q": "ransom"})

        self.assertEqual(self.titles(response), ["Gangs print leaflets"])
        self.assertNotContains(response, "<script>alert(")
        self.assertContains(response, "<mark>ransom</mark>")
        self.assertContains(response, "&lt;script&gt;alert(&#x27;body&#x27;)&lt;/script&gt;")

    def test_filters_narrow_the_results_and_stay_chosen(self):
        make_article(title="Ransom in Mexico", section=self.briefs, countries=[self.mexico])
        make_article(title="Ransom in Honduras", section=self.briefs, countries=[self.honduras])
        make_article(title="Ransom analysed", section=self.analysis, countries=[self.mexico])
        make_article(title="Secuestro y rescate", language="es", section=self.briefs, countries=[self.mexico])

        by_section = self.client.get("/search/", {"q": "ransom", "section": "briefs"})
        by_country = self.client.get("/search/", {"q": "ransom", "country": "mexico"})
        both = self.client.get("/search/", {"q": "ransom", "section": "briefs", "country": "mexico"})
        spanish = self.client.get("/search/", {"q": "secuestro", "language": "es"})

        self.assertCountEqual(self.titles(by_section), ["Ransom in Mexico", "Ransom in Honduras"])
        self.assertCountEqual(self.titles(by_country), ["Ransom in Mexico", "Ransom analysed"])
        self.assertEqual(self.titles(both), ["Ransom in Mexico"])
        self.assertContains(both, '<option value="briefs" selected>Briefs</option>', html=True)
        self.assertContains(both, '<option value="mexico" selected>Mexico</option>', html=True)
        self.assertEqual(self.titles(spanish), ["Secuestro y rescate"])
        self.assertContains(spanish, '<option value="es" selected>Spanish</option>', html=True)

    def test_language_defaults_to_the_pages(self):
        make_article(title="Ransom paid in Honduras")
        make_article(title="Rescate pagado en Honduras", language="es")

        english = self.client.get("/search/", {"q": "honduras"})
        spanish = self.client.get("/es/search/", {"q": "honduras"})

        self.assertEqual(self.titles(english), ["Ransom paid in Honduras"])
        self.assertContains(english, '<option value="en" selected>English</option>', html=True)
        self.assertEqual(self.titles(spanish), ["Rescate pagado en Honduras"])
        self.assertContains(spanish, 'value="es" selected')

    def test_unknown_filter_values_count_as_none_chosen(self):
        make_article(title="Ransom everywhere", section=self.briefs)

        response = self.client.get("/search/", {"q": "ransom", "section": "nope", "country": "nope", "language": "xx"})

        self.assertEqual(self.titles(response), ["Ransom everywhere"])
        self.assertContains(response, '<option value="" selected>All sections</option>', html=True)
        self.assertContains(response, '<option value="en" selected>English</option>', html=True)

    def test_pages_of_results_keep_the_search(self):
        for number in range(25):
            make_article(title=f"Ransom story {number:02d}", section=self.briefs)

        first = self.client.get("/search/", {"q": "ransom", "section": "briefs"})
        second = self.client.get("/search/", {"q": "ransom", "section": "briefs", "page": 2})

        self.assertEqual(len(first.context["articles"]), 20)
        self.assertContains(first, "25 results for “ransom”")
        self.assertContains(first, 'href="?q=ransom&amp;section=briefs&amp;page=2"')
        self.assertEqual(len(second.context["articles"]), 5)
        self.assertContains(second, 'href="?q=ransom&amp;section=briefs&amp;page=1" rel="prev"')
        self.assertContains(second, '<span aria-current="page">2</span>', html=True)

    def test_page_numbers_out_of_range_show_the_nearest_page(self):
        for number in range(21):
            make_article(title=f"Ransom story {number:02d}")

        for page, expected in [("abc", 1), ("-1", 2), ("0", 2), ("99999", 2), ("1.5", 1)]:
            with self.subTest(page=page):
                response = self.client.get("/search/", {"q": "ransom", "page": page})
                self.assertEqual(response.context["page_obj"].number, expected)

    def test_nothing_found_gives_advice(self):
        make_article(title="Ransom paid")

        response = self.client.get("/search/", {"q": "zeppelin", "section": "briefs"})

        self.assertContains(response, "No results for “zeppelin”.")
        self.assertContains(response, "Check the spelling of your words.")
        self.assertContains(response, "choose “All sections” and “All countries”")
        self.assertNotContains(response, "teaser__snippet")

    def test_without_a_query_the_page_is_just_the_form(self):
        make_article(title="Ransom paid")

        for query in ["", "   "]:
            with self.subTest(query=query):
                response = self.client.get("/search/", {"q": query})
                self.assertContains(response, '<div class="search-box" role="search">')
                self.assertNotContains(response, "Ransom paid")
                self.assertNotContains(response, "results for")
                self.assertNotContains(response, "No results")

    def test_page_is_accessible_and_has_one_heading(self):
        response = self.client.get("/search/", {"q": "ransom"})

        self.assertContains(response, "<h1", count=1)
        self.assertContains(response, 'role="search"', count=1)
        for field in ["q", "section", "country", "language"]:
            self.assertContains(response, f'<label for="id_{field}">')
            self.assertContains(response, f'id="id_{field}"')
        self.assertContains(response, 'role="status"')

    def test_query_is_cut_to_a_sane_length_and_cleaned_of_nul_characters(self):
        make_article(title="Cartel bosses meet")

        long_query = self.client.get("/search/", {"q": "cartel " + "x" * 10_000})
        with_nul = self.client.get("/search/?q=car%00tel")

        self.assertEqual(len(long_query.context["terms"]["q"]), 200)
        self.assertEqual(self.titles(with_nul), ["Cartel bosses meet"])
        self.assertEqual(with_nul.context["terms"]["q"], "cartel")

    def test_header_links_to_search_in_each_language(self):
        self.assertContains(self.client.get("/"), '<a class="site-search-link" href="/search/">Search</a>', html=True)
        self.assertContains(self.client.get("/es/"), 'href="/es/search/"')

    def test_anonymous_readers_get_no_cookies(self):
        make_article(title="Ransom paid")
        assert_cacheable_for_anyone(self.client.get("/search/", {"q": "ransom", "section": "briefs"}))
        assert_cacheable_for_anyone(self.client.get("/es/search/"))

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_does_not_grow_with_results(self):
        """Guards against an N+1 over the results: one query per teaser for its bylines, section or label;
        and against the filter choices being fetched once per option. A search is the ranked ids of its
        matches, the page's rows and their bylines; the section and country choices, the sections menu and the
        prompts are read once per change (newsroom/fragments.py)."""
        authors = [make_author() for _ in range(3)]
        for _ in range(2):
            make_article(title="Ransom paid", section=self.briefs, countries=[self.mexico], authors=authors[:1])
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 5):
            self.client.get("/search/", {"q": "ransom", "country": "mexico"})
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 3):
            self.client.get("/search/", {"q": "ransom", "country": "mexico"})
        for number in range(20):
            make_article(
                title="Ransom paid",
                section=make_section(),
                countries=[self.mexico, make_country()],
                authors=authors,
                tags=[f"topic-{number}"],
                primary_country=self.mexico,
            )
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 5):
            self.client.get("/search/", {"q": "ransom", "country": "mexico"})
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 3):
            response = self.client.get("/search/", {"q": "ransom", "country": "mexico"})
        self.assertEqual(len(response.context["articles"]), 20)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_without_a_query(self):
        """The bare form fetches its choices and nothing else: no search runs without words."""
        make_article(title="Ransom paid")
        # The section and country choices and the prompts, once per change.
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 2):
            self.client.get("/search/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES):
            self.client.get("/search/")


def test_highlight_escapes_the_text_and_marks_only_the_matches():
    snippet = f"Gangs <b>&amp;</b> {SEARCH_MATCH_START}ransom{SEARCH_MATCH_STOP} &lt;i&gt; {SEARCH_MATCH_START}x"

    assert highlight(snippet) == "Gangs &lt;b&gt;&amp;&lt;/b&gt; <mark>ransom</mark> &lt;i&gt; x"
    assert highlight("") == ""


HOSTILE_QUERIES = [
    "",
    "q=",
    "q=%20%20%20",
    "q=" + "a" * 10_000,
    "q=%21%3A%2A%26%7C%28%29%3C%3E%27%22%5C",
    "q=-",
    "q=%00",
    "q=%00%00cartel%00",
    "q=%ED%A0%80",
    "q=%ED%A0%BDcartel",
    "q=%F0%9F%94%A5%F0%9F%92%80",
    "q=%FF%FE",
    "q=%22cartel",
    "q=or",
    "q=the",
    "q=cartel&q=prison",
    "q=cartel&page=abc",
    "q=cartel&page=-1",
    "q=cartel&page=0",
    "q=cartel&page=99999",
    "q=cartel&page=" + "9" * 5_000,
    "q=cartel&page=%00",
    "q=cartel&section=nope&country=nope&language=nope",
    "q=cartel&section=%00&country=%ED%A0%80&language=%00",
    "q=cartel&section[]=briefs&language=EN",
]


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/es"])
@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_any_input_answers_with_a_page(client, prefix, query):
    make_article(title="Cartel bosses meet", body="<p>The cartel met in prison.</p>")
    make_article(title="Cártel en la cárcel", language="es")

    response = client.get(f"{prefix}/search/?{query}")

    assert response.status_code == 200
    assert response.content.decode().count("<h1") == 1
