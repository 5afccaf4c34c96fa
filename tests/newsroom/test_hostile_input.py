"""Whatever a reader (or a mistyped address) sends, the answer is a page, never a server error.

Generated input (Hypothesis) goes through the public surface: the search box, the reader forms and the
admin's history addresses, on the database the suite runs on (PostgreSQL in CI). Every failure it ever
found is kept below as an example of its own.
"""

import string
from unittest import skipUnless
from urllib.parse import urlencode

from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse
from hypothesis import example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from articles.roles import assign_role
from donations.newsletters.models import NewsletterList
from tests.donations.conftest import aged_token, comment_data, donation_data
from tests.factories import make_article, make_user

# Pages that may answer a bad request: shown again with errors, refused, limited, or sent elsewhere.
READER_ANSWERS = {200, 301, 302, 303, 400, 403, 404, 405, 409, 429}

# Web search syntax (quotes, minus, "or") and the characters that break parsers, among ordinary words.
SEARCH_PIECES = st.one_of(
    st.sampled_from(["-", '"', "(", ")", " or ", " OR ", "!", "&", "|", ":", "*", "<->", "\\", "'", "%", "_"]),
    st.sampled_from(["cocaine", "cocaína", "port", "gangs", "Medellín", "a", "the", "de"]),
    st.text(min_size=1, max_size=3),
)
SEARCH_QUERIES = st.lists(SEARCH_PIECES, max_size=60).map("".join)
# Any text, and any bytes (not UTF-8 at all), as a form or an address can carry them.
FIELD_TEXT = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300),
    st.text(alphabet=string.printable, max_size=30),
    st.binary(max_size=40),
    st.sampled_from(["", " ", "0", "-1", "1e309", "NaN", "25", "\x00", b"\xed\xa0\x80", "a" * 5000, "<script>x"]),
)

examples = settings(max_examples=60, deadline=None)


class SearchBoxTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls):
        make_article(title="Gangs tax the port", body="<p>Cocaína shipments through the port.</p>")

    def search(self, query, **extra):
        return self.client.get(f"{reverse('articles:search')}?{urlencode({'q': query, **extra})}")

    def test_a_query_of_many_minus_signs_is_answered(self):
        for query in ["-" * 33, "-" * 400, "- " * 100, "-(" * 60, '-"' * 60, "a" + "-" * 80 + "b"]:
            with self.subTest(query=query[:12]):
                self.assertEqual(self.search(query).status_code, 200)

    @skipUnless(connection.vendor == "postgresql", "web search syntax is PostgreSQL's")
    def test_excluding_a_word_still_works(self):
        self.assertContains(self.search("port"), "Gangs tax the port")
        self.assertNotContains(self.search("port --cocaína"), "Gangs tax the port")
        self.assertNotContains(self.search("port -cocaína"), "Gangs tax the port")

    @examples
    @given(query=SEARCH_QUERIES, page=st.one_of(st.none(), FIELD_TEXT), section=st.one_of(st.none(), FIELD_TEXT))
    @example(query="-" * 40, page=None, section=None)
    @example(query="-(" * 40, page="2", section=None)
    def test_any_query_gets_a_page(self, query, page, section):
        extra = {name: value for name, value in {"page": page, "section": section}.items() if value is not None}
        response = self.search(query, **extra)
        self.assertIn(response.status_code, {200, 404})
        self.assertIn(b"</html>", response.content)


@override_settings(RATELIMIT_ENABLE=False)
class ReaderFormTests(HypothesisTestCase):
    """The donate, comment, helpful and newsletter forms with any value in any field: shown again with what went wrong,
    or taken; never a server error."""

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(title="Gangs tax the port")
        NewsletterList.objects.create(slug="weekly", name="The weekly briefing")

    def post(self, address, data):
        # Encoded here, as a browser or a script would send it: bytes go as they are, UTF-8 or not.
        return self.client.post(address, urlencode(data), content_type="application/x-www-form-urlencoded")

    def fuzzed(self, valid, values, keep_token):
        data = {**valid, **{name: value for name, value in values.items() if name in valid}}
        if keep_token:
            data["form_token"] = aged_token()
        return data

    @examples
    @given(values=st.dictionaries(st.sampled_from(list(donation_data())), FIELD_TEXT), keep_token=st.booleans())
    @example(values={"amount": "NAN"}, keep_token=True)
    @example(values={"amount": "Infinity", "currency": "EUR"}, keep_token=True)
    def test_the_donate_form(self, values, keep_token):
        response = self.post(reverse("donations:donate"), self.fuzzed(donation_data(), values, keep_token))
        self.assertIn(response.status_code, READER_ANSWERS)

    @examples
    @given(values=st.dictionaries(st.sampled_from(list(comment_data())), FIELD_TEXT), keep_token=st.booleans())
    def test_the_comment_form(self, values, keep_token):
        address = f"{reverse('donations:comment')}?article={self.article.pk}"
        response = self.post(address, self.fuzzed(comment_data(), values, keep_token))
        self.assertIn(response.status_code, READER_ANSWERS)

    @examples
    @given(values=st.dictionaries(st.sampled_from(["helpful", "feedback", "website"]), FIELD_TEXT))
    def test_the_helpful_vote(self, values):
        address = reverse("donations:helpful-vote", args=[self.article.section.slug, self.article.slug])
        response = self.post(address, {"helpful": "yes", **values})
        self.assertIn(response.status_code, READER_ANSWERS)

    @examples
    @given(values=st.dictionaries(st.sampled_from(["email", "newsletters", "website", "form_token"]), FIELD_TEXT))
    @example(values={"newsletters": "\x00"})
    def test_the_newsletter_form(self, values):
        data = {"form_token": aged_token(), "email": "lucia@example.org", "newsletters": "weekly", "website": ""}
        response = self.client.post(
            reverse("newsletters:signup"),
            urlencode({**data, **values}),
            content_type="application/x-www-form-urlencoded",
            HTTP_ORIGIN="http://testserver",
        )
        self.assertIn(response.status_code, READER_ANSWERS)

    @examples
    @given(article=FIELD_TEXT)
    def test_the_comment_form_address(self, article):
        response = self.client.get(f"{reverse('donations:comment')}?{urlencode({'article': article})}")
        self.assertIn(response.status_code, READER_ANSWERS)


@override_settings(DEBUG=False)
class AdminAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")

    def setUp(self):
        self.client.raise_request_exception = False
        self.client.force_login(self.editor)

    def test_a_mistyped_history_address_is_not_found(self):
        base = reverse("admin:articles_article_changelist")
        for path in [
            f"{self.article.pk}/history/abc/",
            f"{self.article.pk}/history/1x/",
            "abc/history/",
            "1x/history/2/",
        ]:
            with self.subTest(path=path):
                self.assertEqual(self.client.get(f"{base}{path}").status_code, 404)

    def test_the_history_addresses_still_work(self):
        version = self.article.history.first()
        self.assertEqual(
            self.client.get(reverse("admin:articles_article_history", args=[self.article.pk])).status_code, 200
        )
        address = reverse("admin:articles_article_simple_history", args=[self.article.pk, version.history_id])
        self.assertEqual(self.client.get(address).status_code, 200)
