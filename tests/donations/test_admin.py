from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from donations.models import Comment, Donation, HelpfulVote
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
