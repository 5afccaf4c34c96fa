"""The demo's donors (for `seed_demo`): monthly donors in every status with their renewals, a failed
payment, an amount change, a card update and cancellations, and pledges that fundraising staff followed
up, in English and Spanish, so that the donation admin shows histories and lifetime totals.

The donors are in articles/demo/content/donors.toml, with the rest of the demo's content. Idempotent: the
demo's donations have fixed references; running again replaces them with the same rows.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db import transaction

from articles.demo.loader import read
from donations.forms import format_amount
from donations.giving.models import DonationChange, MonthlyGift, MonthlyPayment
from donations.models import Donation

NAMESPACE = uuid.UUID("6f1d3b7e-2a49-4c1e-9d8a-5b0e7c2f4a10")
MONTH = timedelta(days=30)
Action = DonationChange.Action


@dataclass
class DemoMonthly:
    key: str
    name: str
    email: str
    language: str
    country: str
    currency: str
    amounts: list  # the amount of each month's payment, oldest first
    status: str = MonthlyGift.Status.ACTIVE
    failed_last: bool = False
    cancelled_months_ago: int = 0
    cancels_in_days: int = 0
    card_updated_month: int = 0
    message: str = ""
    placement: str = "article"


@dataclass
class DemoPledge:
    key: str
    name: str
    email: str
    language: str
    country: str
    amount: str
    currency: str
    days_ago: int
    changes: list = field(default_factory=list)  # (action, note)
    message: str = ""


_donors = read("donors.toml")
MONTHLY = [
    DemoMonthly(
        **{name: value for name, value in donor.items() if name != "status"},
        status=MonthlyGift.Status(donor.get("status", MonthlyGift.Status.ACTIVE)),
    )
    for donor in _donors["monthly"]
]
PLEDGES = [
    DemoPledge(
        **{name: value for name, value in pledge.items() if name != "changes"},
        changes=[(Action(change["action"]), change["note"]) for change in pledge.get("changes", ())],
    )
    for pledge in _donors["pledges"]
]

STATUS_AFTER = {
    Action.MARKED_PAID: Donation.Status.PAID,
    Action.REFUND_NOTED: Donation.Status.REFUNDED,
    Action.CANCELLED: Donation.Status.CANCELLED,
}


def reference(key):
    return uuid.uuid5(NAMESPACE, key)


@transaction.atomic
def seed_donors(*, now, staff=None):
    """Write the demo's donors; `staff` is the user named in the pledges' history."""
    references = [reference(item.key) for item in [*MONTHLY, *PLEDGES]]
    MonthlyGift.objects.filter(donation__reference__in=references).delete()
    Donation.objects.filter(reference__in=references).delete()
    for item in MONTHLY:
        _monthly(item, now)
    for item in PLEDGES:
        _pledge(item, now, staff)


def _monthly(item, now):
    months = len(item.amounts) + item.cancelled_months_ago
    started = now - months * MONTH - timedelta(days=3)
    first_amount = Decimal(item.amounts[0])
    donation = Donation.objects.create(
        reference=reference(item.key),
        amount=first_amount,
        currency=item.currency,
        frequency=Donation.Frequency.MONTHLY,
        donor_name=item.name,
        email=item.email,
        country=item.country,
        message=item.message,
        may_contact=True,
        language=item.language,
        status=Donation.Status.PAID,
        provider=Donation.Provider.STRIPE,
        provider_reference=f"cs_demo_{item.key.replace('-', '_')}",
        provider_payment_reference=f"sub_demo_{item.key.replace('-', '_')}",
        placement=item.placement,
        utm_campaign="monthly-drive",
        receipt_sent_at=started,
    )
    Donation.objects.filter(pk=donation.pk).update(created_at=started)
    current = Decimal(item.amounts[-1])
    gift = MonthlyGift.objects.create(
        donation=donation,
        subscription_id=donation.provider_payment_reference,
        customer_id=f"cus_demo_{item.key.replace('-', '_')}",
        amount=current,
        currency=item.currency,
        status=item.status,
        started_at=started,
        cancelled_at=now - item.cancelled_months_ago * MONTH if item.cancelled_months_ago else None,
        cancels_at=now + timedelta(days=item.cancels_in_days) if item.cancels_in_days else None,
        state_at=now - timedelta(days=2),
    )
    history = [(started, Action.STARTED, format_amount(first_amount, item.currency))]
    payments = []
    previous = first_amount
    for month, amount in enumerate(item.amounts):
        amount = Decimal(amount)
        at = started + month * MONTH
        if amount != previous:
            change = f"{format_amount(previous, item.currency)} → {format_amount(amount, item.currency)}"
            history.append((at - timedelta(days=5), Action.AMOUNT_CHANGED, change))
            previous = amount
        if item.card_updated_month and month == item.card_updated_month:
            history.append((at - timedelta(days=2), Action.CARD_UPDATED, ""))
        number = f"DEMO-{item.key[8:14].upper()}-{month + 1:04d}"
        failed = item.failed_last and month == len(item.amounts) - 1
        payments.append(
            MonthlyPayment(
                gift=gift,
                invoice_id=f"in_demo_{item.key.replace('-', '_')}_{month + 1}",
                invoice_number=number,
                amount=amount,
                currency=item.currency,
                status=MonthlyPayment.Status.FAILED if failed else MonthlyPayment.Status.PAID,
                is_first=month == 0,
                paid_at=None if failed else at,
                failed_at=at if failed else None,
                attempt_count=2 if failed else 1,
                next_attempt_at=now + timedelta(days=3) if failed else None,
                receipt_sent_at=None if failed or month == 0 else at,
                notice_sent_at=at if failed else None,
            )
        )
        action = Action.PAYMENT_FAILED if failed else Action.PAYMENT_RECEIVED
        history.append((at, action, f"{format_amount(amount, item.currency)} ({number})"))
    if item.cancels_in_days:
        history.append((now - timedelta(days=6), Action.CANCELLATION_ASKED, ""))
    if item.cancelled_months_ago:
        history.append((gift.cancelled_at, Action.GIFT_CANCELLED, ""))
    MonthlyPayment.objects.bulk_create(payments)
    _history(donation, history)


def _pledge(item, now, staff):
    created = now - timedelta(days=item.days_ago)
    donation = Donation.objects.create(
        reference=reference(item.key),
        amount=Decimal(item.amount),
        currency=item.currency,
        donor_name=item.name,
        email=item.email,
        country=item.country,
        message=item.message,
        language=item.language,
        receipt_sent_at=created,
    )
    Donation.objects.filter(pk=donation.pk).update(created_at=created)
    status = Donation.Status.PLEDGED
    history = []
    for step, (action, note) in enumerate(item.changes, start=1):
        after = STATUS_AFTER[action]
        history.append((created + timedelta(days=7 * step), action, note, status, after))
        status = after
    Donation.objects.filter(pk=donation.pk).update(status=status)
    _history(donation, history, user=staff)


def _history(donation, entries, user=None):
    rows = []
    for _at, action, note, *statuses in entries:
        old, new = statuses if statuses else ("", "")
        rows.append(
            DonationChange(
                donation=donation, action=action, note=note, old_status=old, new_status=new, user=user if old else None
            )
        )
    created = DonationChange.objects.bulk_create(rows)
    # `at` is set on creation; the demo backdates it to when each change happened.
    for row, (at, *_rest) in zip(created, entries, strict=True):
        DonationChange.objects.filter(pk=row.pk).update(at=at)
