"""The demo newsroom's identity and pages, read from articles/demo/content/."""

from django.test import TestCase, override_settings

from articles.demo.site import demo_pages, seed_site
from articles.models import Licence, Page, SiteIdentity


@override_settings(NEWSROOM_NAME="Newsroom")
class DemoSiteTests(TestCase):
    def test_every_page_the_issue_asks_for_is_written_in_both_languages(self):
        pages = demo_pages("Newsroom")
        self.assertEqual(
            {page["kind"] for page in pages},
            {"about", "team", "contact", "privacy", "ethics", "corrections", "funding", "republishing"},
        )
        for page in pages:
            with self.subTest(page=page["slug"]):
                for field in ("title", "summary", "body", "title_es", "summary_es", "body_es"):
                    self.assertTrue(page[field], field)
                self.assertNotIn("{newsroom}", page["body"] + page["body_es"])

    def test_seeding_sets_the_identity_and_publishes_the_pages_and_can_run_again(self):
        self.assertEqual(seed_site(newsroom="Newsroom"), 8)
        identity = SiteIdentity.objects.get()
        self.assertEqual(identity.name, "Newsroom")
        self.assertEqual(identity.legal_name, "Newsroom Foundation, Inc.")
        self.assertEqual(identity.licence, Licence.CC_BY_NC)
        self.assertEqual(identity.postal_address.splitlines()[-1], "Colombia")
        self.assertTrue(identity.tagline_es)
        self.assertEqual((identity.logo_width, identity.logo_height), (480, 120))
        self.assertGreaterEqual(len(identity.social_accounts), 5)
        self.assertEqual(Page.objects.published("es").count(), 8)
        logo = identity.logo.name

        Page.objects.filter(slug="about").update(title="Changed by hand")
        seed_site(newsroom="Newsroom")
        self.assertEqual(Page.objects.count(), 8)
        self.assertEqual(Page.objects.get(slug="about").title, "About us")
        self.assertEqual(SiteIdentity.objects.get().logo.name, logo)

    def test_the_demo_pages_answer_in_both_languages(self):
        seed_site(newsroom="Newsroom")
        for path in ("/about/", "/es/about/", "/team/", "/contact/", "/es/privacy/", "/corrections-policy/"):
            with self.subTest(path=path):
                self.assertEqual(self.client.get(path).status_code, 200)
