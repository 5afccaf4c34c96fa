"""Newsletter signups, confirmations and unsubscriptions, and the mirror in the e-mail service.

Every change is committed first; mail and the e-mail service are reached only after the commit
(transaction.on_commit), so neither can lose a signup: a failed sync leaves the address marked for a
retry (`manage.py retry_newsletter_sync`), a failed confirmation mail lets the reader ask again at once.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from articles.identity import email_context
from donations.newsletters.models import Subscription
from donations.newsletters.providers import ProviderError, get_provider
from newsroom.site import absolute_url

logger = logging.getLogger(__name__)

CONFIRM_SALT = "donations.newsletters.confirm"
UNSUBSCRIBE_SALT = "donations.newsletters.unsubscribe"


class InvalidLink(Exception):
    """A confirmation or unsubscribe link that is not ours, was changed, or has expired (`code`)."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


# Links ---------------------------------------------------------------------------------------------------


def _stamp(moment):
    # To the microsecond, as the database keeps it: two signups within one second are two signups.
    return round(moment.timestamp() * 1_000_000)


def confirmation_token(subscriptions):
    """The signed key of a confirmation link: which subscriptions, and the signup it answers (a later
    signup mails a new link and retires this one). Expires after NEWSLETTER_CONFIRMATION_MAX_AGE_SECONDS."""
    rows = list(subscriptions)
    return signing.dumps(
        {"s": sorted(row.pk for row in rows), "c": max(_stamp(row.consent_at) for row in rows)}, salt=CONFIRM_SALT
    )


def unsubscribe_token(subscriptions):
    """The signed key of an unsubscribe link. It never expires: an old mail's link must still work."""
    return signing.dumps({"s": sorted(row.pk for row in subscriptions)}, salt=UNSUBSCRIBE_SALT)


def _read(token, salt, max_age=None):
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
        pks = [int(pk) for pk in payload["s"]][:20]
    except signing.SignatureExpired as error:
        raise InvalidLink("expired") from error
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidLink("invalid") from error
    if not pks:
        raise InvalidLink("invalid")
    return payload, pks


def _link(name, token, language):
    with translation.override(language):
        return absolute_url(reverse(f"newsletters:{name}", kwargs={"token": token}))


def confirmation_url(subscriptions, language):
    return _link("confirm", confirmation_token(subscriptions), language)


def unsubscribe_url(subscriptions, language):
    return _link("unsubscribe", unsubscribe_token(subscriptions), language)


# Signup --------------------------------------------------------------------------------------------------


@dataclass
class Signup:
    """The outcome of a signup: the pending subscriptions a confirmation link was mailed for (`mailed`),
    those whose link went out too recently to send another (`held`), those already confirmed."""

    mailed: list = field(default_factory=list)
    held: list = field(default_factory=list)
    already: list = field(default_factory=list)


def _resend_allowed(row, now):
    last = row.confirmation_sent_at
    return last is None or now - last >= timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_RESEND_SECONDS)


def sign_up(*, email, newsletters, language, source, consent_text, page_url=""):
    """Record a request to receive `newsletters` at `email`, and mail the confirmation link.

    Nothing is subscribed until the link is followed. One row per address and list, whatever the number
    of signups: a repeated one renews the pending consent (and mails a new link, at most once every
    NEWSLETTER_CONFIRMATION_RESEND_SECONDS); a confirmed address stays as it is and is not mailed.
    """
    email = email.strip().lower()
    now = timezone.now()
    outcome = Signup()
    with transaction.atomic():
        for newsletter in newsletters:
            row = _locked_row(newsletter, email)
            if row.status == Subscription.Status.CONFIRMED:
                outcome.already.append(row)
                continue
            if row.pk is not None and not _resend_allowed(row, now):
                # A link went out moments ago and still works: keep the consent that it confirms.
                outcome.held.append(row)
                continue
            row.status = Subscription.Status.PENDING
            row.language = language
            row.consent_at = now
            row.consent_source = source[:40]
            row.consent_text = consent_text
            row.consent_url = page_url[:300]
            row.confirmation_sent_at = now
            row.confirmations_sent += 1
            row.full_clean(validate_constraints=False, validate_unique=False)
            row.save()
            outcome.mailed.append(row)
        if outcome.mailed:
            pks = [row.pk for row in outcome.mailed]
            transaction.on_commit(lambda: send_confirmation(pks=pks), robust=True)
    return outcome


def _locked_row(newsletter, email):
    """The address's row on `newsletter`, locked, or a new one saved now (two signups racing for the same
    address make one row: the unique constraint decides, and the loser reads the winner's)."""
    rows = Subscription.objects.select_for_update().filter(newsletter=newsletter, email=email)
    row = rows.first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            return Subscription.objects.create(
                newsletter=newsletter,
                email=email,
                consent_text="",
                # Nothing to mirror until the reader confirms: the service neither has nor should have it.
                sync_state=Subscription.Sync.SYNCED,
            )
    except IntegrityError:
        return rows.get()


def send_confirmation(*, pks):
    """Mail the confirmation link for the pending subscriptions `pks` (one signup, one mail)."""
    rows = list(
        Subscription.objects.filter(pk__in=pks, status=Subscription.Status.PENDING).select_related("newsletter")
    )
    if not rows:
        return
    language = rows[0].language
    context = {"subscriptions": rows, "confirm_url": confirmation_url(rows, language)}
    try:
        _send(rows, "confirm", context)
    except Exception:
        # The reader may ask again straight away instead of waiting for the resend interval.
        Subscription.objects.filter(pk__in=pks).update(confirmation_sent_at=None)
        raise


def _send(rows, template, context):
    """One mail about `rows` (one address), in their language, with the one-click unsubscribe headers
    of RFC 8058 that mail programs show as an "Unsubscribe" button."""
    language = rows[0].language
    unsubscribe = unsubscribe_url(rows, language)
    with translation.override(language):
        context = {
            **context,
            "newsletters": [row.newsletter.name_in(language) for row in rows],
            "unsubscribe_url": unsubscribe,
            **email_context(),
        }
        subject = " ".join(render_to_string(f"donations/newsletters/email/{template}_subject.txt", context).split())
        body = render_to_string(f"donations/newsletters/email/{template}.txt", context)
    message = EmailMessage(
        subject,
        body,
        None,
        [rows[0].email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.send()


# Confirmation and unsubscription -------------------------------------------------------------------------


def confirm(*, token):
    """Follow a confirmation link: its pending subscriptions become confirmed. Returns the subscriptions
    it names (confirmed now or before). Raises InvalidLink("expired"/"invalid").

    A link only confirms the signup it was mailed for: a later signup (which mails a new link) or an
    unsubscription in the meantime leaves it without effect.
    """
    payload, pks = _read(token, CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE_SECONDS)
    now = timezone.now()
    with transaction.atomic():
        rows = list(Subscription.objects.select_for_update().filter(pk__in=pks).select_related("newsletter"))
        if not rows:
            raise InvalidLink("invalid")
        confirmed = []
        for row in rows:
            if row.status == Subscription.Status.PENDING and _stamp(row.consent_at) == payload.get("c"):
                row.status = Subscription.Status.CONFIRMED
                row.confirmed_at = now
                row.unsubscribed_at = None
                row.sync_state = Subscription.Sync.PENDING
                row.save()
                confirmed.append(row)
        if confirmed:
            emails = {row.email for row in confirmed}
            pks_confirmed = [row.pk for row in confirmed]
            transaction.on_commit(lambda: _after_confirmation(pks_confirmed, emails), robust=True)
    kept = [row for row in rows if row.status == Subscription.Status.CONFIRMED]
    if not kept:
        raise InvalidLink("stale")
    return kept


def confirmation_pending(*, token):
    """Check a confirmation link before the reader presses "Confirm": raises InvalidLink when following
    it could not confirm anything (expired, changed, or retired by a later signup or an unsubscription)."""
    payload, pks = _read(token, CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE_SECONDS)
    rows = Subscription.objects.filter(pk__in=pks)
    if not rows.exists():
        raise InvalidLink("invalid")
    for row in rows:
        if row.status == Subscription.Status.CONFIRMED or (
            row.status == Subscription.Status.PENDING and _stamp(row.consent_at) == payload.get("c")
        ):
            return
    raise InvalidLink("stale")


def _after_confirmation(pks, emails):
    for email in emails:
        sync_address(email=email)
    rows = list(Subscription.objects.filter(pk__in=pks).select_related("newsletter"))
    if rows:
        _send(rows, "welcome", {"subscriptions": rows})


def subscriptions_for_unsubscribe(*, token):
    """The subscriptions an unsubscribe link names (for the page that asks "unsubscribe?")."""
    _payload, pks = _read(token, UNSUBSCRIBE_SALT)
    rows = list(Subscription.objects.filter(pk__in=pks).select_related("newsletter"))
    if not rows:
        raise InvalidLink("invalid")
    return rows


def unsubscribe(*, token):
    """Follow an unsubscribe link (or a mail program's one-click POST): the subscriptions it names are
    unsubscribed, whatever their state; doing it twice changes nothing. Returns them."""
    _payload, pks = _read(token, UNSUBSCRIBE_SALT)
    return unsubscribe_rows(pks=pks)


def unsubscribe_rows(*, pks):
    """Unsubscribe the subscriptions `pks` (a reader's link, or staff acting on a reader's request)."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(Subscription.objects.select_for_update().filter(pk__in=pks).select_related("newsletter"))
        if not rows:
            raise InvalidLink("invalid")
        changed = [row for row in rows if row.status != Subscription.Status.UNSUBSCRIBED]
        for row in changed:
            was_confirmed = row.status == Subscription.Status.CONFIRMED
            row.status = Subscription.Status.UNSUBSCRIBED
            row.unsubscribed_at = now
            if was_confirmed or row.sync_state != Subscription.Sync.SYNCED:
                row.sync_state = Subscription.Sync.PENDING
            row.save()
        emails = {row.email for row in changed}
        if emails:
            transaction.on_commit(lambda: [sync_address(email=email) for email in emails], robust=True)
    return rows


# The mirror in the e-mail service ------------------------------------------------------------------------


def sync_address(*, email, provider=None):
    """Bring the e-mail service in step with our rows for `email`. Returns True when it is.

    Without a provider (NEWSLETTER_PROVIDER empty) nothing is sent and the rows keep waiting, so that
    switching one on later and running `retry_newsletter_sync` mirrors everyone. A failure marks the rows
    "failed" for the retry command; the subscriptions themselves are never touched.
    """
    provider = provider or get_provider()
    if provider is None:
        return False
    rows = list(Subscription.objects.filter(email=email).select_related("newsletter").order_by("consent_at"))
    if not rows:
        return True
    confirmed = [row for row in rows if row.status == Subscription.Status.CONFIRMED]
    latest = confirmed[-1] if confirmed else rows[-1]
    metadata = {
        "language": latest.language,
        "source": latest.consent_source,
        "consent_at": latest.consent_at.isoformat(),
        "confirmed_at": latest.confirmed_at.isoformat() if latest.confirmed_at else "",
    }
    # Only the rows as read now are marked: a change that lands during the call stays waiting for its own sync.
    unchanged = Q()
    for row in rows:
        unchanged |= Q(pk=row.pk, updated_at=row.updated_at)
    try:
        provider_id = provider.update(email=email, tags={row.newsletter.tag for row in confirmed}, metadata=metadata)
    except ProviderError as error:
        logger.warning("Newsletter subscriber not synced to %s (will retry): %s", provider.name, error)
        for row in rows:
            Subscription.objects.filter(pk=row.pk, updated_at=row.updated_at).update(
                sync_state=Subscription.Sync.FAILED, sync_attempts=row.sync_attempts + 1, sync_error=str(error)[:300]
            )
        return False
    fields = {"sync_state": Subscription.Sync.SYNCED, "synced_at": timezone.now(), "sync_error": ""}
    if provider_id:
        fields["provider_id"] = provider_id[:100]
    Subscription.objects.filter(unchanged).update(**fields)
    return True


def addresses_to_sync(*, settled_for=timedelta(minutes=1)):
    """Addresses with a change not yet in the e-mail service, left alone for `settled_for` (their own
    after-commit sync may still be running)."""
    return (
        Subscription.objects.filter(
            sync_state__in=[Subscription.Sync.PENDING, Subscription.Sync.FAILED],
            updated_at__lte=timezone.now() - settled_for,
        )
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
