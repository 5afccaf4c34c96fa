"""Old addresses of the site the newsroom came from answer with a 301 to their new ones (LegacyAddress)."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from articles.models import LegacyAddress
from articles.wordpress.importer import WordPressImport
from tests.articles.wordpress.old_site import EXPORT, OldSite, OldSiteFetcher
from tests.factories import make_article, make_section


def by_post(post_id):
    return LegacyAddress.objects.get(path=f"/?p={post_id}").article


class OldAddressTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.old_site = OldSite().start()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.old_site.stop()

    @classmethod
    def setUpTestData(cls):
        WordPressImport(EXPORT, fetcher=OldSiteFetcher(cls.old_site.origin)).run()

    def assertMovedTo(self, old, new):
        response = self.client.get(old)
        self.assertEqual(response.status_code, 301, old)
        self.assertEqual(response["Location"], new)
        self.assertIn("max-age=86400", response["Cache-Control"])
        self.assertIn("public", response["Cache-Control"])

    def test_an_old_permalink_answers_301_to_the_imported_article(self):
        article = by_post(101)
        self.assertMovedTo("/2024/03/12/bus-drivers-pay-gangs/", "/news/investigations/bus-drivers-pay-gangs/")
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)
        # Without its final slash, in other letters, with a tracking parameter: the same address.
        self.assertMovedTo("/2024/03/12/Bus-Drivers-Pay-Gangs", article.get_absolute_url())
        self.assertMovedTo("/2024/03/12/bus-drivers-pay-gangs/?utm_source=x", article.get_absolute_url())
        # A percent-encoded permalink.
        self.assertMovedTo("/2024/03/14/plata-o-plomo-la-eleccion-del-due%C3%B1o/", by_post(113).get_absolute_url())

    def test_numbered_addresses_answer_on_the_front_page(self):
        self.assertMovedTo("/?p=101", "/news/investigations/bus-drivers-pay-gangs/")
        self.assertMovedTo("/index.php?p=105", by_post(105).get_absolute_url())
        self.assertMovedTo("/es/?p=102", "/es/news/investigations/choferes-pagan-a-pandillas/")
        self.assertMovedTo("/?cat=3", "/news/investigations/")
        self.assertMovedTo("/?tag=extortion", "/tags/extortion/")
        self.assertMovedTo("/?author=2", "/authors/maria-lopez/")

    def test_spanish_permalinks_lead_to_the_spanish_site(self):
        self.assertMovedTo(
            "/es/2024/03/12/choferes-pagan-a-pandillas/", "/es/news/investigations/choferes-pagan-a-pandillas/"
        )

    def test_category_tag_and_author_pages(self):
        self.assertMovedTo("/category/investigations/", "/news/investigations/")
        self.assertMovedTo("/category/investigaciones/", "/es/news/investigations/")
        self.assertMovedTo("/es/category/investigaciones/", "/es/news/investigations/")
        # A child category's page, by its full path: kept as a tag here (its post's section is another).
        self.assertMovedTo("/category/news/transport/", "/tags/transport/")
        self.assertMovedTo("/tag/extortion/", "/tags/extortion/")
        self.assertMovedTo("/tag/extorsion/", "/es/tags/extorsion/")
        self.assertMovedTo("/author/mlopez/", "/authors/maria-lopez/")

    def test_a_picture_file_leads_to_the_library_copy(self):
        lead = by_post(101).lead_image
        self.assertMovedTo("/wp-content/uploads/2024/03/bus-depot.jpg", lead.file.url)

    def test_unpublished_and_unknown_addresses_stay_404(self):
        # Password-protected on the old site: a draft here, so its old address says nothing.
        self.assertEqual(self.client.get("/2024/03/12/sources-list/").status_code, 404)
        self.assertEqual(self.client.get("/2019/01/01/never-existed/").status_code, 404)
        # Not imported (a French post).
        self.assertEqual(self.client.get("/fr/2024/03/12/chauffeurs-paient/").status_code, 404)
        # A draft's number shows the front page, as for any unknown parameter.
        response = self.client.get("/?p=104")
        self.assertEqual(response.status_code, 200)

    def test_the_redirect_follows_the_article_when_it_moves(self):
        article = by_post(105)
        article.section = make_section(name="Analysis", slug="analysis")
        article.slug = "extortion-ledgers"
        article.save()

        self.assertMovedTo("/2024/03/05/the-ledgers/", "/news/analysis/extortion-ledgers/")

    def test_an_unpublished_article_stops_answering(self):
        article = by_post(114)
        article.status = article.Status.DRAFT
        article.save()

        self.assertEqual(self.client.get("/2024/03/15/transport-strike-called-off/").status_code, 404)

    def test_reader_pages_pay_nothing(self):
        """Only a 404 or a numbered address on the front page looks an old address up."""
        article = make_article(title="Published here")
        self.client.get(article.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            self.client.get(article.get_absolute_url())
            self.client.get("/?utm_source=newsletter")
        self.assertFalse([query for query in queries if "legacyaddress" in query["sql"]])
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/2019/01/01/never-existed/")
        self.assertEqual(len([query for query in queries if "legacyaddress" in query["sql"]]), 1)

    def test_only_reading_is_redirected(self):
        self.assertEqual(self.client.post("/2024/03/12/bus-drivers-pay-gangs/").status_code, 404)
