"""Every change to an article is recorded with who made it, shown in the admin, and can be restored;
two people saving the same article: the second is warned and never silently overwrites the first."""

from django.test import TestCase
from django.urls import reverse

from articles.models import Article
from articles.roles import assign_role
from tests.articles.test_admin import article_form_data, change_url, changelist_url
from tests.factories import make_article, make_section, make_user


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def version_url(article, version):
    return reverse("admin:articles_article_simple_history", args=[article.pk, version.history_id])


class HistoryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section()
        cls.ana = make_user("ana", first_name="Ana", last_name="Ruiz")
        assign_role(cls.ana, "Editor")
        cls.luis = make_user("luis", first_name="Luis", last_name="Paz")
        assign_role(cls.luis, "Editor")

    def post_change(self, user, article, *, token, **fields):
        self.client.force_login(user)
        fields = {"title": article.title, "slug": article.slug, "edit_token": token, **fields}
        return self.client.post(change_url(article), article_form_data(section=self.section, **fields))


class HistoryTests(HistoryTestCase):
    def test_every_save_is_recorded_with_who_and_what_changed(self):
        article = make_article(section=self.section, title="Gangs tax the buses")
        self.post_change(self.ana, article, token=article.updated_at.isoformat(), dek="First dek.")
        article.refresh_from_db()
        self.post_change(self.luis, article, token=article.updated_at.isoformat(), _transition="unpublish")

        versions = list(article.history.all())
        self.assertEqual([v.history_user for v in versions[:2]], [self.luis, self.ana])
        self.assertEqual([v.status for v in versions[:2]], ["draft", "published"])
        self.assertEqual(versions[1].dek, "First dek.")

        page = self.client.get(history_url(article))
        self.assertContains(page, "luis")
        self.assertContains(page, "ana")
        self.assertContains(page, "First dek.")

    def test_an_earlier_version_is_restored(self):
        article = make_article(section=self.section, title="The first headline", body="<p>First text.</p>")
        self.post_change(
            self.ana,
            article,
            token=article.updated_at.isoformat(),
            title="A worse headline",
            body="<p>Worse text.</p>",
        )
        first = article.history.earliest()
        self.client.force_login(self.luis)

        form = self.client.get(version_url(article, first))
        self.assertContains(form, 'value="The first headline"')
        data = article_form_data(
            section=self.section,
            title=first.title,
            slug=first.slug,
            body=first.body,
            dek=first.dek,
            edit_token=form.context["adminform"].form["edit_token"].value(),
        )
        response = self.client.post(version_url(article, first), data)

        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertEqual((article.title, article.body), ("The first headline", "<p>First text.</p>"))
        self.assertEqual(article.history.first().history_user, self.luis)

    def test_a_writer_cannot_restore_a_version_of_published_work(self):
        writer = make_user("writer")
        assign_role(writer, "Writer")
        article = make_article(section=self.section, title="Published headline", created_by=writer)
        self.post_change(self.ana, article, token=article.updated_at.isoformat(), title="Edited by the desk")
        first = article.history.earliest()
        self.client.force_login(writer)

        article.refresh_from_db()
        self.assertNotContains(self.client.get(version_url(article, first)), 'value="Revert"')
        data = article_form_data(
            section=self.section,
            title="Published headline",
            slug=article.slug,
            edit_token=article.updated_at.isoformat(),
        )
        response = self.client.post(version_url(article, first), data)

        self.assertEqual(response.status_code, 403)
        article.refresh_from_db()
        self.assertEqual(article.title, "Edited by the desk")


class EditConflictTests(HistoryTestCase):
    def test_the_second_of_two_editors_is_warned_and_overwrites_nothing(self):
        article = make_article(section=self.section, title="Original headline")
        # Both open the article.
        opened = article.updated_at.isoformat()

        first = self.post_change(self.ana, article, token=opened, title="Ana's headline")
        self.assertRedirects(first, changelist_url(Article), fetch_redirect_response=False)

        second = self.post_change(self.luis, article, token=opened, title="Luis's headline")

        self.assertEqual(second.status_code, 200)
        errors = second.context["adminform"].form.non_field_errors()
        self.assertEqual(len(errors), 1)
        self.assertIn("Ana Ruiz saved this article at", errors[0])
        self.assertIn("Your changes are not saved yet", errors[0])
        # What Luis typed is still in the form, and Ana's version is what is stored.
        self.assertContains(second, 'value="Luis&#x27;s headline"')
        article.refresh_from_db()
        self.assertEqual(article.title, "Ana's headline")

        # Having seen the warning, saving again replaces Ana's version on purpose.
        new_token = second.context["adminform"].form["edit_token"].value()
        self.assertEqual(new_token, article.updated_at.isoformat())
        third = self.post_change(self.luis, article, token=new_token, title="Luis's headline")
        self.assertRedirects(third, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertEqual(article.title, "Luis's headline")

    def test_a_form_without_the_stamp_is_refused_too(self):
        article = make_article(section=self.section, title="Original headline")
        response = self.post_change(self.ana, article, token="", title="Blind save")
        self.assertEqual(response.status_code, 200)
        article.refresh_from_db()
        self.assertEqual(article.title, "Original headline")
