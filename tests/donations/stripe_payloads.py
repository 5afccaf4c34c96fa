"""Stripe's event payloads for a monthly gift, shaped as Stripe documents and sends them (API version
2025-03-31 and later: an invoice names its subscription under `parent.subscription_details`; a
subscription's period is on its items). Only the fields that matter are filled, with realistic values.

https://docs.stripe.com/api/events/object, /api/invoices/object, /api/subscriptions/object,
/api/checkout/sessions/object, /billing/subscriptions/webhooks
"""

import json
import time
import uuid

DAY = 24 * 60 * 60


def event(event_type, obj, *, created=None, previous_attributes=None, event_id=None):
    """A Stripe event as its webhook body (a JSON string)."""
    data = {"object": obj}
    if previous_attributes is not None:
        data["previous_attributes"] = previous_attributes
    return json.dumps(
        {
            "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
            "object": "event",
            "api_version": "2026-10-28.endive",
            "created": int(created or time.time()),
            "type": event_type,
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "data": data,
        }
    )


def checkout_session(donation, *, subscription, customer, invoice, amount=1000, currency="usd", paid=True):
    """checkout.session.completed of a monthly gift (mode "subscription")."""
    return {
        "id": donation.provider_reference,
        "object": "checkout.session",
        "mode": "subscription",
        "status": "complete",
        "payment_status": "paid" if paid else "unpaid",
        "amount_total": amount,
        "currency": currency,
        "client_reference_id": str(donation.reference),
        "customer": customer,
        "customer_email": donation.email,
        "invoice": invoice,
        "payment_intent": None,
        "subscription": subscription,
        "metadata": {"donation_reference": str(donation.reference)},
    }


def invoice(
    donation,
    *,
    invoice_id,
    subscription,
    customer,
    amount=1000,
    currency="usd",
    paid=True,
    billing_reason="subscription_cycle",
    created=None,
    attempt_count=1,
    next_payment_attempt=None,
    number=None,
):
    """An invoice of the gift's subscription, as invoice.paid or invoice.payment_failed carry it."""
    created = int(created or time.time())
    return {
        "id": invoice_id,
        "object": "invoice",
        "amount_due": amount,
        "amount_paid": amount if paid else 0,
        "amount_remaining": 0 if paid else amount,
        "attempt_count": attempt_count,
        "attempted": True,
        "billing_reason": billing_reason,
        "collection_method": "charge_automatically",
        "created": created,
        "currency": currency,
        "customer": customer,
        "customer_email": donation.email,
        "hosted_invoice_url": f"https://invoice.stripe.test/i/{invoice_id}",
        "lines": {
            "object": "list",
            "data": [
                {
                    "id": f"il_{uuid.uuid4().hex[:24]}",
                    "object": "line_item",
                    "amount": amount,
                    "currency": currency,
                    "metadata": {"donation_reference": str(donation.reference)},
                    "parent": {
                        "type": "subscription_item_details",
                        "subscription_item_details": {"subscription": subscription, "subscription_item": "si_1"},
                    },
                    "period": {"start": created, "end": created + 30 * DAY},
                    "quantity": 1,
                }
            ],
            "has_more": False,
            "url": f"/v1/invoices/{invoice_id}/lines",
        },
        "metadata": {},
        "next_payment_attempt": next_payment_attempt,
        "number": number or f"NEWS-{invoice_id[-4:].upper()}",
        "parent": {
            "type": "subscription_details",
            "quote_details": None,
            "subscription_details": {
                "metadata": {"donation_reference": str(donation.reference)},
                "subscription": subscription,
            },
        },
        "period_start": created,
        "period_end": created,
        "status": "paid" if paid else "open",
        "status_transitions": {
            "finalized_at": created,
            "marked_uncollectible_at": None,
            "paid_at": created if paid else None,
            "voided_at": None,
        },
        "total": amount,
    }


def subscription(
    donation,
    *,
    subscription_id,
    customer,
    status="active",
    amount=1000,
    currency="usd",
    start=None,
    cancel_at_period_end=False,
    canceled_at=None,
    ended_at=None,
    period_end=None,
    default_payment_method="pm_card_visa",
):
    """A subscription as customer.subscription.* events carry it."""
    start = int(start or time.time())
    period_end = int(period_end or start + 30 * DAY)
    return {
        "id": subscription_id,
        "object": "subscription",
        "cancel_at": period_end if cancel_at_period_end else None,
        "cancel_at_period_end": cancel_at_period_end,
        "canceled_at": canceled_at,
        "collection_method": "charge_automatically",
        "created": start,
        "currency": currency,
        "customer": customer,
        "default_payment_method": default_payment_method,
        "ended_at": ended_at,
        "items": {
            "object": "list",
            "data": [
                {
                    "id": "si_1",
                    "object": "subscription_item",
                    "current_period_start": period_end - 30 * DAY,
                    "current_period_end": period_end,
                    "price": {
                        "id": f"price_{amount}",
                        "object": "price",
                        "currency": currency,
                        "recurring": {"interval": "month", "interval_count": 1},
                        "type": "recurring",
                        "unit_amount": amount,
                    },
                    "quantity": 1,
                    "subscription": subscription_id,
                }
            ],
            "has_more": False,
        },
        "metadata": {"donation_reference": str(donation.reference)},
        "start_date": start,
        "status": status,
    }
