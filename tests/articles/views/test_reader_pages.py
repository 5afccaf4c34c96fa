import json
import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import Article, ArticleAuthor, ArticleLink, Correction
from articles.services import pair_translations
from articles.views import HomeView
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    assert_cacheable_for_anyone,
    make_article,
    make_author,
    make_country,
    make_image,
    make_section,
)


class HomePageTests(TestCase):
    def test_lists_published_english_articles_only(self):
        make_article(title="Gangs tax the bus routes")
        make_article(title="Draft about prisons", published=False)
        make_article(title="Scheduled about ports", publish_at=timezone.now() + timedelta(days=1))
        make_article(title="Pandillas cobran a los buses", language="es")

        response = self.client.get("/")

        self.assertContains(response, "Gangs tax the bus routes")
        self.assertNotContains(response, "Draft about prisons")
        self.assertNotContains(response, "Scheduled about ports")
        self.assertNotContains(response, "Pandillas cobran a los buses")

    def test_spanish_home_lists_spanish_articles(self):
        make_article(title="Gangs tax the bus routes")
        make_article(title="Pandillas cobran a los buses", language="es")

        response = self.client.get("/es/")

        self.assertContains(response, "Pandillas cobran a los buses")
        self.assertNotContains(response, "Gangs tax the bus routes")
        self.assertContains(response, '<html lang="es">')

    def test_only_the_top_story_is_styled_as_the_lead(self):
        for number in range(4):
            make_article(title=f"Story {number}")
        self.assertContains(self.client.get("/"), "teaser--lead", count=1)

    def test_empty_newsroom_says_so(self):
        self.assertContains(self.client.get("/"), "Nothing has been published yet.")

    def test_anonymous_readers_get_no_cookies(self):
        make_article()
        response = self.client.get("/")
        assert_cacheable_for_anyone(response)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_does_not_grow_with_authors(self):
        """Guards against one query per teaser for bylines, sections or images. Rendered without the page
        cache: the first render after a change also reads the sections and the organization news, which
        later renders find in the fragment cache (newsroom/fragments.py)."""
        section = make_section()
        authors = [make_author() for _ in range(3)]
        for _ in range(3):
            make_article(section=section, authors=authors[:1], lead_image=make_image())
        for _ in range(2):
            # latest, their bylines, the newest of each section; first also sections and organization news
            with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 5):
                self.client.get("/")
            with self.assertNumQueries(CONTENT_VERSION_QUERIES + 3):
                self.client.get("/")
            for _ in range(10):
                make_article(section=section, authors=authors, lead_image=make_image())
                make_article(section=make_section(), authors=authors)

    def test_shows_sections_and_organization_news(self):
        briefs = make_section(name="Briefs", slug="briefs", order=1)
        investigations = make_section(name="Investigations", slug="investigations", order=2)
        organization = make_section(name="The Organization", slug="organization", order=3)
        for number in range(12):
            make_article(section=briefs, title=f"Brief {number}")
        make_article(section=investigations, title="The cocaine routes of the Pacific")
        make_article(section=organization, title="We are hiring a data reporter")

        response = self.client.get("/")

        self.assertContains(response, '<a href="/news/investigations/">Investigations</a>', html=True)
        self.assertContains(response, "The cocaine routes of the Pacific")
        self.assertContains(response, "About Newsroom")
        self.assertContains(response, "We are hiring a data reporter")
        # Seven latest (lead included), then the next three briefs in their own block; older ones wait.
        for number in range(3, 12):
            self.assertContains(response, f"Brief {number}<", count=1)
        self.assertNotContains(response, "Brief 2<")


class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", name_es="Breves", slug="briefs")
        cls.country = make_country(name="Guatemala", slug="guatemala", iso_code="GT")
        cls.ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
        cls.luis = make_author(name="Luis Pérez", slug="luis-perez")
        cls.article = make_article(
            title="Extortion rings move into bus routes",
            slug="extortion-bus-routes",
            section=cls.section,
            dek="Drivers in the capital pay three gangs at once.",
            body="<p>One.</p><p>Two.</p><p>Three.</p>",
            analysis="<p>The gangs are copying each other.</p>",
            primary_country=cls.country,
            countries=[cls.country],
            authors=[cls.ana, cls.luis],
            tags=["extortion"],
            lead_image=make_image(alt_text="A city bus at night", caption="Route 7", credit="Ana Ruiz"),
            publish_at=datetime(2014, 7, 8, 12, tzinfo=UTC),
        )
        cls.organization = make_section(name="The Organization", slug="organization")
        make_article(section=cls.organization, title="We won an award for the prisons series")

    def test_shows_the_anatomy_of_a_brief(self):
        response = self.client.get("/news/briefs/extortion-bus-routes/")

        self.assertContains(response, '<a href="/countries/guatemala/">Guatemala</a>', html=True)
        self.assertContains(response, '<a href="/news/briefs/">Briefs</a>', html=True)
        self.assertContains(response, "<h1>Extortion rings move into bus routes</h1>", html=True)
        self.assertContains(response, "Drivers in the capital pay three gangs at once.")
        self.assertContains(response, "8 Jul 2014")
        self.assertContains(response, '<a href="/authors/ana-ruiz/">Ana Ruiz</a>', html=True)
        self.assertContains(response, '<a href="/authors/luis-perez/">Luis Pérez</a>', html=True)
        self.assertContains(response, 'alt="A city bus at night"')
        self.assertContains(response, "Route 7")
        self.assertContains(response, "Newsroom Analysis")
        self.assertContains(response, "The gangs are copying each other.")
        self.assertContains(response, '<a href="/tags/extortion/">extortion</a>', html=True)
        self.assertContains(response, 'href="/donate/?article=')
        self.assertContains(response, "<h1", count=1)

    def test_lead_image_words_follow_the_article_language(self):
        image = make_image(
            alt_text="A city bus at night",
            alt_text_es="Un autobús urbano de noche",
            caption="Route 7",
            caption_es="Ruta 7",
        )
        english = make_article(section=self.section, slug="buses-at-night", lead_image=image)
        spanish = make_article(section=self.section, slug="buses-de-noche", language="es", lead_image=image)

        response = self.client.get(spanish.get_absolute_url())
        self.assertContains(response, 'alt="Un autobús urbano de noche"')
        self.assertContains(response, '<meta property="og:image:alt" content="Un autobús urbano de noche">')
        self.assertContains(response, "<figcaption>Ruta 7</figcaption>", html=True)
        self.assertNotContains(response, "A city bus at night")
        self.assertNotContains(response, "Route 7")

        response = self.client.get(english.get_absolute_url())
        self.assertContains(response, 'alt="A city bus at night"')
        self.assertContains(response, '<meta property="og:image:alt" content="A city bus at night">')
        self.assertContains(response, "<figcaption>Route 7</figcaption>", html=True)
        self.assertNotContains(response, "Un autobús urbano de noche")
        self.assertNotContains(response, "Ruta 7")

    def test_lead_image_without_spanish_words_keeps_the_english_ones_on_spanish_pages(self):
        spanish = make_article(
            section=self.section, slug="pandillas-buses", language="es", lead_image=self.article.lead_image
        )

        response = self.client.get(spanish.get_absolute_url())

        self.assertTrue(spanish.get_absolute_url().startswith("/es/"))
        self.assertContains(response, 'alt="A city bus at night"')
        self.assertContains(response, '<meta property="og:image:alt" content="A city bus at night">')
        self.assertContains(response, "Route 7")

    def kicker_links(self, response):
        kicker = re.search(r'<p class="kicker">(.*?)</p>', response.content.decode(), re.S)[1]
        return re.findall(r'<a href="([^"]+)">([^<]+)</a>', kicker)

    def test_kicker_shows_every_country_primary_first_then_by_name_and_the_section(self):
        self.article.countries.add(
            make_country(name="Mexico", name_es="México", slug="mexico", iso_code="MX"),
            make_country(name="El Salvador", slug="el-salvador", iso_code="SV"),
        )
        self.assertEqual(
            self.kicker_links(self.client.get(self.article.get_absolute_url())),
            [
                ("/countries/guatemala/", "Guatemala"),
                ("/countries/el-salvador/", "El Salvador"),
                ("/countries/mexico/", "Mexico"),
                ("/news/briefs/", "Briefs"),
            ],
        )
        spanish = make_article(section=self.section, language="es", primary_country=self.country)
        spanish.countries.add(*self.article.countries.all())
        self.assertEqual(
            [name for _url, name in self.kicker_links(self.client.get(spanish.get_absolute_url()))],
            ["Guatemala", "El Salvador", "México", "Breves"],
        )

    def test_kicker_without_countries_shows_the_section(self):
        article = make_article(section=self.section)
        self.assertEqual(self.kicker_links(self.client.get(article.get_absolute_url())), [("/news/briefs/", "Briefs")])

    def test_reading_time_counts_the_body_and_the_analysis(self):
        words = " ".join(["word"] * 500)
        article = make_article(section=self.section, body=f"<p>{words}</p>", analysis=f"<p>{words}</p>")
        # 1,000 words at 230 a minute.
        self.assertContains(self.client.get(article.get_absolute_url()), '<span class="reading-time">5 min read</span>')
        spanish = make_article(section=self.section, language="es", body=f"<p>{words}</p>")
        self.assertContains(
            self.client.get(spanish.get_absolute_url()), '<span class="reading-time">3 min de lectura</span>'
        )
        self.assertContains(self.client.get(self.article.get_absolute_url()), "1 min read")

    def test_print_shows_where_the_article_lives_online(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(
            response,
            '<p class="print-address">Read online at http://127.0.0.1:8000/news/briefs/extortion-bus-routes/</p>',
            html=True,
        )

    def test_breadcrumb_shows_the_trail_of_the_json_ld(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(
            response,
            """<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
              <li><a href="/">Home</a></li><li><a href="/news/">News</a></li><li><a href="/news/briefs/">Briefs</a></li>
              <li><span aria-current="page">Extortion rings move into bus routes</span></li></ol></nav>""",
            html=True,
        )

    def test_every_image_has_its_size_so_nothing_shifts(self):
        related = make_article(section=self.section, tags=["extortion"], lead_image=make_image())
        for url in [self.article.get_absolute_url(), related.get_absolute_url(), "/", "/news/", "/news/briefs/"]:
            images = re.findall(r"<img\b[^>]*>", self.client.get(url).content.decode())
            self.assertTrue(images, url)
            for image in images:
                self.assertRegex(image, r'width="[1-9]\d*"', url)
                self.assertRegex(image, r'height="[1-9]\d*"', url)

    def structured_data(self, response):
        """The JSON-LD blocks of a page, parsed."""
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
        return [json.loads(block) for block in blocks]

    def test_json_ld_describes_the_news_article(self):
        spanish = make_article(section=self.section, slug="pandillas-buses", language="es")
        pair_translations(article=self.article, translation=spanish)
        Correction.objects.create(
            article=self.article, text="Fixed a date.", published_at=datetime(2015, 1, 2, tzinfo=UTC)
        )

        news, crumbs = self.structured_data(self.client.get(self.article.get_absolute_url()))

        self.assertEqual(news["@type"], "NewsArticle")
        self.assertEqual(news["headline"], "Extortion rings move into bus routes")
        self.assertEqual(news["datePublished"], "2014-07-08T12:00:00+00:00")
        self.assertEqual(news["dateModified"], "2015-01-02T00:00:00+00:00")
        self.assertEqual([author["name"] for author in news["author"]], ["Ana Ruiz", "Luis Pérez"])
        self.assertEqual(news["inLanguage"], "en")
        self.assertEqual(news["publisher"]["name"], "Newsroom")
        self.assertEqual(news["license"], "https://creativecommons.org/licenses/by-nc/4.0/")
        self.assertTrue(news["image"][0]["url"].startswith("http://127.0.0.1:8000/media/images/"))
        self.assertEqual(news["workTranslation"]["@id"], "http://127.0.0.1:8000/es/news/briefs/pandillas-buses/")
        # Every crumb but the article itself leads to a page that exists: /news/ included.
        self.assertEqual(
            [(item["name"], item.get("item")) for item in crumbs["itemListElement"]],
            [
                ("Home", "http://127.0.0.1:8000/"),
                ("News", "http://127.0.0.1:8000/news/"),
                ("Briefs", "http://127.0.0.1:8000/news/briefs/"),
                ("Extortion rings move into bus routes", None),
            ],
        )

    def test_json_ld_cannot_be_broken_out_of(self):
        article = make_article(section=self.section, title="</script><script>alert(1)</script>")
        response = self.client.get(article.get_absolute_url())
        self.assertNotContains(response, "<script>alert(1)")
        self.assertEqual(self.structured_data(response)[0]["headline"], "</script><script>alert(1)</script>")

    def test_social_cards_and_canonical_link(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(
            response, '<link rel="canonical" href="http://127.0.0.1:8000/news/briefs/extortion-bus-routes/">'
        )
        self.assertContains(response, '<meta property="og:type" content="article">')
        self.assertContains(response, '<meta property="og:title" content="Extortion rings move into bus routes">')
        self.assertContains(response, '<meta name="twitter:card" content="summary_large_image">')

    def test_share_links_are_plain_urls(self):
        response = self.client.get(self.article.get_absolute_url())
        url = "http%3A%2F%2F127.0.0.1%3A8000%2Fnews%2Fbriefs%2Fextortion-bus-routes%2F"
        for start in ("https://x.com/intent/post?url=", "https://www.facebook.com/sharer/sharer.php?u="):
            self.assertContains(response, f'href="{start}{url}')
        self.assertContains(response, 'href="https://wa.me/?text=')
        self.assertContains(response, "mailto:?subject=")
        self.assertContains(response, 'data-copy-link="http://127.0.0.1:8000/news/briefs/extortion-bus-routes/"')
        self.assertNotContains(response, '<script src="http')

    def test_republish_block_hands_out_html_with_attribution(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, "Republish this article")
        textarea = re.search(r'<textarea id="republish-html"[^>]*>(.*?)</textarea>', response.content.decode(), re.S)
        html = unescape(textarea.group(1))
        self.assertIn('<a href="http://127.0.0.1:8000/news/briefs/extortion-bus-routes/">Newsroom</a>', html)
        self.assertIn("<h1>Extortion rings move into bus routes</h1>", html)
        self.assertIn("By Ana Ruiz, Luis Pérez, Newsroom", html)
        self.assertIn("<p>The gangs are copying each other.</p>", html)
        self.assertIn("creativecommons.org/licenses/by-nc/4.0/", html)
        self.assertEqual(html.count("originally published by"), 2)

    def test_republished_html_links_back_to_our_site(self):
        article = make_article(
            section=self.section, body='<p>See <a href="/news/briefs/earlier-story/">our earlier story</a>.</p>'
        )
        response = self.client.get(article.get_absolute_url())
        textarea = re.search(r'<textarea id="republish-html"[^>]*>(.*?)</textarea>', response.content.decode(), re.S)
        html = unescape(textarea.group(1))
        self.assertIn('<a href="http://127.0.0.1:8000/news/briefs/earlier-story/"', html)
        self.assertNotIn('href="/', html)

    def test_no_republish_block_for_work_we_may_not_relicense(self):
        article = make_article(section=self.section, republishable=False)
        self.assertNotContains(self.client.get(article.get_absolute_url()), "Republish this article")

    def test_links_to_donate_and_comment_for_this_article(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, f'href="/donate/?article={self.article.pk}&amp;placement=article"')
        self.assertContains(response, f'href="/comments/?article={self.article.pk}"')
        self.assertContains(response, "What are your thoughts?")

    def test_dates_read_as_each_language_writes_them(self):
        spanish = make_article(
            section=self.section, language="es", publish_at=datetime(2014, 7, 8, 12, 30, 15, 123456, tzinfo=UTC)
        )
        self.assertContains(self.client.get(self.article.get_absolute_url()), ">8 Jul 2014</time>")
        response = self.client.get(spanish.get_absolute_url())
        self.assertContains(response, '<time datetime="2014-07-08T12:30:15+00:00">8 de julio de 2014</time>')

    def test_an_article_without_dek_or_image_still_describes_itself(self):
        article = make_article(
            section=self.section, dek="", body="<p>Prosecutors in Quetzaltenango charged nine officers.</p>"
        )
        response = self.client.get(article.get_absolute_url())
        self.assertContains(
            response, '<meta name="description" content="Prosecutors in Quetzaltenango charged nine officers.">'
        )
        self.assertContains(
            response, '<meta property="og:image" content="http://127.0.0.1:8000/static/img/og-default.png">'
        )

    def test_byline_keeps_the_editors_order(self):
        content = self.client.get(self.article.get_absolute_url()).content.decode()
        self.assertLess(content.index("Ana Ruiz</a>"), content.index("Luis Pérez</a>"))

    def test_unpublished_and_scheduled_articles_are_not_found(self):
        draft = make_article(section=self.section, published=False)
        scheduled = make_article(section=self.section, publish_at=timezone.now() + timedelta(hours=1))
        self.assertEqual(self.client.get(draft.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get(scheduled.get_absolute_url()).status_code, 404)

    def test_not_found_page_is_friendly(self):
        response = self.client.get("/news/briefs/no-such-story/")
        self.assertContains(response, "We could not find that page", status_code=404)
        self.assertContains(response, '<meta name="robots" content="noindex">', status_code=404)
        self.assertNotContains(response, 'rel="canonical"', status_code=404)

    def test_wrong_section_or_language_redirects_to_the_one_address(self):
        make_article(section=self.section, slug="pandillas-buses", language="es")
        make_section(slug="analysis")

        response = self.client.get("/news/analysis/extortion-bus-routes/")
        self.assertRedirects(response, "/news/briefs/extortion-bus-routes/", status_code=301)
        response = self.client.get("/news/briefs/pandillas-buses/")
        self.assertRedirects(response, "/es/news/briefs/pandillas-buses/", status_code=301)

    def test_a_renamed_article_answers_its_old_address_with_a_permanent_redirect(self):
        article = make_article(section=self.section, slug="first-slug")
        article = Article.objects.get(pk=article.pk)
        article.slug = "second-slug"
        article.save()
        article.slug = "third-slug"
        article.save()

        for old in ("first-slug", "second-slug"):
            response = self.client.get(f"/news/briefs/{old}/")
            self.assertRedirects(response, "/news/briefs/third-slug/", status_code=301)

    def test_renaming_back_to_an_old_slug_keeps_the_article_reachable(self):
        article = Article.objects.get(pk=make_article(section=self.section, slug="original").pk)
        article.slug = "renamed"
        article.save()
        article.slug = "original"
        article.save()
        self.assertEqual(self.client.get("/news/briefs/original/").status_code, 200)
        self.assertRedirects(self.client.get("/news/briefs/renamed/"), "/news/briefs/original/", status_code=301)

    def test_drafts_leave_no_redirects_behind(self):
        draft = Article.objects.get(pk=make_article(section=self.section, slug="draft-one", published=False).pk)
        draft.slug = "draft-two"
        draft.save()
        self.assertEqual(self.client.get("/news/briefs/draft-one/").status_code, 404)

    def test_translations_link_to_each_other(self):
        spanish = make_article(section=self.section, slug="pandillas-buses", language="es", title="Pandillas")
        pair_translations(article=self.article, translation=spanish)

        english_page = self.client.get(self.article.get_absolute_url())
        spanish_page = self.client.get(spanish.get_absolute_url())

        self.assertContains(english_page, 'hreflang="es" href="http://127.0.0.1:8000/es/news/briefs/pandillas-buses/"')
        self.assertContains(english_page, 'href="/es/news/briefs/pandillas-buses/" hreflang="es"')
        self.assertContains(spanish_page, 'href="/news/briefs/extortion-bus-routes/" hreflang="en"')
        self.assertContains(spanish_page, "Breves")

    def test_unpublished_translation_is_not_linked(self):
        spanish = make_article(section=self.section, slug="borrador", language="es", published=False)
        pair_translations(article=self.article, translation=spanish)
        self.assertNotContains(self.client.get(self.article.get_absolute_url()), "/es/news/briefs/borrador/")

    def test_see_also_callout_sits_after_its_paragraph(self):
        linked = make_article(section=self.section, title="Bus drivers strike")
        ArticleLink.objects.create(
            from_article=self.article, to_article=linked, kind=ArticleLink.Kind.SEE_ALSO, after_paragraph=2
        )
        content = self.client.get(self.article.get_absolute_url()).content.decode()
        callout = content.index("Bus drivers strike")
        self.assertLess(content.index("<p>Two.</p>"), callout)
        self.assertLess(callout, content.index("<p>Three.</p>"))

    def test_unpublished_links_are_hidden(self):
        draft = make_article(section=self.section, title="Secret draft", published=False)
        ArticleLink.objects.create(from_article=self.article, to_article=draft, kind=ArticleLink.Kind.SEE_ALSO)
        ArticleLink.objects.create(from_article=self.article, to_article=draft, kind=ArticleLink.Kind.RELATED)
        self.assertNotContains(self.client.get(self.article.get_absolute_url()), "Secret draft")

    def test_related_content_picks_first_then_shared_topics_never_itself(self):
        pick = make_article(section=self.section, title="Editors pick")
        ArticleLink.objects.create(from_article=self.article, to_article=pick, kind=ArticleLink.Kind.RELATED)
        make_article(section=self.section, title="Same topic", tags=["extortion"])
        make_article(section=self.section, title="Same country", countries=[self.country])
        make_article(section=self.section, title="Unrelated story")
        make_article(section=self.section, title="Unpublished same topic", tags=["extortion"], published=False)

        response = self.client.get(self.article.get_absolute_url())
        related = [article.title for article in response.context["related"]]

        self.assertEqual(related[0], "Editors pick")
        self.assertCountEqual(related[1:], ["Same topic", "Same country"])
        self.assertNotIn(self.article.title, related)

    def test_organization_news_is_shown(self):
        self.assertContains(self.client.get(self.article.get_absolute_url()), "We won an award for the prisons series")

    def test_related_content_prefers_articles_sharing_more_topics(self):
        self.article.tags.add("bus drivers", "gangs")
        make_article(section=self.section, title="Shares one topic, newer", tags=["gangs"])
        older = make_article(
            section=self.section,
            title="Shares three topics, older",
            tags=["extortion", "bus drivers", "gangs"],
            publish_at=timezone.now() - timedelta(days=300),
        )
        related = self.client.get(self.article.get_absolute_url()).context["related"]
        self.assertEqual(related[0], older)

    def test_corrections_are_listed_with_their_dates(self):
        Correction.objects.create(article=self.article, text="An earlier version misspelled a name.")
        self.assertContains(self.client.get(self.article.get_absolute_url()), "An earlier version misspelled a name.")

    def test_anonymous_readers_get_no_cookies(self):
        assert_cacheable_for_anyone(self.client.get(self.article.get_absolute_url()))
        assert_cacheable_for_anyone(self.client.get(self.article.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es"))

    def test_query_count_does_not_grow_with_tags_authors_or_links(self):
        """Guards against per-item queries for bylines, tags, countries, links and related teasers.

        The article with its section, countries, label, image and translation; its bylines, tags, corrections
        and links; related content. The first page rendered after a change also reads the sections, the
        organization news and the live prompts for every later page (newsroom/fragments.py), and related
        content is read once per article and change."""
        pair_translations(article=self.article, translation=make_article(section=self.section, language="es"))
        url = self.article.get_absolute_url()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 8):
            self.client.get(url)
        for number in range(5):
            self.article.tags.add(f"topic-{number}")
            self.article.countries.add(make_country())
            tagged = make_article(section=self.section, authors=[make_author()], tags=[f"topic-{number}"])
            linked = make_article(section=self.section)
            ArticleLink.objects.create(from_article=self.article, to_article=linked, kind=ArticleLink.Kind.SEE_ALSO)
            if number < 2:  # editors' picks, leaving room for the related block to be filled
                pick = make_article(section=self.section, authors=[make_author()])
                ArticleLink.objects.create(from_article=self.article, to_article=pick, kind=ArticleLink.Kind.RELATED)
            ArticleAuthor.objects.create(article=self.article, author=make_author(), position=10 + number)
            Correction.objects.create(article=self.article, text=f"Fixed detail {number}.")
        response = self.client.get(url)
        self.assertEqual(len(response.context["article"].byline_authors), 7)
        self.assertEqual(len(response.context["related"]), 4)
        # The same page again comes from the page cache; emptied, it is rendered anew.
        with self.assertNumQueries(CONTENT_VERSION_QUERIES):
            self.client.get(url)
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 8):
            self.client.get(url)
        # Rendered anew with the fragments kept (a page for staff, or after the page cache lost it): at
        # most six queries, five once related content is known.
        with override_settings(PAGE_CACHE_SECONDS=0):
            with self.assertNumQueries(CONTENT_VERSION_QUERIES + 5):
                self.client.get(url)
            with self.assertNumQueries(CONTENT_VERSION_QUERIES + 6):
                self.client.get(tagged.get_absolute_url())


class ListingPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", slug="briefs")
        cls.country = make_country(name="Honduras", slug="honduras", iso_code="HN")
        cls.author = make_author(name="Ana Ruiz", slug="ana-ruiz", bio="Covers prisons.")
        cls.article = make_article(
            title="Prison riots spread",
            section=cls.section,
            countries=[cls.country],
            authors=[cls.author],
            tags=["prisons"],
        )
        make_article(
            title="Hidden draft",
            section=cls.section,
            countries=[cls.country],
            authors=[cls.author],
            tags=["prisons"],
            published=False,
        )

    def test_each_listing_shows_its_published_articles(self):
        for url in ["/news/briefs/", "/countries/honduras/", "/authors/ana-ruiz/", "/tags/prisons/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "Prison riots spread")
                self.assertNotContains(response, "Hidden draft")

    def test_accented_tags_have_plain_addresses(self):
        make_article(title="Extorsión en los buses", language="es", section=self.section, tags=["extorsión"])
        response = self.client.get("/es/tags/extorsion/")
        self.assertContains(response, "Extorsión en los buses")

    def test_each_listing_describes_itself_and_pages_are_their_own_canonical(self):
        for _ in range(25):
            make_article(section=self.section, countries=[self.country])
        response = self.client.get("/countries/honduras/?page=2")
        self.assertContains(response, '<link rel="canonical" href="http://127.0.0.1:8000/countries/honduras/?page=2">')
        self.assertContains(response, "Reporting by Newsroom on organized crime and security in Honduras.")
        self.assertContains(self.client.get("/tags/prisons/"), "Reporting by Newsroom on prisons")
        self.assertContains(
            self.client.get("/authors/ana-ruiz/"), '<meta name="description" content="Covers prisons.">'
        )

    def test_author_page_shows_the_bio(self):
        self.assertContains(self.client.get("/authors/ana-ruiz/"), "Covers prisons.")

    def test_anonymous_readers_get_no_cookies(self):
        for url in ["/news/briefs/", "/countries/honduras/", "/authors/ana-ruiz/", "/tags/prisons/", "/corrections/"]:
            with self.subTest(url=url):
                assert_cacheable_for_anyone(self.client.get(url))

    def test_hostile_page_numbers_are_not_found_never_an_error(self):
        for page in ["abc", "-1", "0", "99999", "1%00", "9" * 400]:
            with self.subTest(page=page):
                self.assertEqual(self.client.get(f"/news/briefs/?page={page}").status_code, 404)

    def test_tags_and_authors_of_unpublished_work_only_have_no_page_or_feed(self):
        make_article(
            title="Embargoed", tags=["operation-lightning"], authors=[make_author(slug="undercover")], published=False
        )
        for url in [
            "/tags/operation-lightning/",
            "/tags/operation-lightning/feed/",
            "/authors/undercover/",
            "/authors/undercover/feed/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_unknown_listing_is_not_found(self):
        for url in ["/news/nope/", "/countries/nope/", "/authors/nope/", "/tags/nope/"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_pagination_splits_long_listings(self):
        for number in range(25):
            make_article(section=self.section, title=f"Story {number:02d}")
        first = self.client.get("/news/briefs/")
        second = self.client.get("/news/briefs/?page=2")
        self.assertEqual(len(first.context["articles"]), 20)
        self.assertContains(first, 'rel="next"')
        self.assertEqual(len(second.context["articles"]), 6)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_query_count_does_not_grow_with_page_size(self):
        """Guards against one byline or label query per teaser on listings: the section, the count (capped),
        the articles and their bylines (and the sections menu and the prompts, once per change)."""
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 5):
            self.client.get("/news/briefs/")
        for _ in range(15):
            make_article(section=self.section, authors=[make_author(), make_author()], tags=["prisons"])
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 5):
            self.client.get("/news/briefs/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 4):
            self.client.get("/news/briefs/")


class CorrectionsPageTests(TestCase):
    def test_lists_corrections_of_published_articles_newest_first(self):
        older = make_article(title="Mining permits")
        newer = make_article(title="Port seizures")
        draft = make_article(title="Unreleased", published=False)
        Correction.objects.create(article=older, text="Wrong province.", published_at=datetime(2024, 1, 1, tzinfo=UTC))
        Correction.objects.create(article=newer, text="Wrong tonnage.", published_at=datetime(2024, 3, 1, tzinfo=UTC))
        Correction.objects.create(article=draft, text="Secret fix.")

        response = self.client.get("/corrections/")

        content = response.content.decode()
        self.assertLess(content.index("Wrong tonnage."), content.index("Wrong province."))
        self.assertContains(response, f'href="{older.get_absolute_url()}#corrections"')
        self.assertNotContains(response, "Secret fix.")

    def test_empty_state(self):
        self.assertContains(self.client.get("/corrections/"), "No corrections so far.")


@pytest.mark.django_db
def test_a_server_error_shows_a_friendly_page_without_details(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "hunter2" not in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_health_check_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    # Without REDIS_URL each process has its own memory cache: nothing to reach.
    assert response.json() == {"database": "ok", "cache": "local"}
    assert "no-cache" in response["Cache-Control"]
