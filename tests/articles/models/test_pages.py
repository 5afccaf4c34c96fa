"""The newsroom's own pages: what readers may see in each language, their addresses and their kinds."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import TestCase

from articles.models import Page


def make_page(**fields):
    fields.setdefault("slug", "about")
    fields.setdefault("title", "About us")
    fields.setdefault("body", "<p>We investigate organized crime.</p>")
    fields.setdefault("published", True)
    return Page.objects.create(**fields)


class PageTests(TestCase):
    def test_a_page_is_public_in_a_language_once_published_and_written_in_it(self):
        english_only = make_page(slug="about", kind=Page.Kind.ABOUT)
        both = make_page(slug="privacy", kind=Page.Kind.PRIVACY, title_es="Privacidad", body_es="<p>Datos.</p>")
        make_page(slug="draft", published=False, title_es="Borrador", body_es="<p>Aún no.</p>")
        self.assertEqual(set(Page.objects.published("en")), {english_only, both})
        self.assertEqual(list(Page.objects.published("es")), [both])

    def test_texts_go_through_the_sanitizer(self):
        page = make_page(body='<p onclick="steal()">Hi<script>alert(1)</script></p>', body_es="<iframe></iframe>")
        self.assertEqual(page.body, "<p>Hi</p>")
        self.assertEqual(page.body_es, "")

    def test_an_address_the_site_already_uses_is_refused(self):
        for slug in ("news", "donate", "es", "search", "tags", "admin"):
            with self.subTest(slug=slug), self.assertRaises(ValidationError) as caught:
                Page(slug=slug, title="Clash", body="<p>Text.</p>").full_clean()
            self.assertEqual(caught.exception.error_dict["slug"][0].code, "reserved_slug")
        Page(slug="republish", title="Republishing", body="<p>Text.</p>").full_clean()

    def test_each_policy_kind_is_one_page_but_other_pages_are_many(self):
        make_page(slug="ethics", kind=Page.Kind.ETHICS)
        make_page(slug="jobs", kind=Page.Kind.OTHER)
        make_page(slug="fellowships", kind=Page.Kind.OTHER)
        with self.assertRaises(IntegrityError):
            make_page(slug="ethics-2", kind=Page.Kind.ETHICS)

    def test_the_description_is_the_summary_or_the_start_of_the_text(self):
        page = make_page(body="<p>" + "Words that run on. " * 20 + "</p>")
        self.assertTrue(page.description.endswith("…"))
        self.assertLessEqual(len(page.description), 160)
        page.summary = "Who we are."
        self.assertEqual(page.description, "Who we are.")
