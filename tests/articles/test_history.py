"""Every change to an article is recorded with who made it, shown in the admin, and can be restored;
two people saving the same article: the second is warned and never silently overwrites the first."""

from django.test import TestCase
from django.urls import reverse
from taggit.models import Tag

from articles import history
from articles.models import Article, ArticleLink
from articles.roles import assign_role
from tests.articles.admin.test_articles import article_form_data, change_url, changelist_url
from tests.factories import make_article, make_author, make_country, make_section, make_user


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
        self.assertContains(page, "<td>Luis Paz</td>", html=True)
        self.assertContains(page, "<td>Ana Ruiz</td>", html=True)
        self.assertContains(page, "Changed: Dek")
        self.assertContains(page, "Status (Published → Draft)")

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


def compare_url(article, older, newer):
    url = reverse("admin:articles_article_history_compare", args=[article.pk])
    return f"{url}?from={older.history_id}&to={newer.history_id}"


class WordDiffTests(TestCase):
    def test_words_removed_and_added_are_marked_and_everything_is_escaped(self):
        diff = history.word_diff("Gangs tax <the> night buses", "Gangs tax the city's <night> buses & vans")
        self.assertEqual(
            diff,
            "Gangs tax <del>&lt;the&gt;</del><ins>the</ins> <del>night</del><ins>city&#x27;s &lt;night&gt;</ins>"
            " buses<ins> &amp; vans</ins>",
        )

    def test_rich_text_is_compared_as_readers_read_it(self):
        old = history.readable_text(
            "<h2>The port</h2><p>Ships wait <strong>days</strong>.</p><ul><li>One</li></ul>"
            '<p><a href="https://a.example/">the ruling</a></p>',
            rich=True,
        )
        self.assertEqual(old, "## The port\n\nShips wait days.\n\n• One\n\nthe ruling [https://a.example/]")
        new = history.readable_text(
            '<h2>The port</h2><p>Ships wait weeks.</p><p><a href="https://b.example/">the ruling</a></p>', rich=True
        )
        diff = history.word_diff(old, new)
        # No element spans a paragraph break, so the output nests correctly whatever changed.
        self.assertIn("Ships wait <del>days.</del>\n\n<del>• One</del><ins>weeks.</ins>\n\n", diff)
        self.assertIn("the ruling <del>[https://a.example/]</del><ins>[https://b.example/]</ins>", diff)


class ReadableHistoryTests(HistoryTestCase):
    def setUp(self):
        self.client.force_login(self.ana)

    def save(self, article, **fields):
        article.refresh_from_db()
        return self.post_change(self.ana, article, token=article.updated_at.isoformat(), **fields)

    def test_two_versions_compared_word_by_word(self):
        article = make_article(section=self.section, title="Gangs tax the buses", body="<p>Drivers pay every week.</p>")
        self.save(
            article,
            title="Gangs tax the night buses",
            body="<p>Drivers pay twice a week.</p><p>New <b>paragraph</b>.</p>",
        )
        newer, older = article.history.all()[:2]

        page = self.client.get(compare_url(article, older, newer))

        self.assertContains(page, "Gangs tax the <ins>night </ins>buses", html=False)
        self.assertContains(page, "Drivers pay <del>every</del><ins>twice a</ins> week.", html=False)
        self.assertContains(page, "<ins>New paragraph.</ins>", html=False)
        self.assertNotContains(page, "&lt;b&gt;")
        # Either order of the two versions gives the same comparison, oldest first.
        reverse_order = self.client.get(compare_url(article, newer, older))
        self.assertEqual(reverse_order.context["older"], older)

    def test_the_history_names_byline_tag_country_link_and_correction_changes(self):
        article = make_article(section=self.section, title="Ports and cartels")
        other = make_article(section=self.section, title="The first port strike")
        ximena = make_author(name="Ximena Quiroga")
        extortion = Tag.objects.create(name="extortion", slug="extortion")
        guatemala = make_country(name="Guatemala")
        self.save(article)
        self.save(article)
        self.save(
            article,
            bylines=[(ximena, 0)],
            tags=[extortion],
            countries=[str(guatemala.pk)],
            links=[(other, ArticleLink.Kind.SEE_ALSO, 0)],
            corrections=["An earlier version misnamed the port."],
        )

        page = self.client.get(history_url(article))

        self.assertContains(page, '<span class="history-added">+ Ximena Quiroga</span>', html=True)
        self.assertContains(page, '<span class="history-added">+ extortion</span>', html=True)
        self.assertContains(page, '<span class="history-added">+ Guatemala</span>', html=True)
        self.assertContains(page, "+ SEE ALSO (in the body): The first port strike (after paragraph 1)")
        self.assertContains(page, "An earlier version misnamed the port.")
        # The save before changed nothing, and says so rather than showing an empty row.
        self.assertContains(page, "Saved with no changes.")

        article.tags.remove(extortion)
        self.save(article, countries=[str(guatemala.pk)])
        page = self.client.get(history_url(article))
        self.assertContains(page, '<span class="history-removed">− extortion</span>', html=True)

    def test_restoring_a_version_from_before_publication_keeps_the_article_live(self):
        article = make_article(section=self.section, published=False, title="First draft", body="<p>Draft text.</p>")
        self.save(article, _transition="publish", title="As published", body="<p>Published text.</p>")
        article.refresh_from_db()
        self.assertTrue(article.is_published)
        published = (article.status, article.publish_at, article.published_by, article.published_on)
        draft_version = article.history.earliest()
        self.assertEqual(draft_version.status, Article.Status.DRAFT)

        form = self.client.get(version_url(article, draft_version))
        self.assertContains(
            form, "Restoring never changes whether or when the article is published: it stays published."
        )
        data = article_form_data(
            section=self.section,
            title=draft_version.title,
            slug=draft_version.slug,
            body=draft_version.body,
            dek=draft_version.dek,
            edit_token=form.context["adminform"].form["edit_token"].value(),
            publish_at_0="",
            publish_at_1="",
        )
        response = self.client.post(version_url(article, draft_version), data)

        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertEqual((article.title, article.body), ("First draft", "<p>Draft text.</p>"))
        self.assertEqual((article.status, article.publish_at, article.published_by, article.published_on), published)
        self.assertTrue(article.is_published)
        self.client.logout()
        self.assertContains(self.client.get(article.get_absolute_url()), "Draft text.")
        self.assertIn("Restored the version of", article.history.first().history_change_reason)

    def test_restoring_a_published_version_never_publishes_a_draft(self):
        article = make_article(section=self.section, title="Went out too early")
        self.save(article, _transition="unpublish")
        article.refresh_from_db()
        live_version = article.history.earliest()
        self.assertEqual(live_version.status, Article.Status.PUBLISHED)

        form = self.client.get(version_url(article, live_version))
        data = article_form_data(
            section=self.section,
            title=live_version.title,
            slug=live_version.slug,
            body=live_version.body,
            dek=live_version.dek,
            edit_token=form.context["adminform"].form["edit_token"].value(),
        )
        self.client.post(version_url(article, live_version), data)

        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertFalse(article.is_published)

    def test_restoring_the_old_address_of_published_work_leaves_a_redirect(self):
        article = make_article(
            section=self.section, title="Gangs tax the buses", slug="gangs-tax-buses", published=False
        )
        self.save(article, _transition="publish", publish_at_0="", publish_at_1="")
        self.save(article, slug="gangs-tax-city-buses", confirm_slug_change="on")
        first = article.history.earliest()

        form = self.client.get(version_url(article, first))
        data = article_form_data(
            section=self.section,
            title=first.title,
            slug=first.slug,
            body=first.body,
            dek=first.dek,
            edit_token=form.context["adminform"].form["edit_token"].value(),
        )
        refused = self.client.post(version_url(article, first), data)
        self.assertIn("has been published at", str(refused.context["adminform"].form.errors["slug"]))

        self.client.post(version_url(article, first), {**data, "confirm_slug_change": "on"})
        article.refresh_from_db()
        self.assertEqual(article.slug, "gangs-tax-buses")
        self.client.logout()
        self.assertRedirects(
            self.client.get(article.get_absolute_url().replace("gangs-tax-buses", "gangs-tax-city-buses")),
            article.get_absolute_url(),
            status_code=301,
        )

    def test_the_history_in_spanish(self):
        article = make_article(section=self.section, title="Pandillas y buses", language="es")
        self.save(article, title="Pandillas y buses nocturnos", language="es")
        page = self.client.get(f"/es{history_url(article)}")
        self.assertContains(page, "Comparar las versiones elegidas")
        self.assertContains(page, "Cambió: Titular")
