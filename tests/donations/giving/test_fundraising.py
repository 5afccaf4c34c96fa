"""Fundraising staff at work in the admin: recording what happened to a pledge (with its history), and
annual summary receipts by admin action and management command."""

import io
from datetime import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from donations.giving.models import AnnualReceipt, DonationChange, MonthlyGift, MonthlyPayment
from donations.models import Donation
from tests.factories import make_user


def staff(username, role=None, **fields):
    user = make_user(username, is_staff=True, **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_donation(**fields):
    fields.setdefault("amount", Decimal("100.00"))
    fields.setdefault("donor_name", "John Smith")
    fields.setdefault("email", "john@example.com")
    return Donation.objects.create(**fields)


def pledge_url(donation):
    return reverse("admin:donations_donation_pledge", args=[donation.pk])


def change_url(donation):
    return reverse("admin:donations_donation_change", args=[donation.pk])


class PledgeChangesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.fundraiser = staff("fundraiser", "Fundraising", first_name="Ana", last_name="Ruiz")
        cls.editor = staff("editor", "Editor")

    def setUp(self):
        self.pledge = make_donation()
        self.client.force_login(self.fundraiser)

    def record(self, action, note="", donation=None):
        return self.client.post(pledge_url(donation or self.pledge), {"action": action, "note": note})

    def test_fundraising_marks_a_pledge_paid_with_a_note_and_the_donor_gets_a_receipt(self):
        page = self.client.get(change_url(self.pledge))
        self.assertContains(page, "Record payment, refund or cancellation")
        form = self.client.get(pledge_url(self.pledge))
        self.assertContains(form, "Marked paid")
        self.assertContains(form, "Cancelled")
        self.assertNotContains(form, "Refund noted")
        with self.captureOnCommitCallbacks(execute=True):
            response = self.record("marked_paid", "Bank transfer received on 2 December, ref. 4471.")
        self.assertRedirects(response, change_url(self.pledge), fetch_redirect_response=False)
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.status, Donation.Status.PAID)
        change = DonationChange.objects.get()
        self.assertEqual(
            (change.action, change.user, change.old_status, change.new_status, change.note),
            ("marked_paid", self.fundraiser, "pledged", "paid", "Bank transfer received on 2 December, ref. 4471."),
        )
        self.assertEqual([message.subject for message in mail.outbox], ["Your receipt from Newsroom"])
        # The history on the donation's page: what, who, when, the note.
        page = self.client.get(change_url(self.pledge))
        self.assertContains(page, "Marked paid")
        self.assertContains(page, "Bank transfer received on 2 December, ref. 4471.")
        self.assertContains(page, "fundraiser")
        self.assertContains(page, "“Marked paid” recorded in the donation&#x27;s history.")

        # Then refunded: the note is required.
        response = self.record("refund_noted")
        self.assertContains(response, "Say why, for the donation&#x27;s history.")
        self.record("refund_noted", "Returned by transfer: the donor gave twice by mistake.")
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.status, Donation.Status.REFUNDED)
        self.assertEqual(DonationChange.objects.count(), 2)
        # Nothing more can be done to it.
        self.assertNotContains(self.client.get(change_url(self.pledge)), "Record payment, refund or cancellation")

    def test_fundraising_cancels_a_pledge(self):
        self.record("cancelled", "The donor wrote that they cannot give this year.")
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.status, Donation.Status.CANCELLED)
        self.assertEqual(DonationChange.objects.get().action, "cancelled")
        # A pledge cancelled meanwhile cannot be marked paid by a second tab.
        response = self.record("marked_paid", "")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(Donation.objects.get(pk=self.pledge.pk).status, Donation.Status.CANCELLED)

    def test_staff_without_the_role_cannot(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(pledge_url(self.pledge)).status_code, 403)
        self.assertEqual(self.record("marked_paid", "x").status_code, 403)
        viewer = make_user("viewer", is_staff=True)
        from django.contrib.auth.models import Permission

        viewer.user_permissions.add(Permission.objects.get(codename="view_donation"))
        self.client.force_login(viewer)
        self.assertNotContains(self.client.get(change_url(self.pledge)), "Record payment, refund or cancellation")
        self.assertEqual(self.record("marked_paid", "x").status_code, 403)
        self.pledge.refresh_from_db()
        self.assertEqual(self.pledge.status, Donation.Status.PLEDGED)
        self.assertFalse(DonationChange.objects.exists())

    def test_a_stripe_gift_is_not_changed_by_hand(self):
        gift = make_donation(provider="stripe", status="pending", provider_reference="cs_1")
        self.assertNotContains(self.client.get(change_url(gift)), "Record payment, refund or cancellation")
        response = self.client.post(pledge_url(gift), {"action": "marked_paid", "note": ""})
        self.assertEqual(response.status_code, 200)
        gift.refresh_from_db()
        self.assertEqual(gift.status, Donation.Status.PENDING)

    def test_the_status_is_not_edited_by_hand_even_by_an_admin(self):
        admin = make_user("admin", is_staff=True, is_superuser=True)
        self.client.force_login(admin)
        form = self.client.get(change_url(self.pledge)).context["adminform"].form
        self.assertNotIn("status", form.fields)

    def test_the_pledge_flow_still_records_and_confirms_a_pledge(self):
        from tests.donations.conftest import donation_data

        self.client.logout()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post("/donate/", donation_data(amount="50"))
        donation = Donation.objects.latest("created_at")
        self.assertEqual((donation.status, donation.provider), ("pledged", "pledge"))
        self.assertRedirects(response, donation.get_absolute_url(), status_code=303, fetch_redirect_response=False)
        self.assertEqual(mail.outbox[-1].subject, "Your pledge to Newsroom")


class AnnualReceiptTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tz = timezone.get_current_timezone()
        cls.year = 2025

        def at(month, day, year=2025):
            return datetime(year, month, day, 12, tzinfo=tz)

        cls.marta = make_donation(
            email="marta@example.org", donor_name="Marta Díaz", amount=Decimal("50.00"), status="paid"
        )
        Donation.objects.filter(pk=cls.marta.pk).update(created_at=at(3, 14))
        monthly = make_donation(
            email="MARTA@example.org",
            donor_name="Marta Díaz",
            amount=Decimal("10.00"),
            frequency="monthly",
            provider="stripe",
            status="paid",
        )
        Donation.objects.filter(pk=monthly.pk).update(created_at=at(11, 1))
        gift = MonthlyGift.objects.create(
            donation=monthly,
            subscription_id="sub_m",
            customer_id="cus_m",
            amount=10,
            currency="USD",
            started_at=at(11, 1),
        )
        for number, paid_at in enumerate([at(11, 1), at(12, 1), at(1, 1, 2026)]):
            MonthlyPayment.objects.create(
                gift=gift, invoice_id=f"in_{number}", amount=10, currency="USD", status="paid", paid_at=paid_at
            )
        MonthlyPayment.objects.create(gift=gift, invoice_id="in_failed", amount=10, currency="USD", status="failed")
        refunded = make_donation(email="marta@example.org", amount=Decimal("999.00"), status="refunded")
        Donation.objects.filter(pk=refunded.pk).update(created_at=at(6, 1))
        cls.luis = make_donation(
            email="luis@example.mx", donor_name="Luis Herrera", amount=Decimal("500.00"), currency="MXN", status="paid"
        )
        Donation.objects.filter(pk=cls.luis.pk).update(created_at=at(7, 20), language="es")
        cls.fundraiser = staff("fundraiser", "Fundraising")

    def test_the_command_sends_each_donor_one_receipt_in_their_language(self):
        out = io.StringIO()
        with self.captureOnCommitCallbacks(execute=True):
            call_command("send_annual_receipts", year=self.year, stdout=out)
        self.assertIn("2025: 2 annual receipt(s) sent, 0 skipped", out.getvalue())
        receipts = {message.to[0]: message for message in mail.outbox}
        marta = receipts["marta@example.org"]
        self.assertEqual(marta.subject, "Your 2025 giving to Newsroom: annual receipt")
        self.assertIn("Dear Marta Díaz,", marta.body)
        self.assertIn("Total given in 2025: 70 USD", marta.body)
        # Every payment listed, in date order; the refunded gift, the failed payment and next year's left out.
        lines = [line.strip() for line in marta.body.splitlines() if "gift" in line and "USD" in line]
        self.assertEqual(
            lines,
            [
                "03/14/2025  50 USD  one-time gift",
                "11/01/2025  10 USD  monthly gift",
                "12/01/2025  10 USD  monthly gift",
            ],
        )
        self.assertNotIn("999", marta.body)
        luis = receipts["luis@example.mx"]
        self.assertEqual(luis.subject, "Su recibo anual de donaciones a Newsroom de 2025")
        self.assertIn("500 MXN", luis.body)
        self.assertEqual(AnnualReceipt.objects.count(), 2)

        # Run again: nobody gets a second one, unless asked.
        mail.outbox.clear()
        out = io.StringIO()
        call_command("send_annual_receipts", year=self.year, stdout=out)
        self.assertIn("0 annual receipt(s) sent, 2 skipped", out.getvalue())
        self.assertEqual(mail.outbox, [])
        with self.captureOnCommitCallbacks(execute=True):
            call_command(
                "send_annual_receipts", year=self.year, email=["luis@example.mx"], resend=True, stdout=io.StringIO()
            )
        self.assertEqual([message.to for message in mail.outbox], [["luis@example.mx"]])

    def test_a_dry_run_prints_and_sends_nothing(self):
        out = io.StringIO()
        call_command("send_annual_receipts", year=self.year, dry_run=True, stdout=out)
        self.assertIn("To: marta@example.org", out.getvalue())
        self.assertIn("Total given in 2025: 70 USD", out.getvalue())
        self.assertEqual(mail.outbox, [])
        self.assertFalse(AnnualReceipt.objects.exists())

    def test_the_admin_action_shows_or_sends_the_selected_donors_receipts(self):
        self.client.force_login(self.fundraiser)
        url = reverse("admin:donations_donation_changelist")
        chosen = {"action": "annual_receipts", "_selected_action": [self.marta.pk]}
        page = self.client.post(url, chosen)
        self.assertContains(page, "The annual summary receipt of 1 donor")
        shown = self.client.post(url, {**chosen, "year": "2025", "show": "Show"})
        self.assertEqual(shown["Content-Type"], "text/plain; charset=utf-8")
        self.assertIn("Total given in 2025: 70 USD", shown.content.decode())
        self.assertEqual(mail.outbox, [])
        with self.captureOnCommitCallbacks(execute=True):
            sent = self.client.post(url, {**chosen, "year": "2025", "send": "Send"}, follow=True)
        self.assertContains(sent, "1 annual receipt sent")
        self.assertEqual([message.to for message in mail.outbox], [["marta@example.org"]])
        self.assertContains(self.client.get(reverse("admin:donations_annualreceipt_changelist")), "marta@example.org")
