"""The bilingual desk, through the admin and the reader site over HTTP: Translate, the translation status
(edit the original → outdated → the translator marks it up to date), publishing a pair in one step,
translated corrections, machine translation against a fake DeepL on 127.0.0.1, paired tags and the
language switch of every listing, and what machines read of a pair (sitemap alternates, JSON-LD)."""

import json
import re
import threading
import time
import xml.etree.ElementTree as ET
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from taggit.models import Tag

from articles import services
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    Correction,
    TaggedArticle,
    TagLanguage,
    TranslationState,
    translation_state_counts,
)
from articles.roles import assign_role
from tests.articles.admin.test_articles import add_url, article_form_data, change_url, changelist_url
from tests.factories import make_article, make_author, make_country, make_image, make_section, make_user

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def english_tag(name, slug):
    tag = Tag.objects.create(name=name, slug=slug)
    TagLanguage.objects.create(tag=tag, language="en")
    return tag


def spanish_tag(name, slug, *, counterpart=None):
    tag = Tag.objects.create(name=name, slug=slug)
    TagLanguage.objects.create(tag=tag, language="es")
    if counterpart is not None:
        services.pair_tags(tag=counterpart, counterpart=tag)
    return tag


def state_of(article):
    return Article.objects.with_translation_state().get(pk=article.pk).translation_state


def compare_url(article):
    return reverse("admin:articles_article_compare", args=[article.pk])


def translate_url(article):
    return reverse("admin:articles_article_translate", args=[article.pk])


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


class DeskTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", name_es="Breves", slug="briefs")
        cls.editor = make_user("editor", first_name="Luis", last_name="Paz")
        assign_role(cls.editor, "Editor")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")
        cls.guatemala = make_country(name="Guatemala", name_es="Guatemala", slug="guatemala", iso_code="GT")
        cls.honduras = make_country(name="Honduras", slug="honduras", iso_code="HN")
        cls.ana = make_author(name="Ana Ruiz", slug="ana-ruiz")
        cls.luis = make_author(name="Luis Pérez", slug="luis-perez")
        cls.extortion = english_tag("Extortion", "extortion")
        cls.extorsion = spanish_tag("Extorsión", "extorsion", counterpart=cls.extortion)
        cls.buses = english_tag("Buses", "buses")

    def original(self, **fields):
        fields.setdefault("title", "Gangs tax the night buses")
        fields.setdefault("slug", "gangs-tax-the-night-buses")
        fields.setdefault("dek", "Drivers now pay twice a week.")
        fields.setdefault("body", "<p>Drivers on the night routes pay twice a week.</p><p>Two companies stopped.</p>")
        fields.setdefault("section", self.section)
        article = make_article(
            authors=[self.ana, self.luis],
            tags=[self.extortion, self.buses],
            countries=[self.honduras],
            primary_country=self.guatemala,
            primary_tag=self.extortion,
            **fields,
        )
        return article

    def edit(self, user, article, **changes):
        """Post `article`'s change form as it is stored, with `changes`, as `user`."""
        self.client.force_login(user)
        article.refresh_from_db()
        fields = {
            "title": article.title,
            "slug": article.slug,
            "dek": article.dek,
            "body": article.body,
            "analysis": article.analysis,
            "language": article.language,
            "edit_token": article.updated_at.isoformat(),
            "primary_country": str(article.primary_country_id or ""),
            "countries": [str(pk) for pk in article.countries.values_list("pk", flat=True)],
            "primary_tag": str(article.primary_tag_id or ""),
            "lead_image": str(article.lead_image_id or ""),
            "publish_at_0": "",
            "publish_at_1": "",
        }
        partner = Article.objects.translations_of(article).first()
        fields["translation"] = str(partner.pk) if partner else ""
        if article.publish_at:
            local = timezone.localtime(article.publish_at)
            fields["publish_at_0"], fields["publish_at_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
        fields.update(changes)
        return self.client.post(change_url(article), article_form_data(section=article.section, **fields))


class TranslateTests(DeskTestCase):
    def test_translate_makes_the_paired_draft_with_everything_but_the_words_and_opens_it(self):
        linked = make_article(section=self.section, title="Bus fares rise")
        linked_es = make_article(section=self.section, title="Suben los pasajes", language="es")
        services.pair_translations(article=linked, translation=linked_es)
        untranslated_link = make_article(section=self.section, title="A story only in English")
        image = make_image(alt_text="A bus at night", alt_text_es="Un autobús de noche")
        article = self.original(lead_image=image)
        ArticleLink.objects.create(from_article=article, to_article=linked, kind=ArticleLink.Kind.SEE_ALSO)
        ArticleLink.objects.create(from_article=article, to_article=untranslated_link, position=1)
        Correction.objects.create(article=article, text="We fixed the number of routes.")
        self.client.force_login(self.editor)

        response = self.client.post(translate_url(article), follow=True)

        article.refresh_from_db()
        draft = Article.objects.translations_of(article).get()
        self.assertRedirects(response, change_url(draft))
        self.assertEqual(draft.status, Article.Status.DRAFT)
        self.assertEqual(
            (draft.section, draft.primary_country, draft.lead_image), (self.section, self.guatemala, image)
        )
        self.assertEqual(set(draft.countries.all()), {self.guatemala, self.honduras})
        self.assertEqual(draft.byline_authors, [self.ana, self.luis])
        # Tags go through their pairs; one without a counterpart is left off, and the desk is told.
        self.assertEqual(list(draft.tags.all()), [self.extorsion])
        self.assertEqual(draft.primary_tag, self.extorsion)
        # Links go to the linked articles' own translations.
        self.assertEqual([(link.to_article, link.kind) for link in draft.links.all()], [(linked_es, "see-also")])
        correction = draft.corrections.get()
        self.assertEqual(correction.translation_of, article.corrections.get())
        # The words are the original's, to translate over; the draft knows which revision it follows.
        self.assertEqual((draft.title, draft.body), (article.title, article.body))
        self.assertEqual(draft.source_revision, article.revision)
        self.assertEqual(draft.created_by, self.editor)
        self.assertFalse(draft.needs_review)
        shown = " ".join(messages_of(response))
        self.assertIn("now has its spanish draft", shown)
        self.assertIn("Buses", shown)
        self.assertIn("A story only in English", shown)
        self.assertContains(response, "Open the English version")

    def test_the_change_form_offers_translate_until_there_is_a_translation(self):
        article = self.original()
        self.client.force_login(self.editor)
        response = self.client.get(change_url(article))
        self.assertContains(response, "Translate into Spanish")
        self.assertContains(response, f'formaction="{translate_url(article)}"')

        self.client.post(translate_url(article))
        response = self.client.get(change_url(article))
        self.assertNotContains(response, "Translate into Spanish")
        self.assertContains(response, "Open the Spanish version")

    def test_translating_twice_opens_the_existing_translation(self):
        article = self.original()
        self.client.force_login(self.editor)
        self.client.post(translate_url(article))
        response = self.client.post(translate_url(article), follow=True)
        self.assertEqual(Article.objects.filter(language="es").count(), 1)
        self.assertIn("already has a translation", " ".join(messages_of(response)))
        self.assertRedirects(response, change_url(Article.objects.get(language="es")))

    def test_a_spanish_original_is_translated_into_english(self):
        article = make_article(section=self.section, language="es", title="Pandillas cobran a los buses")
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(change_url(article)), "Translate into English")
        self.client.post(translate_url(article))
        article.refresh_from_db()
        self.assertEqual(Article.objects.translations_of(article).get().language, "en")

    def test_translate_from_the_list_for_several_articles(self):
        first = self.original()
        second = make_article(section=self.section, title="Prison guards bought")
        self.client.force_login(self.editor)

        response = self.client.post(
            changelist_url(Article), {"action": "translate", "_selected_action": [first.pk, second.pk]}, follow=True
        )

        self.assertEqual(Article.objects.filter(language="es", status="draft").count(), 2)
        self.assertEqual(len([m for m in messages_of(response) if "now has its spanish draft" in m]), 2)

    def test_translate_from_the_list_for_one_article_opens_it(self):
        article = self.original()
        self.client.force_login(self.editor)
        response = self.client.post(changelist_url(Article), {"action": "translate", "_selected_action": [article.pk]})
        self.assertRedirects(response, change_url(Article.objects.get(language="es")))

    def test_a_writer_may_translate_and_owns_the_draft(self):
        article = self.original()
        self.client.force_login(self.writer)
        self.client.post(translate_url(article))
        draft = Article.objects.get(language="es")
        self.assertEqual(draft.created_by, self.writer)
        response = self.edit(self.writer, draft, title="Pandillas cobran a los buses nocturnos", slug="")
        self.assertEqual(response.status_code, 302)
        draft.refresh_from_db()
        self.assertEqual(draft.title, "Pandillas cobran a los buses nocturnos")

    def test_the_drafts_address_follows_its_translated_headline(self):
        article = self.original()
        self.client.force_login(self.editor)
        self.client.post(translate_url(article))
        draft = Article.objects.get(language="es")
        self.assertEqual(draft.slug, "gangs-tax-the-night-buses-es")
        form = self.client.get(change_url(draft)).context["adminform"].form
        self.assertEqual(form.initial["slug"], "")

        self.edit(self.editor, draft, title="Pandillas cobran a los buses nocturnos", slug="")

        draft.refresh_from_db()
        self.assertEqual(draft.slug, "pandillas-cobran-a-los-buses-nocturnos")


class TranslationStatusTests(DeskTestCase):
    """Edit the original → outdated → the translator marks it up to date, as the desk sees it."""

    def test_status_from_missing_to_up_to_date_to_outdated_and_back(self):
        article = self.original()
        self.assertEqual(state_of(article), TranslationState.MISSING)

        self.client.force_login(self.editor)
        self.client.post(translate_url(article))
        draft = Article.objects.get(language="es")
        self.assertEqual(state_of(article), TranslationState.IN_PROGRESS)
        self.assertEqual(state_of(draft), TranslationState.IN_PROGRESS)

        self.edit(
            self.editor,
            draft,
            title="Las pandillas cobran a los buses nocturnos",
            dek="Los choferes pagan dos veces por semana.",
            body="<p>Los choferes de las rutas nocturnas pagan dos veces por semana.</p><p>Dos empresas pararon.</p>",
            slug="",
            _transition="publish",
        )
        draft.refresh_from_db()
        self.assertTrue(draft.is_published)
        self.assertEqual(state_of(article), TranslationState.UP_TO_DATE)

        # The original changes: its translation is outdated, on both rows of the list and in its filter.
        self.edit(self.editor, article, body=article.body + "<p>A third company stopped on Monday.</p>")
        article.refresh_from_db()
        self.assertEqual(article.revision, 2)
        self.assertEqual(state_of(draft), TranslationState.OUTDATED)
        response = self.client.get(changelist_url(Article), {"translation": "outdated"})
        self.assertEqual({row.pk for row in response.context["cl"].result_list}, {article.pk, draft.pk})
        self.assertContains(response, f'href="{compare_url(article)}"')
        # Only the words count: a new publish time is no new revision.
        self.edit(self.editor, article, publish_at_1="08:00:00")
        article.refresh_from_db()
        self.assertEqual(article.revision, 2)

        # The translator sees what changed since, side by side with the translation.
        response = self.client.get(compare_url(draft))
        self.assertContains(response, "<ins>A third company stopped on Monday.</ins>", html=True)
        self.assertContains(response, "Los choferes de las rutas nocturnas")
        self.assertContains(response, "Mark translation up to date")

        # Saving the translation does not mark it up to date: that is an explicit act.
        self.edit(self.editor, draft, body=draft.body + "<p>Una tercera empresa paró el lunes.</p>")
        self.assertEqual(state_of(draft), TranslationState.OUTDATED)

        response = self.client.post(compare_url(draft), follow=True)
        self.assertIn("marked up to date with revision 2", " ".join(messages_of(response)))
        draft.refresh_from_db()
        self.assertEqual(draft.source_revision, 2)
        self.assertEqual(state_of(article), TranslationState.UP_TO_DATE)
        self.assertEqual(draft.history.first().history_user, self.editor)

    def test_the_original_cannot_be_marked_as_its_translations_translation(self):
        article = self.original()
        services.translate_article(article=article, user=self.editor)
        self.client.force_login(self.editor)
        self.client.post(compare_url(article))
        article.refresh_from_db()
        self.assertIsNone(article.source_revision)

    def test_a_writer_cannot_mark_published_work_up_to_date(self):
        article = self.original()
        draft = services.translate_article(article=article, user=self.editor).draft
        Article.objects.filter(pk=draft.pk).update(status="published", publish_at=timezone.now())
        self.edit(self.editor, article, body="<p>New text.</p>")
        self.client.force_login(self.writer)
        response = self.client.get(compare_url(draft))
        self.assertNotContains(response, "Mark translation up to date")
        self.assertEqual(self.client.post(compare_url(draft)).status_code, 403)
        self.assertEqual(state_of(draft), TranslationState.OUTDATED)

    def test_the_desk_counts_what_waits_for_translators(self):
        self.original()
        make_article(section=self.section, title="Draft only", published=False)
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:index"))
        queues = response.content.decode().split('id="translation-queues"')[1].split("</table>")[0]
        self.assertRegex(queues, r"Published, not translated</a></th>\s*<td>1</td>")
        self.assertRegex(queues, r"Outdated</a></th>\s*<td>0</td>")
        page = self.client.get(reverse("admin:articles_article_translations"))
        self.assertContains(page, "Gangs tax the night buses")
        self.assertNotContains(page, "Draft only")

    def test_translation_status_column_and_filter_cost_no_query_per_row(self):
        """Guards against a query per row for the translation status (it is an annotation of the list's
        own query)."""
        self.client.force_login(self.editor)

        def list_queries():
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(changelist_url(Article), {"translation": "in-progress"})
            return len(queries), response.context["cl"].result_count

        services.translate_article(article=self.original(slug="story-0"), user=self.editor)
        few = list_queries()
        for number in range(1, 4):
            services.translate_article(article=self.original(slug=f"story-{number}"), user=self.editor)
        many = list_queries()
        self.assertEqual((few[1], many[1]), (2, 8))
        self.assertEqual(few[0], many[0])


class PublishPairTests(DeskTestCase):
    def translated(self):
        article = self.original(published=False, status=Article.Status.IN_REVIEW)
        draft = services.translate_article(article=article, user=self.editor).draft
        Article.objects.filter(pk=draft.pk).update(
            title="Las pandillas cobran a los buses", body="<p>Los choferes pagan.</p>", dek="Pagan dos veces."
        )
        return article, Article.objects.get(pk=draft.pk)

    def test_publish_both_in_one_step(self):
        article, draft = self.translated()
        self.client.force_login(self.editor)
        response = self.client.get(change_url(draft))
        self.assertContains(response, 'value="publish-pair"')

        response = self.edit(self.editor, draft, _transition="publish-pair", follow=True)

        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        draft.refresh_from_db()
        self.assertTrue(article.is_published and draft.is_published)
        self.assertEqual(state_of(article), TranslationState.UP_TO_DATE)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)
        self.assertContains(self.client.get(draft.get_absolute_url()), 'hreflang="en"')

    def test_schedule_both_at_the_same_time(self):
        article, draft = self.translated()
        later = timezone.localtime(timezone.now() + timedelta(days=2))
        self.edit(
            self.editor,
            article,
            _transition="schedule-pair",
            publish_at_0=f"{later:%Y-%m-%d}",
            publish_at_1=f"{later:%H:%M:%S}",
        )
        article.refresh_from_db()
        draft.refresh_from_db()
        self.assertTrue(article.is_scheduled and draft.is_scheduled)
        self.assertEqual(article.publish_at, draft.publish_at)

    def test_an_untranslated_draft_is_not_published_with_its_original(self):
        article = self.original(published=False)
        draft = services.translate_article(article=article, user=self.editor).draft
        response = self.edit(self.editor, article, _transition="publish-pair")
        self.assertEqual(response.status_code, 200)
        self.assertIn("still has the headline or text of the original", str(response.context["adminform"].form.errors))
        draft.refresh_from_db()
        article.refresh_from_db()
        self.assertEqual((article.status, draft.status), ("draft", "draft"))

    def test_a_translation_cannot_go_out_before_its_originals_embargo_lifts(self):
        article, draft = self.translated()
        lifts = timezone.now() + timedelta(days=1)
        Article.objects.filter(pk=article.pk).update(status=Article.Status.EMBARGOED, publish_at=lifts)
        response = self.edit(self.editor, draft, _transition="publish")
        self.assertEqual(response.status_code, 200)
        self.assertIn("is under embargo until", str(response.context["adminform"].form.errors))
        later = timezone.localtime(lifts + timedelta(hours=1))
        self.edit(
            self.editor,
            draft,
            _transition="schedule",
            publish_at_0=f"{later:%Y-%m-%d}",
            publish_at_1=f"{later:%H:%M:%S}",
        )
        draft.refresh_from_db()
        self.assertTrue(draft.is_scheduled)

    def test_publish_with_translations_from_the_list(self):
        article, draft = self.translated()
        self.client.force_login(self.editor)
        self.client.post(changelist_url(Article), {"action": "publish_pairs", "_selected_action": [article.pk]})
        article.refresh_from_db()
        draft.refresh_from_db()
        self.assertTrue(article.is_published and draft.is_published)

    def test_a_writer_is_not_offered_publish_both(self):
        article, draft = self.translated()
        self.client.force_login(self.writer)
        response = self.client.get(change_url(draft))
        self.assertNotContains(response, 'value="publish-pair"')
        self.edit(self.writer, draft, _transition="publish-pair")
        draft.refresh_from_db()
        self.assertEqual(draft.status, Article.Status.DRAFT)


class TranslatedCorrectionTests(DeskTestCase):
    def test_a_correction_added_to_one_side_is_offered_to_the_other(self):
        article = self.original()
        spanish = make_article(section=self.section, language="es", title="Las pandillas cobran a los buses")
        services.pair_translations(article=article, translation=spanish)

        response = self.edit(self.editor, article, corrections=["We fixed the number of routes."])

        correction = article.corrections.get()
        offer = reverse("admin:articles_article_translate_correction", args=[spanish.pk, correction.pk])
        # Offered at once, in the message after saving, and on the other version's page until it is done.
        self.assertContains(self.client.get(response.url), offer)
        self.assertContains(self.client.get(change_url(spanish)), offer)
        form = self.client.get(offer)
        self.assertContains(form, "We fixed the number of routes.")

        response = self.client.post(offer, {"text": "Corregimos el número de rutas."})

        self.assertRedirects(response, change_url(spanish))
        translated = spanish.corrections.get()
        self.assertEqual(translated.text, "Corregimos el número de rutas.")
        self.assertEqual((translated.translation_of, translated.published_at), (correction, correction.published_at))
        self.assertNotContains(self.client.get(change_url(spanish)), offer)
        self.assertContains(self.client.get(spanish.get_absolute_url()), "Corregimos el número de rutas.")


class PairingGuardTests(DeskTestCase):
    """A writer cannot change published work indirectly through the translation picker."""

    def test_a_writer_cannot_take_a_published_article_from_its_translation(self):
        published = self.original()
        spanish = make_article(section=self.section, language="es", title="Las pandillas cobran")
        services.pair_translations(article=published, translation=spanish)
        draft = make_article(section=self.section, language="es", published=False, created_by=self.writer)

        response = self.edit(self.writer, draft, translation=str(published.pk))

        self.assertEqual(response.status_code, 200)
        self.assertIn("is already the translation of", str(response.context["adminform"].form.errors["translation"]))
        self.assertEqual(Article.objects.translations_of(published).get(), spanish)
        self.assertIsNone(Article.objects.get(pk=draft.pk).translation_key)

    def test_a_writer_may_pair_a_draft_with_an_article_without_translation(self):
        published = self.original()
        draft = make_article(section=self.section, language="es", published=False, created_by=self.writer)
        response = self.edit(self.writer, draft, translation=str(published.pk))
        self.assertEqual(response.status_code, 302)
        published.refresh_from_db()
        self.assertEqual(Article.objects.translations_of(published).get(), draft)

    def test_an_editor_may_re_pair(self):
        published = self.original()
        spanish = make_article(section=self.section, language="es", title="Las pandillas cobran")
        services.pair_translations(article=published, translation=spanish)
        draft = make_article(section=self.section, language="es", published=False)
        self.assertEqual(self.edit(self.editor, draft, translation=str(published.pk)).status_code, 302)
        published.refresh_from_db()
        self.assertEqual(Article.objects.translations_of(published).get(), draft)
        spanish.refresh_from_db()
        self.assertIsNone(spanish.translation_key)


class FakeDeepL:
    """DeepL's /v2/translate on loopback: checks the key, "translates" by a fixed glossary, and can stall."""

    GLOSSARY = {
        "Gangs tax the night buses": "Las pandillas cobran a los buses nocturnos",
        "Drivers now pay twice a week.": "Los choferes ahora pagan dos veces por semana.",
        "We fixed the number of routes.": "Corregimos el número de rutas.",
    }

    def __init__(self):
        self.requests = []
        self.stall = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append({"path": self.path, "auth": self.headers["Authorization"], "body": body})
                if fake.stall:
                    time.sleep(fake.stall)
                if self.headers["Authorization"] != "DeepL-Auth-Key test-key:fx":
                    self.send_response(403)
                    self.end_headers()
                    return
                texts = [fake.GLOSSARY.get(text, text.replace("Drivers", "Choferes")) for text in body["text"]]
                answer = json.dumps(
                    {"translations": [{"detected_source_language": "EN", "text": text} for text in texts]}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)


@pytest.fixture
def fake_deepl(settings):
    fake = FakeDeepL()
    fake.thread.start()
    settings.MACHINE_TRANSLATION_PROVIDER = "deepl"
    settings.DEEPL_API_KEY = "test-key:fx"
    settings.DEEPL_API_URL = fake.url
    settings.MACHINE_TRANSLATION_TIMEOUT_SECONDS = 1
    yield fake
    fake.stall = 0
    fake.server.shutdown()
    fake.server.server_close()


@pytest.mark.django_db
class TestMachineTranslation:
    @pytest.fixture(autouse=True)
    def _desk(self, client):
        self.client = client
        self.section = make_section(name="Briefs", slug="briefs")
        self.editor = make_user("editor")
        assign_role(self.editor, "Editor")
        self.client.force_login(self.editor)
        self.article = make_article(
            section=self.section,
            title="Gangs tax the night buses",
            dek="Drivers now pay twice a week.",
            body="<p>Drivers on the night routes pay <strong>twice</strong> a week.</p>",
        )
        Correction.objects.create(article=self.article, text="We fixed the number of routes.")

    def test_off_by_default(self, settings):
        assert settings.MACHINE_TRANSLATION_PROVIDER == ""
        self.client.post(translate_url(self.article))
        draft = Article.objects.get(language="es")
        assert draft.title == "Gangs tax the night buses"
        assert not draft.needs_review

    def test_the_draft_gets_deepls_words_and_waits_for_a_persons_review(self, fake_deepl):
        response = self.client.post(translate_url(self.article), follow=True)

        draft = Article.objects.get(language="es")
        assert draft.title == "Las pandillas cobran a los buses nocturnos"
        assert draft.dek == "Los choferes ahora pagan dos veces por semana."
        assert draft.body == "<p>Choferes on the night routes pay <strong>twice</strong> a week.</p>"
        assert draft.corrections.get().text == "Corregimos el número de rutas."
        assert draft.slug == "las-pandillas-cobran-a-los-buses-nocturnos"
        assert draft.needs_review
        assert any("machine translation by DeepL" in str(m) for m in response.context["messages"])
        html_request = next(r for r in fake_deepl.requests if r["body"].get("tag_handling") == "html")
        assert html_request["path"] == "/v2/translate"
        assert html_request["auth"] == "DeepL-Auth-Key test-key:fx"
        assert html_request["body"]["source_lang"] == "EN"
        assert html_request["body"]["target_lang"] == "ES"

        # Nothing from the machine is published before a person marks it reviewed.
        self.client.post(changelist_url(Article), {"action": "publish_now", "_selected_action": [draft.pk]})
        draft.refresh_from_db()
        assert draft.status == Article.Status.DRAFT
        assert state_of(draft) == TranslationState.IN_PROGRESS
        self.client.post(compare_url(draft))
        self.client.post(changelist_url(Article), {"action": "publish_now", "_selected_action": [draft.pk]})
        draft.refresh_from_db()
        assert draft.is_published and not draft.needs_review
        assert state_of(draft) == TranslationState.UP_TO_DATE

    def test_a_stalled_provider_costs_the_timeout_and_the_draft_is_made_anyway(self, fake_deepl):
        fake_deepl.stall = 3
        started = time.monotonic()
        response = self.client.post(translate_url(self.article), follow=True)
        assert time.monotonic() - started < 2.5
        draft = Article.objects.get(language="es")
        assert draft.title == "Gangs tax the night buses"
        assert not draft.needs_review
        assert any("did not answer in time" in str(m) for m in response.context["messages"])

    def test_a_refused_key_is_said_plainly(self, fake_deepl, settings):
        settings.DEEPL_API_KEY = "wrong"
        response = self.client.post(translate_url(self.article), follow=True)
        assert any("refused the API key" in str(m) for m in response.context["messages"])
        assert not Article.objects.get(language="es").needs_review


class BilingualTopicTests(DeskTestCase):
    """The language switch of every listing lands on its counterpart; nothing answers an empty 200 for a
    topic that exists only in the other language."""

    def setUp(self):
        self.english = make_article(section=self.section, tags=[self.extortion], countries=[self.guatemala])
        self.spanish = make_article(section=self.section, language="es", tags=[self.extorsion])

    def switch(self, response, language):
        match = re.search(rf'<a href="([^"]*)" hreflang="{language}" lang="{language}">', response.content.decode())
        return match.group(1)

    def test_tag_page_switch_from_english_to_spanish_and_back(self):
        response = self.client.get("/tags/extortion/")
        self.assertEqual(self.switch(response, "es"), "/es/tags/extorsion/")
        self.assertContains(
            response, '<link rel="alternate" hreflang="es" href="http://127.0.0.1:8000/es/tags/extorsion/">'
        )

        response = self.client.get("/es/tags/extorsion/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.spanish.title)
        self.assertEqual(self.switch(response, "en"), "/tags/extortion/")
        self.assertContains(
            response, '<link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/tags/extortion/">'
        )
        self.assertNotContains(response, "noindex")

    def test_a_tag_in_the_wrong_language_redirects_to_its_counterpart(self):
        self.assertRedirects(self.client.get("/es/tags/extortion/"), "/es/tags/extorsion/", status_code=301)
        self.assertRedirects(self.client.get("/tags/extorsion/"), "/tags/extortion/", status_code=301)

    def test_a_tag_only_in_the_other_language_is_a_404_that_says_so(self):
        make_article(section=self.section, tags=[self.buses])
        response = self.client.get("/es/tags/buses/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Todavía no hay nada en español aquí.", status_code=404)
        self.assertContains(response, '<a href="/tags/buses/" hreflang="en" lang="en">', status_code=404)
        self.assertContains(response, '<meta name="robots" content="noindex">', status_code=404)
        # Its switch from English leads to the Spanish home page rather than to that 404.
        self.assertEqual(self.switch(self.client.get("/tags/buses/"), "es"), "/es/")
        self.assertEqual(self.client.get("/es/tags/buses/feed/").status_code, 404)

    def test_a_country_only_in_english_says_so_under_es(self):
        response = self.client.get("/es/countries/guatemala/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Todavía no hay nada en español aquí.", status_code=404)
        self.assertEqual(self.switch(self.client.get("/countries/guatemala/"), "es"), "/es/")

    def test_sections_are_shared_and_their_switch_lands_on_the_same_section(self):
        response = self.client.get("/news/briefs/")
        self.assertEqual(self.switch(response, "es"), "/es/news/briefs/")
        response = self.client.get("/es/news/briefs/")
        self.assertContains(response, "Breves")
        self.assertEqual(self.switch(response, "en"), "/news/briefs/")

    def test_an_empty_section_says_so_and_is_kept_out_of_search_engines(self):
        make_section(name="Investigations", slug="investigations")
        response = self.client.get("/news/investigations/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No articles here yet.")
        self.assertContains(response, '<meta name="robots" content="noindex">')
        self.assertNotContains(response, '<link rel="alternate" hreflang=')

    def test_listing_queries_stay_as_pinned(self):
        """The switch and alternates come from the query that reads the tag: no query added."""
        from tests.articles.views.test_reader_pages import PROMPTS_QUERY
        from tests.factories import CONTENT_VERSION_QUERIES, SITE_CHROME_QUERIES

        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 5):
            self.client.get("/tags/extortion/")


class TagAdminTests(DeskTestCase):
    def test_an_editor_pairs_tags_in_the_admin(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            add_url(Tag), {"name": "Autobuses", "slug": "autobuses", "language": "es", "counterpart": self.buses.pk}
        )
        self.assertEqual(response.status_code, 302)
        pair = TagLanguage.objects.filter(tag__slug__in=["autobuses", "buses"])
        self.assertEqual({info.language for info in pair}, {"en", "es"})
        self.assertEqual(len({info.translation_key for info in pair} - {None}), 1)
        response = self.client.get(changelist_url(Tag), {"paired": "yes"})
        self.assertContains(response, "Autobuses")
        self.assertContains(response, '<td class="field-counterpart">Buses</td>', html=True)

    def test_a_counterpart_in_the_same_language_is_refused(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            add_url(Tag), {"name": "Coaches", "slug": "coaches", "language": "en", "counterpart": self.buses.pk}
        )
        self.assertIn("same language", str(response.context["adminform"].form.errors["counterpart"]))

    def test_a_writer_cannot_take_a_tag_from_its_counterpart(self):
        self.client.force_login(self.writer)
        response = self.client.post(
            add_url(Tag),
            {"name": "Extorsiones", "slug": "extorsiones", "language": "es", "counterpart": self.extortion.pk},
        )
        self.assertIn("already has a counterpart", str(response.context["adminform"].form.errors["counterpart"]))
        self.assertEqual(
            TagLanguage.objects.get(tag=self.extortion).translation_key,
            TagLanguage.objects.get(tag=self.extorsion).translation_key,
        )


class MachinesReadThePairTests(DeskTestCase):
    def setUp(self):
        image = make_image(
            alt_text="A bus at night",
            caption="A night bus in Tegucigalpa.",
            caption_es="Un bus nocturno en Tegucigalpa.",
            credit="Photo: Ana Ruiz / Newsroom",
            credit_es="Foto: Ana Ruiz / Newsroom",
        )
        self.article = self.original(lead_image=image)
        self.spanish = services.translate_article(article=self.article, user=self.editor).draft
        Article.objects.filter(pk=self.spanish.pk).update(
            title="Las pandillas cobran a los buses",
            slug="pandillas-buses",
            body="<p>Los choferes pagan.</p>",
            status="published",
            publish_at=timezone.now(),
        )
        self.spanish.refresh_from_db()

    def structured_data(self, url):
        html = self.client.get(url).content.decode()
        return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))

    def test_json_ld_names_the_translation_and_the_original(self):
        original = self.structured_data(self.article.get_absolute_url())
        self.assertEqual(original["workTranslation"]["@id"], "http://127.0.0.1:8000/es/news/briefs/pandillas-buses/")
        self.assertEqual(original["workTranslation"]["inLanguage"], "es")
        self.assertNotIn("translationOfWork", original)

        translated = self.structured_data(self.spanish.get_absolute_url())
        self.assertEqual(
            translated["translationOfWork"]["@id"], "http://127.0.0.1:8000/news/briefs/gangs-tax-the-night-buses/"
        )
        self.assertNotIn("workTranslation", translated)
        self.assertEqual(translated["image"][0]["caption"], "Un bus nocturno en Tegucigalpa.")
        self.assertEqual(translated["image"][0]["creditText"], "Foto: Ana Ruiz / Newsroom")
        self.assertEqual(original["image"][0]["creditText"], "Photo: Ana Ruiz / Newsroom")

    def test_spanish_pages_show_the_spanish_credit(self):
        response = self.client.get(self.spanish.get_absolute_url())
        self.assertContains(response, '<span class="credit">Foto: Ana Ruiz / Newsroom</span>', html=True)
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, '<span class="credit">Photo: Ana Ruiz / Newsroom</span>', html=True)

    def test_article_sitemap_has_hreflang_alternates_that_parse(self):
        make_article(section=self.section, slug="alone")
        root = ET.fromstring(self.client.get("/sitemap-articles.xml").content)
        alternates = {}
        for url in root.iter(f"{SITEMAP}url"):
            links = url.findall(f"{XHTML}link")
            alternates[url.find(f"{SITEMAP}loc").text] = {link.get("hreflang"): link.get("href") for link in links}
        english = "http://127.0.0.1:8000/news/briefs/gangs-tax-the-night-buses/"
        spanish = "http://127.0.0.1:8000/es/news/briefs/pandillas-buses/"
        self.assertEqual(alternates[english], {"en": english, "es": spanish})
        self.assertEqual(alternates[spanish], {"en": english, "es": spanish})
        self.assertEqual(alternates["http://127.0.0.1:8000/news/briefs/alone/"], {})

    def test_sitemap_queries_do_not_grow_with_pairs(self):
        """Guards against a query per article for its translation's address (subqueries of the page's own
        query), and per tag for its counterpart (one query for every pair)."""
        from tests.factories import CONTENT_VERSION_QUERIES

        for number in range(4):
            english = make_article(section=self.section, slug=f"story-{number}", tags=[self.extortion])
            spanish = make_article(
                section=self.section, slug=f"historia-{number}", language="es", tags=[self.extorsion]
            )
            services.pair_translations(article=english, translation=spanish)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):  # count, one page of articles
            self.client.get("/sitemap-articles.xml")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):  # (slug, language) pairs, tag pairs
            self.client.get("/sitemap-tags.xml")

    def test_an_unpublished_translation_is_no_alternate(self):
        Article.objects.filter(pk=self.spanish.pk).update(status="draft")
        root = ET.fromstring(self.client.get("/sitemap-articles.xml").content)
        self.assertEqual(list(root.iter(f"{XHTML}link")), [])

    def test_tag_sitemap_pairs_counterparts(self):
        root = ET.fromstring(self.client.get("/sitemap-tags.xml").content)
        alternates = {
            url.find(f"{SITEMAP}loc").text: {
                link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
            }
            for url in root.iter(f"{SITEMAP}url")
        }
        english = "http://127.0.0.1:8000/tags/extortion/"
        spanish = "http://127.0.0.1:8000/es/tags/extorsion/"
        self.assertEqual(alternates[english], {"en": english, "es": spanish})
        self.assertEqual(alternates[spanish], {"es": spanish, "en": english})
        self.assertNotIn("http://127.0.0.1:8000/es/tags/extortion/", alternates)


def test_translation_state_rule_in_python_matches_the_queries(db):
    """Article.translation_state_with(), ArticleQuerySet.with_translation_state() (per row),
    in_translation_state() and translation_state_counts() (a join over the archive) all agree."""
    section = make_section()
    original = make_article(section=section)
    draft = services.translate_article(article=original, user=None).draft
    with translation.override("en"):
        for changes in (
            {},
            {"status": "published", "publish_at": timezone.now(), "title": "Otro"},
            {"needs_review": True},
        ):
            Article.objects.filter(pk=draft.pk).update(**changes)
            draft.refresh_from_db()
            original.refresh_from_db()
            assert original.translation_state_with(draft) == state_of(original) == state_of(draft)
            state = state_of(original)
            assert set(Article.objects.in_translation_state(state)) == {original, draft}
            assert (
                sum(count for (name, _code, _live), count in translation_state_counts().items() if name == state) == 2
            )
        Article.objects.filter(pk=original.pk).update(revision=5)
        original.refresh_from_db()
        assert original.translation_state_with(draft) == TranslationState.OUTDATED == state_of(original)
    assert TaggedArticle.objects.count() == 0
    assert ArticleAuthor.objects.count() == 0
