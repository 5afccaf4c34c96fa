"""The desk through the admin over HTTP: the dashboard of headlines, the e-mails of the workflow in each
recipient's language, the article list for writers, and unpublishing asked about first."""

from datetime import timedelta

from django.core import mail
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles import desk
from articles.models import Article
from articles.roles import assign_role
from tests.articles.admin.test_articles import article_form_data, change_url, changelist_url
from tests.factories import make_article, make_author, make_section, make_user


class DeskTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs")
        cls.writer = make_user("writer", first_name="Ana", last_name="Ruiz", email="ana@newsroom.example")
        assign_role(cls.writer, "Writer")
        cls.ana = make_author(name="Ana Ruiz", user=cls.writer)
        cls.editor = make_user("editor", first_name="Luis", last_name="Paz", email="luis@newsroom.example")
        assign_role(cls.editor, "Editor")

    def post_change(self, user, article, **fields):
        self.client.force_login(user)
        fields = {"title": article.title, "slug": article.slug, "edit_token": article.updated_at.isoformat(), **fields}
        return self.client.post(change_url(article), article_form_data(section=self.section, **fields))

    def draft(self, **fields):
        fields.setdefault("section", self.section)
        fields.setdefault("created_by", self.writer)
        return make_article(published=False, **fields)


class DashboardTests(DeskTestCase):
    def test_the_index_shows_headlines_with_who_and_when(self):
        now = timezone.now()
        waiting = self.draft(title="Gangs tax the night buses", status=Article.Status.IN_REVIEW, authors=[self.ana])
        Article.objects.filter(pk=waiting.pk).update(
            status_changed_by=self.writer, status_changed_at=now - timedelta(hours=3)
        )
        make_article(
            section=self.section,
            title="Port strike next week",
            publish_at=now + timedelta(days=1),
            published_by=self.editor,
        )
        make_article(section=self.section, title="Cartel leader extradited", published_by=self.editor)
        make_article(
            section=self.section,
            title="The customs chief on the cartel's payroll",
            status=Article.Status.EMBARGOED,
            publish_at=now + timedelta(days=2),
            published_by=self.editor,
        )
        make_article(section=self.section, title="An old story", publish_at=now - timedelta(days=40))
        stale = self.draft(title="Forgotten prison draft")
        Article.objects.filter(pk=stale.pk).update(updated_at=now - timedelta(days=30))
        self.draft(title="Fresh idea")
        self.client.force_login(self.editor)

        index = self.client.get(reverse("admin:index"))

        blocks = {block.key: [article.title for article in block.items] for block in index.context["blocks"]}
        self.assertEqual(blocks["in-review"], ["Gangs tax the night buses"])
        self.assertEqual(blocks["scheduled"], ["Port strike next week"])
        self.assertEqual(blocks["under-embargo"], ["The customs chief on the cartel's payroll"])
        self.assertEqual(blocks["recently-published"], ["Cartel leader extradited"])
        self.assertEqual(blocks["stale-drafts"], ["Forgotten prison draft"])
        self.assertContains(
            index,
            f'<a class="desk-item__headline" href="{change_url(waiting)}">Gangs tax the night buses</a>',
            html=True,
        )
        self.assertContains(index, "submitted by Ana Ruiz")
        self.assertContains(index, "3\xa0hours ago")
        self.assertContains(index, "scheduled by Luis Paz")
        self.assertContains(index, "published by Luis Paz")
        self.assertContains(index, "drafted by Ana Ruiz, untouched since")
        self.assertNotContains(index, "An old story")
        self.assertNotContains(index, "Fresh idea")
        self.assertContains(index, "embargoed by Luis Paz")
        self.assertContains(index, "Times in UTC")
        self.assertContains(index, f'href="{reverse("admin:articles_article_calendar")}"')

    def test_see_all_leads_to_the_same_articles_in_the_list(self):
        stale = self.draft(title="Forgotten prison draft")
        Article.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(days=30))
        self.draft(title="Fresh idea")
        self.client.force_login(self.editor)

        listing = self.client.get(changelist_url(Article), {"activity": "stale"})

        self.assertContains(listing, "Forgotten prison draft")
        self.assertNotContains(listing, "Fresh idea")

    def test_a_writer_sees_their_own_drafts(self):
        self.draft(title="Ana's own draft")
        self.draft(title="Somebody else's", created_by=self.editor)
        self.client.force_login(self.writer)
        blocks = {block.key: block for block in self.client.get(reverse("admin:index")).context["blocks"]}
        self.assertEqual([a.title for a in blocks["my-drafts"].items], ["Ana's own draft"])

    def test_another_app_adds_a_block(self):
        def translations(request):
            return desk.Block(key="translations", title="Translations", items=[], empty="Nothing to translate.")

        desk.register(translations)
        try:
            self.client.force_login(self.editor)
            index = self.client.get(reverse("admin:index"))
        finally:
            desk._blocks.remove(translations)
        self.assertContains(index, 'id="desk-translations"')
        self.assertContains(index, "Nothing to translate.")

    def test_the_dashboard_in_spanish(self):
        self.draft(title="Pandillas cobran a los buses", status=Article.Status.IN_REVIEW)
        self.client.force_login(self.editor)
        index = self.client.get("/es/admin/")
        self.assertContains(index, "En revisión")
        self.assertContains(index, "Borradores olvidados")
        self.assertContains(index, "Pandillas cobran a los buses")

    def test_query_count_does_not_grow_with_headlines(self):
        """Guards against one query per headline for its section, people or byline.

        Session, user, the user's two permission lookups, one query per article block (six), the bylines
        of the one block with headlines, the translation counts, and the admin's recent actions.
        """
        self.client.force_login(self.editor)
        for number in range(2):
            self.draft(title=f"Review {number}", status=Article.Status.IN_REVIEW, authors=[self.ana])
        self.client.get(reverse("admin:index"))
        with self.assertNumQueries(13):
            self.client.get(reverse("admin:index"))
        for number in range(6):
            self.draft(title=f"More {number}", status=Article.Status.IN_REVIEW, authors=[make_author()])
        with self.assertNumQueries(13):
            self.client.get(reverse("admin:index"))


class WorkflowEmailTests(DeskTestCase):
    def test_submitting_tells_the_editors_in_their_language(self):
        spanish_editor = make_user("marta", first_name="Marta", email="marta@newsroom.example")
        assign_role(spanish_editor, "Editor")
        make_author(name="Marta Gil", user=spanish_editor, email_language="es")
        make_user("quiet-editor", email="")
        article = self.draft(title="Gangs tax the night buses", dek="Drivers pay twice a week.")

        with self.captureOnCommitCallbacks(execute=True):
            self.post_change(self.writer, article, _transition="submit", dek="Drivers pay twice a week.")

        by_address = {message.to[0]: message for message in mail.outbox}
        self.assertEqual(set(by_address), {"luis@newsroom.example", "marta@newsroom.example"})
        english = by_address["luis@newsroom.example"]
        self.assertEqual(english.subject, "For review: “Gangs tax the night buses”")
        self.assertIn("Ana Ruiz submitted “Gangs tax the night buses” for review.", english.body)
        self.assertIn(f"http://127.0.0.1:8000/admin/articles/article/{article.pk}/change/", english.body)
        spanish = by_address["marta@newsroom.example"]
        self.assertEqual(spanish.subject, "Para revisar: «Gangs tax the night buses»")
        self.assertIn("Ana Ruiz envió «Gangs tax the night buses» a revisión.", spanish.body)
        self.assertIn(f"http://127.0.0.1:8000/es/admin/articles/article/{article.pk}/change/", spanish.body)

    def test_returning_and_publishing_tell_the_writer(self):
        article = self.draft(title="Gangs tax the night buses", status=Article.Status.IN_REVIEW)

        with self.captureOnCommitCallbacks(execute=True):
            self.post_change(self.editor, article, _transition="return")
        self.assertEqual([m.to for m in mail.outbox], [["ana@newsroom.example"]])
        self.assertEqual(mail.outbox[0].subject, "Returned to draft: “Gangs tax the night buses”")
        self.assertIn("Luis Paz returned", mail.outbox[0].body)

        article.refresh_from_db()
        Article.objects.filter(pk=article.pk).update(status=Article.Status.IN_REVIEW)
        article.refresh_from_db()
        with self.captureOnCommitCallbacks(execute=True):
            self.post_change(self.editor, article, _transition="publish", publish_at_0="", publish_at_1="")
        published = mail.outbox[-1]
        self.assertEqual(published.subject, "Published: “Gangs tax the night buses”")
        self.assertIn(f"http://127.0.0.1:8000{article.get_absolute_url()}", published.body)

    def test_embargoing_tells_the_writer_when_it_lifts(self):
        article = self.draft(title="The customs chief on the cartel's payroll", status=Article.Status.IN_REVIEW)
        with self.captureOnCommitCallbacks(execute=True):
            self.post_change(
                self.editor, article, _transition="embargo", publish_at_0="2031-01-15", publish_at_1="06:00:00"
            )
        self.assertEqual(mail.outbox[0].to, ["ana@newsroom.example"])
        self.assertEqual(mail.outbox[0].subject, "Under embargo: “The customs chief on the cartel's payroll”")
        self.assertIn("under embargo until Jan. 15, 2031, 6 a.m. (UTC)", mail.outbox[0].body)

    def test_a_spanish_article_writes_to_a_writer_without_a_preference_in_spanish(self):
        article = self.draft(title="Pandillas cobran a los buses", language="es", status=Article.Status.IN_REVIEW)
        with self.captureOnCommitCallbacks(execute=True):
            self.post_change(self.editor, article, _transition="return", language="es")
        self.assertEqual(mail.outbox[0].subject, "Devuelto a borrador: «Pandillas cobran a los buses»")
        self.assertEqual(mail.outbox[0].extra_headers["Content-Language"], "es")

    def test_nobody_is_told_of_their_own_move(self):
        article = self.draft(status=Article.Status.IN_REVIEW)
        with self.captureOnCommitCallbacks(execute=True):
            self.post_change(self.writer, article, _transition="return")
        self.assertEqual(mail.outbox, [])

    @override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_PORT=1, EMAIL_TIMEOUT=1)
    def test_a_mail_server_that_fails_never_undoes_the_move(self):
        article = self.draft()
        with self.assertLogs("articles.notifications", "ERROR"), self.captureOnCommitCallbacks(execute=True):
            response = self.post_change(self.writer, article, _transition="submit")
        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)


class ArticleListTests(DeskTestCase):
    def test_a_writers_own_pieces_come_first(self):
        theirs = make_article(section=self.section, title="Newest, by the desk", created_by=self.editor)
        signed = make_article(
            section=self.section,
            title="Signed by Ana",
            authors=[self.ana],
            publish_at=timezone.now() - timedelta(days=9),
        )
        own = self.draft(title="Ana's draft")
        self.client.force_login(self.writer)

        response = self.client.get(changelist_url(Article))

        titles = [article.title for article in response.context["cl"].result_list]
        self.assertEqual(set(titles[:2]), {signed.title, own.title})
        self.assertEqual(titles[2], theirs.title)
        self.assertContains(response, '<span class="mine-badge">yours</span>')
        # Editors get the usual order: newest first.
        self.client.force_login(self.editor)
        titles = [a.title for a in self.client.get(changelist_url(Article)).context["cl"].result_list]
        self.assertEqual(titles[0], theirs.title)

    def test_the_list_says_which_time_zone_its_times_are_in(self):
        make_article(section=self.section)
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(changelist_url(Article)), "Publish time (UTC)")


class UnpublishConfirmationTests(DeskTestCase):
    def test_the_change_form_asks_before_unpublishing(self):
        article = make_article(section=self.section, title="Cartel leader extradited")
        url = reverse("admin:articles_article_unpublish", args=[article.pk])
        self.client.force_login(self.editor)

        asked = self.client.get(url)

        self.assertContains(asked, "Are you sure you want to unpublish this article?")
        self.assertContains(asked, article.get_absolute_url())
        article.refresh_from_db()
        self.assertTrue(article.is_published)

        response = self.client.post(url)

        self.assertRedirects(response, change_url(article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertEqual(article.history.first().history_user, self.editor)

    def test_writers_cannot_unpublish_even_by_posting(self):
        article = make_article(section=self.section, created_by=self.writer)
        self.client.force_login(self.writer)
        url = reverse("admin:articles_article_unpublish", args=[article.pk])
        self.assertEqual(self.client.post(url).status_code, 403)
        article.refresh_from_db()
        self.assertTrue(article.is_published)
