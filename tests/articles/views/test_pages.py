"""The newsroom's own pages as readers get them: in both languages, in the footer, cached and renewed when
an editor changes them, with a pinned number of queries."""

from django.test import TestCase, override_settings

from articles.models import Page
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    assert_cacheable_for_anyone,
    make_section,
)

SITE = "https://news.example.org"


def make_page(**fields):
    fields.setdefault("slug", "about")
    fields.setdefault("kind", Page.Kind.ABOUT)
    fields.setdefault("title", "About us")
    fields.setdefault("body", "<p>We investigate organized crime in the Americas.</p>")
    fields.setdefault("title_es", "Quiénes somos")
    fields.setdefault("body_es", "<p>Investigamos el crimen organizado en las Américas.</p>")
    fields.setdefault("published", True)
    return Page.objects.create(**fields)


@override_settings(SITE_URL=SITE)
class PageDetailTests(TestCase):
    def test_a_page_answers_in_both_languages_with_its_alternates(self):
        make_page()
        response = self.client.get("/about/")
        self.assertContains(response, "<h1>About us</h1>", html=True)
        self.assertContains(response, "We investigate organized crime in the Americas.")
        self.assertContains(response, "<title>About us – Newsroom</title>", html=True)
        self.assertContains(response, f'<link rel="alternate" hreflang="es" href="{SITE}/es/about/">', html=True)
        self.assertContains(response, '<a href="/es/about/" hreflang="es" lang="es">ES</a>', html=True)
        assert_cacheable_for_anyone(response)

        response = self.client.get("/es/about/")
        self.assertContains(response, "<h1>Quiénes somos</h1>", html=True)
        self.assertContains(response, "Investigamos el crimen organizado")
        self.assertContains(response, f'<link rel="canonical" href="{SITE}/es/about/">', html=True)

    def test_a_page_not_written_in_spanish_is_not_on_the_spanish_site(self):
        make_page(title_es="", body_es="")
        self.assertEqual(self.client.get("/es/about/").status_code, 404)
        response = self.client.get("/about/")
        self.assertNotContains(response, 'hreflang="es" href=')
        # The language switch leads to the Spanish home page instead.
        self.assertContains(response, '<a href="/es/" hreflang="es" lang="es">ES</a>', html=True)

    def test_an_unpublished_or_unknown_page_is_a_404(self):
        make_page(published=False)
        self.assertEqual(self.client.get("/about/").status_code, 404)
        self.assertEqual(self.client.get("/no-such-page/").status_code, 404)

    def test_the_site_s_own_addresses_come_before_pages(self):
        make_section(name="Briefs", slug="briefs")
        self.assertContains(self.client.get("/donate/"), 'name="amount"')
        self.assertEqual(self.client.get("/news/briefs/").status_code, 200)

    def test_the_contact_page_shows_the_newsroom_s_contact_details(self):
        from articles.models import SiteIdentity

        SiteIdentity.objects.create(
            name="Newsroom",
            contact_email="desk@newsroom.example",
            phone="+57 601 555 0134",
            postal_address="Calle 72 # 10-34\nBogotá, Colombia",
            x_url="https://x.com/newsroom",
        )
        make_page(slug="contact", kind=Page.Kind.CONTACT, title="Contact us")
        response = self.client.get("/contact/")
        self.assertContains(response, '<a href="mailto:desk@newsroom.example">desk@newsroom.example</a>', html=True)
        self.assertContains(response, '<a href="tel:+576015550134">+57 601 555 0134</a>', html=True)
        self.assertContains(response, "Calle 72 # 10-34<br>Bogotá, Colombia")

    def test_an_editor_s_change_reaches_readers_at_once(self):
        page = make_page()
        self.assertContains(self.client.get("/about/"), "We investigate organized crime")
        self.assertContains(self.client.get("/"), '<a href="/about/">About us</a>', html=True)
        page.body = "<p>We are a nonprofit newsroom.</p>"
        page.title = "Who we are"
        page.save()
        self.assertContains(self.client.get("/about/"), "We are a nonprofit newsroom.")
        self.assertContains(self.client.get("/"), '<a href="/about/">Who we are</a>', html=True)
        page.published = False
        page.save()
        self.assertEqual(self.client.get("/about/").status_code, 404)
        self.assertNotContains(self.client.get("/"), 'href="/about/"')

    def test_query_count_is_pinned(self):
        """Guards against the footer reading the pages, or the page its identity, more than once."""
        make_page()
        make_page(slug="ethics", kind=Page.Kind.ETHICS, title="Ethics policy")
        make_section()
        # the page, sections menu; identity and the pages (SITE_CHROME_QUERIES)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 2):
            self.client.get("/about/")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES):
            self.client.get("/about/")
