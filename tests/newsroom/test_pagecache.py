"""The full-page cache and the HTTP caching of public pages, through HTTP as readers, CDNs and staff meet them."""

import threading
from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
import redis
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from articles.roles import assign_role
from newsroom.pagecache import STAFF_COOKIE, staff_marker
from tests.articles.admin.test_articles import changelist_url
from tests.donations.conftest import REDIS_TEST_URL
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    make_article,
    make_author,
    make_country,
    make_section,
    make_user,
)


def cache_control(response):
    """The Cache-Control directives of `response` as a dict ({"public": True, "s-maxage": "60", ...})."""
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value or True
    return directives


class PageCacheTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", slug="briefs")
        cls.author = make_author(name="Marta Ruiz", slug="marta-ruiz")
        cls.country = make_country(name="Honduras", slug="honduras")
        cls.article = make_article(
            title="Port workers report extortion",
            section=cls.section,
            authors=[cls.author],
            tags=["extortion"],
            countries=[cls.country],
        )

    def setUp(self):
        self.reader = Client()

    def public_urls(self):
        """Every page where the article appears, or that changes when it does."""
        return [
            "/",
            self.article.get_absolute_url(),
            "/news/briefs/",
            "/tags/extortion/",
            "/countries/honduras/",
            "/authors/marta-ruiz/",
            "/feed/",
            "/tags/extortion/feed/",
            "/countries/honduras/feed/",
            "/authors/marta-ruiz/feed/",
            "/sitemap-articles.xml",
            "/news-sitemap.xml",
        ]

    def get_everywhere(self, urls=None):
        """Each page's body, read twice: the second time from the cache, as the next reader gets it."""
        bodies = {}
        for url in urls or self.public_urls():
            first = self.reader.get(url)
            again = self.reader.get(url)
            assert first.status_code == 200, url
            assert again["X-Cache"] == "HIT", url
            bodies[url] = again.content.decode()
        return bodies


class StoredPageTests(PageCacheTestCase):
    def test_the_next_reader_gets_the_stored_page_without_rendering(self):
        url = self.article.get_absolute_url()
        first = self.reader.get(url)
        self.assertEqual(first["X-Cache"], "MISS")
        with self.assertNumQueries(CONTENT_VERSION_QUERIES):
            second = Client().get(url)
        self.assertEqual(second["X-Cache"], "HIT")
        self.assertEqual(second.templates, [])
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], "text/html; charset=utf-8")
        # The headers that the rest of the site adds are on the stored page as on a rendered one.
        for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Content-Language"):
            self.assertEqual(second[header], first[header], header)

    def test_every_public_page_is_cached_and_cacheable_by_a_cdn(self):
        for url in [
            *self.public_urls(),
            "/es/",
            "/search/?q=extortion",
            "/corrections/",
            "/sitemap.xml",
            "/robots.txt",
        ]:
            with self.subTest(url=url):
                first = self.reader.get(url)
                second = self.reader.get(url)
                self.assertEqual(first.status_code, 200)
                self.assertEqual((first["X-Cache"], second["X-Cache"]), ("MISS", "HIT"))
                self.assertEqual(first.cookies, {})
                self.assertEqual(second.cookies, {})
                directives = cache_control(second)
                self.assertTrue(directives.get("public"))
                self.assertEqual(directives["max-age"], "0")
                self.assertEqual(directives["s-maxage"], "60")
                self.assertEqual(directives["stale-while-revalidate"], "60")
                self.assertEqual(directives["stale-if-error"], "86400")
                self.assertEqual(second["ETag"], first["ETag"])
                self.assertTrue(second["ETag"].startswith('W/"'))
                self.assertIn("GMT", second["Last-Modified"])

    def test_a_head_request_is_answered_from_the_stored_page(self):
        url = self.article.get_absolute_url()
        body = self.reader.get(url).content
        response = self.reader.head(url)
        self.assertEqual(response["X-Cache"], "HIT")
        self.assertEqual(response.content, b"")
        self.assertEqual(int(response["Content-Length"]), len(body))

    def test_pages_of_a_listing_are_stored_apart(self):
        for number in range(25):
            make_article(section=self.section, title=f"Brief {number}")
        first = self.reader.get("/news/briefs/")
        second = self.reader.get("/news/briefs/?page=2")
        self.assertEqual((first["X-Cache"], second["X-Cache"]), ("MISS", "MISS"))
        self.assertNotEqual(first.content, second.content)
        self.assertEqual(self.reader.get("/news/briefs/?page=2")["X-Cache"], "HIT")

    def test_tracking_parameters_do_not_split_the_cache_nor_reach_the_page(self):
        for number in range(25):
            make_article(section=self.section, title=f"Brief {number}")
        self.assertEqual(self.reader.get("/news/briefs/?page=2")["X-Cache"], "MISS")
        tracked = self.reader.get("/news/briefs/?utm_source=newsletter&page=2&fbclid=abc&gclid=xyz&utm_medium=email")
        self.assertEqual(tracked["X-Cache"], "HIT")
        # Rendered with tracking parameters, the page's own links carry none of them.
        cache.clear()
        rendered = self.reader.get("/news/briefs/?utm_campaign=spring&page=2&fbclid=abc")
        self.assertEqual(rendered["X-Cache"], "MISS")
        body = rendered.content.decode()
        self.assertIn('href="?page=1"', body)
        for tracker in ("utm_", "fbclid", "spring"):
            self.assertNotIn(tracker, body)
        # Any other unknown parameter is ignored the same way: it cannot be used to fill the cache.
        self.assertEqual(self.reader.get("/news/briefs/?page=2&x=1")["X-Cache"], "HIT")

    def test_a_repeated_parameter_is_read_as_the_view_reads_it(self):
        for number in range(45):
            make_article(section=self.section, title=f"Brief {number}")
        second = self.reader.get("/news/briefs/?page=3&page=2")
        third = self.reader.get("/news/briefs/?page=2&page=3")
        self.assertEqual(second.context["page_obj"].number, 2)
        self.assertEqual(third["X-Cache"], "MISS")
        self.assertEqual(third.context["page_obj"].number, 3)

    def test_a_failed_precondition_is_not_answered_for_everyone(self):
        response = self.reader.get(self.article.get_absolute_url(), HTTP_IF_MATCH='"something-else"')
        self.assertNotEqual(response.status_code, 304)
        if response.status_code == 412:
            self.assertNotIn("public", response.get("Cache-Control", ""))

    def test_the_same_search_in_another_order_is_one_page(self):
        self.assertEqual(self.reader.get("/search/?q=extortion&section=briefs")["X-Cache"], "MISS")
        self.assertEqual(self.reader.get("/search/?section=briefs&q=extortion&utm_source=x")["X-Cache"], "HIT")
        self.assertEqual(self.reader.get("/search/?q=ransom&section=briefs")["X-Cache"], "MISS")

    def test_english_and_spanish_pages_are_stored_apart(self):
        english = self.reader.get("/")
        spanish = self.reader.get("/es/")
        self.assertEqual((english["X-Cache"], spanish["X-Cache"]), ("MISS", "MISS"))
        self.assertEqual(spanish["Content-Language"], "es")
        self.assertEqual(self.reader.get("/", HTTP_ACCEPT_LANGUAGE="es")["Content-Language"], "en")

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_with_the_page_cache_off_pages_are_rendered_each_time_and_still_cacheable(self):
        first = self.reader.get("/")
        second = self.reader.get("/")
        self.assertNotIn("X-Cache", second)
        self.assertTemplateUsed(second, "articles/home.html")
        self.assertTrue(cache_control(second).get("public"))
        self.assertEqual(second["ETag"], first["ETag"])

    def test_pages_for_one_reader_are_never_stored(self):
        """The donate form carries a CSRF token of its own: each reader gets their own page."""
        for url in ("/donate/", f"/comments/?article={self.article.pk}"):
            with self.subTest(url=url):
                first = self.reader.get(url)
                self.assertEqual(first.status_code, 200)
                self.assertNotIn("X-Cache", first)
                self.assertNotIn("X-Cache", self.reader.get(url))
                self.assertIn("no-store", first["Cache-Control"])

    def test_not_found_pages_are_not_stored(self):
        response = self.reader.get("/news/briefs/no-such-story/")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("X-Cache", response)
        self.assertNotIn("public", response.get("Cache-Control", ""))


class InvalidationTests(PageCacheTestCase):
    """Any change that readers would see shows on the next request, on every page where it appears."""

    def test_publishing_an_article(self):
        draft = make_article(
            title="Customs chief arrested",
            section=self.section,
            authors=[self.author],
            tags=["extortion"],
            countries=[self.country],
            published=False,
        )
        before = self.get_everywhere()
        self.assertNotIn("Customs chief arrested", before["/"])
        draft.status = Article.Status.PUBLISHED
        draft.publish_at = timezone.now()
        draft.save()
        for url in [*self.public_urls(), draft.get_absolute_url()]:
            with self.subTest(url=url):
                response = self.reader.get(url)
                self.assertEqual(response["X-Cache"], "MISS")
                if url.endswith(".xml"):
                    self.assertIn(draft.get_absolute_url(), response.content.decode())
                elif url != self.article.get_absolute_url():
                    self.assertIn("Customs chief arrested", response.content.decode())

    def test_editing_an_article(self):
        self.get_everywhere()
        self.article.title = "Port workers report extortion by two gangs"
        self.article.save()
        for url in self.public_urls():
            if url.endswith(".xml") and url != "/news-sitemap.xml":
                continue  # lists addresses, not titles
            with self.subTest(url=url):
                self.assertIn("by two gangs", self.reader.get(url).content.decode())

    def test_unpublishing_an_article(self):
        self.get_everywhere()
        self.article.status = Article.Status.DRAFT
        self.article.save()
        self.assertEqual(self.reader.get(self.article.get_absolute_url()).status_code, 404)
        # The tag and author pages are gone with their only article; everything else no longer lists it.
        for url in (
            "/",
            "/news/briefs/",
            "/countries/honduras/",
            "/feed/",
            "/sitemap-articles.xml",
            "/news-sitemap.xml",
        ):
            with self.subTest(url=url):
                self.assertNotIn("Port workers report extortion", self.reader.get(url).content.decode())
        self.assertEqual(self.reader.get("/tags/extortion/").status_code, 404)
        self.assertEqual(self.reader.get("/authors/marta-ruiz/").status_code, 404)

    def test_correcting_an_article(self):
        self.get_everywhere([self.article.get_absolute_url(), "/corrections/"])
        Correction.objects.create(article=self.article, text="An earlier version gave the wrong port.")
        for url in (self.article.get_absolute_url(), "/corrections/"):
            with self.subTest(url=url):
                self.assertIn("An earlier version gave the wrong port.", self.reader.get(url).content.decode())

    def test_renaming_an_author_a_tag_a_country_and_a_section(self):
        self.get_everywhere()
        self.author.name = "Marta Ruiz Ochoa"
        self.author.save()
        self.assertIn("Marta Ruiz Ochoa", self.reader.get(self.article.get_absolute_url()).content.decode())
        tag = self.article.tags.get()
        tag.name = "Extortion rackets"
        tag.save()
        self.assertIn("Extortion rackets", self.reader.get("/tags/extortion/").content.decode())
        self.country.name = "República de Honduras"
        self.country.save()
        self.assertIn("República de Honduras", self.reader.get("/countries/honduras/").content.decode())
        self.section.name = "Short news"
        self.section.save()
        self.assertIn("Short news", self.reader.get("/").content.decode())

    def test_tagging_an_article(self):
        self.get_everywhere([self.article.get_absolute_url()])
        self.article.tags.add("money laundering")
        self.assertIn("money laundering", self.reader.get(self.article.get_absolute_url()).content.decode())
        self.get_everywhere(["/countries/honduras/"])
        self.article.countries.add(make_country(name="Guatemala", slug="guatemala"))
        self.article.countries.remove(self.country)
        self.assertNotIn("Port workers report", self.reader.get("/countries/honduras/").content.decode())
        self.assertIn("Port workers report", self.reader.get("/countries/guatemala/").content.decode())

    def test_an_editor_publishing_in_the_admin(self):
        draft = make_article(title="Mayor charged with fraud", section=self.section, published=False)
        self.get_everywhere(["/", "/feed/"])
        editor = make_user("editor")
        assign_role(editor, "Editor")
        desk = Client()
        desk.force_login(editor)
        desk.post(changelist_url(Article), {"action": "publish_now", "_selected_action": [draft.pk]})
        draft.refresh_from_db()
        self.assertTrue(draft.is_published)
        for url in ("/", "/feed/"):
            with self.subTest(url=url):
                self.assertIn("Mayor charged with fraud", self.reader.get(url).content.decode())

    def test_a_scheduled_article_appears_at_its_minute(self):
        go_live = timezone.now() + timedelta(minutes=30)
        make_article(title="Election day results", section=self.section, publish_at=go_live)
        before = self.get_everywhere(["/", "/feed/"])
        self.assertNotIn("Election day results", before["/"])
        with mock.patch("django.utils.timezone.now", return_value=go_live - timedelta(seconds=1)):
            self.assertEqual(self.reader.get("/")["X-Cache"], "HIT")
        with mock.patch("django.utils.timezone.now", return_value=go_live):
            for url in ("/", "/feed/"):
                with self.subTest(url=url):
                    response = self.reader.get(url)
                    self.assertEqual(response["X-Cache"], "MISS")
                    self.assertIn("Election day results", response.content.decode())
            self.assertEqual(self.reader.get("/")["X-Cache"], "HIT")

    def test_refresh_pages_marks_every_stored_page_out_of_date(self):
        """For content changed outside the site (a restored backup, a fix made in the database)."""
        self.get_everywhere(["/", self.article.get_absolute_url()])
        Article.objects.filter(pk=self.article.pk).update(title="Fixed in the database")
        self.assertEqual(self.reader.get("/")["X-Cache"], "HIT")
        call_command("refresh_pages", stdout=StringIO())
        for url in ("/", self.article.get_absolute_url()):
            with self.subTest(url=url):
                response = self.reader.get(url)
                self.assertEqual(response["X-Cache"], "MISS")
                self.assertContains(response, "Fixed in the database")


class ConditionalRequestTests(PageCacheTestCase):
    def test_a_current_etag_gets_304_without_rendering_even_when_the_page_is_not_stored(self):
        url = self.article.get_absolute_url()
        etag = self.reader.get(url)["ETag"]
        for stored in (True, False):
            if not stored:
                cache.clear()
            with self.subTest(stored=stored), self.assertNumQueries(CONTENT_VERSION_QUERIES):
                response = self.reader.get(url, HTTP_IF_NONE_MATCH=etag)
                self.assertEqual(response.status_code, 304)
                self.assertEqual(response.content, b"")
                self.assertEqual(response.templates, [])
                self.assertEqual(response["ETag"], etag)
                self.assertTrue(cache_control(response).get("public"))

    def test_if_modified_since_gets_304_until_something_changes(self):
        url = self.article.get_absolute_url()
        last_modified = self.reader.get(url)["Last-Modified"]
        self.assertEqual(self.reader.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code, 304)
        with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(seconds=5)):
            self.article.title = "A new title"
            self.article.save()
        response = self.reader.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A new title")

    def test_an_etag_from_before_a_change_gets_the_new_page(self):
        url = self.article.get_absolute_url()
        etag = self.reader.get(url)["ETag"]
        self.article.title = "A new title"
        self.article.save()
        response = self.reader.get(url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A new title")
        self.assertNotEqual(response["ETag"], etag)

    def test_each_page_has_its_own_etag(self):
        self.assertNotEqual(self.reader.get("/")["ETag"], self.reader.get("/es/")["ETag"])
        etag = self.reader.get("/")["ETag"]
        self.assertEqual(self.reader.get("/es/", HTTP_IF_NONE_MATCH=etag).status_code, 200)


class StaffTests(PageCacheTestCase):
    def setUp(self):
        super().setUp()
        self.editor = make_user("editor", is_staff=True)
        self.editor.user_permissions.add(Permission.objects.get(codename="view_article"))
        self.desk = Client()
        # Through the sign-in page, as staff do: that is where the staff marker is set.
        response = self.desk.post(reverse("admin:login"), {"username": "editor", "password": "a-long-test-password"})
        assert response.status_code == 302, response
        assert self.desk.cookies[STAFF_COOKIE].value

    def test_previews_are_never_cached(self):
        draft = make_article(title="Draft about ports", section=self.section, published=False)
        url = f"/preview/{draft.pk}/"
        first = self.desk.get(url)
        self.assertEqual(first.status_code, 200)
        self.assertNotIn("X-Cache", first)
        self.assertNotIn("ETag", first)
        self.assertIn("private", first["Cache-Control"])
        self.assertIn("no-store", first["Cache-Control"])
        draft.title = "Draft about ports, revised"
        draft.save()
        self.assertContains(self.desk.get(url), "Draft about ports, revised")
        # A reader asking for the same address gets nothing, cached or not.
        self.assertEqual(self.reader.get(url).status_code, 404)

    def test_signed_in_staff_get_pages_of_their_own(self):
        url = self.article.get_absolute_url()
        staff_page = self.desk.get(url)
        self.assertNotIn("X-Cache", staff_page)
        self.assertIn("private", staff_page["Cache-Control"])
        self.assertNotIn("ETag", staff_page)
        # Nothing the staff member saw was stored for readers.
        self.assertEqual(self.reader.get(url)["X-Cache"], "MISS")
        self.assertNotIn("X-Cache", self.desk.get(url))


class CookieRuleTests(PageCacheTestCase):
    """Only signed-in staff skip the page cache, recognised by a signed marker tied to their session; any
    other request is served from it, whatever cookies it carries (a cookie is free to send, a render is not)."""

    def stored(self, url, client):
        """True when `client` gets `url` from the page cache, with no query made for it."""
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        return response.get("X-Cache") == "HIT" and len(queries) <= CONTENT_VERSION_QUERIES

    def test_any_cookie_is_served_from_the_cache(self):
        url = self.article.get_absolute_url()
        self.reader.get(url)
        for cookies in [
            {"sessionid": "x"},
            {"sessionid": "a" * 32, "csrftoken": "y" * 32},
            {STAFF_COOKIE: "forged"},
            {"sessionid": "a" * 32, STAFF_COOKIE: "a" * 32 + ":" + "b" * 20},
            {"sessionid": "a" * 32, STAFF_COOKIE: staff_marker("b" * 32)},
        ]:
            with self.subTest(cookies=cookies):
                client = Client()
                client.cookies.load(cookies)
                self.assertTrue(self.stored(url, client))

    def test_staff_get_their_own_pages_and_lose_them_on_signing_out(self):
        make_user("editor", is_staff=True)
        url = self.article.get_absolute_url()
        self.reader.get(url)
        desk = Client()
        desk.post(reverse("admin:login"), {"username": "editor", "password": "a-long-test-password"})
        marker = desk.cookies[STAFF_COOKIE]
        self.assertTrue(marker["httponly"])
        response = desk.get(url)
        self.assertNotIn("X-Cache", response)
        self.assertIn("private", response["Cache-Control"])
        # The marker is worth nothing with another session cookie, or on its own.
        thief = Client()
        thief.cookies.load({STAFF_COOKIE: marker.value, "sessionid": "c" * 32})
        self.assertTrue(self.stored(url, thief))
        thief = Client()
        thief.cookies.load({STAFF_COOKIE: marker.value})
        self.assertTrue(self.stored(url, thief))
        desk.post(reverse("admin:logout"))
        self.assertEqual(desk.cookies[STAFF_COOKIE].value, "")
        self.assertTrue(self.stored(url, desk))

    def test_a_forged_marker_opens_no_staff_page(self):
        """The marker only decides whether the cache is skipped: staff pages still ask for a real session."""
        draft = make_article(title="Draft about ports", section=self.section, published=False)
        client = Client()
        client.cookies.load({"sessionid": "a" * 32, STAFF_COOKIE: staff_marker("a" * 32)})
        self.assertEqual(client.get(f"/preview/{draft.pk}/").status_code, 404)
        self.assertEqual(client.get(reverse("admin:articles_article_changelist")).status_code, 302)

    def test_signing_in_without_staff_rights_sets_no_marker(self):
        make_user("reader", is_staff=False)
        client = Client()
        client.post(reverse("admin:login"), {"username": "reader", "password": "a-long-test-password"})
        self.assertNotIn(STAFF_COOKIE, client.cookies)


class RedisCommands:
    """The commands Redis receives on the test database while the block runs, as Redis's MONITOR sees them
    (from any client: the test database is this run's own)."""

    END = "end-of-watch"

    def __enter__(self):
        self.server = redis.Redis.from_url(REDIS_TEST_URL)
        self.database = self.server.connection_pool.connection_kwargs.get("db", 0)
        self.commands = []
        self.monitor = self.server.monitor()
        self.monitor.__enter__()
        self.thread = threading.Thread(target=self.listen, daemon=True)
        self.thread.start()
        return self

    def listen(self):
        seen = []
        for command in self.monitor.listen():
            if command["db"] != self.database:
                continue
            client = (command.get("client_address"), command.get("client_port"))
            if self.END in command["command"]:
                # Less the watcher's own connection.
                self.commands = [name for sender, name in seen if sender != client]
                return
            seen.append((client, command["command"].split()[0].upper()))

    def __exit__(self, *exc_info):
        self.server.echo(self.END)
        self.thread.join(timeout=10)
        self.monitor.__exit__(*exc_info)


@pytest.mark.django_db(transaction=True)
def test_with_redis_a_stored_page_costs_no_query_and_a_change_reaches_every_process(
    client, django_assert_num_queries, settings
):
    """With REDIS_URL the version lives in Redis beside the pages: a stored page is one round trip to
    Redis (both read at once) and no database query, and a committed change replaces it for every worker
    and server."""
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.outages.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "pagecache-test",
        }
    }
    cache.clear()
    article = make_article(title="Port workers report extortion")
    url = article.get_absolute_url()
    assert client.get(url)["X-Cache"] == "MISS"
    with django_assert_num_queries(0), RedisCommands() as redis_commands:
        response = client.get(url)
    assert response["X-Cache"] == "HIT"
    assert redis_commands.commands == ["MGET"]
    # The same Redis client serves every call of the process (newsroom/cache.py).
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    article.title = "Port workers report extortion by two gangs"
    article.save()
    response = client.get(url)
    assert response["X-Cache"] == "MISS"
    assert "by two gangs" in response.content.decode()
    cache.clear()
