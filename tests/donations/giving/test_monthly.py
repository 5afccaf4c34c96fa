"""A monthly donor's whole life through HTTP: Stripe's documented event payloads, signed as Stripe signs
them, delivered to the webhook; the totals, receipts and admin checked at each step."""

import re
import time
import uuid
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from donations.giving.models import DonationChange, MonthlyGift, MonthlyPayment
from donations.models import Donation, PaymentEvent
from tests.donations import stripe_payloads as stripe
from tests.donations.conftest import postgresql_only, sign
from tests.donations.test_payments import _deliver_live
from tests.donations.views.test_donations import _at_once
from tests.factories import make_user

pytestmark = pytest.mark.django_db

WEBHOOK = "/webhooks/stripe/"
DAY = stripe.DAY
SUB, CUS = "sub_1QmonthlyGift", "cus_Rdonor01"


def make_monthly(**fields):
    fields.setdefault("amount", Decimal("10.00"))
    fields.setdefault("frequency", Donation.Frequency.MONTHLY)
    fields.setdefault("donor_name", "Marta Díaz")
    fields.setdefault("email", "marta@example.org")
    fields.setdefault("provider", Donation.Provider.STRIPE)
    fields.setdefault("status", Donation.Status.PENDING)
    fields.setdefault("provider_reference", f"cs_test_{uuid.uuid4().hex}")
    return Donation.objects.create(**fields)


@pytest.fixture
def deliver(client, fake_stripe, django_capture_on_commit_callbacks):
    """Deliver a signed event; what it sends after the commit (e-mail) runs as in production."""

    def deliver(payload):
        deliver.payloads.append(payload)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                WEBHOOK, payload, content_type="application/json", headers={"Stripe-Signature": sign(payload)}
            )
        assert response.status_code == 200, response.content
        return response.json()["outcome"]

    deliver.payloads = []
    return deliver


@pytest.fixture
def fundraiser_client(client):
    from django.contrib.auth.models import Group

    user = make_user("fundraiser", is_staff=True)
    user.groups.add(Group.objects.get(name="Fundraising"))
    client.force_login(user)
    return client


def month_totals(client):
    """{("2026-01", "USD"): (paid, paid_count)} from the donation admin's totals."""
    response = client.get(reverse("admin:donations_donation_changelist"))
    return {
        (f"{row['month']:%Y-%m}", row["currency"]): (row["paid"], row["paid_count"])
        for row in response.context["totals_by_month"]
        if row["paid"]
    }


def subjects():
    return [message.subject for message in mail.outbox]


def link_in(body):
    return re.search(r"http://127\.0\.0\.1:8000(/\S*/donate/manage/\S+/|/donate/manage/\S+/)", body).group(1)


def test_a_monthly_donor_from_first_payment_to_cancellation(client, fake_stripe, deliver, django_user_model):
    donation = make_monthly()
    start = int(time.time()) - 95 * DAY
    month = [start + n * 30 * DAY for n in range(4)]
    staff = django_user_model.objects.create_superuser("boss", "boss@example.org", "pw")

    def months_of_totals():
        client.force_login(staff)
        totals = month_totals(client)
        client.logout()
        return totals

    def as_month(timestamp):
        return f"{datetime.fromtimestamp(timestamp, tz=UTC):%Y-%m}"

    # 1. The first payment, on Checkout: the gift is paid, receipted once, and its subscription recorded.
    session = stripe.checkout_session(donation, subscription=SUB, customer=CUS, invoice="in_first")
    assert deliver(stripe.event("checkout.session.completed", session, created=month[0])) == "applied"
    first_invoice = stripe.invoice(
        donation,
        invoice_id="in_first",
        subscription=SUB,
        customer=CUS,
        billing_reason="subscription_create",
        created=month[0],
    )
    assert deliver(stripe.event("invoice.paid", first_invoice, created=month[0] + 2)) == "unchanged"
    created = stripe.subscription(donation, subscription_id=SUB, customer=CUS, start=month[0])
    deliver(stripe.event("customer.subscription.created", created, created=month[0] + 1))
    donation.refresh_from_db()
    gift = MonthlyGift.objects.get()
    assert donation.status == Donation.Status.PAID
    assert (gift.subscription_id, gift.customer_id, gift.status) == (SUB, CUS, MonthlyGift.Status.ACTIVE)
    assert (gift.amount, gift.currency) == (Decimal("10.00"), "USD")
    assert subjects() == ["Your receipt from Newsroom"]
    [first] = MonthlyPayment.objects.all()
    assert (first.invoice_id, first.status, first.is_first, first.invoice_number) == (
        "in_first",
        "paid",
        True,
        "NEWS-IRST",
    )
    assert months_of_totals() == {(as_month(month[0]), "USD"): (Decimal("10.00"), 1)}

    # 2. The first renewal: a payment of its own, with its own receipt.
    renewal = stripe.invoice(donation, invoice_id="in_second", subscription=SUB, customer=CUS, created=month[1])
    assert deliver(stripe.event("invoice.paid", renewal, created=month[1])) == "applied"
    assert subjects()[-1] == "Your receipt for this month's gift to Newsroom"
    body = mail.outbox[-1].body
    assert "Thank you for your monthly gift of 10 USD. This email is your receipt for this month's payment." in body
    assert "Invoice: NEWS-COND" in body
    assert str(donation.reference) in body
    assert "http://127.0.0.1:8000/donate/manage/" in body
    assert MonthlyPayment.objects.get(invoice_id="in_second").receipt_sent_at is not None
    assert months_of_totals() == {
        (as_month(month[0]), "USD"): (Decimal("10.00"), 1),
        (as_month(month[1]), "USD"): (Decimal("10.00"), 1),
    }

    # 3. The next month's card is declined: the payment is recorded as failed and the donor told, once.
    retry_at = month[2] + 3 * DAY
    failed = stripe.invoice(
        donation,
        invoice_id="in_third",
        subscription=SUB,
        customer=CUS,
        paid=False,
        created=month[2],
        next_payment_attempt=retry_at,
    )
    assert deliver(stripe.event("invoice.payment_failed", failed, created=month[2])) == "applied"
    past_due = stripe.subscription(donation, subscription_id=SUB, customer=CUS, status="past_due", start=month[0])
    deliver(
        stripe.event(
            "customer.subscription.updated", past_due, created=month[2], previous_attributes={"status": "active"}
        )
    )
    gift.refresh_from_db()
    assert gift.status == MonthlyGift.Status.PAST_DUE
    payment = MonthlyPayment.objects.get(invoice_id="in_third")
    assert (payment.status, payment.attempt_count, payment.notice_sent_at is not None) == ("failed", 1, True)
    assert subjects()[-1] == "Your monthly gift to Newsroom did not go through"
    notice = mail.outbox[-1].body
    assert "This month's payment of your gift of 10 USD did not go through." in notice
    assert "https://invoice.stripe.test/i/in_third" in notice
    # Stripe retries and reports the failure again: no second notice.
    sent = len(mail.outbox)
    failed_again = {**failed, "attempt_count": 2}
    deliver(stripe.event("invoice.payment_failed", failed_again, created=month[2] + DAY))
    assert len(mail.outbox) == sent
    # A failed payment counts in no total.
    totals = months_of_totals()
    assert (sum(paid for paid, _count in totals.values()), sum(count for _paid, count in totals.values())) == (
        Decimal("20.00"),
        2,
    )

    # 4. The notice's link opens the donor's gift; its button opens Stripe's customer portal.
    page = client.get(link_in(notice))
    assert page.status_code == 200
    html = page.content.decode()
    assert "10 USD a month" in html
    assert "The last payment did not go through: please update your card." in html
    assert page["Referrer-Policy"] == "same-origin"
    response = client.post(link_in(notice), {"gift": gift.pk})
    [call] = fake_stripe.portal_calls()
    assert response.status_code == 303
    assert response["Location"].startswith("https://billing.stripe.com/p/session/bps_")
    assert call["params"]["customer"] == CUS
    # Back from the portal, the donor sees their gift as it now is.
    assert call["params"]["return_url"] == f"http://127.0.0.1:8000{link_in(notice)}"
    assert call["params"]["locale"] == "en"

    # 5. On the portal the donor updates their card; Stripe retries the invoice, which is paid.
    card = stripe.subscription(
        donation, subscription_id=SUB, customer=CUS, status="past_due", start=month[0], default_payment_method="pm_new"
    )
    deliver(
        stripe.event(
            "customer.subscription.updated",
            card,
            created=retry_at - DAY,
            previous_attributes={"default_payment_method": "pm_card_visa"},
        )
    )
    paid_late = stripe.invoice(
        donation, invoice_id="in_third", subscription=SUB, customer=CUS, created=retry_at - DAY, attempt_count=3
    )
    assert deliver(stripe.event("invoice.paid", paid_late, created=retry_at - DAY)) == "applied"
    active = stripe.subscription(donation, subscription_id=SUB, customer=CUS, status="active", start=month[0])
    deliver(
        stripe.event(
            "customer.subscription.updated", active, created=retry_at - DAY, previous_attributes={"status": "past_due"}
        )
    )
    gift.refresh_from_db()
    payment.refresh_from_db()
    assert gift.status == MonthlyGift.Status.ACTIVE
    assert (payment.status, payment.attempt_count, payment.receipt_sent_at is not None) == ("paid", 3, True)
    assert subjects()[-1] == "Your receipt for this month's gift to Newsroom"
    totals = months_of_totals()
    assert sum(paid for paid, _count in totals.values()) == Decimal("30.00")
    assert sum(count for _paid, count in totals.values()) == 3

    # 6. The donor raises the gift to 20 USD a month, then cancels at the end of the period.
    raised = stripe.subscription(donation, subscription_id=SUB, customer=CUS, amount=2000, start=month[0])
    deliver(
        stripe.event(
            "customer.subscription.updated",
            raised,
            created=month[3] - 2 * DAY,
            previous_attributes={"items": {"data": [{"price": {"unit_amount": 1000}}]}},
        )
    )
    gift.refresh_from_db()
    assert gift.amount == Decimal("20.00")
    ending = stripe.subscription(
        donation,
        subscription_id=SUB,
        customer=CUS,
        amount=2000,
        start=month[0],
        cancel_at_period_end=True,
        canceled_at=month[3] - DAY,
        period_end=month[3] + 30 * DAY,
    )
    deliver(
        stripe.event(
            "customer.subscription.updated",
            ending,
            created=month[3] - DAY,
            previous_attributes={"cancel_at_period_end": False},
        )
    )
    gift.refresh_from_db()
    assert gift.status == MonthlyGift.Status.ACTIVE
    assert gift.cancels_at == datetime.fromtimestamp(month[3] + 30 * DAY, tz=UTC)

    # 7. At the end of the period Stripe deletes the subscription: the gift has ended; the donor is told.
    ended = {**ending, "status": "canceled", "ended_at": month[3] + 30 * DAY}
    assert deliver(stripe.event("customer.subscription.deleted", ended, created=month[3] + 30 * DAY)) == "applied"
    gift.refresh_from_db()
    assert gift.status == MonthlyGift.Status.CANCELLED
    assert gift.cancelled_at == datetime.fromtimestamp(month[3] + 30 * DAY, tz=UTC)
    assert subjects()[-1] == "Your monthly gift to Newsroom has ended"
    assert "Thank you for the 3 payments you made." in mail.outbox[-1].body
    assert subjects() == [
        "Your receipt from Newsroom",
        "Your receipt for this month's gift to Newsroom",
        "Your monthly gift to Newsroom did not go through",
        "Your receipt for this month's gift to Newsroom",
        "Your monthly gift to Newsroom has ended",
    ]

    # The history, in the order it happened, and the lifetime total, as fundraising staff see them.
    actions = list(DonationChange.objects.filter(donation=donation).order_by("pk").values_list("action", flat=True))
    assert actions == [
        "started",
        "payment_received",
        "payment_received",
        "payment_failed",
        "payment_failed",
        "card_updated",
        "payment_received",
        "amount_changed",
        "cancellation_asked",
        "gift_cancelled",
    ]
    client.force_login(staff)
    page = client.get(reverse("admin:donations_donation_change", args=[donation.pk])).content.decode()
    assert "Lifetime total:</strong> 30 USD" in page
    assert "Monthly amount changed" in page
    assert "10 USD → 20 USD" in page
    assert "Payment method updated" in page
    listing = client.get(reverse("admin:donations_monthlygift_changelist")).content.decode()
    assert '<td class="field-lifetime_total">30 USD</td>' in listing
    assert '<td class="field-payments_count">3</td>' in listing
    assert "Cancelled" in listing
    gift_page = client.get(reverse("admin:donations_monthlygift_change", args=[gift.pk])).content.decode()
    for number in ("NEWS-IRST", "NEWS-COND", "NEWS-HIRD"):
        assert number in gift_page

    # Every event delivered again, newest first: all duplicates, nothing changes, nothing is sent.
    sent = len(mail.outbox)
    events = PaymentEvent.objects.count()
    client.logout()
    for payload in reversed(list(deliver.payloads)):
        assert deliver(payload) == "duplicate"
    assert PaymentEvent.objects.count() == events
    assert len(mail.outbox) == sent
    assert MonthlyPayment.objects.filter(status="paid").count() == 3
    gift.refresh_from_db()
    assert (gift.status, gift.amount) == (MonthlyGift.Status.CANCELLED, Decimal("20.00"))


def test_events_of_a_monthly_gift_delivered_twice_or_out_of_order(client, fake_stripe, deliver):
    donation = make_monthly()
    now = int(time.time())
    # The first invoice arrives before Checkout's own event: the gift is made from the invoice.
    first = stripe.invoice(
        donation, invoice_id="in_a", subscription=SUB, customer=CUS, billing_reason="subscription_create", created=now
    )
    payload = stripe.event("invoice.paid", first, created=now, event_id="evt_first_invoice")
    assert deliver(payload) == "applied"
    assert deliver(payload) == "duplicate"
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    session = stripe.checkout_session(donation, subscription=SUB, customer=CUS, invoice="in_a")
    assert deliver(stripe.event("checkout.session.completed", session, created=now)) == "unchanged"
    assert MonthlyGift.objects.count() == 1
    assert MonthlyPayment.objects.count() == 1
    # One receipt for the first payment, not two.
    assert subjects() == ["Your receipt from Newsroom"]

    # A renewal paid, and its failure reported late: it stays paid, and no notice goes out.
    renewal = stripe.invoice(donation, invoice_id="in_b", subscription=SUB, customer=CUS, created=now + 10)
    deliver(stripe.event("invoice.paid", renewal, created=now + 10))
    late_failure = stripe.invoice(
        donation, invoice_id="in_b", subscription=SUB, customer=CUS, paid=False, created=now + 5
    )
    assert deliver(stripe.event("invoice.payment_failed", late_failure, created=now + 5)) == "unchanged"
    assert MonthlyPayment.objects.get(invoice_id="in_b").status == "paid"
    assert "did not go through" not in " ".join(subjects())

    # The end arrives before an older update: the gift stays cancelled, at its amount.
    sub = stripe.subscription(donation, subscription_id=SUB, customer=CUS, start=now)
    deleted = {**sub, "status": "canceled", "ended_at": now + 100, "canceled_at": now + 100}
    deliver(stripe.event("customer.subscription.deleted", deleted, created=now + 100))
    older = stripe.subscription(donation, subscription_id=SUB, customer=CUS, amount=5000, start=now)
    assert deliver(stripe.event("customer.subscription.updated", older, created=now + 50)) == "unchanged"
    gift = MonthlyGift.objects.get()
    assert (gift.status, gift.amount) == (MonthlyGift.Status.CANCELLED, Decimal("10.00"))

    # An older past-due notice after a newer "active" on another gift changes nothing.
    other = make_monthly(email="lucia@example.org", donor_name="Lucía Gómez")
    sub2 = stripe.subscription(other, subscription_id="sub_other", customer="cus_other", start=now)
    deliver(stripe.event("customer.subscription.created", sub2, created=now + 20))
    stale = {**sub2, "status": "past_due"}
    assert deliver(stripe.event("customer.subscription.updated", stale, created=now + 10)) == "unchanged"
    assert MonthlyGift.objects.get(subscription_id="sub_other").status == MonthlyGift.Status.ACTIVE


def test_events_for_unknown_subscriptions_and_other_invoices(client, fake_stripe, deliver):
    donation = make_monthly()
    unknown = stripe.invoice(donation, invoice_id="in_x", subscription="sub_unknown", customer=CUS)
    unknown["parent"]["subscription_details"]["metadata"] = {}
    unknown["lines"]["data"][0]["metadata"] = {}
    assert deliver(stripe.event("invoice.paid", unknown)) == "unmatched"
    # An invoice that is not a subscription's (a one-off invoice made in the dashboard) is not ours.
    one_off = {**unknown, "parent": None, "lines": {"object": "list", "data": []}}
    assert deliver(stripe.event("invoice.paid", one_off)) == "ignored"
    # A card updated on a customer with no gift of ours.
    customer = {"id": "cus_stranger", "object": "customer", "invoice_settings": {"default_payment_method": "pm_2"}}
    assert (
        deliver(
            stripe.event(
                "customer.updated", customer, previous_attributes={"invoice_settings": {"default_payment_method": None}}
            )
        )
        == "unmatched"
    )
    assert not MonthlyGift.objects.exists()


def test_a_card_updated_on_the_customer_is_noted_on_the_gift(client, fake_stripe, deliver):
    donation = make_monthly()
    session = stripe.checkout_session(donation, subscription=SUB, customer=CUS, invoice="in_a")
    deliver(stripe.event("checkout.session.completed", session))
    customer = {"id": CUS, "object": "customer", "invoice_settings": {"default_payment_method": "pm_new"}}
    payload = stripe.event(
        "customer.updated", customer, previous_attributes={"invoice_settings": {"default_payment_method": "pm_old"}}
    )
    assert deliver(payload) == "applied"
    assert DonationChange.objects.filter(donation=donation, action="card_updated").count() == 1
    # Other changes of a customer (an address) are not our business.
    plain = stripe.event("customer.updated", customer, previous_attributes={"address": None})
    assert deliver(plain) == "ignored"


def test_monthly_payments_count_in_the_totals_by_article_and_month(client, fake_stripe, deliver, django_user_model):
    from tests.factories import make_article

    article = make_article(title="Gangs tax the buses")
    donation = make_monthly(article=article, currency="EUR", amount=Decimal("15.00"))
    one_time = Donation.objects.create(
        amount=Decimal("50.00"),
        currency="EUR",
        donor_name="Ana",
        email="ana@example.org",
        status="paid",
        article=article,
    )
    now = int(time.time())
    session = stripe.checkout_session(
        donation, subscription=SUB, customer=CUS, invoice="in_1", amount=1500, currency="eur"
    )
    deliver(stripe.event("checkout.session.completed", session, created=now))
    for number in (2, 3):
        renewal = stripe.invoice(
            donation,
            invoice_id=f"in_{number}",
            subscription=SUB,
            customer=CUS,
            amount=1500,
            currency="eur",
            created=now,
        )
        deliver(stripe.event("invoice.paid", renewal, created=now))
    client.force_login(django_user_model.objects.create_superuser("boss", "boss@example.org", "pw"))
    response = client.get(reverse("admin:donations_donation_changelist"))
    [row] = response.context["totals_by_article"]
    assert (row["article__title"], row["currency"], row["count"]) == ("Gangs tax the buses", "EUR", 2)
    assert (row["paid"], row["paid_count"]) == (Decimal("95.00"), 4)
    [month] = response.context["totals_by_month"]
    assert (month["paid"], month["paid_count"], month["count"]) == (Decimal("95.00"), 4, 2)
    assert "95 EUR (4)" in response.content.decode() or "95.00 EUR (4)" in response.content.decode()
    assert one_time.pk

    # The payments export: one row per payment received.
    export = client.post(
        reverse("admin:donations_donation_changelist"),
        {"action": "export_payments_csv", "_selected_action": [donation.pk, one_time.pk]},
    )
    lines = export.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("paid_at,amount,currency")
    assert len(lines) == 1 + 4
    assert sum(1 for line in lines if ",15.00,EUR,monthly," in line) == 3


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_first_events_of_a_gift_arriving_at_once_make_one_gift_one_payment_one_receipt(live_server, fake_stripe):
    """Checkout's event and the first invoice's arrive together (they often do): the donation row lock
    makes them wait in turn, so neither makes a second gift, payment or receipt."""
    donation = make_monthly()
    session = stripe.checkout_session(donation, subscription=SUB, customer=CUS, invoice="in_first")
    first = stripe.invoice(
        donation, invoice_id="in_first", subscription=SUB, customer=CUS, billing_reason="subscription_create"
    )
    created = stripe.subscription(donation, subscription_id=SUB, customer=CUS)
    payloads = [
        stripe.event("checkout.session.completed", session),
        stripe.event("invoice.paid", first),
        stripe.event("customer.subscription.created", created),
    ]
    outcomes = _at_once(3, lambda index, prepared: _deliver_live(f"{live_server.url}{WEBHOOK}", payloads[index]))
    assert all(outcome in ("applied", "unchanged") for outcome in outcomes), outcomes
    assert MonthlyGift.objects.count() == 1
    assert MonthlyPayment.objects.get().invoice_id == "in_first"
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    assert subjects() == ["Your receipt from Newsroom"]
