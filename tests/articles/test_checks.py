"""Checks before publishing: each check on its own, then through the admin over HTTP (shown on the change
form, enforced on publish and schedule, overridden by an editor, and the list actions obeying them)."""

from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone, translation

from articles import checks
from articles.models import Article
from articles.roles import assign_role
from articles.services import pair_translations
from tests.articles.admin.test_articles import article_form_data, change_url, changelist_url
from tests.factories import make_article, make_image, make_section, make_user

LONG_BODY = "<p>" + "Prosecutors say the network moved cocaine through the port. " * 20 + "</p>"


def codes(article, **kwargs):
    return [problem.code for problem in checks.run(article, **kwargs)]


class CheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", slug="briefs", minimum_words=100)

    def article(self, **fields):
        fields.setdefault("section", self.section)
        fields.setdefault("body", LONG_BODY)
        return make_article(published=False, **fields)

    def test_a_good_article_passes(self):
        self.assertEqual(codes(self.article(lead_image=make_image())), [])

    def test_images_without_alt_text(self):
        described = make_image(alt_text="Police at the port")
        undescribed = make_image(alt_text="")
        body = (
            f'<p>{LONG_BODY}</p><img src="/a.jpg"><img src="/b.jpg" alt="  "><img src="/c.jpg" alt="A ship">'
            f'<figure data-image="{described.pk}"></figure><figure data-image="{undescribed.pk}"></figure>'
            '<figure data-image="999999"></figure>'
        )
        # Checked as typed, before the sanitizer has had its say on save (inline figures come from the
        # editor's image library; an <img> pasted from elsewhere is judged too).
        article = Article(
            section=self.section, title="Port", dek="A dek.", body=body, lead_image=make_image(alt_text="")
        )
        problems = checks.run(article)
        self.assertEqual([p.code for p in problems], ["lead-image-alt", "inline-image-alt"])
        self.assertEqual(problems[1].message, "4 images in the text have no alt text.")
        self.assertFalse(any(problem.overridable for problem in problems))

    def test_a_spanish_article_wants_spanish_alt_text(self):
        image = make_image(alt_text="Police at the port")
        self.assertEqual(codes(self.article(language="es", lead_image=image)), ["lead-image-alt-es"])
        image.alt_text_es = "Policías en el puerto"
        image.save()
        self.assertEqual(codes(self.article(language="es", lead_image=image)), [])

    def test_headings_out_of_order(self):
        cases = [
            ("<h2>A</h2><h3>B</h3><h2>C</h2><h3>D</h3><h4>E</h4>", "", []),
            ("<h3>Starts too deep</h3>", "", ["heading-order"]),
            ("<h2>A</h2><h4>Skips a level</h4>", "", ["heading-order"]),
            ("<h2>A</h2>", "<h3>Under the analysis heading</h3>", []),
            ("<h2>A</h2>", "<h4>Skips under the analysis heading</h4>", ["heading-order"]),
        ]
        for body, analysis, expected in cases:
            with self.subTest(body=body, analysis=analysis):
                article = self.article(body=body + LONG_BODY, analysis=analysis)
                self.assertEqual(codes(article), expected)

    def test_empty_and_vague_links(self):
        body = (
            LONG_BODY + '<p><a href="https://a.example/"> </a> and <a href="https://b.example/">Click here</a>, '
            '<a href="https://c.example/">the court ruling</a>.</p>'
        )
        analysis = (
            '<p>Lea el informe <a href="https://d.example/">aquí</a> o '
            '<a href="https://e.example/">haga clic para verlo</a>.</p>'
        )
        problems = checks.run(self.article(body=body, analysis=analysis))
        self.assertEqual([p.code for p in problems], ["empty-link", "vague-link", "vague-link"])
        self.assertFalse(problems[0].overridable)
        self.assertIn("“Click here”", problems[1].message)
        self.assertIn("“aquí”, “haga clic para verlo”", problems[2].message)

    def test_missing_dek(self):
        problems = checks.run(self.article(dek=""))
        self.assertEqual([p.code for p in problems], ["missing-dek"])
        self.assertTrue(problems[0].overridable)

    def test_body_too_short_for_its_section(self):
        article = self.article(body="<p>Only a few words here.</p>")
        problems = checks.run(article)
        self.assertEqual([p.code for p in problems], ["short-body"])
        self.assertEqual(problems[0].message, "The body has 5 words; Briefs usually run to at least 100.")
        # A section without a minimum never flags length.
        self.assertEqual(codes(self.article(body="<p>Short.</p>", section=make_section())), [])

    def test_translation_wanted_by_section(self):
        english = self.article()
        self.assertEqual(codes(english), [])
        with override_settings(TRANSLATION_REQUIRED_SECTIONS=["briefs"]):
            self.assertEqual(codes(english), ["missing-translation"])
            spanish = self.article(language="es", slug="la-version")
            # What a form is about to pair it with counts, before it is saved.
            self.assertEqual(codes(english, translation=spanish), [])
            pair_translations(article=english, translation=spanish)
            self.assertEqual(codes(english), [])
        with override_settings(TRANSLATION_REQUIRED_SECTIONS=["*"]):
            self.assertEqual(codes(self.article(section=make_section())), ["missing-translation"])

    def test_messages_in_spanish(self):
        article = self.article(dek="", body="<p>Pocas palabras.</p>")
        with translation.override("es"):
            messages = [problem.message for problem in checks.run(article)]
            names = [str(problem.check.name) for problem in checks.run(article)]
        self.assertEqual(names, ["Resumen (dek)", "Extensión"])
        self.assertIn("No hay resumen", messages[0])
        self.assertIn("El cuerpo tiene 2 palabras", messages[1])


class AdminCheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", slug="briefs", minimum_words=100)
        cls.editor = make_user("editor", first_name="Luis", last_name="Paz")
        assign_role(cls.editor, "Editor")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")

    def draft(self, **fields):
        fields.setdefault("section", self.section)
        return make_article(published=False, status=Article.Status.IN_REVIEW, created_by=self.writer, **fields)

    def post(self, user, article, **fields):
        self.client.force_login(user)
        fields = {
            "title": article.title,
            "slug": article.slug,
            "dek": article.dek,
            "body": article.body,
            "edit_token": article.updated_at.isoformat(),
            "publish_at_0": "",
            "publish_at_1": "",
            **fields,
        }
        return self.client.post(change_url(article), article_form_data(section=self.section, **fields))

    def test_the_change_form_shows_the_checks(self):
        article = self.draft(dek="", body='<p>Too short, <a href="https://x.example/">click here</a>.</p>')
        self.client.force_login(self.editor)

        response = self.client.get(change_url(article))

        self.assertContains(response, "Checks before publishing")
        self.assertContains(response, '<li class="publishing-check publishing-check--warning" data-code="missing-dek">')
        self.assertContains(response, "Link text that does not say where it goes in the body: “click here”.")
        self.assertContains(response, "The body has 4 words; Briefs usually run to at least 100.")
        self.assertContains(response, 'name="override_checks"')
        # A writer sees the same problems, and no way to publish past them.
        self.client.force_login(self.writer)
        response = self.client.get(change_url(article))
        self.assertContains(response, 'data-code="missing-dek"')
        self.assertNotContains(response, 'name="override_checks"')

    def test_a_clean_article_says_so(self):
        article = self.draft(body=LONG_BODY)
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(change_url(article)), "All checks pass")

    def test_publishing_is_refused_until_fixed_or_overridden(self):
        article = self.draft(body="<p>Five words and no more.</p>")

        refused = self.post(self.editor, article, _transition="publish", title="A sharper headline")

        self.assertEqual(refused.status_code, 200)
        self.assertIn("Not published yet", str(refused.context["adminform"].form.non_field_errors()))
        # What was typed is kept, and the problems of the typed version are listed.
        self.assertContains(refused, 'value="A sharper headline"')
        self.assertContains(refused, 'data-code="short-body"')
        stored = Article.objects.get(pk=article.pk)
        self.assertEqual((stored.status, stored.title), (Article.Status.IN_REVIEW, article.title))

        # Fixing what was typed is enough.
        fixed = self.post(self.editor, article, _transition="publish", body=LONG_BODY)
        self.assertRedirects(fixed, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertTrue(article.is_published)

    def test_an_editor_overrides_a_warning_and_the_history_says_so(self):
        article = self.draft(body="<p>Five words and no more.</p>", dek="")

        response = self.post(self.editor, article, _transition="publish", override_checks="on")

        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertTrue(article.is_published)
        self.assertEqual(
            article.history.first().history_change_reason, "Published despite the checks: Summary (dek), Length"
        )

    def test_what_must_be_fixed_cannot_be_overridden(self):
        article = self.draft(
            body=LONG_BODY + '<p><a href="https://x.example/"></a></p>', lead_image=make_image(alt_text="")
        )

        response = self.post(
            self.editor, article, _transition="publish", override_checks="on", lead_image=str(article.lead_image_id)
        )

        self.assertEqual(response.status_code, 200)
        self.assertIn("must be fixed first", str(response.context["adminform"].form.non_field_errors()))
        self.assertContains(response, 'data-code="lead-image-alt"')
        self.assertContains(response, 'data-code="empty-link"')
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

    def test_scheduling_obeys_the_checks_too(self):
        article = self.draft(body="<p>Short.</p>")
        when = timezone.localtime(timezone.now() + timedelta(days=2))
        data = {"publish_at_0": when.date().isoformat(), "publish_at_1": "09:00:00"}

        refused = self.post(self.editor, article, _transition="schedule", **data)
        self.assertEqual(refused.status_code, 200)
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

        self.post(self.editor, article, _transition="schedule", override_checks="on", **data)
        article.refresh_from_db()
        self.assertTrue(article.is_scheduled)

    def test_embargoing_obeys_the_checks_too(self):
        article = self.draft(body="<p>Short.</p>")
        when = timezone.localtime(timezone.now() + timedelta(days=2))
        data = {"publish_at_0": when.date().isoformat(), "publish_at_1": "09:00:00"}

        refused = self.post(self.editor, article, _transition="embargo", **data)
        self.assertEqual(refused.status_code, 200)
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

        self.post(self.editor, article, _transition="embargo", override_checks="on", **data)
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.EMBARGOED)

    def test_saving_and_submitting_are_never_blocked(self):
        article = make_article(published=False, section=self.section, created_by=self.writer, body="<p>Short.</p>")
        response = self.post(self.writer, article, _transition="submit", body="<p>Still short.</p>")
        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

    def test_the_publish_action_skips_articles_that_fail_and_names_them(self):
        good = self.draft(body=LONG_BODY, title="Ready to go")
        short = self.draft(body="<p>Short.</p>", title="Not long enough")
        self.client.force_login(self.editor)

        response = self.client.post(
            changelist_url(Article), {"action": "publish_now", "_selected_action": [good.pk, short.pk]}, follow=True
        )

        good.refresh_from_db()
        short.refresh_from_db()
        self.assertTrue(good.is_published)
        self.assertEqual(short.status, Article.Status.IN_REVIEW)
        self.assertContains(response, "the checks before publishing found something: “Not long enough”")

    def test_the_checks_in_the_spanish_admin(self):
        article = self.draft(body="<p>Corto.</p>")
        self.client.force_login(self.editor)
        response = self.client.get(f"/es{change_url(article)}")
        self.assertContains(response, "Comprobaciones antes de publicar")
        self.assertContains(response, "El cuerpo tiene 1 palabra")
