"""Writes of a donor's giving over time, with their side effects: monthly gifts from the provider's
events (each payment recorded and receipted, failures noticed, changes and cancellations kept), the
signed link that lets a donor manage their gift, fundraising staff's changes to pledges, and annual
summary receipts.

As in services.py: each write is one transaction, and e-mail and calls to Stripe run after the commit.
Events may arrive twice or out of order: the unique event id (PaymentEvent) and invoice id
(MonthlyPayment) make a repeat harmless, and a gift's status, amount and cancellation only ever follow
an event that is newer than the one they were last set from (MonthlyGift.state_at). A cancelled gift
stays cancelled: Stripe never restarts a cancelled subscription.
"""

import logging
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from articles.identity import email_context
from donations import payments, services
from donations.forms import format_amount
from donations.giving.models import AnnualReceipt, DonationChange, MonthlyGift, MonthlyPayment
from donations.models import Donation, PaymentEvent
from newsroom.site import absolute_url

logger = logging.getLogger(__name__)

MANAGE_LINK_SALT = "donations.manage-gift"
Action = DonationChange.Action


# Monthly gifts, from the provider's events


def record_monthly_news(*, provider, news):
    """Apply a provider's event about a monthly gift or one of its payments, once per event id.

    Returns the PaymentEvent.Outcome, or None when the event was handled before.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                event = PaymentEvent.objects.create(
                    provider=provider,
                    event_id=news.event_id,
                    event_type=news.event_type,
                    event_created_at=news.created_at,
                    outcome=PaymentEvent.Outcome.UNMATCHED,
                )
        except IntegrityError:
            return None
        if news.kind == payments.MonthlyNews.CARD_UPDATED:
            # Only notes are written: nothing to lock.
            gifts = list(
                MonthlyGift.objects.filter(
                    customer_id=news.customer_id, status__in=[MonthlyGift.Status.ACTIVE, MonthlyGift.Status.PAST_DUE]
                ).select_related("donation")
            )
            for gift in gifts:
                _note(gift.donation, Action.CARD_UPDATED)
            gift = gifts[0] if gifts else None
            outcome = PaymentEvent.Outcome.APPLIED if gifts else PaymentEvent.Outcome.UNMATCHED
        else:
            gift = _gift_for(provider, news)
            outcome = apply_monthly_news(gift, news) if gift is not None else PaymentEvent.Outcome.UNMATCHED
            if getattr(gift, "just_started", False):
                outcome = PaymentEvent.Outcome.APPLIED
        if gift is None:
            logger.warning("Payment event %s (%s) matches no monthly gift.", news.event_id, news.event_type)
        event.outcome = outcome
        event.donation = gift.donation if gift is not None else None
        event.save(update_fields=["donation", "outcome"])
    return event.outcome


def _gift_for(provider, news):
    """The monthly gift an event is about, locked until the end of the transaction; made from its
    donation (found by the reference in the subscription's metadata) on the gift's first event."""
    # Locks are taken donation first, then gift, as services.record_payment_news takes them, so that two
    # events of one gift wait for each other instead of deadlocking.
    gift = (
        MonthlyGift.objects.select_for_update().select_related("donation").filter(subscription_id=news.subscription_id)
    )
    donation_pk = MonthlyGift.objects.filter(subscription_id=news.subscription_id).values_list("donation", flat=True)
    donation_pk = donation_pk.first()
    if donation_pk is not None:
        list(Donation.objects.select_for_update().filter(pk=donation_pk).values_list("pk", flat=True))
        return gift.first()
    if not news.donation_reference:
        return None
    try:
        reference = uuid.UUID(news.donation_reference)
    except ValueError:
        return None
    # Locking the donation makes two first events of one gift (Checkout's and the invoice's) wait in turn.
    donation = Donation.objects.select_for_update().filter(provider=provider, reference=reference).first()
    if donation is None or donation.frequency != Donation.Frequency.MONTHLY:
        return None
    found = gift.first() or MonthlyGift.objects.select_for_update().filter(donation=donation).first()
    if found is not None:
        return found
    gift = MonthlyGift.objects.create(
        donation=donation,
        subscription_id=news.subscription_id,
        customer_id=news.customer_id,
        amount=news.amount or donation.amount,
        currency=news.currency or donation.currency,
        started_at=news.started_at or news.created_at,
        state_at=None,
    )
    gift.donation = donation
    gift.just_started = True
    _note(donation, Action.STARTED, note=_money(gift.amount, gift.currency))
    return gift


def apply_checkout(*, donation, news):
    """A completed Checkout of a monthly gift (called by services.record_payment_news with the donation
    locked): record the subscription it started, and its first payment."""
    gift = _gift_for(donation.provider, news)
    if gift is not None:
        apply_monthly_news(gift, news)


def apply_monthly_news(gift, news):
    """Change `gift` (locked) as `news` says. Returns the PaymentEvent.Outcome."""
    if news.customer_id and not gift.customer_id:
        gift.customer_id = news.customer_id
        gift.save(update_fields=["customer_id", "updated_at"])
    if news.kind == payments.MonthlyNews.PAYMENT_PAID:
        return _payment_paid(gift, news)
    if news.kind == payments.MonthlyNews.PAYMENT_FAILED:
        return _payment_failed(gift, news)
    return _subscription_changed(gift, news)


def _is_newer(gift, news):
    return gift.state_at is None or news.created_at >= gift.state_at


def _set_status(gift, news, status):
    """Move the gift to `status` unless a newer event set it, or it has ended."""
    if gift.status == MonthlyGift.Status.CANCELLED or not _is_newer(gift, news):
        return False
    gift.state_at = news.created_at
    changed = gift.status != status
    gift.status = status
    gift.save(update_fields=["status", "state_at", "updated_at"])
    return changed


def _payment_paid(gift, news):
    if not news.invoice_id:
        return PaymentEvent.Outcome.UNCHANGED
    payment = MonthlyPayment.objects.select_for_update().filter(invoice_id=news.invoice_id).first()
    outcome = PaymentEvent.Outcome.APPLIED
    if payment is None:
        payment = MonthlyPayment(gift=gift, invoice_id=news.invoice_id)
    elif payment.status == MonthlyPayment.Status.PAID:
        outcome = PaymentEvent.Outcome.UNCHANGED
    if payment.gift_id != gift.pk:
        return PaymentEvent.Outcome.UNCHANGED
    first = payment.is_first or news.first_payment
    if outcome == PaymentEvent.Outcome.APPLIED:
        payment.status = MonthlyPayment.Status.PAID
        payment.amount = news.amount if news.amount is not None else gift.amount
        payment.currency = news.currency or gift.currency
        payment.paid_at = news.paid_at or news.created_at
        payment.next_attempt_at = None
    # Details that only the invoice's own event carries (Checkout's knows the invoice by id only).
    if news.event_type.startswith("invoice."):
        payment.paid_at = news.paid_at or payment.paid_at
        payment.invoice_number = news.invoice_number or payment.invoice_number
        payment.invoice_url = news.invoice_url or payment.invoice_url
        payment.attempt_count = max(payment.attempt_count, news.attempt_count)
    payment.is_first = first
    payment.save()
    if outcome == PaymentEvent.Outcome.UNCHANGED:
        return outcome
    if first:
        # The first payment is receipted by the donation's own receipt, sent as it becomes paid.
        _donation_paid(gift.donation)
    else:
        transaction.on_commit(lambda: send_payment_receipt(payment_pk=payment.pk), robust=True)
    _note(gift.donation, Action.PAYMENT_RECEIVED, note=_payment_label(payment))
    _set_status(gift, news, MonthlyGift.Status.ACTIVE)
    return outcome


def _donation_paid(donation):
    if services.STATUS_ORDER[Donation.Status.PAID] > services.STATUS_ORDER[donation.status]:
        donation.status = Donation.Status.PAID
        donation.save(update_fields=["status", "updated_at"])
        if donation.receipt_sent_at is None:
            transaction.on_commit(lambda: services.send_receipt(donation_pk=donation.pk), robust=True)


def _payment_failed(gift, news):
    payment = MonthlyPayment.objects.select_for_update().filter(invoice_id=news.invoice_id).first()
    if payment is not None and (payment.status == MonthlyPayment.Status.PAID or payment.gift_id != gift.pk):
        # A failure reported after the invoice was paid (a retry succeeded first): old news.
        return PaymentEvent.Outcome.UNCHANGED
    if payment is None:
        payment = MonthlyPayment(gift=gift, invoice_id=news.invoice_id, is_first=news.first_payment)
    if payment.failed_at is not None and news.created_at < payment.failed_at:
        return PaymentEvent.Outcome.UNCHANGED
    payment.status = MonthlyPayment.Status.FAILED
    payment.amount = news.amount if news.amount is not None else gift.amount
    payment.currency = news.currency or gift.currency
    payment.failed_at = news.created_at
    payment.attempt_count = max(payment.attempt_count, news.attempt_count)
    payment.next_attempt_at = news.next_attempt_at
    payment.invoice_number = news.invoice_number or payment.invoice_number
    payment.invoice_url = news.invoice_url or payment.invoice_url
    payment.save()
    _note(gift.donation, Action.PAYMENT_FAILED, note=_payment_label(payment))
    _set_status(gift, news, MonthlyGift.Status.PAST_DUE)
    # One notice per invoice, however often the card is retried; none for a first payment, which the
    # donor is trying on the checkout page at that very moment.
    if payment.notice_sent_at is None and not payment.is_first and gift.status != MonthlyGift.Status.CANCELLED:
        transaction.on_commit(lambda: send_payment_failed_notice(payment_pk=payment.pk), robust=True)
    return PaymentEvent.Outcome.APPLIED


def _subscription_changed(gift, news):
    donation = gift.donation
    applied = False
    if news.card_updated:
        _note(donation, Action.CARD_UPDATED)
        applied = True
    if gift.status == MonthlyGift.Status.CANCELLED or not _is_newer(gift, news):
        return PaymentEvent.Outcome.APPLIED if applied else PaymentEvent.Outcome.UNCHANGED
    gift.state_at = news.created_at
    if news.amount and news.currency and (news.amount, news.currency) != (gift.amount, gift.currency):
        _note(
            donation,
            Action.AMOUNT_CHANGED,
            note=f"{_money(gift.amount, gift.currency)} → {_money(news.amount, news.currency)}",
        )
        gift.amount, gift.currency = news.amount, news.currency
        applied = True
    if news.status == MonthlyGift.Status.CANCELLED:
        gift.status = MonthlyGift.Status.CANCELLED
        gift.cancelled_at = news.cancelled_at or news.created_at
        gift.cancels_at = None
        _note(donation, Action.GIFT_CANCELLED)
        transaction.on_commit(lambda: send_gift_ended(gift_pk=gift.pk), robust=True)
        applied = True
    else:
        if news.cancels_at != gift.cancels_at:
            if news.cancels_at is not None:
                _note(donation, Action.CANCELLATION_ASKED, note=_date(news.cancels_at))
            else:
                _note(donation, Action.RESUMED)
            gift.cancels_at = news.cancels_at
            applied = True
        if news.status and news.status != gift.status:
            gift.status = news.status
            applied = True
    gift.save()
    return PaymentEvent.Outcome.APPLIED if applied else PaymentEvent.Outcome.UNCHANGED


def _note(donation, action, *, user=None, note="", old_status="", new_status=""):
    DonationChange.objects.create(
        donation=donation, action=action, user=user, note=note, old_status=old_status, new_status=new_status
    )


def _money(amount, currency):
    return format_amount(amount, currency)


def _date(moment):
    return timezone.localtime(moment).date().isoformat()


def _payment_label(payment):
    label = f"{_money(payment.amount, payment.currency)} ({payment.invoice_number or payment.invoice_id})"
    if payment.status == MonthlyPayment.Status.FAILED and payment.next_attempt_at:
        label += f", {gettext('next attempt')} {_date(payment.next_attempt_at)}"
    return label


# E-mails to monthly donors


def _mail(template, context, *, to, language):
    with translation.override(language):
        context = {**email_context(), **context}
        subject = " ".join(render_to_string(f"donations/email/{template}_subject.txt", context).split())
        body = render_to_string(f"donations/email/{template}.txt", context)
    send_mail(subject, body, None, [to])


def manage_page_url(language):
    with translation.override(language):
        return absolute_url(reverse("donations:manage-gift"))


def send_payment_receipt(*, payment_pk):
    """E-mail the receipt of one monthly payment, in the donor's language, once."""
    payment = MonthlyPayment.objects.select_related("gift__donation").get(pk=payment_pk)
    if payment.receipt_sent_at is not None:
        return
    donation = payment.gift.donation
    _mail(
        "payment_receipt",
        {
            "payment": payment,
            "gift": payment.gift,
            "donation": donation,
            "manage_url": manage_page_url(donation.language),
        },
        to=donation.email,
        language=donation.language,
    )
    MonthlyPayment.objects.filter(pk=payment_pk).update(receipt_sent_at=timezone.now())


def send_payment_failed_notice(*, payment_pk):
    """Tell the donor that a monthly payment failed, with a signed link to update their card, once per invoice."""
    payment = MonthlyPayment.objects.select_related("gift__donation").get(pk=payment_pk)
    if payment.notice_sent_at is not None or payment.status != MonthlyPayment.Status.FAILED:
        return
    donation = payment.gift.donation
    _mail(
        "payment_failed",
        {
            "payment": payment,
            "gift": payment.gift,
            "donation": donation,
            "manage_url": manage_link(email=donation.email, language=donation.language),
            "link_hours": settings.MONTHLY_GIFT_LINK_MAX_AGE_HOURS,
        },
        to=donation.email,
        language=donation.language,
    )
    MonthlyPayment.objects.filter(pk=payment_pk).update(notice_sent_at=timezone.now())


def send_gift_ended(*, gift_pk):
    """Confirm to the donor that their monthly gift has ended, and thank them for it."""
    gift = MonthlyGift.objects.select_related("donation").get(pk=gift_pk)
    donation = gift.donation
    paid = gift.payments.filter(status=MonthlyPayment.Status.PAID)
    _mail(
        "gift_ended",
        {
            "gift": gift,
            "donation": donation,
            "payments": paid.count(),
            "donate_url": absolute_url(reverse("donations:donate")),
        },
        to=donation.email,
        language=donation.language,
    )


# The signed link to manage a monthly gift


def manage_link(*, email, language):
    """The signed address that opens the "manage your monthly gift" page for `email`'s gifts; it works
    for MONTHLY_GIFT_LINK_MAX_AGE_HOURS."""
    token = signing.dumps(email.strip().lower(), salt=MANAGE_LINK_SALT, compress=True)
    with translation.override(language):
        return absolute_url(reverse("donations:manage-gift-link", kwargs={"token": token}))


def email_from_manage_token(token):
    """The e-mail address a manage link was made for, or None when it is forged or expired."""
    try:
        email = signing.loads(token, salt=MANAGE_LINK_SALT, max_age=settings.MONTHLY_GIFT_LINK_MAX_AGE_HOURS * 3600)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return email if isinstance(email, str) else None


def gifts_of(email):
    """The monthly gifts that `email` can manage (those Stripe knows a customer for), newest first."""
    return (
        MonthlyGift.objects.filter(donation__email__iexact=email)
        .exclude(customer_id="")
        .select_related("donation")
        .order_by("-started_at")
    )


def request_manage_link(*, email, language):
    """E-mail a signed link to manage their monthly gifts to `email`, if it has any. Says nothing of
    whether it has: the page answers the same either way, so nobody learns who gives."""
    if not gifts_of(email).exists():
        logger.info("Manage link asked for an address with no monthly gift.")
        return
    transaction.on_commit(lambda: _send_manage_link(email=email, language=language), robust=True)


def _send_manage_link(*, email, language):
    _mail(
        "manage_link",
        {
            "manage_url": manage_link(email=email, language=language),
            "link_hours": settings.MONTHLY_GIFT_LINK_MAX_AGE_HOURS,
        },
        to=email,
        language=language,
    )


def open_portal(*, gift, language, return_path):
    """The address of a fresh session on Stripe's customer portal for `gift`'s donor, which brings them
    back to `return_path` (the page of their gifts, where the changes they made show up). Raises
    PaymentUnavailable."""
    provider = payments.get_provider(Donation.Provider.STRIPE)
    return provider.portal_session(
        customer_id=gift.customer_id, return_url=absolute_url(return_path), language=language
    )


# Fundraising staff's changes to pledges

# What staff may do to a pledge, from which status to which.
PLEDGE_CHANGES = {
    Action.MARKED_PAID: (Donation.Status.PLEDGED, Donation.Status.PAID),
    Action.REFUND_NOTED: (Donation.Status.PAID, Donation.Status.REFUNDED),
    Action.CANCELLED: (Donation.Status.PLEDGED, Donation.Status.CANCELLED),
}


def change_pledge(*, donation, action, user, note=""):
    """Record what fundraising staff did to a pledge (paid, refunded, cancelled), with who, when and why.

    A pledge marked paid gets its receipt by e-mail. Raises ValidationError when the pledge is not in a
    status that allows `action` (it was changed meanwhile, or is a Stripe gift that Stripe reports on).
    """
    with transaction.atomic():
        donation = Donation.objects.select_for_update().get(pk=donation.pk)
        before, after = PLEDGE_CHANGES[action]
        if donation.provider != Donation.Provider.PLEDGE:
            raise ValidationError(
                gettext("Only pledges are changed by hand; the payment provider reports on this gift."),
                code="not_a_pledge",
            )
        if donation.status != before:
            raise ValidationError(
                gettext("This donation is “%(status)s”: it cannot be “%(action)s”.")
                % {"status": donation.get_status_display(), "action": Action(action).label},
                code="wrong_status",
            )
        donation.status = after
        donation.save(update_fields=["status", "updated_at"])
        _note(donation, action, user=user, note=note, old_status=before, new_status=after)
        if action == Action.MARKED_PAID:
            transaction.on_commit(lambda: services.send_receipt(donation_pk=donation.pk), robust=True)
    return donation


# Annual summary receipts


@dataclass
class DonorYear:
    """One donor's (one e-mail address's) paid gifts of one year, for their annual receipt."""

    email: str
    year: int
    name: str = ""
    language: str = "en"
    # (date, amount, currency, what) in date order.
    payments: list = field(default_factory=list)

    @property
    def totals(self):
        """{currency: total}, currencies never added together."""
        totals = defaultdict(int)
        for _paid_on, amount, currency, _what in self.payments:
            totals[currency] += amount
        return dict(sorted(totals.items()))


def donor_years(*, year, emails=None):
    """Every donor's paid gifts of `year` (one-time gifts, paid pledges and each monthly payment), by
    e-mail address; only those of `emails` when given. Refunded gifts are left out."""
    tz = timezone.get_current_timezone()
    start, end = datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)
    donations = (
        Donation.objects.with_payment_flag()
        .filter(status=Donation.Status.PAID, has_monthly_payments=False, created_at__gte=start, created_at__lt=end)
        .order_by("created_at")
    )
    monthly = (
        MonthlyPayment.objects.filter(status=MonthlyPayment.Status.PAID, paid_at__gte=start, paid_at__lt=end)
        .select_related("gift__donation")
        .order_by("paid_at")
    )
    if emails is not None:
        wanted = {email.strip().lower() for email in emails}
        donations = [donation for donation in donations if donation.email.lower() in wanted]
        monthly = [payment for payment in monthly if payment.gift.donation.email.lower() in wanted]
    donors = {}

    def donor(donation):
        key = donation.email.strip().lower()
        entry = donors.setdefault(key, DonorYear(email=key, year=year))
        # The name and language of their latest gift.
        entry.name, entry.language = donation.donor_name, donation.language
        return entry

    for donation in donations:
        what = "monthly" if donation.frequency == Donation.Frequency.MONTHLY else "one-time"
        donor(donation).payments.append(
            (timezone.localdate(donation.created_at), donation.amount, donation.currency, what)
        )
    for payment in monthly:
        donor(payment.gift.donation).payments.append(
            (timezone.localdate(payment.paid_at), payment.amount, payment.currency, "monthly")
        )
    for entry in donors.values():
        entry.payments.sort(key=lambda item: item[0])
    return sorted(donors.values(), key=lambda entry: entry.email)


def render_annual_receipt(donor_year):
    """(subject, body) of `donor_year`'s annual receipt, in the donor's language."""
    with translation.override(donor_year.language):
        context = {
            "donor": donor_year,
            "totals": [_money(amount, currency) for currency, amount in donor_year.totals.items()],
            "payments": [
                (paid_on, _money(amount, currency), what) for paid_on, amount, currency, what in donor_year.payments
            ],
            **email_context(),
        }
        subject = " ".join(render_to_string("donations/email/annual_receipt_subject.txt", context).split())
        body = render_to_string("donations/email/annual_receipt.txt", context)
    return subject, body


def send_annual_receipt(*, donor_year, resend=False):
    """E-mail `donor_year`'s annual receipt, once per donor and year (again with `resend`). Returns True
    when it is sent."""
    subject, body = render_annual_receipt(donor_year)
    summary = ", ".join(_money(amount, currency) for currency, amount in donor_year.totals.items())
    with transaction.atomic():
        receipt, created = AnnualReceipt.objects.select_for_update().get_or_create(
            email=donor_year.email,
            year=donor_year.year,
            defaults={"language": donor_year.language, "summary": summary},
        )
        if not created and not resend:
            return False
        if not created:
            receipt.summary, receipt.sent_at = summary, timezone.now()
            receipt.save(update_fields=["summary", "sent_at"])
        transaction.on_commit(lambda: _deliver_annual_receipt(receipt, subject, body, forget=created), robust=False)
    return True


def _deliver_annual_receipt(receipt, subject, body, *, forget):
    try:
        send_mail(subject, body, None, [receipt.email])
    except Exception:
        # Not sent: forget the record, so that the next run sends it.
        if forget:
            AnnualReceipt.objects.filter(pk=receipt.pk).delete()
        raise


def donor_history(email):
    """Everything one donor (an e-mail address, any case) gave: each gift and each monthly payment, newest
    first, and the lifetime total paid per currency (refunded and failed payments left out; a monthly
    gift counts its payments, or its first payment while none is on record).

    Returns (entries, totals): entries are dicts with `at`, `amount`, `currency`, `what`, `status` and
    the `donation`; totals is {currency: amount}."""
    donations = list(
        Donation.objects.filter(email__iexact=email)
        .select_related("monthly_gift")
        .prefetch_related("monthly_gift__payments")
        .order_by("-created_at")
    )
    entries, totals = [], {}
    for donation in donations:
        gift = getattr(donation, "monthly_gift", None)
        payments = list(gift.payments.all()) if gift is not None else []
        paid_payments = [payment for payment in payments if payment.status == MonthlyPayment.Status.PAID]
        entries.append(
            {
                "at": donation.created_at,
                "amount": donation.amount,
                "currency": donation.currency,
                "what": donation.get_frequency_display(),
                "status": gift.get_status_display() if gift is not None else donation.get_status_display(),
                "donation": donation,
            }
        )
        if donation.status == "paid" and not paid_payments:
            totals[donation.currency] = totals.get(donation.currency, 0) + donation.amount
        for payment in payments:
            entries.append(
                {
                    "at": payment.paid_at or payment.failed_at or payment.created_at,
                    "amount": payment.amount,
                    "currency": payment.currency,
                    "what": payment.invoice_number or payment.invoice_id,
                    "status": payment.get_status_display(),
                    "donation": donation,
                    "payment": payment,
                }
            )
        for payment in paid_payments:
            totals[payment.currency] = totals.get(payment.currency, 0) + payment.amount
    entries.sort(key=lambda entry: entry["at"], reverse=True)
    return entries, dict(sorted(totals.items()))
