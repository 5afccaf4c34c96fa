"""A validly signed but malformed webhook delivery is refused with a 400, never a 500, and changes nothing:
named cases, and Hypothesis fuzzing of signed payloads (Stripe's real shapes with fields replaced by
generated values, and generated bodies)."""

import copy
import json
import time
import uuid
from decimal import Decimal

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from donations.giving.models import MonthlyGift, MonthlyPayment
from donations.models import Donation, PaymentEvent
from tests.donations import stripe_payloads as stripe
from tests.donations.conftest import sign

pytestmark = pytest.mark.django_db

WEBHOOK = "/webhooks/stripe/"
SUB, CUS = "sub_fuzz", "cus_fuzz"


def post(client, body):
    return client.post(WEBHOOK, body, content_type="application/json", headers={"Stripe-Signature": sign(body)})


@pytest.fixture
def gift():
    donation = Donation.objects.create(
        amount=Decimal("10.00"),
        frequency="monthly",
        donor_name="Marta Díaz",
        email="marta@example.org",
        provider="stripe",
        status="paid",
        provider_reference="cs_test_fuzz",
    )
    return MonthlyGift.objects.create(
        donation=donation,
        subscription_id=SUB,
        customer_id=CUS,
        amount=Decimal("10.00"),
        currency="USD",
        started_at=donation.created_at,
    )


def valid_events(donation):
    """One valid event of each type the webhook reads, as dicts."""
    now = int(time.time())
    session = stripe.checkout_session(donation, subscription=SUB, customer=CUS, invoice="in_fuzz1")
    paid = stripe.invoice(donation, invoice_id="in_fuzz2", subscription=SUB, customer=CUS, created=now)
    failed = stripe.invoice(donation, invoice_id="in_fuzz3", subscription=SUB, customer=CUS, paid=False, created=now)
    sub = stripe.subscription(donation, subscription_id=SUB, customer=CUS, start=now)
    customer = {"id": CUS, "object": "customer", "invoice_settings": {"default_payment_method": "pm_1"}}
    charge = {"id": "ch_1", "object": "charge", "payment_intent": "pi_1", "refunded": True, "metadata": {}}
    return [
        json.loads(payload)
        for payload in (
            stripe.event("checkout.session.completed", session),
            stripe.event("invoice.paid", paid),
            stripe.event("invoice.payment_failed", failed),
            stripe.event("customer.subscription.updated", sub, previous_attributes={"default_payment_method": "pm_0"}),
            stripe.event("customer.subscription.deleted", {**sub, "status": "canceled", "ended_at": now}),
            stripe.event(
                "customer.updated", customer, previous_attributes={"invoice_settings": {"default_payment_method": None}}
            ),
            stripe.event("charge.refunded", charge),
        )
    ]


def replaced(event, path, value):
    event = copy.deepcopy(event)
    target = event
    for key in path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return event


DELETE = object()
LONG_ID = "evt_" + "a" * 300


@pytest.mark.parametrize(
    ("index", "path", "value"),
    [
        (1, ["id"], None),
        (1, ["id"], LONG_ID),
        (1, ["id"], 12345),
        (1, ["id"], "evt with spaces"),
        (1, ["id"], DELETE),
        (1, ["type"], None),
        (1, ["type"], ["invoice.paid"]),
        (1, ["type"], "x" * 101),
        (1, ["created"], "1700000000"),
        (1, ["created"], 1.5e9),
        (1, ["created"], True),
        (1, ["created"], 10**20),
        (1, ["created"], -1),
        (1, ["data"], DELETE),
        (1, ["data"], ["object"]),
        (1, ["data", "object"], "in_123"),
        (1, ["data", "object"], DELETE),
        (1, ["data", "object", "id"], None),
        (1, ["data", "object", "amount_paid"], "1000"),
        (1, ["data", "object", "amount_paid"], -500),
        (1, ["data", "object", "amount_paid"], 10**14),
        (1, ["data", "object", "amount_paid"], DELETE),
        (1, ["data", "object", "currency"], 840),
        (1, ["data", "object", "currency"], "dollars"),
        (1, ["data", "object", "parent"], "sub_1"),
        (1, ["data", "object", "parent", "subscription_details", "subscription"], {"no": "id"}),
        (1, ["data", "object", "lines"], {"data": {"0": {}}}),
        (1, ["data", "object", "number"], "NUL\x00BYTE"),
        (1, ["data", "object", "status_transitions"], []),
        (2, ["data", "object", "attempt_count"], -1),
        (2, ["data", "object", "next_payment_attempt"], "tomorrow"),
        (3, ["data", "object", "items", "data", 0, "price", "unit_amount"], None),
        (3, ["data", "object", "items", "data", 0, "quantity"], "one"),
        (3, ["data", "object", "status"], DELETE),
        (3, ["data", "object", "cancel_at_period_end"], "yes"),
        (3, ["data", "previous_attributes"], "default_payment_method"),
        (0, ["data", "object", "metadata"], ["donation_reference"]),
        (0, ["data", "object", "client_reference_id"], "x" * 5000),
        (0, ["data", "object", "amount_total"], "1000"),
        (5, ["data", "object", "id"], None),
        (6, ["data", "object", "refunded"], "yes"),
    ],
)
def test_a_signed_but_malformed_event_is_refused_and_changes_nothing(client, fake_stripe, gift, index, path, value):
    event = replaced(valid_events(gift.donation)[index], path, value)
    response = post(client, json.dumps(event))
    assert response.status_code == 400
    assert response.content == b"Invalid signature or payload."
    assert not PaymentEvent.objects.exists()
    assert not MonthlyPayment.objects.exists()
    gift.refresh_from_db()
    assert (gift.status, gift.amount) == (MonthlyGift.Status.ACTIVE, Decimal("10.00"))


@pytest.mark.parametrize("body", ["[]", '"evt_1"', "42", "null", '{"id": "evt_1"}', "{}"])
def test_a_signed_body_that_is_no_event_is_refused(client, fake_stripe, body):
    assert post(client, body).status_code == 400


def test_the_valid_events_themselves_are_accepted(client, fake_stripe, gift):
    for event in valid_events(gift.donation):
        response = post(client, json.dumps(event))
        assert response.status_code == 200, event["type"]


def paths(value, prefix=()):
    """Every path into a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=300)
    | st.sampled_from(["", "sub_fuzz", "cus_fuzz", "in_fuzz2", "usd", "canceled", "paid", LONG_ID, "\x00"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=3),
    max_leaves=8,
)
FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


@FUZZ
@given(data=st.data())
def test_fuzzed_fields_of_signed_events_never_give_a_500(fake_stripe, gift, data):
    events = valid_events(gift.donation)
    event = data.draw(st.sampled_from(events))
    event["id"] = f"evt_{uuid.uuid4().hex}"
    for _change in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from([path for path in paths(event) if path]))
        event = replaced(event, list(path), data.draw(st.one_of(st.just(DELETE), json_values)))
    # The test client raises any exception a view lets through, so a 500 fails here loudly.
    response = post(Client(), json.dumps(event))
    assert response.status_code in (200, 400)


@FUZZ
@given(
    body=st.dictionaries(
        st.sampled_from(["id", "object", "type", "created", "data", "api_version", "livemode"]) | st.text(max_size=8),
        json_values,
        max_size=6,
    )
)
def test_fuzzed_signed_bodies_never_give_a_500(fake_stripe, body):
    response = post(Client(), json.dumps(body))
    assert response.status_code in (200, 400)
