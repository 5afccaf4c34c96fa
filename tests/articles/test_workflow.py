"""Roles and the editorial workflow, through the admin over HTTP: each transition for each role,
allowed and refused on the server, whatever the browser sends."""

from datetime import timedelta
from io import StringIO

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, ArticleRedirect
from articles.roles import ROLES, assign_role
from tests.articles.admin.test_articles import add_url, article_form_data, change_url, changelist_url
from tests.factories import make_article, make_author, make_section, make_user


class RoleTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")
        cls.writer_author = make_author(name="Ana Ruiz", user=cls.writer)
        cls.other_writer = make_user("other-writer")
        assign_role(cls.other_writer, "Writer")
        cls.editor = make_user("editor", first_name="Luis", last_name="Paz")
        assign_role(cls.editor, "Editor")
        cls.fundraiser = make_user("fundraiser")
        assign_role(cls.fundraiser, "Fundraising")

    def draft(self, *, owner=None, status=Article.Status.DRAFT, **fields):
        fields.setdefault("section", self.section)
        article = make_article(published=False, status=status, created_by=owner, **fields)
        return article

    def post_change(self, user, article, **fields):
        self.client.force_login(user)
        fields = {
            "title": article.title,
            "slug": article.slug,
            "edit_token": article.updated_at.isoformat(),
            **fields,
        }
        data = article_form_data(section=self.section, **fields)
        return self.client.post(change_url(article), data)

    def transition(self, user, article, name, **fields):
        return self.post_change(user, article, _transition=name, **fields)


class RolesTests(RoleTestCase):
    def test_the_migration_created_every_role_with_its_permissions(self):
        groups = {group.name: group for group in Group.objects.prefetch_related("permissions__content_type")}
        self.assertLessEqual(set(ROLES), set(groups))
        perms = {
            name: {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
            for name, group in groups.items()
        }
        self.assertIn("articles.publish_article", perms["Editor"])
        self.assertNotIn("articles.publish_article", perms["Writer"])
        self.assertIn("articles.add_article", perms["Writer"])
        self.assertEqual(
            perms["Fundraising"],
            {
                "donations.view_donation",
                "donations.export_donation",
                "donations.record_donation_change",
                "donations.view_monthlygift",
                "donations.view_monthlypayment",
                "donations.view_donationchange",
                "donations.view_annualreceipt",
                "donations.view_paymentevent",
                "donations.view_republication",
                *(f"donations.{action}_newsletterlist" for action in ("add", "change", "delete", "view")),
                "donations.view_subscription",
                "donations.change_subscription",
                "donations.export_subscription",
                *(f"donations.{action}_prompt" for action in ("add", "change", "delete", "view")),
            },
        )
        self.assertIn("donations.change_comment", perms["Moderator"])
        self.assertFalse(any(p.startswith("articles.") for p in perms["Moderator"] | perms["Fundraising"]))

    def test_assign_role_command(self):
        user = make_user("marta")
        out = StringIO()

        call_command("assign_role", "marta", "editor", stdout=out)

        user.refresh_from_db()
        self.assertTrue(user.is_staff)
        self.assertEqual(list(user.groups.values_list("name", flat=True)), ["Editor"])
        self.assertIn("marta is now staff with the roles: Editor.", out.getvalue())

        call_command("assign_role", "marta", "Writer", "--only", stdout=StringIO())
        self.assertEqual(list(user.groups.values_list("name", flat=True)), ["Writer"])

    def test_assign_role_command_refuses_unknown_users_and_roles(self):
        make_user("marta")
        with self.assertRaisesMessage(CommandError, "No user called 'nobody'."):
            call_command("assign_role", "nobody", "Editor")
        with self.assertRaisesMessage(CommandError, "Unknown role 'Publisher'"):
            call_command("assign_role", "marta", "Publisher")

    def test_fundraising_staff_cannot_open_articles(self):
        self.client.force_login(self.fundraiser)
        self.assertEqual(self.client.get(changelist_url(Article)).status_code, 403)
        self.assertEqual(self.client.get(add_url(Article)).status_code, 403)


class WriterTests(RoleTestCase):
    def test_a_writer_creates_a_draft_whatever_status_is_posted(self):
        self.client.force_login(self.writer)
        data = article_form_data(section=self.section, status="published", publish_at_0="2014-07-08")

        response = self.client.post(add_url(Article), data)

        self.assertRedirects(response, changelist_url(Article))
        article = Article.objects.get(slug="extortion-rings-bus-terminals")
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.assertIsNone(article.publish_at)
        self.assertEqual(article.created_by, self.writer)

    def test_a_writer_can_save_and_submit_a_new_article(self):
        self.client.force_login(self.writer)
        response = self.client.post(add_url(Article), article_form_data(section=self.section, _transition="submit"))

        self.assertRedirects(response, changelist_url(Article))
        self.assertEqual(Article.objects.get().status, Article.Status.IN_REVIEW)

    def test_a_writer_submits_and_withdraws_an_own_draft(self):
        article = self.draft(owner=self.writer)

        response = self.transition(self.writer, article, "submit", dek="Now with a better dek.")

        self.assertRedirects(response, changelist_url(Article))
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)
        self.assertEqual(article.dek, "Now with a better dek.")

        self.transition(self.writer, article, "return")
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)

    def test_an_article_the_writer_signs_is_theirs_too(self):
        article = self.draft(owner=self.other_writer, authors=[self.writer_author])
        self.transition(self.writer, article, "submit")
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

    def test_a_writer_is_offered_no_editor_transitions(self):
        article = self.draft(owner=self.writer)
        self.client.force_login(self.writer)

        response = self.client.get(change_url(article))

        self.assertContains(response, 'name="_transition" value="submit"')
        for name in ("publish", "schedule", "unpublish"):
            self.assertNotContains(response, f'value="{name}"')
        # Scheduling is an editor's call: the publish time is shown, not editable.
        self.assertNotContains(response, 'name="publish_at_0"')

    def test_a_writer_cannot_publish_schedule_or_unpublish_even_by_posting(self):
        future = timezone.now() + timedelta(days=2)
        for name in ("publish", "schedule"):
            for status in (Article.Status.DRAFT, Article.Status.IN_REVIEW):
                with self.subTest(name=name, status=status):
                    article = self.draft(owner=self.writer, status=status, publish_at=future)
                    response = self.transition(
                        self.writer,
                        article,
                        name,
                        publish_at_0=future.date().isoformat(),
                        publish_at_1="10:00:00",
                    )
                    self.assertEqual(response.status_code, 403)
                    article.refresh_from_db()
                    self.assertEqual(article.status, status)
        published = make_article(section=self.section, created_by=self.writer)
        response = self.transition(self.writer, published, "unpublish")
        self.assertEqual(response.status_code, 403)
        published.refresh_from_db()
        self.assertTrue(published.is_published)

    def test_a_writer_cannot_edit_published_work_even_their_own(self):
        for owner in (self.writer, self.other_writer):
            with self.subTest(owner=owner.username):
                article = make_article(section=self.section, created_by=owner, title="As published")
                response = self.post_change(self.writer, article, title="Rewritten by a writer")
                self.assertEqual(response.status_code, 403)
                article.refresh_from_db()
                self.assertEqual(article.title, "As published")

    def test_a_writer_may_read_but_not_edit_other_writers_drafts(self):
        article = self.draft(owner=self.other_writer, title="Not yours")
        self.client.force_login(self.writer)

        page = self.client.get(change_url(article))
        self.assertContains(page, "Not yours")
        self.assertNotContains(page, 'name="_save"')
        self.assertNotContains(page, 'name="_transition"')

        for response in (
            self.post_change(self.writer, article, title="Taken over"),
            self.transition(self.writer, article, "submit"),
        ):
            self.assertEqual(response.status_code, 403)
        article.refresh_from_db()
        self.assertEqual((article.title, article.status), ("Not yours", Article.Status.DRAFT))

    def test_a_writer_cannot_delete(self):
        article = self.draft(owner=self.writer)
        self.client.force_login(self.writer)
        response = self.client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
        self.assertEqual(response.status_code, 403)
        self.assertTrue(Article.objects.filter(pk=article.pk).exists())

    def test_the_list_offers_a_writer_only_the_writers_actions(self):
        self.client.force_login(self.writer)
        response = self.client.get(changelist_url(Article))
        actions = [value for value, _label in response.context["action_form"].fields["action"].choices]
        self.assertIn("submit_for_review", actions)
        self.assertNotIn("publish_now", actions)
        self.assertNotIn("unpublish", actions)

    def test_a_writer_posting_an_editor_action_changes_nothing(self):
        article = self.draft(owner=self.writer)
        self.client.force_login(self.writer)
        self.client.post(changelist_url(Article), {"action": "publish_now", "_selected_action": [article.pk]})
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)

    def test_the_submit_action_skips_what_is_not_the_writers(self):
        mine = self.draft(owner=self.writer)
        theirs = self.draft(owner=self.other_writer, title="Their draft")
        self.client.force_login(self.writer)

        response = self.client.post(
            changelist_url(Article),
            {"action": "submit_for_review", "_selected_action": [mine.pk, theirs.pk]},
            follow=True,
        )

        mine.refresh_from_db()
        theirs.refresh_from_db()
        self.assertEqual(mine.status, Article.Status.IN_REVIEW)
        self.assertEqual(theirs.status, Article.Status.DRAFT)
        self.assertContains(response, "Not changed (not allowed for you, or not in a state for it): “Their draft”.")


class EditorTests(RoleTestCase):
    def test_an_editor_is_offered_the_editor_transitions(self):
        self.client.force_login(self.editor)
        response = self.client.get(change_url(self.draft(status=Article.Status.IN_REVIEW)))
        for name in ("return", "publish", "schedule"):
            self.assertContains(response, f'name="_transition" value="{name}"')
        published = make_article(section=self.section)
        response = self.client.get(change_url(published))
        # Unpublishing is asked about on a page of its own first (see test_desk.UnpublishConfirmationTests).
        unpublish = reverse("admin:articles_article_unpublish", args=[published.pk])
        self.assertContains(
            response, f'<a href="{unpublish}" class="button workflow-button workflow-button--unpublish">'
        )
        self.assertNotContains(response, 'value="publish"')

    def test_publishing_records_who_and_when(self):
        article = self.draft(owner=self.writer, status=Article.Status.IN_REVIEW)
        before = timezone.now()

        response = self.transition(self.editor, article, "publish", publish_at_0="", publish_at_1="")

        self.assertRedirects(response, changelist_url(Article), fetch_redirect_response=False)
        self.assertContains(self.client.get(response.url), f"“{article.title}” is now published.")
        article.refresh_from_db()
        self.assertTrue(article.is_published)
        self.assertEqual(article.published_by, self.editor)
        self.assertGreaterEqual(article.published_on, before)
        self.assertGreaterEqual(article.publish_at, before)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)
        page = self.client.get(change_url(article))
        self.assertContains(page, "Luis Paz, on")

    def test_scheduling_needs_a_future_time(self):
        article = self.draft(status=Article.Status.IN_REVIEW)
        self.client.logout()

        response = self.transition(self.editor, article, "schedule", publish_at_0="2014-07-08", publish_at_1="10:00:00")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["adminform"].form.errors["publish_at"], ["Set a publish time in the future to schedule."]
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.IN_REVIEW)

    def test_scheduling_publishes_at_the_future_time(self):
        article = self.draft(status=Article.Status.IN_REVIEW)
        when = (timezone.now() + timedelta(days=3)).replace(microsecond=0, second=0)

        self.transition(
            self.editor,
            article,
            "schedule",
            publish_at_0=timezone.localtime(when).date().isoformat(),
            publish_at_1=timezone.localtime(when).time().isoformat(),
        )

        article.refresh_from_db()
        self.assertTrue(article.is_scheduled)
        self.assertEqual(article.publish_at, when)
        self.assertEqual(article.published_by, self.editor)
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)

    def test_unpublishing_takes_it_off_the_site(self):
        article = make_article(section=self.section)
        url = article.get_absolute_url()

        self.transition(self.editor, article, "unpublish")

        article.refresh_from_db()
        self.assertEqual(article.status, Article.Status.DRAFT)
        self.client.logout()
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_an_editor_edits_anyones_published_work(self):
        article = make_article(section=self.section, created_by=self.writer)
        self.post_change(self.editor, article, title="Headline fixed by the desk")
        article.refresh_from_db()
        self.assertEqual(article.title, "Headline fixed by the desk")

    def test_the_actions_publish_and_unpublish_several(self):
        first, second = self.draft(), self.draft(status=Article.Status.IN_REVIEW)
        self.client.force_login(self.editor)

        self.client.post(changelist_url(Article), {"action": "publish_now", "_selected_action": [first.pk, second.pk]})
        self.assertEqual(Article.objects.published().count(), 2)

        # The action asks first, as deleting does; the confirmation posts it again with post=yes.
        asked = self.client.post(changelist_url(Article), {"action": "unpublish", "_selected_action": [first.pk]})
        self.assertContains(asked, "Are you sure you want to unpublish this article?")
        first.refresh_from_db()
        self.assertEqual(first.status, Article.Status.PUBLISHED)
        self.client.post(
            changelist_url(Article), {"action": "unpublish", "_selected_action": [first.pk], "post": "yes"}
        )
        first.refresh_from_db()
        self.assertEqual(first.status, Article.Status.DRAFT)

    def test_the_schedule_action_refuses_articles_without_a_future_time(self):
        later = self.draft(publish_at=timezone.now() + timedelta(hours=5))
        undated = self.draft(title="No date yet")
        self.client.force_login(self.editor)

        response = self.client.post(
            changelist_url(Article), {"action": "schedule", "_selected_action": [later.pk, undated.pk]}, follow=True
        )

        later.refresh_from_db()
        undated.refresh_from_db()
        self.assertTrue(later.is_scheduled)
        self.assertEqual(undated.status, Article.Status.DRAFT)
        self.assertContains(response, "“No date yet”")


class DeskTests(RoleTestCase):
    def test_the_index_links_to_what_is_in_review_and_scheduled(self):
        self.draft(status=Article.Status.IN_REVIEW, title="Waiting for an editor")
        make_article(section=self.section, title="Going out tomorrow", publish_at=timezone.now() + timedelta(days=1))
        make_article(section=self.section, title="Already out")
        self.client.force_login(self.editor)

        index = self.client.get(reverse("admin:index"))

        for label, url in (("In review", "?status__exact=review"), ("Scheduled", "?publication=scheduled")):
            with self.subTest(label=label):
                self.assertContains(index, f'<a href="{changelist_url(Article)}{url}">{label}</a>', html=True)
        review = self.client.get(changelist_url(Article) + "?status__exact=review")
        self.assertContains(review, "Waiting for an editor")
        self.assertNotContains(review, "Going out tomorrow")
        scheduled = self.client.get(changelist_url(Article) + "?publication=scheduled")
        self.assertContains(scheduled, "Going out tomorrow")
        self.assertNotContains(scheduled, "Already out")
        self.assertNotContains(scheduled, "Waiting for an editor")

    def test_the_index_shows_no_queues_to_staff_without_articles(self):
        self.client.force_login(self.fundraiser)
        self.assertNotContains(self.client.get(reverse("admin:index")), 'id="desk-queues"')

    def test_mine_and_author_filters(self):
        self.draft(owner=self.writer, title="Ana's own draft")
        self.draft(owner=self.other_writer, title="Someone else's draft")
        self.client.force_login(self.writer)

        mine = self.client.get(changelist_url(Article), {"mine": "yes"})
        self.assertContains(mine, "Ana&#x27;s own draft")
        self.assertNotContains(mine, "Someone else")

        signed = make_article(section=self.section, title="Signed by Ana", authors=[self.writer_author])
        by_author = self.client.get(changelist_url(Article), {"authors__id__exact": self.writer_author.pk})
        self.assertContains(by_author, signed.title)
        self.assertNotContains(by_author, "Someone else")

    def test_word_count_and_reading_time(self):
        article = self.draft(owner=self.writer, body="<p>" + "word " * 460 + "</p>", analysis="<p>two more</p>")
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(change_url(article)), "462 words, 3 min read")
        self.assertContains(self.client.get(changelist_url(Article)), "462 words, 3 min read")

    def test_view_on_site_only_once_readers_can_see_it(self):
        self.client.force_login(self.editor)
        draft = self.draft()
        self.assertNotContains(self.client.get(change_url(draft)), 'class="viewsitelink"')
        self.assertContains(self.client.get(change_url(draft)), reverse("articles:article-preview", args=[draft.pk]))


class PublishedSlugTests(RoleTestCase):
    def test_the_slug_of_a_published_article_changes_only_when_confirmed(self):
        article = self.draft(slug="gangs-tax-buses")
        self.transition(self.editor, article, "publish")
        article.refresh_from_db()

        response = self.post_change(self.editor, article, slug="gangs-tax-city-buses")

        self.assertEqual(response.status_code, 200)
        self.assertIn("has been published at “gangs-tax-buses”", str(response.context["adminform"].form.errors))
        article.refresh_from_db()
        self.assertEqual(article.slug, "gangs-tax-buses")

        response = self.post_change(self.editor, article, slug="gangs-tax-city-buses", confirm_slug_change="on")

        self.assertRedirects(response, changelist_url(Article))
        article.refresh_from_db()
        self.assertEqual(article.slug, "gangs-tax-city-buses")
        self.assertEqual(ArticleRedirect.objects.get().old_slug, "gangs-tax-buses")

    def test_a_draft_never_published_changes_its_slug_freely(self):
        article = self.draft(owner=self.writer, slug="first-idea")
        self.post_change(self.writer, article, slug="better-idea")
        article.refresh_from_db()
        self.assertEqual(article.slug, "better-idea")
        self.assertFalse(ArticleRedirect.objects.exists())
