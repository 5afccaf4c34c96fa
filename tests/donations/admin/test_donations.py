import csv
import io
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from donations.models import Comment, Donation, HelpfulVote, PaymentEvent, Republication
from tests.factories import make_article, make_user


def changelist_url(model):
    return reverse(f"admin:donations_{model._meta.model_name}_changelist")


def add_url(model):
    return reverse(f"admin:donations_{model._meta.model_name}_add")


def change_url(obj):
    return reverse(f"admin:donations_{obj._meta.model_name}_change", args=[obj.pk])


def make_donation(**fields):
    fields.setdefault("amount", Decimal("25.00"))
    fields.setdefault("donor_name", "Marta Díaz")
    fields.setdefault("email", "marta@example.org")
    return Donation.objects.create(**fields)


def received(obj, when):
    """Backdate an object's auto_now_add `created_at`."""
    type(obj).objects.filter(pk=obj.pk).update(created_at=when)


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", is_staff=True, is_superuser=True)
        cls.article = make_article(title="Gangs tax the buses")

    def setUp(self):
        self.client.force_login(self.editor)


class AdminPagesTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.objects = [
            make_donation(donor_name="Marta Díaz"),
            HelpfulVote.objects.create(article=cls.article, is_helpful=True, voter_key="k1"),
            Comment.objects.create(article=cls.article, name="Pedro", email="pedro@example.org", message="Thanks."),
        ]

    def test_changelist_add_and_change_pages_load(self):
        for obj in self.objects:
            model = type(obj)
            with self.subTest(model=model.__name__):
                self.assertEqual(self.client.get(changelist_url(model)).status_code, 200)
                self.assertEqual(self.client.get(add_url(model)).status_code, 200)
                self.assertEqual(self.client.get(change_url(obj)).status_code, 200)

    def test_anonymous_users_are_sent_to_the_login_page(self):
        self.client.logout()
        for obj in self.objects:
            for url in (changelist_url(type(obj)), add_url(type(obj)), change_url(obj)):
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertRedirects(response, f"{reverse('admin:login')}?next={url}")


class DonationAdminTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.monthly = make_donation(
            donor_name="Marta Díaz",
            email="marta@example.org",
            amount=Decimal("15.00"),
            frequency=Donation.Frequency.MONTHLY,
            status=Donation.Status.PAID,
            provider=Donation.Provider.STRIPE,
            provider_reference="pi_3Nabc",
        )
        cls.pledge = make_donation(
            donor_name="John Smith",
            email="john@example.com",
            amount=Decimal("100.00"),
            currency="EUR",
        )
        received(cls.pledge, datetime(2023, 3, 1, tzinfo=UTC))

    def get(self, **params):
        return self.client.get(changelist_url(Donation), params)

    def test_lists_short_reference_and_the_gift(self):
        response = self.get()
        self.assertContains(response, str(self.monthly.reference)[:8])
        self.assertNotContains(response, str(self.monthly.reference))
        self.assertContains(response, "Marta Díaz")
        self.assertContains(response, "Monthly")
        self.assertContains(response, "Stripe")

    def test_search(self):
        for term in (
            "marta",
            "marta@example",
            "pi_3Nabc",
            str(self.monthly.reference)[:8],
            str(self.monthly.reference),
        ):
            with self.subTest(term=term):
                response = self.get(q=term)
                self.assertContains(response, "Marta Díaz")
                self.assertNotContains(response, "John Smith")

    def test_filters(self):
        today = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        cases = [
            ({"status__exact": "paid"}, "Marta Díaz", "John Smith"),
            ({"status__exact": "pledged"}, "John Smith", "Marta Díaz"),
            ({"frequency__exact": "monthly"}, "Marta Díaz", "John Smith"),
            ({"currency": "EUR"}, "John Smith", "Marta Díaz"),
            ({"provider__exact": "stripe"}, "Marta Díaz", "John Smith"),
            (
                {"created_at__gte": today.isoformat(), "created_at__lt": (today + timedelta(days=1)).isoformat()},
                "Marta Díaz",
                "John Smith",
            ),
            ({"created_at__year": "2023"}, "John Smith", "Marta Díaz"),
        ]
        for params, shown, hidden in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, shown)
                self.assertNotContains(response, hidden)

    def test_reference_and_timestamps_are_read_only(self):
        response = self.client.get(change_url(self.monthly))
        form = response.context["adminform"].form
        for name in ("reference", "created_at", "updated_at"):
            with self.subTest(field=name):
                self.assertNotIn(name, form.fields)
        self.assertContains(response, str(self.monthly.reference))


class HelpfulVoteAdminTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        other = make_article(title="Ports and cartels")
        cls.yes = HelpfulVote.objects.create(article=cls.article, is_helpful=True, voter_key="secret-voter-hash")
        cls.no = HelpfulVote.objects.create(
            article=other, is_helpful=False, voter_key="k2", feedback="Needs a <b>map</b> of the routes."
        )
        received(cls.no, datetime(2023, 3, 1, tzinfo=UTC))

    def get(self, **params):
        return self.client.get(changelist_url(HelpfulVote), params)

    def test_lists_votes_with_escaped_feedback_and_no_voter_key(self):
        response = self.get()
        self.assertContains(response, "Needs a &lt;b&gt;map&lt;/b&gt; of the routes.")
        self.assertNotContains(response, "<b>map</b>")
        self.assertNotContains(response, "secret-voter-hash")
        self.assertNotContains(self.client.get(change_url(self.yes)), "secret-voter-hash")

    def test_search_and_filters(self):
        cases = [
            ({"q": "cartels"}, "Ports and cartels", "Gangs tax the buses"),
            ({"is_helpful__exact": "1"}, "Gangs tax the buses", "Ports and cartels"),
            ({"is_helpful__exact": "0"}, "Ports and cartels", "Gangs tax the buses"),
            ({"created_at__year": "2023"}, "Ports and cartels", "Gangs tax the buses"),
        ]
        for params, shown, hidden in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, shown)
                self.assertNotContains(response, hidden)

    def test_article_is_picked_with_autocomplete(self):
        self.assertContains(self.client.get(add_url(HelpfulVote)), 'data-field-name="article"')


class CommentAdminTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        other = make_article(title="Ports and cartels")
        cls.pedro = Comment.objects.create(
            article=cls.article,
            name="Pedro Alvarado",
            email="pedro@example.org",
            message="<script>alert('x')</script> The route 12 fee doubled.",
        )
        cls.lucia = Comment.objects.create(
            article=other,
            name="Lucía Gómez",
            email="lucia@example.net",
            message="You misspelled the port's name.",
            status=Comment.Status.ANSWERED,
        )
        received(cls.lucia, datetime(2023, 3, 1, tzinfo=UTC))

    def get(self, **params):
        return self.client.get(changelist_url(Comment), params)

    def test_reader_text_is_escaped(self):
        response = self.get()
        self.assertContains(response, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; The route 12 fee doubled.")
        self.assertNotContains(response, "<script>alert(")
        response = self.client.get(change_url(self.pedro))
        self.assertContains(response, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
        self.assertNotContains(response, "<script>alert(")

    def test_search_and_filters(self):
        cases = [
            ({"q": "alvarado"}, "Pedro Alvarado", "Lucía Gómez"),
            ({"q": "lucia@example"}, "Lucía Gómez", "Pedro Alvarado"),
            ({"q": "route 12"}, "Pedro Alvarado", "Lucía Gómez"),
            ({"q": "cartels"}, "Lucía Gómez", "Pedro Alvarado"),
            ({"status__exact": "new"}, "Pedro Alvarado", "Lucía Gómez"),
            ({"status__exact": "answered"}, "Lucía Gómez", "Pedro Alvarado"),
            ({"created_at__year": "2023"}, "Lucía Gómez", "Pedro Alvarado"),
        ]
        for params, shown, hidden in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, shown)
                self.assertNotContains(response, hidden)

    def test_bulk_actions_change_statuses_and_say_how_many(self):
        # Lucía's comment is already answered, so "mark as answered" changes one comment, not two.
        cases = [
            ("mark_read", Comment.Status.READ, "2 comments marked as “Read”."),
            ("mark_answered", Comment.Status.ANSWERED, "1 comment marked as “Answered”."),
            ("mark_spam", Comment.Status.SPAM, "2 comments marked as “Spam”."),
        ]
        for action, status, message in cases:
            with self.subTest(action=action):
                Comment.objects.filter(pk=self.pedro.pk).update(status=Comment.Status.NEW)
                Comment.objects.filter(pk=self.lucia.pk).update(status=Comment.Status.ANSWERED)

                response = self.client.post(
                    changelist_url(Comment),
                    {"action": action, "_selected_action": [self.pedro.pk, self.lucia.pk]},
                    follow=True,
                )

                self.assertContains(response, message)
                self.assertEqual(set(Comment.objects.values_list("status", flat=True)), {status})

    def test_moderators_change_the_status_not_what_the_reader_sent(self):
        response = self.client.post(
            change_url(self.pedro),
            {"status": Comment.Status.READ, "name": "Someone else", "message": "Edited."},
        )

        self.assertRedirects(response, changelist_url(Comment))
        self.pedro.refresh_from_db()
        self.assertEqual(self.pedro.status, Comment.Status.READ)
        self.assertEqual(self.pedro.name, "Pedro Alvarado")
        self.assertTrue(self.pedro.message.endswith("The route 12 fee doubled."))


def fundraiser(username="fundraiser", group="Fundraising"):
    from django.contrib.auth.models import Group

    user = make_user(username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


class StaffGroupsTests(TestCase):
    def test_the_groups_exist_with_their_permissions(self):
        from django.contrib.auth.models import Group

        fundraising = set(Group.objects.get(name="Fundraising").permissions.values_list("codename", flat=True))
        moderator = set(Group.objects.get(name="Moderator").permissions.values_list("codename", flat=True))
        self.assertLessEqual({"view_donation", "export_donation"}, fundraising)
        self.assertLessEqual({"view_comment", "change_comment", "view_helpfulvote", "delete_helpfulvote"}, moderator)
        self.assertNotIn("export_donation", moderator)


class DonationTotalsTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.other_article = make_article(title="Ports and cartels")
        paid = {"status": Donation.Status.PAID}
        make_donation(amount=Decimal("10.00"), article=cls.article, **paid)
        make_donation(amount=Decimal("15.50"), article=cls.article, **paid)
        make_donation(amount=Decimal("40.00"), article=cls.article)  # pledged
        make_donation(amount=Decimal("100.00"), currency="EUR", article=cls.other_article, **paid)
        make_donation(amount=Decimal("7.00"), status=Donation.Status.FAILED)
        old = make_donation(amount=Decimal("20.00"), **paid)
        received(old, datetime(2023, 3, 1, tzinfo=UTC))

    def test_totals_per_currency_and_month(self):
        response = self.client.get(changelist_url(Donation))
        months = {(row["month"].strftime("%Y-%m"), row["currency"]): row for row in response.context["totals_by_month"]}
        this_month = timezone.now().strftime("%Y-%m")
        usd = months[(this_month, "USD")]
        self.assertEqual(
            (usd["count"], usd["paid"], usd["paid_count"], usd["pledged"]), (4, Decimal("25.50"), 2, Decimal("40.00"))
        )
        self.assertEqual(months[(this_month, "EUR")]["paid"], Decimal("100.00"))
        self.assertEqual(months[("2023-03", "USD")]["paid"], Decimal("20.00"))
        self.assertContains(response, "Totals per month")
        self.assertContains(response, "25.50 USD (2)")
        self.assertContains(response, "March 2023")

    def test_totals_per_article(self):
        response = self.client.get(changelist_url(Donation))
        rows = [
            (row["article__title"], row["currency"], row["paid"], row["pledged"])
            for row in response.context["totals_by_article"]
        ]
        self.assertEqual(
            rows,
            [
                ("Ports and cartels", "EUR", Decimal("100.00"), None),
                ("Gangs tax the buses", "USD", Decimal("25.50"), Decimal("40.00")),
            ],
        )
        self.assertContains(response, "Totals per article")

    def test_totals_follow_the_filters(self):
        response = self.client.get(changelist_url(Donation), {"currency": "EUR"})
        self.assertEqual([row["currency"] for row in response.context["totals_by_month"]], ["EUR"])
        response = self.client.get(changelist_url(Donation), {"article__id__exact": self.article.pk})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["cl"].result_count, 3)


class DonationExportTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.gift = make_donation(
            donor_name='=HYPERLINK("http://evil.example")',
            message="@SUM(1+1) for the team",
            article=cls.article,
            placement="article",
            utm_campaign="year-end",
        )
        cls.plain = make_donation(donor_name="Lucía Gómez", amount=Decimal("30.00"))

    def export(self, user, donations):
        self.client.force_login(user)
        return self.client.post(
            changelist_url(Donation), {"action": "export_csv", "_selected_action": [d.pk for d in donations]}
        )

    def test_fundraising_staff_export_csv_that_spreadsheets_read_as_text(self):
        response = self.export(fundraiser(), [self.gift, self.plain])
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment; filename=", response["Content-Disposition"])
        content = response.content.decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(content)))
        self.assertEqual(len(rows), 2)
        first = next(row for row in rows if row["reference"] == str(self.gift.reference))
        self.assertEqual(first["donor_name"], '\'=HYPERLINK("http://evil.example")')
        self.assertEqual(first["message"], "'@SUM(1+1) for the team")
        self.assertEqual(first["article"], "Gangs tax the buses")
        self.assertEqual(first["article_url"], f"http://127.0.0.1:8000{self.article.get_absolute_url()}")
        self.assertEqual((first["placement"], first["utm_campaign"], first["amount"]), ("article", "year-end", "25.00"))
        second = next(row for row in rows if row["reference"] == str(self.plain.reference))
        self.assertEqual(second["donor_name"], "Lucía Gómez")

    def test_fundraising_staff_see_the_donations_and_the_totals(self):
        self.client.force_login(fundraiser())
        response = self.client.get(changelist_url(Donation))
        self.assertContains(response, "Lucía Gómez")
        self.assertContains(response, "Totals per month")
        self.assertContains(response, "Export selected donations as CSV")

    def test_staff_without_the_export_permission_cannot_export(self):
        from django.contrib.auth.models import Permission

        viewer = make_user("viewer", is_staff=True)
        viewer.user_permissions.add(Permission.objects.get(codename="view_donation"))
        self.client.force_login(viewer)
        self.assertNotContains(self.client.get(changelist_url(Donation)), "Export selected donations as CSV")
        response = self.export(viewer, [self.gift])
        self.assertNotEqual(response.get("Content-Type"), "text/csv; charset=utf-8")
        moderator = fundraiser("moderator", group="Moderator")
        self.assertEqual(self.export(moderator, [self.gift]).status_code, 403)


class HelpfulTallyTests(AdminTestCase):
    def test_yes_and_no_counts_and_share_per_article(self):
        other = make_article(title="Ports and cartels")
        for key, helpful in (("a", True), ("b", True), ("c", True), ("d", False)):
            HelpfulVote.objects.create(article=self.article, is_helpful=helpful, voter_key=key)
        HelpfulVote.objects.create(article=other, is_helpful=False, voter_key="a")
        response = self.client.get(changelist_url(HelpfulVote))
        tally = [
            (row["article__title"], row["yes"], row["no"], round(row["share"]))
            for row in response.context["tally_by_article"]
        ]
        self.assertEqual(tally, [("Gangs tax the buses", 3, 1, 75), ("Ports and cartels", 0, 1, 0)])
        self.assertContains(response, "Answers per article")
        self.assertContains(response, "<td>75 %</td>", html=False)

    def test_the_article_list_shows_each_articles_answers(self):
        for key, helpful in (("a", True), ("b", True), ("c", False)):
            HelpfulVote.objects.create(article=self.article, is_helpful=helpful, voter_key=key)
        response = self.client.get(reverse("admin:articles_article_changelist"))
        row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Gangs tax the buses.*?</tr>", response.content.decode(), re.S).group(
            0
        )
        self.assertIn('<td class="field-helpful_yes">2</td>', row)
        self.assertIn('<td class="field-helpful_no">1</td>', row)
        self.assertIn('<td class="field-helpful_share">67 %</td>', row)

    def test_moderators_see_the_votes(self):
        HelpfulVote.objects.create(article=self.article, is_helpful=True, voter_key="a")
        self.client.force_login(fundraiser("moderator", group="Moderator"))
        self.assertContains(self.client.get(changelist_url(HelpfulVote)), "Answers per article")
        self.assertEqual(self.client.get(changelist_url(Comment)).status_code, 200)
        self.assertEqual(self.client.get(changelist_url(Donation)).status_code, 403)


class RepublicationAndPaymentEventAdminTests(AdminTestCase):
    def test_staff_see_which_sites_republished_which_article(self):
        Republication.objects.create(article=self.article, domain="partner.example", views=12)
        Republication.objects.create(article=self.article, domain="")
        response = self.client.get(changelist_url(Republication))
        self.assertContains(response, "partner.example")
        self.assertContains(response, "(no referrer)")
        self.assertContains(response, "Gangs tax the buses")
        self.assertContains(self.client.get(changelist_url(Republication), {"q": "partner"}), "partner.example")
        self.assertEqual(self.client.get(add_url(Republication)).status_code, 403)

    def test_payment_events_are_listed_read_only(self):
        donation = make_donation(provider=Donation.Provider.STRIPE)
        event = PaymentEvent.objects.create(
            provider="stripe",
            event_id="evt_1",
            event_type="checkout.session.completed",
            outcome="applied",
            donation=donation,
        )
        self.assertContains(self.client.get(changelist_url(PaymentEvent)), "evt_1")
        self.assertEqual(self.client.get(change_url(event)).status_code, 200)
        self.assertEqual(self.client.get(add_url(PaymentEvent)).status_code, 403)


class ArticleHelpfulColumnsTests(AdminTestCase):
    def test_the_article_list_columns_count_in_the_lists_query(self):
        from django.contrib import admin as django_admin

        from donations.admin.feedback import ArticleHelpfulColumns

        for key, helpful in (("a", True), ("b", True), ("c", False)):
            HelpfulVote.objects.create(article=self.article, is_helpful=helpful, voter_key=key)
        quiet = make_article(title="No votes yet")
        columns = type("ArticleWithHelpful", (ArticleHelpfulColumns, django_admin.ModelAdmin), {})(
            Article, django_admin.site
        )
        request = self.client.get("/").wsgi_request
        request.user = self.editor
        with self.assertNumQueries(1):
            articles = {article.pk: article for article in columns.get_queryset(request)}
        voted, silent = articles[self.article.pk], articles[quiet.pk]
        self.assertEqual(
            (columns.helpful_yes(voted), columns.helpful_no(voted), columns.helpful_share(voted)), (2, 1, "67 %")
        )
        self.assertEqual(columns.helpful_share(silent), "–")
