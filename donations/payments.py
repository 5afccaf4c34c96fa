"""Payment providers behind one small interface.

A provider says which status a new donation starts in, starts the payment of a stored donation
(`begin`, which returns where to send the donor, or None when there is nothing to pay online), and
reads its own notifications (`read_event`), so that services.py never speaks a provider's language.

- `pledge`: the gift is recorded as a pledge and staff follow up; nothing to call.
- `stripe`: Stripe Checkout. The donor pays on Stripe's page; a signed webhook tells us the outcome.
"""

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
        except (stripe.SignatureVerificationError, ValueError) as error:
            raise InvalidEvent(str(error)) from error
        return self.interpret(event.to_dict())

    @staticmethod
    def interpret(event):
        """Map a Stripe event (as a dict) to PaymentNews."""
        obj = event.get("data", {}).get("object", {}) or {}
        news = {
            "event_id": event.get("id", ""),
            "event_type": event.get("type", ""),
            "created_at": datetime.fromtimestamp(event["created"], tz=UTC) if event.get("created") else None,
            "donation_reference": (obj.get("metadata") or {}).get("donation_reference", ""),
        }
        kind = news["event_type"]
        if kind.startswith("checkout.session."):
            news["donation_reference"] = news["donation_reference"] or obj.get("client_reference_id") or ""
            news["checkout_reference"] = obj.get("id", "")
            news["payment_reference"] = obj.get("payment_intent") or obj.get("subscription") or ""
        if kind in ("checkout.session.completed", "checkout.session.async_payment_succeeded"):
            # A completed session whose payment is still on its way (bank debits) is paid later.
            paid = obj.get("payment_status") in ("paid", "no_payment_required")
            return PaymentNews(**news, status=Donation.Status.PAID if paid else None)
        if kind in ("checkout.session.async_payment_failed", "checkout.session.expired"):
            return PaymentNews(**news, status=Donation.Status.FAILED)
        if kind == "charge.refunded":
            news["payment_reference"] = obj.get("payment_intent") or ""
            # A partial refund leaves the gift paid.
            return PaymentNews(**news, status=Donation.Status.REFUNDED if obj.get("refunded") else None)
        return PaymentNews(**news, handled=False)


PROVIDERS = {
    Donation.Provider.PLEDGE: PledgeProvider,
    Donation.Provider.STRIPE: StripeCheckoutProvider,
}


def get_provider(name=None):
    """The provider named `name`, by default the one that DONATION_PROVIDER chooses for new gifts."""
    return PROVIDERS[name or settings.DONATION_PROVIDER]()
