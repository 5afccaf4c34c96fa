"""Writes of what readers and donors send, with their side effects.

Every submission is validated and committed first; email and payment calls run only after the commit
(transaction.on_commit), so a failing mail server or payment provider never loses a stored record.
"""

import logging
import uuid
from dataclasses import dataclass

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from articles.identity import email_context
from donations import payments
from donations.giving import services as giving_services
from donations.models import Comment, Donation, HelpfulVote, PaymentEvent, Republication

logger = logging.getLogger(__name__)

# Payment news only ever moves a donation forward along this order, so that events delivered late or
# out of order (a refund before the payment, an expiry after it) cannot undo a newer state.
STATUS_ORDER = {
    Donation.Status.PLEDGED: 0,
    Donation.Status.PENDING: 0,
    Donation.Status.FAILED: 1,
    Donation.Status.PAID: 2,
    Donation.Status.REFUNDED: 3,
    Donation.Status.CANCELLED: 3,
}


@dataclass
class DonationSubmission:
    """The outcome of a submitted donate form.

    `next_url`: the provider's payment page, or our thank-you page. `payment_unavailable`: the provider
    could not be reached; the donation is stored and its thank-you page offers to try again.
    """

    donation: Donation
    created: bool
    next_url: str
    payment_unavailable: bool = False


def submit_donation(
    *,
    amount,
    currency,
    frequency,
    donor_name,
    email,
    country="",
    message="",
    is_anonymous=False,
    may_contact=False,
    language="en",
    article=None,
    attribution=None,
    submission_key=None,
    provider=None,
):
    """Store a donation, then (after the commit) email its receipt or open its payment page.

    The same `submission_key` (one per filled-in form) returns the donation already stored for it, even
    when both posts arrive at the same moment. Raises ValidationError on invalid values.
    """
    provider = provider or payments.get_provider()
    if submission_key is not None:
        existing = Donation.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return _repeated(existing)
    donation = Donation(
        amount=amount,
        currency=currency,
        frequency=frequency,
        donor_name=donor_name,
        email=email,
        country=country,
        message=message,
        is_anonymous=is_anonymous,
        may_contact=may_contact,
        language=language,
        article=article,
        submission_key=submission_key,
        status=provider.initial_status,
        provider=provider.name,
        **(attribution or {}),
    )
    # submission_key: the database's unique constraint decides between two posts that race.
    donation.full_clean(exclude=["submission_key"])
    outcome = {}
    try:
        with transaction.atomic():
            donation.save()
            if provider.receipt_on_submit:
                transaction.on_commit(lambda: send_receipt(donation_pk=donation.pk), robust=True)
            transaction.on_commit(lambda: _begin_payment(donation, provider, outcome))
    except IntegrityError:
        existing = Donation.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            raise
        return _repeated(existing)
    unavailable = outcome.get("unavailable", False)
    next_url = outcome.get("url") or donation.get_absolute_url() + ("?checkout=unavailable" if unavailable else "")
    return DonationSubmission(donation=donation, created=True, next_url=next_url, payment_unavailable=unavailable)


def _repeated(donation):
    """The answer to a second post of a form already stored: the same payment page or thank-you page."""
    url = None
    if donation.is_awaiting_payment:
        try:
            url = resume_payment(donation=donation)
        except payments.PaymentUnavailable:
            logger.warning("Payment page of donation %s not reopened.", donation.reference, exc_info=True)
    return DonationSubmission(donation=donation, created=False, next_url=url or donation.get_absolute_url())


def _begin_payment(donation, provider, outcome):
    try:
        checkout = provider.begin(donation)
    except payments.PaymentUnavailable:
        logger.warning("Payment of donation %s not started.", donation.reference, exc_info=True)
        outcome["unavailable"] = True
        return
    if checkout is not None:
        _remember_checkout(donation, checkout)
        outcome["url"] = checkout.url


def _remember_checkout(donation, checkout):
    Donation.objects.filter(pk=donation.pk).update(provider_reference=checkout.reference, updated_at=timezone.now())
    donation.provider_reference = checkout.reference


def resume_payment(*, donation):
    """The payment page of a stored donation that is still waiting for payment (the donor left it, or the
    provider could not be reached at first). Returns its address; raises PaymentUnavailable."""
    checkout = payments.get_provider(donation.provider).begin(donation)
    if checkout is None:
        return None
    _remember_checkout(donation, checkout)
    return checkout.url


def record_payment_news(*, provider, news):
    """Apply a provider's event to its donation, once per event id.

    Returns the PaymentEvent.Outcome, or None when the event was handled before (or is being handled
    right now by another delivery of it: the unique event id makes the second one wait, then give up).
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                event = PaymentEvent.objects.create(
                    provider=provider,
                    event_id=news.event_id,
                    event_type=news.event_type[:100],
                    event_created_at=news.created_at,
                    outcome=PaymentEvent.Outcome.IGNORED,
                )
        except IntegrityError:
            return None
        if not news.handled:
            return event.outcome
        donation = _donation_for(provider, news)
        if donation is None:
            event.outcome = PaymentEvent.Outcome.UNMATCHED
            event.save(update_fields=["outcome"])
            logger.warning("Payment event %s (%s) matches no donation.", news.event_id, news.event_type)
            return event.outcome
        if news.checkout_reference and not donation.provider_reference:
            donation.provider_reference = news.checkout_reference
        if news.payment_reference and not donation.provider_payment_reference:
            donation.provider_payment_reference = news.payment_reference
        event.outcome = PaymentEvent.Outcome.UNCHANGED
        if news.status and STATUS_ORDER[news.status] > STATUS_ORDER[donation.status]:
            donation.status = news.status
            event.outcome = PaymentEvent.Outcome.APPLIED
            if news.status == Donation.Status.PAID and donation.receipt_sent_at is None:
                transaction.on_commit(lambda: send_receipt(donation_pk=donation.pk), robust=True)
        donation.save()
        if news.monthly is not None and donation.frequency == Donation.Frequency.MONTHLY:
            giving_services.apply_checkout(donation=donation, news=news.monthly)
        event.donation = donation
        event.save(update_fields=["donation", "outcome"])
    return event.outcome


def _donation_for(provider, news):
    """The donation an event is about, locked until the end of the transaction."""
    donations = Donation.objects.select_for_update().filter(provider=provider)
    if news.donation_reference:
        try:
            found = donations.filter(reference=uuid.UUID(news.donation_reference)).first()
        except ValueError:
            found = None
        if found is not None:
            return found
    if news.checkout_reference:
        found = donations.filter(provider_reference=news.checkout_reference).first()
        if found is not None:
            return found
    if news.payment_reference:
        return donations.filter(provider_payment_reference=news.payment_reference).first()
    return None


def send_receipt(*, donation_pk):
    """Email the donor their receipt (or the confirmation of their pledge) in the language they gave in."""
    donation = Donation.objects.get(pk=donation_pk)
    with translation.override(donation.language):
        context = {"donation": donation, **email_context()}
        subject = " ".join(render_to_string("donations/email/receipt_subject.txt", context).split())
        body = render_to_string("donations/email/receipt.txt", context)
    send_mail(subject, body, None, [donation.email])
    Donation.objects.filter(pk=donation_pk).update(receipt_sent_at=timezone.now())


def submit_comment(*, article, name, email, message, submission_key=None):
    """Store a reader's message about `article` for the newsroom, as typed. Returns (comment, created);
    the same `submission_key` returns the comment already stored for it."""
    comment = Comment(article=article, name=name, email=email, message=message, submission_key=submission_key)
    comment.full_clean(exclude=["submission_key"])
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        existing = Comment.objects.filter(submission_key=submission_key).first() if submission_key else None
        if existing is None:
            raise
        return existing, False
    return comment, True


def record_helpful_vote(*, article, voter_key, is_helpful, feedback=""):
    """A reader's answer to "Was this content helpful?": one per reader and article. A later answer from
    the same reader (a change of mind, or what could be better after a No) updates it. Returns
    (vote, created)."""
    for _attempt in range(2):
        vote = HelpfulVote.objects.filter(article=article, voter_key=voter_key).first()
        created = vote is None
        if created:
            vote = HelpfulVote(article=article, voter_key=voter_key)
        vote.is_helpful = is_helpful
        if feedback:
            vote.feedback = feedback
        elif is_helpful:
            # "What could be better" answers a No; a change of mind to Yes leaves no stale complaint behind.
            vote.feedback = ""
        vote.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                vote.save()
        except IntegrityError:
            # The same reader's other vote was stored a moment ago: update that one instead.
            continue
        return vote, created
    raise IntegrityError("Helpful vote could not be stored.")


def record_republication(*, article, domain):
    """Count one view of `article` republished on `domain`."""
    republication, _created = Republication.objects.get_or_create(article=article, domain=domain[:253])
    Republication.objects.filter(pk=republication.pk).update(views=F("views") + 1, last_seen_at=timezone.now())
