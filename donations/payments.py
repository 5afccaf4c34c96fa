"""Payment providers behind one small interface.

A provider says which status a new donation starts in, starts the payment of a stored donation
(`begin`, which returns where to send the donor, or None when there is nothing to pay online), and
reads its own notifications (`read_event`), so that services.py never speaks a provider's language.

- `pledge`: the gift is recorded as a pledge and staff follow up; nothing to call.
- `stripe`: Stripe Checkout. The donor pays on Stripe's page; a signed webhook tells us the outcome, and
  for a monthly gift every later payment, failure, change and cancellation (MonthlyNews). Donors manage a
  monthly gift on Stripe's customer portal (`portal_session`).

Events are read field by field with their types checked (`StripeFields`): a validly signed event that is
malformed (an id that is null or too long, a number sent as text, an object missing) is refused with
InvalidEvent, which the webhook answers with a 400, never a 500.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import stripe
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from donations.models import Donation
from newsroom.site import absolute_url

# Currencies that Stripe counts in whole units (no cents): https://docs.stripe.com/currencies#zero-decimal
ZERO_DECIMAL_CURRENCIES = {
    "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
}  # fmt: skip


class PaymentUnavailable(Exception):
    """The provider could not be reached or refused the call; the donation is stored all the same."""


class InvalidEvent(Exception):
    """A notification that is not signed by the provider, is too old, or cannot be read."""


@dataclass(frozen=True)
class Checkout:
    """A payment page opened for a donation: the provider's id for it and where to send the donor."""

    reference: str
    url: str


@dataclass(frozen=True)
class PaymentNews:
    """What a provider's event says about one donation.

    `status` is the donation's new status, or None when the event changes none. The donation is found by
    our reference when the event carries it, else by the provider's ids.
    """

    event_id: str
    event_type: str
    created_at: datetime | None
    status: str | None = None
    donation_reference: str = ""
    checkout_reference: str = ""
    payment_reference: str = ""
    handled: bool = True
    # A completed Checkout of a monthly gift: the subscription it started (see MonthlyNews).
    monthly: "MonthlyNews | None" = None


@dataclass(frozen=True)
class MonthlyNews:
    """What a provider's event says about a monthly gift (a subscription) or one of its payments (an invoice).

    `kind` is one of KINDS. The gift is found by `subscription_id`, or (for the gift's first events) by
    our donation reference that the subscription's metadata carries; `customer_id` alone finds every
    gift of a customer (a card updated on the customer).
    """

    PAYMENT_PAID = "payment_paid"
    PAYMENT_FAILED = "payment_failed"
    SUBSCRIPTION = "subscription"
    CARD_UPDATED = "card_updated"
    KINDS = (PAYMENT_PAID, PAYMENT_FAILED, SUBSCRIPTION, CARD_UPDATED)

    event_id: str
    event_type: str
    created_at: datetime
    kind: str
    subscription_id: str = ""
    customer_id: str = ""
    donation_reference: str = ""
    # Payments (invoices).
    invoice_id: str = ""
    invoice_number: str = ""
    amount: Decimal | None = None
    currency: str = ""
    first_payment: bool = False
    paid_at: datetime | None = None
    attempt_count: int = 0
    next_attempt_at: datetime | None = None
    invoice_url: str = ""
    # Subscriptions: the gift's status (a MonthlyGift.Status, or "" when the event says none we know).
    status: str = ""
    started_at: datetime | None = None
    cancels_at: datetime | None = None
    cancelled_at: datetime | None = None
    card_updated: bool = False


class PledgeProvider:
    name = Donation.Provider.PLEDGE
    initial_status = Donation.Status.PLEDGED
    # A pledge is complete when stored, so its receipt goes out at once.
    receipt_on_submit = True

    def begin(self, donation):
        return None


class StripeCheckoutProvider:
    name = Donation.Provider.STRIPE
    initial_status = Donation.Status.PENDING
    # A Checkout gift is receipted when Stripe says it is paid.
    receipt_on_submit = False

    def __init__(self, *, api_key=None, webhook_secret=None):
        self.api_key = api_key or settings.STRIPE_SECRET_KEY
        self.webhook_secret = webhook_secret or settings.STRIPE_WEBHOOK_SECRET

    def client(self):
        base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
        return stripe.StripeClient(
            self.api_key,
            base_addresses=base_addresses,
            max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
            http_client=stripe.RequestsClient(
                timeout=(settings.STRIPE_CONNECT_TIMEOUT_SECONDS, settings.STRIPE_TIMEOUT_SECONDS)
            ),
        )

    @staticmethod
    def minor_units(amount, currency):
        """The amount in the currency's smallest unit, as Stripe counts it (cents; yen as they are)."""
        exponent = 0 if currency.upper() in ZERO_DECIMAL_CURRENCIES else 2
        return int((Decimal(amount) * 10**exponent).to_integral_value())

    def checkout_params(self, donation):
        thanks = absolute_url(donation.get_absolute_url())
        reference = str(donation.reference)
        metadata = {"donation_reference": reference}
        monthly = donation.frequency == Donation.Frequency.MONTHLY
        with translation.override(donation.language):
            product = (gettext("Monthly donation to %(name)s") if monthly else gettext("Donation to %(name)s")) % {
                "name": settings.NEWSROOM_NAME
            }
        price_data = {
            "currency": donation.currency.lower(),
            "unit_amount": self.minor_units(donation.amount, donation.currency),
            "product_data": {"name": product},
        }
        params = {
            "mode": "subscription" if monthly else "payment",
            "line_items": [{"quantity": 1, "price_data": price_data}],
            "customer_email": donation.email,
            "client_reference_id": reference,
            "metadata": metadata,
            "locale": donation.language,
            "success_url": f"{thanks}?checkout=done",
            "cancel_url": f"{thanks}?checkout=cancelled",
        }
        if monthly:
            price_data["recurring"] = {"interval": "month"}
            if settings.STRIPE_MONTHLY_PRODUCT:
                # Monthly gifts under one product, whose prices the customer portal lets donors switch to.
                price_data["product"] = settings.STRIPE_MONTHLY_PRODUCT
                del price_data["product_data"]
            params["subscription_data"] = {"metadata": metadata}
        else:
            params["submit_type"] = "donate"
            params["payment_intent_data"] = {"metadata": metadata, "description": product}
        return params

    def begin(self, donation):
        """Open a Checkout Session for `donation`. The idempotency key makes a repeat of this call (a
        double submit, a retry after a network error, "Continue to payment") return the same session."""
        try:
            session = self.client().v1.checkout.sessions.create(
                params=self.checkout_params(donation),
                options={"idempotency_key": f"donation-{donation.reference}-checkout"},
            )
        except stripe.StripeError as error:
            raise PaymentUnavailable(str(error)) from error
        return Checkout(reference=session.id, url=session.url)

    def read_event(self, *, payload, signature):
        """The news in a webhook delivery, after checking Stripe's signature on the raw body and its age."""
        if not self.webhook_secret:
            raise InvalidEvent("No webhook secret is configured.")
        try:
            event = stripe.Webhook.construct_event(
                payload, signature, self.webhook_secret, tolerance=settings.STRIPE_WEBHOOK_TOLERANCE
            )
            event = event.to_dict()
        except (stripe.SignatureVerificationError, ValueError, TypeError, AttributeError, KeyError) as error:
            # Not signed by Stripe, stale, or a signed body that is no JSON object.
            raise InvalidEvent(str(error)) from error
        return self.interpret(event)

    def portal_session(self, *, customer_id, return_url, language):
        """A session on Stripe's customer portal for `customer_id`, where the donor updates their card,
        changes the amount or cancels. Returns its (short-lived) address; raises PaymentUnavailable."""
        params = {"customer": customer_id, "return_url": return_url, "locale": language}
        if settings.STRIPE_PORTAL_CONFIGURATION:
            params["configuration"] = settings.STRIPE_PORTAL_CONFIGURATION
        try:
            session = self.client().v1.billing_portal.sessions.create(params=params)
        except stripe.StripeError as error:
            raise PaymentUnavailable(str(error)) from error
        if not isinstance(session.url, str) or not session.url.startswith("https://"):
            raise PaymentUnavailable("Stripe answered without a portal address.")
        return session.url

    @classmethod
    def interpret(cls, event):
        """Map a Stripe event (as a dict) to PaymentNews or MonthlyNews; raises InvalidEvent when malformed."""
        fields = StripeFields(event, "event")
        news = {"event_id": fields.id("id", required=True), "event_type": fields.text("type", required=True)}
        if not EVENT_TYPE.match(news["event_type"]):
            raise InvalidEvent("event.type is not an event type.")
        news["created_at"] = fields.time("created", required=True)
        data = fields.child("data")
        if "object" not in data.data:
            raise InvalidEvent("event.data.object is missing.")
        obj = data.child("object")
        previous = data.child("previous_attributes")
        kind = news["event_type"]
        if kind.startswith("invoice."):
            return cls._invoice_news(news, obj)
        if kind.startswith("customer.subscription."):
            return cls._subscription_news(news, obj, previous)
        if kind == "customer.updated":
            card_updated = "default_payment_method" in previous.child("invoice_settings").data
            if not card_updated:
                return PaymentNews(**news, handled=False)
            return MonthlyNews(**news, kind=MonthlyNews.CARD_UPDATED, customer_id=obj.id("id", required=True))
        return cls._payment_news(news, obj)

    @staticmethod
    def _payment_news(news, obj):
        news["donation_reference"] = obj.reference()
        kind = news["event_type"]
        if kind.startswith("checkout.session."):
            client_reference = obj.text("client_reference_id", max_length=100)
            news["donation_reference"] = news["donation_reference"] or client_reference
            news["checkout_reference"] = obj.id("id")
            news["payment_reference"] = first(obj.id("payment_intent"), obj.id("subscription"))
        if kind in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
            # A completed session whose payment is still on its way (bank debits) is paid later.
            paid = obj.text("payment_status") in ("paid", "no_payment_required")
            monthly = None
            if obj.text("mode") == "subscription" and obj.id("subscription"):
                currency = obj.currency()
                monthly = MonthlyNews(
                    event_id=news["event_id"],
                    event_type=kind,
                    created_at=news["created_at"],
                    kind=MonthlyNews.PAYMENT_PAID if paid else MonthlyNews.SUBSCRIPTION,
                    subscription_id=obj.id("subscription"),
                    customer_id=obj.id("customer"),
                    donation_reference=news["donation_reference"],
                    invoice_id=obj.id("invoice"),
                    amount=from_minor_units(obj.integer("amount_total"), currency),
                    currency=currency,
                    first_payment=True,
                    paid_at=news["created_at"] if paid else None,
                    started_at=news["created_at"],
                )
            return PaymentNews(**news, status=Donation.Status.PAID if paid else None, monthly=monthly)
        if kind in ("checkout.session.async_payment_failed", "checkout.session.expired"):
            return PaymentNews(**news, status=Donation.Status.FAILED)
        if kind == "charge.refunded":
            news["payment_reference"] = obj.id("payment_intent")
            # A partial refund leaves the gift paid.
            return PaymentNews(**news, status=Donation.Status.REFUNDED if obj.flag("refunded") else None)
        return PaymentNews(**news, handled=False)

    @staticmethod
    def _invoice_news(news, invoice):
        """invoice.paid and invoice.payment_failed of a subscription's invoice. The subscription is named in
        `parent.subscription_details` (API versions since 2025-03-31) or at the top (older versions)."""
        kinds = {"invoice.paid": MonthlyNews.PAYMENT_PAID, "invoice.payment_failed": MonthlyNews.PAYMENT_FAILED}
        if news["event_type"] not in kinds:
            return PaymentNews(**news, handled=False)
        details = invoice.child("parent").child("subscription_details")
        legacy = invoice.child("subscription_details")
        subscription_id = first(details.id("subscription"), invoice.id("subscription"))
        references = [details.reference(), legacy.reference(), invoice.reference()]
        references += [line.reference() for line in invoice.list("lines")]
        reference = first(*references)
        invoice_id = invoice.id("id", required=True)
        if not subscription_id:
            # An invoice of something else than a monthly gift.
            return PaymentNews(**news, handled=False)
        currency = invoice.currency(required=True)
        paid = news["event_type"] == "invoice.paid"
        amount = invoice.integer("amount_paid" if paid else "amount_due", required=True)
        paid_at = invoice.child("status_transitions").time("paid_at")
        return MonthlyNews(
            **news,
            kind=kinds[news["event_type"]],
            subscription_id=subscription_id,
            customer_id=invoice.id("customer"),
            donation_reference=reference,
            invoice_id=invoice_id,
            invoice_number=invoice.text("number"),
            amount=from_minor_units(amount, currency),
            currency=currency,
            first_payment=invoice.text("billing_reason") == "subscription_create",
            paid_at=first(paid_at, news["created_at"]) if paid else None,
            attempt_count=invoice.integer("attempt_count", maximum=10_000) or 0,
            next_attempt_at=invoice.time("next_payment_attempt"),
            invoice_url=invoice.text("hosted_invoice_url", max_length=1000),
        )

    @staticmethod
    def _subscription_news(news, subscription, previous):
        """customer.subscription.created/updated/deleted: the subscription as it is after the event."""
        if news["event_type"] not in (
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
        ):
            return PaymentNews(**news, handled=False)
        items = subscription.list("items")
        currency = subscription.currency()
        amount = None
        if items:
            units = 0
            for item in items:
                price = item.child("price")
                currency = currency or price.currency()
                unit_amount = price.integer("unit_amount")
                if unit_amount is None:
                    raise InvalidEvent("A subscription item without a unit amount.")
                units += unit_amount * (item.integer("quantity", maximum=10**6) or 1)
            amount = from_minor_units(units, currency) if currency else None
        status = SUBSCRIPTION_STATUSES.get(subscription.text("status", required=True), "")
        if news["event_type"] == "customer.subscription.deleted":
            status = "cancelled"
        cancels_at = subscription.time("cancel_at")
        if subscription.flag("cancel_at_period_end") and cancels_at is None and items:
            cancels_at = first(items[0].time("current_period_end"), subscription.time("current_period_end"))
        return MonthlyNews(
            **news,
            kind=MonthlyNews.SUBSCRIPTION,
            subscription_id=subscription.id("id", required=True),
            customer_id=subscription.id("customer"),
            donation_reference=subscription.reference(),
            amount=amount,
            currency=currency,
            status=status,
            started_at=subscription.time("start_date"),
            cancels_at=cancels_at,
            cancelled_at=first(subscription.time("ended_at"), subscription.time("canceled_at")),
            card_updated="default_payment_method" in previous.data,
        )


# Stripe's subscription statuses as a monthly gift's status: https://docs.stripe.com/billing/subscriptions/overview
SUBSCRIPTION_STATUSES = {
    "active": "active",
    "trialing": "active",
    "past_due": "past_due",
    "unpaid": "past_due",
    "paused": "past_due",
    # "incomplete": the first payment is still under way on Checkout; the gift's status waits for it.
    "canceled": "cancelled",
    "incomplete_expired": "cancelled",
}
# What Stripe's ids look like (evt_…, sub_…, in_…): letters, digits and underscores.
STRIPE_ID = re.compile(r"^[A-Za-z0-9_]{1,255}$")
EVENT_TYPE = re.compile(r"^[a-z0-9_.]{1,100}$")
# No gift is this large (and amounts are stored with ten digits).
MAX_AMOUNT = Decimal(10**8)
# Timestamps outside these bounds (1970 to 3000) are no time that Stripe sends.
LATEST_TIMESTAMP = 32_503_680_000


class StripeFields:
    """Typed reads of one object of a Stripe event (its dict), each raising InvalidEvent on a wrong type.

    Absent and null fields read as empty ("", None) unless `required`; an expanded object where an id
    is expected reads as its id.
    """

    def __init__(self, data, where="object"):
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise InvalidEvent(f"{where} is not an object.")
        self.data, self.where = data, where

    def _missing(self, key, required):
        if required:
            raise InvalidEvent(f"{self.where}.{key} is missing.")

    def text(self, key, *, required=False, max_length=255):
        value = self.data.get(key)
        if value is None or value == "":
            self._missing(key, required)
            return ""
        if not isinstance(value, str) or len(value) > max_length or "\x00" in value:
            raise InvalidEvent(f"{self.where}.{key} is not a text of at most {max_length} characters.")
        return value

    def id(self, key, *, required=False):
        value = self.data.get(key)
        if isinstance(value, dict):
            # An expanded object: its own id, which it must have.
            return StripeFields(value, f"{self.where}.{key}").id("id", required=True)
        if value is None or value == "":
            self._missing(key, required)
            return ""
        if not isinstance(value, str) or not STRIPE_ID.match(value):
            raise InvalidEvent(f"{self.where}.{key} is not an id.")
        return value

    def integer(self, key, *, required=False, minimum=0, maximum=10**12):
        value = self.data.get(key)
        if value is None:
            self._missing(key, required)
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            raise InvalidEvent(f"{self.where}.{key} is not a whole number from {minimum} to {maximum}.")
        return value

    def time(self, key, *, required=False):
        value = self.integer(key, required=required)
        if value is None:
            return None
        if not 0 <= value < LATEST_TIMESTAMP:
            raise InvalidEvent(f"{self.where}.{key} is not a time.")
        return datetime.fromtimestamp(value, tz=UTC)

    def flag(self, key):
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise InvalidEvent(f"{self.where}.{key} is not true or false.")
        return value

    def child(self, key):
        """The object under `key` (empty when absent)."""
        return StripeFields(self.data.get(key), f"{self.where}.{key}")

    def list(self, key):
        """The objects of the list under `key` (Stripe's {"object": "list", "data": [...]})."""
        listing = self.child(key)
        items = listing.data.get("data") or []
        if not isinstance(items, list):
            raise InvalidEvent(f"{self.where}.{key}.data is not a list.")
        return [StripeFields(item, f"{self.where}.{key}[{index}]") for index, item in enumerate(items)]

    def reference(self):
        """Our donation reference in this object's metadata, if any."""
        return self.child("metadata").text("donation_reference", max_length=100)

    def currency(self, key="currency", *, required=False):
        value = self.text(key, required=required, max_length=3)
        if value and not value.isalpha():
            raise InvalidEvent(f"{self.where}.{key} is not a currency.")
        return value.upper()


def first(*values):
    """The first of `values` that is set (each read, and so checked, beforehand)."""
    return next((value for value in values if value), values[-1] if values else None)


def from_minor_units(value, currency):
    """An amount in the currency's smallest unit (Stripe's count) as a Decimal in its main unit."""
    if value is None:
        return None
    exponent = 0 if currency.upper() in ZERO_DECIMAL_CURRENCIES else 2
    amount = Decimal(value).scaleb(-exponent)
    if not 0 <= amount < MAX_AMOUNT:
        raise InvalidEvent("An amount out of range.")
    return amount


PROVIDERS = {
    Donation.Provider.PLEDGE: PledgeProvider,
    Donation.Provider.STRIPE: StripeCheckoutProvider,
}


def get_provider(name=None):
    """The provider named `name`, by default the one that DONATION_PROVIDER chooses for new gifts."""
    return PROVIDERS[name or settings.DONATION_PROVIDER]()
