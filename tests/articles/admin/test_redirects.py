"""The old site's addresses in the admin: listed with what they lead to, filtered, searched, added by hand."""

from django.test import TestCase
from django.urls import reverse

from articles.models import Article, LegacyAddress
from tests.factories import make_article, make_author, make_section, make_user

CHANGELIST = reverse("admin:articles_legacyaddress_changelist")
ADD = reverse("admin:articles_legacyaddress_add")


class LegacyAddressAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", is_staff=True, is_superuser=True)
        cls.article = make_article(title="Market vendors pay twice", slug="market-vendors")
        cls.draft = make_article(title="Collectors arrested", published=False)
        cls.section = make_section(name="Investigations", slug="investigations")
        LegacyAddress.objects.create(path="/2019/05/14/market-vendors/", article=cls.article)
        LegacyAddress.objects.create(path="/?p=1201", article=cls.draft)
        LegacyAddress.objects.create(path="/category/investigations/", section=cls.section)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_lists_each_address_with_what_it_leads_to(self):
        response = self.client.get(CHANGELIST)

        self.assertContains(response, "/2019/05/14/market-vendors")
        self.assertContains(response, f'<a href="{self.article.get_absolute_url()}">Market vendors pay twice</a>')
        self.assertContains(response, "Collectors arrested (not published)")
        self.assertContains(response, '<a href="/news/investigations/">Investigations</a>')

    def test_filters_by_target_and_searches(self):
        response = self.client.get(CHANGELIST, {"leads_to": "section"})
        self.assertContains(response, "/category/investigations")
        self.assertNotContains(response, "/2019/05/14/market-vendors")

        response = self.client.get(CHANGELIST, {"q": "market"})
        self.assertContains(response, "/2019/05/14/market-vendors")
        self.assertNotContains(response, "/category/investigations")

    def test_adds_one_by_hand_in_its_normal_form(self):
        author = make_author(name="Valeria Montoya Ríos", slug="valeria-montoya-rios")
        response = self.client.post(ADD, {"path": "/Author/vmontoya/", "author": author.pk, "language": "en"})

        self.assertRedirects(response, CHANGELIST)
        self.assertEqual(LegacyAddress.objects.get(author=author).path, "/author/vmontoya")
        self.assertRedirects(
            self.client.get("/author/vmontoya/"), author.get_absolute_url(), 301, fetch_redirect_response=False
        )

    def test_refuses_two_targets_with_the_error_on_the_form(self):
        response = self.client.post(
            ADD, {"path": "/old/", "article": self.article.pk, "section": self.section.pk, "language": "en"}
        )

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose exactly one of article, section, tag, author and image")
        self.assertEqual(response.context["adminform"].form["path"].value(), "/old/")
        self.assertFalse(LegacyAddress.objects.filter(path="/old").exists())
        self.assertEqual(Article.objects.count(), 2)
