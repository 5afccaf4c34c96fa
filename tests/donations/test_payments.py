"""Stripe Checkout through HTTP: the real stripe library talks to a fake Stripe API on loopback, and
webhook deliveries are signed with the library's own scheme."""

import json
import time
import urllib.error
import urllib.request
import uuid
from decimal import Decimal

import pytest
from django.core import mail

from donations.models import Donation, PaymentEvent
from tests.donations.conftest import donation_data, postgresql_only, sign, stripe_event
from tests.donations.views.test_donations import _at_once

pytestmark = pytest.mark.django_db

DONATE = "/donate/"
WEBHOOK = "/webhooks/stripe/"


def make_pending(**fields):
    fields.setdefault("amount", Decimal("25.00"))
    fields.setdefault("donor_name", "Marta Díaz")
    fields.setdefault("email", "marta@example.org")
    fields.setdefault("provider", Donation.Provider.STRIPE)
    fields.setdefault("status", Donation.Status.PENDING)
    fields.setdefault("provider_reference", f"cs_test_{uuid.uuid4().hex}")
    return Donation.objects.create(**fields)


def deliver(client, payload, *, signature=None):
    return client.post(
        WEBHOOK,
        payload,
        content_type="application/json",
        headers={"Stripe-Signature": sign(payload) if signature is None else signature},
    )


def session_completed(donation, **fields):
    session = {
        "id": donation.provider_reference,
        "object": "checkout.session",
        "client_reference_id": str(donation.reference),
        "metadata": {"donation_reference": str(donation.reference)},
        "payment_status": "paid",
        "payment_intent": "pi_test_123",
        "mode": "payment",
    }
    session.update(fields)
    return session


def charge_refunded(donation, **fields):
    charge = {
        "id": "ch_test_1",
        "object": "charge",
        "payment_intent": "pi_test_123",
        "refunded": True,
        "metadata": {"donation_reference": str(donation.reference)},
    }
    charge.update(fields)
    return charge


# Sending the donor to Checkout


def test_the_gift_is_stored_before_stripe_is_called(client, fake_stripe, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(DONATE, donation_data(amount="50"))
    donation = Donation.objects.get()
    assert (donation.status, donation.provider) == (Donation.Status.PENDING, Donation.Provider.STRIPE)
    # Until the row is committed, Stripe has not been called; the donor would land on the thank-you page.
    assert fake_stripe.checkout_calls() == []
    assert response["Location"] == f"/donate/thanks/{donation.reference}/"
    for callback in callbacks:
        callback()
    assert len(fake_stripe.checkout_calls()) == 1


@pytest.mark.django_db(transaction=True)
def test_a_one_time_gift_goes_to_checkout_with_an_idempotency_key(client, fake_stripe):
    # A real commit (no test transaction around it): the Checkout call runs as the row is committed.
    response = client.post(DONATE, donation_data(amount="50"))
    donation = Donation.objects.get()
    [call] = fake_stripe.checkout_calls()
    session = next(iter(fake_stripe.sessions.values()))
    assert response.status_code == 303
    assert response["Location"] == session["url"]
    assert donation.provider_reference == session["id"]
    assert call["headers"]["Idempotency-Key"] == f"donation-{donation.reference}-checkout"
    assert call["headers"]["Authorization"] == "Bearer sk_test_fake"
    params = call["params"]
    assert params["mode"] == "payment"
    assert params["line_items[0][price_data][unit_amount]"] == "5000"
    assert params["line_items[0][price_data][currency]"] == "usd"
    assert params["line_items[0][quantity]"] == "1"
    assert params["client_reference_id"] == str(donation.reference)
    assert params["metadata[donation_reference]"] == str(donation.reference)
    assert params["payment_intent_data[metadata][donation_reference]"] == str(donation.reference)
    assert params["customer_email"] == "marta@example.org"
    assert params["success_url"] == f"http://127.0.0.1:8000/donate/thanks/{donation.reference}/?checkout=done"
    assert params["cancel_url"] == f"http://127.0.0.1:8000/donate/thanks/{donation.reference}/?checkout=cancelled"
    # Receipts wait for Stripe to say the gift is paid.
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_monthly_gift_becomes_a_subscription(client, fake_stripe):
    client.post("/es/donate/", donation_data(frequency="monthly", currency="EUR", amount="10"))
    params = fake_stripe.checkout_calls()[0]["params"]
    assert params["mode"] == "subscription"
    assert params["line_items[0][price_data][recurring][interval]"] == "month"
    assert params["line_items[0][price_data][unit_amount]"] == "1000"
    assert params["line_items[0][price_data][currency]"] == "eur"
    assert params["subscription_data[metadata][donation_reference]"] == str(Donation.objects.get().reference)
    assert params["locale"] == "es"
    assert "/es/donate/thanks/" in params["success_url"]


@pytest.mark.django_db(transaction=True)
def test_the_same_form_posted_twice_opens_the_same_checkout(client, fake_stripe):
    data = donation_data()
    first = client.post(DONATE, data)
    second = client.post(DONATE, data)
    assert Donation.objects.count() == 1
    assert first["Location"] == second["Location"]
    keys = {call["headers"]["Idempotency-Key"] for call in fake_stripe.checkout_calls()}
    assert len(keys) == 1
    assert len(fake_stripe.sessions) == 1


@pytest.mark.django_db(transaction=True)
def test_when_stripe_fails_the_gift_is_kept_and_the_donor_can_try_again(client, fake_stripe):
    fake_stripe.fail_with = 500
    response = client.post(DONATE, donation_data())
    donation = Donation.objects.get()
    assert donation.status == Donation.Status.PENDING
    assert response["Location"] == f"/donate/thanks/{donation.reference}/?checkout=unavailable"
    html = client.get(response["Location"]).content.decode()
    assert "We could not reach our payment processor just now." in html
    assert "Your gift is saved and nothing has been charged." in html
    assert "Continue to pay 25 USD" in html

    # Still down: the page says so again.
    again = client.post(donation.get_absolute_url())
    assert "We could not reach our payment processor just now." in again.content.decode()
    # Back up: the same button sends the donor to Checkout.
    fake_stripe.fail_with = None
    response = client.post(donation.get_absolute_url())
    assert response.status_code == 303
    assert response["Location"].startswith("https://checkout.stripe.test/")
    assert Donation.objects.count() == 1


def test_a_donor_back_from_checkout_without_paying_is_told_and_can_continue(client, fake_stripe):
    donation = make_pending()
    html = client.get(donation.get_absolute_url(), {"checkout": "cancelled"}).content.decode()
    assert "You left the payment page before paying. Nothing has been charged." in html
    response = client.post(donation.get_absolute_url())
    assert response["Location"].startswith("https://checkout.stripe.test/")


# The webhook


def test_a_completed_checkout_marks_the_gift_paid_and_sends_the_receipt(
    client, fake_stripe, django_capture_on_commit_callbacks
):
    donation = make_pending()
    payload = stripe_event("checkout.session.completed", session_completed(donation), event_id="evt_paid")
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, payload)
    assert response.status_code == 200
    assert response.json() == {"received": True, "outcome": "applied"}
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    assert donation.provider_payment_reference == "pi_test_123"
    assert donation.receipt_sent_at is not None
    assert [message.subject for message in mail.outbox] == ["Your receipt from Newsroom"]
    assert "Thank you for your gift of 25 USD. This email is your receipt." in mail.outbox[0].body
    event = PaymentEvent.objects.get()
    assert (event.event_id, event.outcome, event.donation) == ("evt_paid", "applied", donation)

    page = client.get(donation.get_absolute_url(), {"checkout": "done"}).content.decode()
    assert "Your gift of 25 USD is confirmed." in page


def test_a_completed_checkout_still_waiting_for_a_bank_debit_stays_pending(client, fake_stripe):
    donation = make_pending()
    deliver(client, stripe_event("checkout.session.completed", session_completed(donation, payment_status="unpaid")))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING
    html = client.get(donation.get_absolute_url(), {"checkout": "done"}).content.decode()
    assert "We are waiting for the payment processor to confirm your payment." in html
    assert '<meta http-equiv="refresh" content="10">' in html


@pytest.mark.parametrize(
    ("event_type", "status"),
    [
        ("checkout.session.async_payment_succeeded", Donation.Status.PAID),
        ("checkout.session.async_payment_failed", Donation.Status.FAILED),
        ("checkout.session.expired", Donation.Status.FAILED),
    ],
)
def test_other_checkout_outcomes(client, fake_stripe, event_type, status):
    donation = make_pending()
    deliver(client, stripe_event(event_type, session_completed(donation)))
    donation.refresh_from_db()
    assert donation.status == status


def test_a_full_refund_marks_the_gift_refunded_and_a_partial_one_does_not(client, fake_stripe):
    donation = make_pending(status=Donation.Status.PAID, provider_payment_reference="pi_test_123")
    deliver(client, stripe_event("charge.refunded", charge_refunded(donation, refunded=False)))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    # Found by its payment id when the charge carries no reference of ours.
    deliver(client, stripe_event("charge.refunded", charge_refunded(donation, metadata={})))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED


def test_a_bad_signature_is_refused(client, fake_stripe):
    donation = make_pending()
    payload = stripe_event("checkout.session.completed", session_completed(donation))
    for signature in ("", "t=1,v1=abc", sign(payload, secret="whsec_someone_else"), sign(payload + " ")):
        response = deliver(client, payload, signature=signature)
        assert response.status_code == 400
    # A body changed after signing.
    tampered = payload.replace('"paid"', '"unpaid"')
    assert deliver(client, tampered, signature=sign(payload)).status_code == 400
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING
    assert not PaymentEvent.objects.exists()


def test_a_stale_delivery_is_refused_as_a_replay(client, fake_stripe, settings):
    donation = make_pending()
    payload = stripe_event("checkout.session.completed", session_completed(donation))
    old = int(time.time()) - settings.STRIPE_WEBHOOK_TOLERANCE - 60
    assert deliver(client, payload, signature=sign(payload, timestamp=old)).status_code == 400
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING
    # Within the tolerance it is accepted.
    recent = int(time.time()) - settings.STRIPE_WEBHOOK_TOLERANCE + 60
    assert deliver(client, payload, signature=sign(payload, timestamp=recent)).status_code == 200


def test_a_signed_body_that_is_not_json_is_refused(client, fake_stripe):
    assert deliver(client, "not json").status_code == 400


def test_an_unknown_event_type_is_acknowledged_and_changes_nothing(client, fake_stripe):
    donation = make_pending()
    response = deliver(client, stripe_event("customer.created", {"id": "cus_1", "object": "customer"}))
    assert response.status_code == 200
    assert response.json()["outcome"] == "ignored"
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PENDING


def test_an_event_for_no_donation_of_ours_is_acknowledged(client, fake_stripe):
    ghost = Donation(reference=uuid.uuid4(), provider_reference="cs_test_ghost")
    response = deliver(client, stripe_event("checkout.session.completed", session_completed(ghost)))
    assert response.status_code == 200
    assert response.json()["outcome"] == "unmatched"


def test_the_same_event_delivered_three_times_is_handled_once(client, fake_stripe, django_capture_on_commit_callbacks):
    donation = make_pending()
    payload = stripe_event("checkout.session.completed", session_completed(donation), event_id="evt_once")
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = [deliver(client, payload).json()["outcome"] for _ in range(3)]
    assert outcomes == ["applied", "duplicate", "duplicate"]
    assert PaymentEvent.objects.count() == 1
    assert len(mail.outbox) == 1


def test_events_out_of_order_never_undo_a_newer_state(client, fake_stripe):
    donation = make_pending()
    # The refund arrives before the payment it refunds.
    deliver(client, stripe_event("charge.refunded", charge_refunded(donation), created=time.time()))
    deliver(client, stripe_event("checkout.session.completed", session_completed(donation), created=time.time() - 60))
    donation.refresh_from_db()
    assert donation.status == Donation.Status.REFUNDED

    other = make_pending()
    # An expiry notice after the payment.
    deliver(client, stripe_event("checkout.session.completed", session_completed(other)))
    response = deliver(client, stripe_event("checkout.session.expired", session_completed(other)))
    assert response.json()["outcome"] == "unchanged"
    other.refresh_from_db()
    assert other.status == Donation.Status.PAID


def test_the_webhook_is_off_without_a_secret(client, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    payload = stripe_event("checkout.session.completed", {})
    assert deliver(client, payload).status_code == 404


def test_the_webhook_takes_posts_only(client, fake_stripe):
    assert client.get(WEBHOOK).status_code == 405


def _deliver_live(url, payload):
    request = urllib.request.Request(
        url,
        data=payload.encode(),
        method="POST",
        headers={"Content-Type": "application/json", "Stripe-Signature": sign(payload)},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["outcome"]
    except urllib.error.HTTPError as error:
        return error.code


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_same_event_delivered_three_times_at_once_is_handled_once(live_server, fake_stripe):
    donation = make_pending()
    payload = stripe_event("checkout.session.completed", session_completed(donation), event_id="evt_race")
    outcomes = _at_once(3, lambda index, prepared: _deliver_live(f"{live_server.url}{WEBHOOK}", payload))
    assert sorted(outcomes) == ["applied", "duplicate", "duplicate"]
    assert PaymentEvent.objects.count() == 1
    donation.refresh_from_db()
    assert donation.status == Donation.Status.PAID
    assert len(mail.outbox) == 1
