"""The demo newsroom's old WordPress site (articles/demo/content/wordpress/, `make demo-wordpress`): it comes
in whole from its bundled files, in both languages, and its old addresses answer as docs/import.md says."""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from articles.models import Article, Image, LegacyAddress
from tests.factories import make_author, make_section

DEMO = Path(settings.BASE_DIR) / "articles" / "demo" / "content" / "wordpress"


class DemoArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # As after seed_demo: its sections and authors are the archive's.
        cls.investigations = make_section(name="Investigations", name_es="Investigaciones", slug="investigations")
        cls.valeria = make_author(name="Valeria Montoya Ríos", slug="valeria-montoya-rios")
        cls.output = io.StringIO()
        call_command(
            "import_wordpress", str(DEMO / "export.xml"), "--uploads", str(DEMO / "uploads"), stdout=cls.output
        )

    def test_comes_in_whole_from_the_bundled_files(self):
        output = self.output.getvalue()
        self.assertIn("Imported 7 posts", output)
        self.assertRegex(output, r"translation pairs:\s+3\n")
        self.assertRegex(output, r"pictures:\s+2\n")
        self.assertNotIn("Picture not fetched", output)
        self.assertEqual(Image.objects.count(), 2)
        self.assertEqual(Article.objects.filter(language="es").count(), 3)
        market = LegacyAddress.objects.get(path="/?p=812").article
        self.assertEqual(market.section, self.investigations)
        self.assertEqual(market.byline_authors, [self.valeria])
        self.assertEqual(market.lead_image.credit, "Newsroom archive")

    def test_the_addresses_that_the_docs_name(self):
        market = LegacyAddress.objects.get(path="/?p=812").article
        spanish = LegacyAddress.objects.get(path="/?p=813").article
        for old, new in (
            ("/2019/05/14/market-vendors-pay-twice/", market.get_absolute_url()),
            ("/?p=813", spanish.get_absolute_url()),
            ("/category/investigaciones/", "/es/news/investigations/"),
        ):
            self.assertRedirects(self.client.get(old), new, 301, fetch_redirect_response=False)
        self.assertEqual(self.client.get(market.get_absolute_url()).status_code, 200)
