"""Live stories: updates newest first under the pinned ones, the fragment the page polls, LiveBlogPosting
JSON-LD, the page cache on every update, and the admin where editors post updates."""

import json
import re
from datetime import timedelta

from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles import roles
from articles.models import Article, LiveUpdate
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    assert_cacheable_for_anyone,
    make_article,
    make_author,
    make_section,
    make_user,
)

SITE = "https://news.example.org"


def json_ld(response):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    return [json.loads(block) for block in blocks]


def update_ids(html):
    return [int(number) for number in re.findall(r'<article class="live-update[^"]*" id="update-(\d+)"', html)]


@override_settings(SITE_URL=SITE, NEWSROOM_NAME="Newsroom")
class LiveTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", name_es="Breves", slug="briefs")
        cls.reporter = make_author(name="Desmond Clarke", slug="desmond-clarke")
        now = timezone.now()
        cls.article = make_article(
            title="Live: inmates take over a prison in Guayaquil",
            slug="live-guayaquil-prison",
            section=cls.section,
            body="<p>What we know so far.</p>",
            publish_at=now - timedelta(hours=3),
            live_started_at=now - timedelta(hours=3),
        )
        cls.first = LiveUpdate.objects.create(
            article=cls.article, published_at=now - timedelta(hours=2), title="Riot starts", body="<p>Shots heard.</p>"
        )
        cls.second = LiveUpdate.objects.create(
            article=cls.article,
            published_at=now - timedelta(hours=1),
            body="<p>Police surround the prison.</p>",
            author=cls.reporter,
        )
        cls.summary = LiveUpdate.objects.create(
            article=cls.article,
            published_at=now - timedelta(hours=2, minutes=30),
            title="What we know",
            body="<p>Two wings are held by inmates.</p>",
            pinned=True,
        )
        cls.url = cls.article.get_absolute_url()
        cls.fragment_url = "/news/briefs/live-guayaquil-prison/live/"


class LivePageTests(LiveTestCase):
    def test_pinned_summary_first_then_updates_newest_first(self):
        response = self.client.get(self.url)

        self.assertEqual(update_ids(response.text), [self.summary.pk, self.second.pk, self.first.pk])
        self.assertContains(response, '<h2 id="live-heading">Live updates</h2>', html=True)
        self.assertContains(response, "Pinned")
        self.assertContains(response, "Desmond Clarke")
        self.assertContains(response, '<span class="live-badge">Live</span>', html=True)
        assert_cacheable_for_anyone(response)

    def test_the_page_refreshes_itself_with_a_file_of_our_own_and_a_polite_status(self):
        response = self.client.get(self.url)

        self.assertContains(response, '<script src="/static/js/live.js" defer></script>', html=True)
        self.assertContains(response, f'data-live-url="{self.fragment_url}"')
        self.assertContains(response, 'role="status"')
        self.assertNotRegex(response.text, r"<script(?![^>]*\b(src|type=\"application/ld\+json\"))")
        self.assertNotRegex(response.text, r'<[^>]+\sstyle="')

    def test_update_text_goes_through_the_sanitizer(self):
        LiveUpdate.objects.create(
            article=self.article, body='<p onclick="steal()">Calm <script>alert(1)</script>now</p>'
        )
        response = self.client.get(self.url)
        self.assertContains(response, "<p>Calm now</p>", html=True)
        self.assertNotContains(response, "alert(1)")
        self.assertNotContains(response, "steal()")

    def test_json_ld_is_a_live_blog_posting_with_its_updates(self):
        data = json_ld(self.client.get(self.url))[0]

        self.assertEqual(data["@type"], "LiveBlogPosting")
        self.assertEqual(data["coverageStartTime"], self.article.live_started_at.isoformat())
        self.assertNotIn("coverageEndTime", data)
        updates = data["liveBlogUpdate"]
        self.assertEqual([update["@type"] for update in updates], ["BlogPosting"] * 3)
        self.assertEqual(updates[0]["headline"], "What we know")
        self.assertEqual(updates[1]["articleBody"], "Police surround the prison.")
        self.assertEqual(updates[1]["headline"], "Police surround the prison.")
        self.assertEqual(updates[1]["author"]["name"], "Desmond Clarke")
        self.assertEqual(updates[2]["url"], f"{SITE}{self.url}#update-{self.first.pk}")
        self.assertEqual(updates[2]["datePublished"], self.first.published_at.isoformat())

    def test_ended_coverage_stops_refreshing_and_says_so(self):
        ended = timezone.now() - timedelta(minutes=5)
        Article.objects.filter(pk=self.article.pk).update(live_ended_at=ended)
        response = self.client.get(self.url)

        self.assertContains(response, "Live coverage ended on")
        self.assertNotContains(response, "live.js")
        self.assertNotContains(response, "data-live-url")
        self.assertEqual(json_ld(response)[0]["coverageEndTime"], ended.isoformat())
        self.assertEqual(update_ids(response.text), [self.summary.pk, self.second.pk, self.first.pk])
        fragment = self.client.get(self.fragment_url)
        self.assertContains(fragment, 'data-live-state="ended"')

    def test_an_ordinary_article_has_no_live_block_and_no_fragment(self):
        article = make_article(section=self.section, slug="ordinary")
        LiveUpdate.objects.create(article=article, body="<p>Stray update.</p>")
        response = self.client.get(article.get_absolute_url())
        self.assertNotContains(response, "Stray update.")
        self.assertNotContains(response, "live.js")
        self.assertEqual(json_ld(response)[0]["@type"], "NewsArticle")
        self.assertEqual(self.client.get("/news/briefs/ordinary/live/").status_code, 404)

    def test_spanish_live_story(self):
        spanish = make_article(
            title="En vivo: reos toman una cárcel",
            slug="en-vivo-carcel",
            section=self.section,
            language="es",
            live_started_at=timezone.now() - timedelta(hours=1),
        )
        LiveUpdate.objects.create(article=spanish, body="<p>La policía rodea el penal.</p>")
        response = self.client.get("/es/news/briefs/en-vivo-carcel/")
        self.assertContains(response, "Actualizaciones en vivo")
        self.assertContains(response, 'data-live-url="/es/news/briefs/en-vivo-carcel/live/"')
        self.assertContains(self.client.get("/es/news/briefs/en-vivo-carcel/live/"), "La policía rodea el penal.")
        # The fragment answers in the article's own language only.
        self.assertEqual(self.client.get("/news/briefs/en-vivo-carcel/live/").status_code, 404)

    def test_unpublished_live_stories_show_nothing(self):
        draft = make_article(section=self.section, slug="draft-live", published=False, live_started_at=timezone.now())
        LiveUpdate.objects.create(article=draft, body="<p>Secret.</p>")
        self.assertEqual(self.client.get("/news/briefs/draft-live/").status_code, 404)
        self.assertEqual(self.client.get("/news/briefs/draft-live/live/").status_code, 404)

    def test_query_count_does_not_grow_with_updates(self):
        """Guards against a query per update (author, article). A live story costs one query more than an
        ordinary article (ArticlePageTests pins that): its updates, with their authors."""
        # article (with its translation), bylines, tags, corrections, links, the updates, and on the first
        # render after a change the sections menu and organization news (related content: none to rank)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 8):
            self.client.get(self.url)
        for number in range(10):
            LiveUpdate.objects.create(
                article=self.article, body=f"<p>Update {number}.</p>", author=make_author(), pinned=number < 2
            )
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 8):
            response = self.client.get(self.url)
        self.assertEqual(len(update_ids(response.text)), 13)


class LiveFragmentTests(LiveTestCase):
    def test_fragment_holds_the_updates_and_is_a_public_page(self):
        response = self.client.get(self.fragment_url)

        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("text/html"))
        self.assertEqual(update_ids(response.text), [self.summary.pk, self.second.pk, self.first.pk])
        self.assertNotIn("<html", response.text)
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertIn("ETag", response)
        assert_cacheable_for_anyone(response)

    @override_settings(LIVE_CDN_CACHE_SECONDS=7, CDN_CACHE_SECONDS=60)
    def test_a_cdn_keeps_the_fragment_only_briefly(self):
        self.assertIn("s-maxage=7", self.client.get(self.fragment_url)["Cache-Control"])
        self.assertIn("s-maxage=60", self.client.get(self.url)["Cache-Control"])

    def test_a_poll_with_nothing_new_is_answered_not_modified(self):
        etag = self.client.get(self.fragment_url)["ETag"]
        with self.assertNumQueries(CONTENT_VERSION_QUERIES):
            response = self.client.get(self.fragment_url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 304)

    def test_query_count_does_not_grow_with_updates(self):
        """Guards against a query per update: the article, then its updates with their authors."""
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            self.client.get(self.fragment_url)
        for number in range(10):
            LiveUpdate.objects.create(article=self.article, body=f"<p>Update {number}.</p>", author=make_author())
        cache.clear()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 2):
            self.client.get(self.fragment_url)


class LiveCacheTests(LiveTestCase):
    def test_an_update_shows_at_once_on_the_cached_page_and_fragment(self):
        self.client.get(self.url)
        etag = self.client.get(self.fragment_url)["ETag"]
        self.assertEqual(self.client.get(self.url)["X-Cache"], "HIT")
        self.assertEqual(self.client.get(self.fragment_url)["X-Cache"], "HIT")

        update = LiveUpdate.objects.create(article=self.article, body="<p>Inmates release two guards.</p>")

        page = self.client.get(self.url)
        self.assertEqual(update_ids(page.text)[:2], [self.summary.pk, update.pk])
        fragment = self.client.get(self.fragment_url, HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(fragment.status_code, 200)
        self.assertContains(fragment, "Inmates release two guards.")
        self.assertIn(f"update-{update.pk}", json.dumps(json_ld(page)[0]))

    def test_edits_and_removals_show_at_once_too(self):
        self.client.get(self.fragment_url)
        self.second.body = "<p>Police and the army surround the prison.</p>"
        self.second.save()
        self.assertContains(self.client.get(self.fragment_url), "Police and the army surround the prison.")
        self.second.delete()
        self.assertNotContains(self.client.get(self.fragment_url), "surround the prison")
        self.assertNotContains(self.client.get(self.url), "surround the prison")


class LiveAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", is_staff=True)
        roles.assign_role(cls.editor, roles.EDITOR)
        cls.writer = make_user("writer", is_staff=True)
        roles.assign_role(cls.writer, roles.WRITER)
        cls.section = make_section(slug="briefs")
        cls.live = make_article(section=cls.section, title="Live: port strike", live_started_at=timezone.now())
        cls.ordinary = make_article(section=cls.section, title="An ordinary brief")

    def post_update(self, article, **fields):
        data = {
            "article": article.pk,
            "published_at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "published_at_1": timezone.localtime().strftime("%H:%M:%S"),
            "title": "",
            "body": "<p>Dockworkers block the gates.</p>",
            "author": "",
            **fields,
        }
        return self.client.post(reverse("admin:articles_liveupdate_add"), data)

    def test_an_editor_posts_an_update_on_its_own_and_readers_see_it(self):
        self.client.force_login(self.editor)
        response = self.post_update(
            self.live, pinned="on", body='<p>Dockworkers <a href="javascript:x()">block</a> the gates.</p>'
        )
        self.assertEqual(response.status_code, 302, response.content[:3000])
        update = LiveUpdate.objects.get()
        self.assertTrue(update.pinned)
        self.assertNotIn("javascript", update.body)
        self.client.logout()
        self.assertContains(self.client.get(self.live.get_absolute_url()), "Dockworkers")

    def test_updates_only_for_live_stories_and_not_from_the_future(self):
        self.client.force_login(self.editor)
        response = self.post_update(self.ordinary)
        self.assertContains(response, "is not a live story")
        later = timezone.localtime() + timedelta(hours=2)
        response = self.post_update(
            self.live, published_at_0=later.strftime("%Y-%m-%d"), published_at_1=later.strftime("%H:%M:%S")
        )
        self.assertContains(response, "An update cannot be dated in the future.")
        self.assertFalse(LiveUpdate.objects.exists())

    def test_a_writer_cannot_post_to_a_published_story(self):
        self.client.force_login(self.writer)
        response = self.post_update(self.live)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(LiveUpdate.objects.exists())

    def test_the_article_form_has_the_updates_inline_and_the_live_fields(self):
        LiveUpdate.objects.create(article=self.live, body="<p>First update.</p>")
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:articles_article_change", args=[self.live.pk]))
        self.assertContains(response, 'name="live_updates-0-body"')
        self.assertContains(response, "First update.")
        self.assertContains(response, 'name="live_started_at_0"')
        self.assertContains(response, 'name="live_ended_at_0"')
        # A form of its own for posting, with the story already chosen.
        add = reverse("admin:articles_liveupdate_add")
        self.assertContains(response, f'<a href="{add}?article={self.live.pk}">Post a live update</a>', html=True)
        form = self.client.get(f"{add}?article={self.live.pk}")
        self.assertEqual(form.context["adminform"].form.initial["article"], str(self.live.pk))
        # Text tools only: the body's blocks (figures, embeds…) are rendered by an article's page alone.
        self.assertContains(form, "BulletList")
        self.assertNotContains(form, "LibraryFigure")
        self.assertContains(response, "LibraryFigure")

    def test_the_inline_takes_updates_once_the_story_is_live(self):
        from tests.articles.admin.test_articles import article_form_data, management_form

        self.client.force_login(self.editor)
        update = {
            **management_form("live_updates", total=1),
            "live_updates-0-published_at_0": timezone.localtime().strftime("%Y-%m-%d"),
            "live_updates-0-published_at_1": timezone.localtime().strftime("%H:%M:%S"),
            "live_updates-0-body": "<p>The strike spreads to a second terminal.</p>",
        }
        data = {**article_form_data(section=self.section, slug="port-strike-live"), **update}
        response = self.client.post(reverse("admin:articles_article_add"), data)
        self.assertContains(response, "is not a live story")
        self.assertFalse(LiveUpdate.objects.exists())

        started = timezone.localtime() - timedelta(hours=1)
        data["live_started_at_0"] = started.strftime("%Y-%m-%d")
        data["live_started_at_1"] = started.strftime("%H:%M:%S")
        response = self.client.post(reverse("admin:articles_article_add"), data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(LiveUpdate.objects.get().article.slug, "port-strike-live")
