"""Previews: staff see any article on the public template, marked, noindex and never cached; others
get a 404. Signed preview links show one article to someone without an account until they expire or
are revoked."""

from datetime import timedelta

from django.core import signing
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, PreviewLink
from articles.roles import assign_role
from tests.articles.admin.test_articles import article_form_data, change_url
from tests.factories import make_article, make_user


def preview_url(article):
    return reverse("articles:article-preview", args=[article.pk])


class StaffPreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.draft = make_article(title="Ports and cartels", published=False, body="<p>Draft text.</p>")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")

    def assert_preview(self, response, banner):
        self.assertContains(response, "Ports and cartels")
        self.assertContains(response, "Draft text.")
        self.assertContains(response, banner)
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">', html=True)
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")

    def test_staff_see_a_draft_on_the_public_template(self):
        self.client.force_login(self.writer)
        response = self.client.get(preview_url(self.draft))
        self.assertTemplateUsed(response, "articles/article_detail.html")
        self.assert_preview(response, "draft; readers cannot see it.")
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)

    def test_a_scheduled_article_says_when_it_goes_out(self):
        later = make_article(title="Ports and cartels", body="<p>Draft text.</p>")
        Article.objects.filter(pk=later.pk).update(publish_at=timezone.now() + timedelta(days=1))
        self.client.force_login(self.writer)
        self.assert_preview(self.client.get(preview_url(later)), "readers cannot see it yet.")

    def test_anyone_else_gets_a_404(self):
        fundraiser = make_user("fundraiser")
        assign_role(fundraiser, "Fundraising")
        reader = make_user("reader")
        for user in (None, reader, fundraiser):
            with self.subTest(user=user):
                self.client.logout()
                if user:
                    self.client.force_login(user)
                response = self.client.get(preview_url(self.draft))
                self.assertEqual(response.status_code, 404)
                self.assertNotContains(response, "Ports and cartels", status_code=404)

    def test_the_change_form_links_to_the_preview(self):
        self.client.force_login(self.writer)
        self.assertContains(self.client.get(change_url(self.draft)), f'href="{preview_url(self.draft)}"')


class SharedPreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.draft = make_article(title="Ports and cartels", published=False, body="<p>Draft text.</p>")
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")

    def make_link(self, **fields):
        return PreviewLink.objects.create(article=self.draft, note="Marta, translator", **fields)

    def test_an_editor_makes_a_link_in_the_article_form(self):
        self.client.force_login(self.editor)
        data = article_form_data(
            section=self.draft.section,
            title=self.draft.title,
            slug=self.draft.slug,
            body=self.draft.body,
            edit_token=self.draft.updated_at.isoformat(),
            **{
                "preview_links-TOTAL_FORMS": "1",
                "preview_links-0-note": "Partner newsroom, embargo to Monday",
                "preview_links-0-expires_at_0": (timezone.now() + timedelta(days=3)).date().isoformat(),
                "preview_links-0-expires_at_1": "12:00:00",
            },
        )
        self.client.post(change_url(self.draft), data)

        link = PreviewLink.objects.get()
        self.assertEqual(link.created_by, self.editor)
        page = self.client.get(change_url(self.draft))
        self.assertContains(page, link.get_absolute_url())
        self.client.logout()
        self.assertContains(self.client.get(link.get_absolute_url()), "Draft text.")

    def test_a_link_longer_than_allowed_is_refused(self):
        link = PreviewLink(article=self.draft, note="x", expires_at=timezone.now() + timedelta(days=45))
        with self.assertRaisesMessage(Exception, "A preview link lasts at most 30 days."):
            link.full_clean()

    def test_someone_without_an_account_sees_the_draft(self):
        response = self.client.get(self.make_link().get_absolute_url())
        self.assertContains(response, "Draft text.")
        self.assertContains(response, "a confidential draft, not published.")
        self.assertNotContains(response, "Edit in the admin")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")

    def test_the_same_link_has_the_same_address(self):
        link = self.make_link()
        self.assertEqual(link.get_absolute_url(), PreviewLink.objects.get().get_absolute_url())

    def test_revoked_expired_forged_and_tampered_links_get_a_404(self):
        revoked = self.make_link(revoked=True)
        expired = self.make_link(expires_at=timezone.now() - timedelta(minutes=1))
        good = self.make_link()
        token = good.token
        forged = signing.dumps(good.pk, salt="another-salt")
        tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        other = token.replace(token.split(":")[0], signing.b64_encode(b"999").decode(), 1)
        for url in (
            revoked.get_absolute_url(),
            expired.get_absolute_url(),
            reverse("articles:article-shared-preview", args=[forged]),
            reverse("articles:article-shared-preview", args=[tampered]),
            reverse("articles:article-shared-preview", args=[other]),
        ):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_a_token_older_than_the_longest_link_is_refused(self):
        link = self.make_link(
            created_at=timezone.now() - timedelta(days=31), expires_at=timezone.now() + timedelta(days=1)
        )
        self.assertEqual(self.client.get(link.get_absolute_url()).status_code, 404)
