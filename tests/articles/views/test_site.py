"""The newsroom's identity as readers, crawlers and feed readers see it: header, footer, colours, the home
page's NewsMediaOrganization, the publisher of articles, feeds and e-mails."""

import json
import re

import feedparser
from django.core import mail
from django.test import TestCase, override_settings

from articles.models import Licence, Page, SiteIdentity
from tests.articles.views.test_pages import make_page
from tests.factories import image_file, make_article

SITE = "https://news.example.org"


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def make_identity(**fields):
    fields.setdefault("name", "Frontera Abierta")
    fields.setdefault("tagline", "Investigating organized crime across the Americas.")
    fields.setdefault("tagline_es", "Investigamos el crimen organizado en las Américas.")
    return SiteIdentity.objects.create(**fields)


@override_settings(SITE_URL=SITE)
class HeaderAndFooterTests(TestCase):
    def test_the_name_and_tagline_set_in_the_admin_are_used_everywhere(self):
        make_identity(name_es="Frontera Abierta (ES)")
        response = self.client.get("/")
        self.assertContains(response, '<a class="brand" href="/">Frontera Abierta</a>', html=True)
        self.assertContains(
            response, "<title>Frontera Abierta – Investigating organized crime across the Americas.</title>", html=True
        )
        self.assertContains(response, '<meta property="og:site_name" content="Frontera Abierta">', html=True)
        response = self.client.get("/es/")
        self.assertContains(response, '<a class="brand" href="/es/">Frontera Abierta (ES)</a>', html=True)
        self.assertContains(
            response,
            '<meta name="description" content="Investigamos el crimen organizado en las Américas.">',
            html=True,
        )

    def test_the_logo_replaces_the_name_in_the_header(self):
        identity = make_identity()
        identity.logo.save("logo.png", image_file("logo.png", size=(300, 90), image_format="PNG"))
        response = self.client.get("/")
        self.assertContains(
            response,
            f'<a class="brand" href="/"><img class="brand__logo" src="{identity.logo.url}" width="300" height="90" '
            'alt="Frontera Abierta"></a>',
            html=True,
        )
        identity.name_beside_logo = True
        identity.save()
        self.assertContains(
            self.client.get("/"),
            f'<a class="brand" href="/"><img class="brand__logo" src="{identity.logo.url}" width="300" height="90" '
            'alt=""><span class="brand__name">Frontera Abierta</span></a>',
            html=True,
        )

    def test_the_footer_lists_sections_pages_social_accounts_address_and_licence(self):
        make_identity(
            postal_address="Apartado 1234\nCiudad de Guatemala",
            contact_email="tips@frontera.example",
            instagram_url="https://www.instagram.com/fronteraabierta",
            footer_note="A nonprofit newsroom funded by its readers and foundations.",
            licence=Licence.CC_BY_ND,
        )
        make_page()
        make_page(slug="republishing", kind=Page.Kind.REPUBLISHING, title="Republish our work")
        make_page(slug="jobs", kind=Page.Kind.OTHER, title="Jobs", in_footer=False)
        response = self.client.get("/")
        footer = response.content.decode().split('<footer class="site-footer">')[1]
        self.assertIn('<a href="/about/">About us</a>', footer)
        self.assertNotIn("/jobs/", footer)
        self.assertIn('<a href="https://www.instagram.com/fronteraabierta" rel="me">Instagram</a>', footer)
        self.assertIn("Apartado 1234<br>Ciudad de Guatemala", footer)
        self.assertIn("A nonprofit newsroom funded by its readers and foundations.", footer)
        self.assertIn(
            '<a rel="license" href="https://creativecommons.org/licenses/by-nd/4.0/">CC BY-ND 4.0</a>', footer
        )
        self.assertIn('<a href="/republishing/">How to republish our work</a>', footer)
        self.assertIn('name="email"', footer)  # the newsletter block
        spanish = self.client.get("/es/").content.decode().split('<footer class="site-footer">')[1]
        self.assertIn('href="https://creativecommons.org/licenses/by-nd/4.0/deed.es"', spanish)
        self.assertIn('<a href="/es/about/">Quiénes somos</a>', spanish)

    def test_all_rights_reserved_says_so(self):
        make_identity(licence=Licence.ALL_RIGHTS_RESERVED)
        response = self.client.get("/")
        self.assertContains(response, "Frontera Abierta. All rights reserved.")
        self.assertNotContains(response, 'rel="license"')

    def test_colours_come_in_a_stylesheet_of_their_own_only_when_set(self):
        self.assertNotContains(self.client.get("/"), "/identity.css")
        make_identity(accent_color="#1d4ed8")
        response = self.client.get("/")
        self.assertRegex(response.content.decode(), r'<link rel="stylesheet" href="/identity.css\?v=\d+">')
        css = self.client.get("/identity.css")
        self.assertEqual(css["Content-Type"], "text/css; charset=utf-8")
        self.assertIn("--accent: #1d4ed8; --accent-dark: #163aa2;", css.content.decode())
        self.assertIn("public", css["Cache-Control"])

    def test_a_colour_stored_without_the_form_never_reaches_the_stylesheet(self):
        make_identity(accent_color="#1d4ed8")
        SiteIdentity.objects.update(accent_color="red}a{b")  # seven characters, as the column allows
        css = self.client.get("/identity.css").content.decode()
        self.assertNotIn("red}", css)
        self.assertIn("--accent: #a4161a;", css)


@override_settings(SITE_URL=SITE)
class StructuredDataTests(TestCase):
    def test_the_home_page_declares_the_newsroom_with_its_policies(self):
        make_identity(
            legal_name="Frontera Abierta Foundation",
            founded=2016,
            contact_email="tips@frontera.example",
            x_url="https://x.com/fronteraabierta",
        )
        make_page(slug="ethics", kind=Page.Kind.ETHICS, title="Ethics policy")
        make_page(slug="corrections-policy", kind=Page.Kind.CORRECTIONS, title="Corrections policy", title_es="")
        make_page(slug="funding", kind=Page.Kind.FUNDING, title="Who funds us")
        make_page(slug="team", kind=Page.Kind.TEAM, title="Our team", published=False)
        (organization,) = json_ld(self.client.get("/"))
        self.assertEqual(organization["@type"], "NewsMediaOrganization")
        self.assertEqual(organization["name"], "Frontera Abierta")
        self.assertEqual(organization["legalName"], "Frontera Abierta Foundation")
        self.assertEqual(organization["foundingDate"], "2016")
        self.assertEqual(organization["sameAs"], ["https://x.com/fronteraabierta"])
        self.assertEqual(organization["ethicsPolicy"], f"{SITE}/ethics/")
        self.assertEqual(organization["correctionsPolicy"], f"{SITE}/corrections-policy/")
        self.assertEqual(organization["ownershipFundingInfo"], f"{SITE}/funding/")
        self.assertNotIn("masthead", organization)
        (spanish,) = json_ld(self.client.get("/es/"))
        self.assertEqual(spanish["ethicsPolicy"], f"{SITE}/es/ethics/")
        self.assertNotIn("correctionsPolicy", spanish)  # not written in Spanish

    def test_articles_name_the_newsroom_as_publisher_under_its_licence(self):
        make_identity(licence=Licence.CC_BY)
        article = make_article(republishable=True)
        data = json_ld(self.client.get(article.get_absolute_url()))
        self.assertEqual(data[0]["publisher"]["name"], "Frontera Abierta")
        self.assertEqual(data[0]["license"], "https://creativecommons.org/licenses/by/4.0/")


@override_settings(SITE_URL=SITE)
class RepublishingTests(TestCase):
    def test_the_republish_block_offers_the_newsroom_s_licence(self):
        make_identity(licence=Licence.CC_BY_SA)
        article = make_article(republishable=True)
        response = self.client.get(article.get_absolute_url())
        self.assertContains(
            response,
            '<a href="https://creativecommons.org/licenses/by-sa/4.0/" rel="license">Creative Commons BY-SA 4.0</a>',
            html=True,
        )
        self.assertNotContains(response, "Do not sell it.")
        self.assertContains(response, "Creative Commons BY-SA 4.0&lt;/a&gt; license.")  # the HTML handed out

    def test_nothing_to_republish_when_all_rights_are_reserved(self):
        make_identity(licence=Licence.ALL_RIGHTS_RESERVED)
        article = make_article(republishable=True)
        self.assertNotContains(self.client.get(article.get_absolute_url()), "Republish this article")


@override_settings(SITE_URL=SITE)
class FeedAndEmailTests(TestCase):
    def test_feeds_carry_the_name_and_licence(self):
        make_identity()
        make_article()
        feed = feedparser.parse(self.client.get("/feed/").content)
        self.assertEqual(feed.feed.title, "Frontera Abierta")
        self.assertEqual(feed.feed.rights, "CC BY-NC 4.0: https://creativecommons.org/licenses/by-nc/4.0/")
        spanish = feedparser.parse(self.client.get("/es/feed/").content)
        self.assertEqual(spanish.feed.rights, "CC BY-NC 4.0: https://creativecommons.org/licenses/by-nc/4.0/deed.es")

    def test_newsletter_e_mails_sign_with_the_name_and_postal_address(self):
        from donations.models import NewsletterList
        from tests.donations.newsletters.test_newsletters import sign_up

        make_identity(name_es="Frontera Abierta ES", postal_address="Apartado 1234\nCiudad de Guatemala")
        NewsletterList.objects.create(slug="weekly", name="Weekly", is_default=True)
        with self.captureOnCommitCallbacks(execute=True):
            response = sign_up(self.client, "/es/newsletter/")
        self.assertEqual(response.status_code, 303)
        (message,) = mail.outbox
        self.assertIn("Frontera Abierta ES\n", message.body)
        self.assertIn("Apartado 1234\nCiudad de Guatemala", message.body)
