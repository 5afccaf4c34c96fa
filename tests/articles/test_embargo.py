"""Embargoes, through HTTP: an embargoed investigation is invisible on every page a reader or a crawler
can ask for until the minute it lifts, and everywhere right after, with the page cache on; partner outlets
read it at their own logged, revocable addresses; nobody can publish it early."""

import uuid
from datetime import timedelta
from unittest import mock

from django.contrib.contenttypes.models import ContentType
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleLink, Correction, PartnerAccess, PartnerLink
from articles.roles import assign_role
from tests.articles.admin.test_articles import article_form_data, change_url, changelist_url
from tests.factories import make_article, make_author, make_country, make_section, make_user

TITLE = "Port cartel paid the customs chief"
SLUG = "port-cartel-paid-customs-chief"
TITLE_ES = "El cartel del puerto pagó al jefe de aduanas"
SLUG_ES = "cartel-puerto-pago-jefe-aduanas"


def at(moment):
    """Every clock of the site (pages, the page cache, the published() rule) set to `moment`."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


class EmbargoTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.lifts_at = (timezone.now() + timedelta(minutes=30)).replace(second=0, microsecond=0)
        cls.section = make_section(name="Investigations", slug="investigations")
        cls.author = make_author(name="Marta Ruiz", slug="marta-ruiz")
        cls.country = make_country(name="Honduras", slug="honduras")
        # Already published, on the same topics: the tag, country and author pages exist before the lift.
        cls.older = make_article(
            title="Cocaine through the northern ports",
            section=cls.section,
            authors=[cls.author],
            tags=["cocaine"],
            countries=[cls.country],
            publish_at=timezone.now() - timedelta(days=2),
        )
        cls.older_es = make_article(
            title="Cocaína por los puertos del norte",
            language="es",
            section=cls.section,
            authors=[cls.author],
            tags=["cocaína"],
            countries=[cls.country],
            publish_at=timezone.now() - timedelta(days=2),
        )
        key = uuid.uuid4()
        cls.article = make_article(
            title=TITLE,
            slug=SLUG,
            section=cls.section,
            authors=[cls.author],
            tags=["cocaine", "customs bribes"],
            countries=[cls.country],
            primary_country=cls.country,
            body="<p>Ledgers show monthly payments to the customs chief.</p>",
            status=Article.Status.EMBARGOED,
            publish_at=cls.lifts_at,
            translation_key=key,
        )
        cls.spanish = make_article(
            title=TITLE_ES,
            slug=SLUG_ES,
            language="es",
            section=cls.section,
            authors=[cls.author],
            tags=["cocaína", "sobornos aduaneros"],
            countries=[cls.country],
            body="<p>Los libros contables muestran pagos mensuales al jefe de aduanas.</p>",
            status=Article.Status.EMBARGOED,
            publish_at=cls.lifts_at,
            translation_key=key,
        )
        # An editor linked to it ahead of time, and a correction was filed before the lift.
        ArticleLink.objects.create(from_article=cls.older, to_article=cls.article, kind=ArticleLink.Kind.RELATED)
        ArticleLink.objects.create(from_article=cls.older_es, to_article=cls.spanish, kind=ArticleLink.Kind.RELATED)
        Correction.objects.create(article=cls.article, text="The customs chief's title was corrected.")
        cls.editor = make_user("editor", first_name="Luis", last_name="Paz")
        assign_role(cls.editor, "Editor")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")

    def setUp(self):
        self.reader = Client()


class EverySurfaceTests(EmbargoTestCase):
    # Pages that exist before the lift, and must not mention the article until then.
    LISTED = [
        "/",
        "/es/",
        "/news/investigations/",
        "/es/news/investigations/",
        "/tags/cocaine/",
        "/es/tags/cocaina/",
        "/countries/honduras/",
        "/es/countries/honduras/",
        "/authors/marta-ruiz/",
        "/es/authors/marta-ruiz/",
        "/feed/",
        "/es/feed/",
        "/tags/cocaine/feed/",
        "/countries/honduras/feed/",
        "/authors/marta-ruiz/feed/",
        "/es/authors/marta-ruiz/feed/",
        "/search/?q=customs",
        "/es/search/?q=aduanas",
        "/corrections/",
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/news-sitemap.xml",
    ]
    # Pages that are the article's own, or exist only because of it: not found until the lift.
    OWN = [
        f"/news/investigations/{SLUG}/",
        f"/es/news/investigations/{SLUG_ES}/",
        "/tags/customs-bribes/",
        "/tags/customs-bribes/feed/",
    ]

    def related_pages(self):
        """Pages of other articles that pick it as related content."""
        return [self.older.get_absolute_url(), self.older_es.get_absolute_url()]

    def assert_hidden(self, url, response):
        body = response.content.decode()
        for secret in (TITLE, SLUG, TITLE_ES, SLUG_ES, "customs-bribes", "sobornos-aduaneros"):
            self.assertNotIn(secret, body, f"{url} shows {secret!r}")

    def test_invisible_everywhere_until_the_minute_it_lifts_and_visible_everywhere_after(self):
        listed = [*self.LISTED, *self.related_pages()]
        # Before: every reader and crawler page, read twice so the second comes from the page cache.
        for url in listed:
            with self.subTest(url=url, moment="before"):
                first, again = self.reader.get(url), self.reader.get(url)
                self.assertEqual(first.status_code, 200)
                self.assertEqual(again["X-Cache"], "HIT")
                self.assert_hidden(url, first)
                self.assert_hidden(url, again)
        for url in self.OWN:
            with self.subTest(url=url, moment="before"):
                self.assertEqual(self.reader.get(url).status_code, 404)

        # A second before the lift: still hidden, the stored pages still good.
        with at(self.lifts_at - timedelta(seconds=1)):
            for url in listed:
                with self.subTest(url=url, moment="a second before"):
                    response = self.reader.get(url)
                    self.assertEqual(response["X-Cache"], "HIT")
                    self.assert_hidden(url, response)
            for url in self.OWN:
                with self.subTest(url=url, moment="a second before"):
                    self.assertEqual(self.reader.get(url).status_code, 404)

        # The minute it lifts: no stored page is served, and every page shows it.
        with at(self.lifts_at):
            shown_as = {
                "/es/": TITLE_ES,
                "/es/news/investigations/": TITLE_ES,
                "/es/tags/cocaina/": TITLE_ES,
                "/es/countries/honduras/": TITLE_ES,
                "/es/authors/marta-ruiz/": TITLE_ES,
                "/es/feed/": TITLE_ES,
                "/es/authors/marta-ruiz/feed/": TITLE_ES,
                "/es/search/?q=aduanas": TITLE_ES,
                self.older_es.get_absolute_url(): TITLE_ES,
                "/sitemap-articles.xml": SLUG,
                "/sitemap-tags.xml": "customs-bribes",
                "/news-sitemap.xml": SLUG,
            }
            for url in listed:
                with self.subTest(url=url, moment="lift"):
                    response = self.reader.get(url)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response["X-Cache"], "MISS")
                    self.assertIn(shown_as.get(url, TITLE), response.content.decode())
            for url in self.OWN:
                with self.subTest(url=url, moment="lift"):
                    self.assertEqual(self.reader.get(url).status_code, 200)
            page = self.reader.get(f"/news/investigations/{SLUG}/")
            self.assertContains(page, "Ledgers show monthly payments")
            self.assertContains(page, f'href="/es/news/investigations/{SLUG_ES}/"')
            self.assertNotContains(page, "preview-banner")
            self.assertContains(self.reader.get("/news-sitemap.xml"), SLUG_ES)

    def test_the_page_cache_knows_when_the_embargo_lifts(self):
        """The next change the cache waits for is the lift, even with no scheduled article at all."""
        from newsroom.pagecache import _load_version, content_changed

        content_changed()
        self.assertEqual(_load_version().next_change_at, self.lifts_at)

    def test_staff_previews_say_it_is_under_embargo(self):
        self.client.force_login(self.writer)
        response = self.client.get(reverse("articles:article-preview", args=[self.article.pk]))
        self.assertContains(response, "under embargo until")
        self.assertIn("no-store", response["Cache-Control"])


class PartnerLinkTests(EmbargoTestCase):
    def make_link(self, partner="Radio Frontera", **fields):
        return PartnerLink.objects.create(article=self.article, partner=partner, created_by=self.editor, **fields)

    def test_a_partner_reads_it_privately_and_every_visit_is_logged(self):
        link = self.make_link()
        url = link.get_absolute_url()
        response = self.reader.get(url)

        self.assertContains(response, TITLE)
        self.assertContains(response, "Ledgers show monthly payments")
        self.assertContains(response, "shared with Radio Frontera")
        self.assertContains(response, "under embargo until")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">', html=True)
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])
        self.assertNotIn("X-Cache", response)
        self.assertNotIn("ETag", response)
        # No buttons that would spread it before the lift.
        self.assertNotContains(response, "Was this content helpful?")
        self.assertNotContains(response, "https://wa.me/")

        self.reader.get(url)
        visits = PartnerAccess.objects.filter(link=link)
        self.assertEqual([visit.partner for visit in visits], ["Radio Frontera", "Radio Frontera"])
        self.assertEqual({visit.outcome for visit in visits}, {PartnerAccess.Outcome.READ})
        self.assertLess(timezone.now() - visits[0].accessed_at, timedelta(minutes=1))
        # Nothing the partner saw reached readers, nor the page cache.
        self.assertEqual(self.reader.get(self.article.get_absolute_url()).status_code, 404)
        self.assertNotIn("X-Cache", self.reader.get(url))

    def test_the_desk_checking_a_link_is_not_taken_for_the_partner(self):
        link = self.make_link()
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(link.get_absolute_url()), "shared with Radio Frontera")
        self.assertFalse(PartnerAccess.objects.exists())
        # Nor does the admin offer "View on site", which would open it as the partner.
        partner_links = ContentType.objects.get_for_model(PartnerLink)
        self.assertNotContains(self.client.get(change_url(self.article)), f"/r/{partner_links.pk}/")

    def test_each_partner_has_an_address_of_its_own_in_the_article_language(self):
        one, other = self.make_link("Radio Frontera"), self.make_link("Diario del Golfo")
        self.assertNotEqual(one.get_absolute_url(), other.get_absolute_url())
        spanish = PartnerLink.objects.create(article=self.spanish, partner="Diario del Golfo")
        self.assertTrue(spanish.get_absolute_url().startswith("/es/embargo/"))
        self.assertContains(self.reader.get(spanish.get_absolute_url()), "compartido con Diario del Golfo")

    def test_revoked_unknown_and_cancelled_links_are_not_found(self):
        revoked = self.make_link(revoked=True)
        self.assertEqual(self.reader.get(revoked.get_absolute_url()).status_code, 404)
        self.assertEqual(self.reader.get("/embargo/not-a-real-token/").status_code, 404)
        link = self.make_link()
        Article.objects.filter(pk=self.article.pk).update(status=Article.Status.DRAFT)
        response = self.reader.get(link.get_absolute_url())
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, TITLE, status_code=404)
        # Tried and refused, and logged: a revoked link still in use may be how a story leaks.
        self.assertEqual(
            sorted(PartnerAccess.objects.values_list("partner", "outcome")),
            [("Radio Frontera", "refused"), ("Radio Frontera", "refused")],
        )

    def test_after_the_lift_the_address_sends_the_partner_to_the_public_page(self):
        link = self.make_link()
        with at(self.lifts_at + timedelta(minutes=1)):
            response = self.reader.get(link.get_absolute_url())
        self.assertRedirects(response, self.article.get_absolute_url(), fetch_redirect_response=False)
        self.assertEqual(response["Referrer-Policy"], "no-referrer")
        self.assertEqual(PartnerAccess.objects.get().outcome, PartnerAccess.Outcome.AFTER_LIFT)

    def test_an_editor_makes_revokes_and_reads_the_log_in_the_admin(self):
        self.client.force_login(self.editor)
        data = article_form_data(
            section=self.section,
            title=self.article.title,
            slug=self.article.slug,
            body=self.article.body,
            publish_at_0=timezone.localtime(self.lifts_at).date().isoformat(),
            publish_at_1=timezone.localtime(self.lifts_at).time().isoformat(),
            edit_token=self.article.updated_at.isoformat(),
            **{"partner_links-TOTAL_FORMS": "1", "partner_links-0-partner": "Radio Frontera"},
        )
        response = self.client.post(change_url(self.article), data)
        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        link = PartnerLink.objects.get()
        self.assertEqual((link.partner, link.created_by), ("Radio Frontera", self.editor))

        page = self.client.get(change_url(self.article))
        self.assertContains(page, link.get_absolute_url())
        self.assertContains(page, "none yet")

        Client().get(link.get_absolute_url())
        page = self.client.get(change_url(self.article))
        self.assertContains(page, f"?link__id__exact={link.pk}")
        log = self.client.get(reverse("admin:articles_partneraccess_changelist"))
        self.assertContains(log, "Radio Frontera")
        self.assertContains(log, TITLE)
        link_page = self.client.get(reverse("admin:articles_partnerlink_change", args=[link.pk]))
        self.assertContains(link_page, "Radio Frontera")
        self.assertContains(link_page, link.get_absolute_url())

        self.client.post(changelist_url(PartnerLink), {"action": "revoke", "_selected_action": [link.pk]}, follow=True)
        self.assertEqual(Client().get(link.get_absolute_url()).status_code, 404)
        # The log is a record: nobody edits or deletes it.
        access = PartnerAccess.objects.filter(outcome=PartnerAccess.Outcome.REFUSED).get()
        self.assertEqual(
            self.client.post(
                reverse("admin:articles_partneraccess_delete", args=[access.pk]), {"post": "yes"}
            ).status_code,
            403,
        )

    def test_writers_cannot_make_partner_links_nor_read_the_log(self):
        self.client.force_login(self.writer)
        self.assertEqual(self.client.get(changelist_url(PartnerLink)).status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:articles_partneraccess_changelist")).status_code, 403)


class NoEarlyPublicationTests(EmbargoTestCase):
    def post_change(self, user, article, **fields):
        self.client.force_login(user)
        local = timezone.localtime(article.publish_at) if article.publish_at else None
        fields = {
            "title": article.title,
            "slug": article.slug,
            "body": article.body,
            "edit_token": article.updated_at.isoformat(),
            "publish_at_0": local.date().isoformat() if local else "",
            "publish_at_1": local.time().isoformat() if local else "",
            **fields,
        }
        return self.client.post(change_url(article), article_form_data(section=self.section, **fields))

    def assert_still_embargoed(self):
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Article.Status.EMBARGOED)
        self.assertEqual(self.article.publish_at, self.lifts_at)
        self.assertEqual(self.reader.get(f"/news/investigations/{SLUG}/").status_code, 404)

    def test_publish_now_on_the_change_form_is_refused_with_the_reason(self):
        response = self.post_change(self.editor, self.article, _transition="publish", dek="A new dek")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "is under embargo until")
        self.assertContains(response, "cannot be published before")
        # What was typed is kept in the form.
        self.assertContains(response, 'value="A new dek"')
        self.assert_still_embargoed()

    def test_the_change_form_offers_no_publishing_under_embargo(self):
        self.client.force_login(self.editor)
        page = self.client.get(change_url(self.article))
        self.assertContains(page, "under embargo until")
        self.assertContains(page, 'name="_transition" value="cancel-embargo"')
        for name in ("publish", "schedule", "unpublish", "embargo"):
            self.assertNotContains(page, f'name="_transition" value="{name}"')

    def test_publish_now_from_the_list_is_refused_with_the_reason(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            changelist_url(Article), {"action": "publish_now", "_selected_action": [self.article.pk]}, follow=True
        )
        self.assertContains(response, "is under embargo until")
        self.assert_still_embargoed()

    def test_moving_the_lift_into_the_past_is_refused(self):
        past = timezone.localtime(timezone.now() - timedelta(minutes=5))
        response = self.post_change(
            self.editor, self.article, publish_at_0=past.date().isoformat(), publish_at_1=past.strftime("%H:%M:%S")
        )
        self.assertContains(response, "the time it lifts can only move to a time still to come")
        self.assert_still_embargoed()

    def test_moving_the_lift_later_moves_it_for_readers_and_the_cache(self):
        later = timezone.localtime(self.lifts_at + timedelta(days=1))
        # The Spanish version's embargo moves first: neither may lift before the other (tested below).
        Article.objects.filter(pk=self.spanish.pk).update(publish_at=later)
        response = self.post_change(
            self.editor, self.article, publish_at_0=later.date().isoformat(), publish_at_1=later.strftime("%H:%M:%S")
        )
        self.assertEqual(response.status_code, 302)
        with at(self.lifts_at + timedelta(minutes=1)):
            self.assertEqual(self.reader.get(f"/news/investigations/{SLUG}/").status_code, 404)
            self.assertNotContains(self.reader.get("/"), TITLE)
        with at(later):
            self.assertContains(self.reader.get("/"), TITLE)

    def test_a_writer_can_neither_embargo_nor_publish(self):
        draft = make_article(title="A draft", section=self.section, published=False, created_by=self.writer)
        tomorrow = timezone.localtime(timezone.now() + timedelta(days=1))
        response = self.post_change(
            self.writer,
            draft,
            _transition="embargo",
            publish_at_0=tomorrow.date().isoformat(),
            publish_at_1="06:00:00",
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.post_change(self.writer, self.article, _transition="publish").status_code, 403)
        draft.refresh_from_db()
        self.assertEqual(draft.status, Article.Status.DRAFT)

    def moved(self, article, when, **fields):
        """`article` saved by an editor with its publish time at `when`, its language and pair kept."""
        local = timezone.localtime(when)
        partner = self.spanish if article.pk == self.article.pk else self.article
        return self.post_change(
            self.editor,
            article,
            language=article.language,
            translation=str(partner.pk),
            publish_at_0=local.date().isoformat(),
            publish_at_1=local.strftime("%H:%M:%S"),
            **fields,
        )

    def test_a_translation_cannot_be_embargoed_to_lift_before_its_original(self):
        Article.objects.filter(pk=self.spanish.pk).update(status=Article.Status.DRAFT)
        self.spanish.refresh_from_db()
        response = self.moved(self.spanish, self.lifts_at - timedelta(minutes=10), _transition="embargo")
        self.assertContains(response, "the other version, is under embargo until")
        self.spanish.refresh_from_db()
        self.assertEqual(self.spanish.status, Article.Status.DRAFT)

    def test_an_embargo_cannot_move_past_a_translation_that_goes_out_earlier(self):
        Article.objects.filter(pk=self.spanish.pk).update(status=Article.Status.PUBLISHED)
        response = self.moved(self.article, self.lifts_at + timedelta(days=1))
        self.assertContains(response, "would go out before the embargo on its other version lifts")
        self.article.refresh_from_db()
        self.assertEqual(self.article.publish_at, self.lifts_at)

    def test_a_scheduled_translation_cannot_be_moved_before_the_embargo_lifts(self):
        Article.objects.filter(pk=self.spanish.pk).update(
            status=Article.Status.PUBLISHED, publish_at=self.lifts_at + timedelta(hours=1)
        )
        self.spanish.refresh_from_db()
        response = self.moved(self.spanish, self.lifts_at - timedelta(minutes=10))
        self.assertContains(response, "would go out before the embargo on its other version lifts")
        self.spanish.refresh_from_db()
        self.assertEqual(self.spanish.publish_at, self.lifts_at + timedelta(hours=1))
        # Both at the same minute is the way to go out together.
        together = self.moved(self.spanish, self.lifts_at)
        self.assertEqual(together.status_code, 302, together.context and together.context["adminform"].form.errors)

    def test_an_editor_embargoes_a_draft_until_a_time_to_come(self):
        draft = make_article(title="Mayors on the payroll", section=self.section, published=False)
        self.client.force_login(self.editor)
        page = self.client.get(change_url(draft))
        self.assertContains(page, 'name="_transition" value="embargo"')

        past = timezone.localtime(timezone.now() - timedelta(hours=1))
        response = self.post_change(
            self.editor,
            draft,
            _transition="embargo",
            publish_at_0=past.date().isoformat(),
            publish_at_1=past.strftime("%H:%M:%S"),
        )
        self.assertContains(response, "Set the time the embargo lifts (the publish time) in the future to embargo.")

        lift = timezone.localtime(timezone.now() + timedelta(days=2)).replace(hour=6, minute=0, second=0, microsecond=0)
        response = self.post_change(
            self.editor,
            draft,
            _transition="embargo",
            publish_at_0=lift.date().isoformat(),
            publish_at_1="06:00:00",
        )
        self.assertEqual(response.status_code, 302)
        draft.refresh_from_db()
        self.assertEqual((draft.status, draft.publish_at, draft.published_by), ("embargoed", lift, self.editor))
        listing = self.client.get(changelist_url(Article) + "?publication=embargoed")
        self.assertContains(listing, "Mayors on the payroll")
        self.assertContains(listing, "Under embargo")
        self.assertNotContains(self.reader.get("/"), "Mayors on the payroll")

    def test_cancelling_the_embargo_takes_it_back_to_draft_and_stops_partner_links(self):
        link = PartnerLink.objects.create(article=self.article, partner="Radio Frontera")
        response = self.post_change(self.editor, self.article, _transition="cancel-embargo")
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Article.Status.DRAFT)
        self.assertEqual(self.reader.get(link.get_absolute_url()).status_code, 404)

    def test_once_lifted_it_is_published_and_can_be_unpublished(self):
        self.client.force_login(self.editor)
        with at(self.lifts_at + timedelta(minutes=1)):
            page = self.client.get(change_url(self.article))
            # Unpublishing is asked about on a page of its own (tests/articles/test_desk.py).
            self.assertContains(page, reverse("admin:articles_article_unpublish", args=[self.article.pk]))
            self.assertNotContains(page, 'name="_transition" value="cancel-embargo"')
            listing = self.client.get(changelist_url(Article) + "?publication=live")
            self.assertContains(listing, TITLE)
