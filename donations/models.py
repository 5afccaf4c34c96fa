"""What readers and donors send us: donations, helpful votes and comments."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, FloatField, OuterRef, Q, Sum
from django.db.models.functions import Cast, TruncMonth
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class DonationQuerySet(models.QuerySet):
    def _sums(self):
        # A monthly gift whose payments are on record counts them (see _payment_sums), not its sign-up row.
        paid, pledged = Q(status="paid", has_monthly_payments=False), Q(status="pledged")
        return {
            "count": Count("pk"),
            "paid": Sum("amount", filter=paid),
            "paid_count": Count("pk", filter=paid),
            "pledged": Sum("amount", filter=pledged),
            "pledged_count": Count("pk", filter=pledged),
        }

    def with_payment_flag(self):
        """Annotated with `has_monthly_payments`: a monthly gift whose paid payments are on record, which
        count instead of the donation row itself."""
        return self.annotate(
            has_monthly_payments=Exists(
                MonthlyPayment.objects.filter(gift__donation=OuterRef("pk"), status=MonthlyPayment.Status.PAID)
            )
        )

    def _payment_sums(self, **groups):
        """The paid monthly payments of these donations, summed per `groups` ({name: expression})."""
        return (
            MonthlyPayment.objects.filter(status=MonthlyPayment.Status.PAID, gift__donation__in=self.values("pk"))
            .order_by()
            .values(**groups)
            .annotate(paid=Sum("amount"), paid_count=Count("pk"))
        )

    @staticmethod
    def _merge(rows, payments, keys):
        merged = {tuple(row[key] for key in keys): dict(row) for row in rows}
        for payment in payments:
            row = merged.setdefault(
                tuple(payment[key] for key in keys),
                {**{key: payment[key] for key in keys}, "count": 0, "paid": None, "paid_count": 0, "pledged": None},
            )
            row.setdefault("pledged_count", 0)
            row["paid"] = (row["paid"] or 0) + payment["paid"]
            row["paid_count"] += payment["paid_count"]
        return list(merged.values())

    def totals_by_month(self):
        """Per month and currency: how many gifts were made, and the amounts paid and pledged. A monthly
        gift counts every payment in the month it was paid. Currencies are never added together."""
        rows = (
            self.with_payment_flag()
            .order_by()
            .annotate(month=TruncMonth("created_at"))
            .values("month", "currency")
            .annotate(**self._sums())
        )
        payments = self._payment_sums(month=TruncMonth("paid_at"), currency_code=F("currency"))
        payments = [{**row, "currency": row["currency_code"]} for row in payments]
        merged = self._merge(rows, payments, ["month", "currency"])
        return sorted(merged, key=lambda row: (-row["month"].timestamp(), row["currency"]))

    def totals_by_article(self):
        """Per article whose donate button was used, and currency: the same sums, most paid first."""
        rows = (
            self.with_payment_flag()
            .order_by()
            .filter(article__isnull=False)
            .values("article", "article__title", "currency")
            .annotate(**self._sums())
        )
        payments = self.filter(article__isnull=False)._payment_sums(
            article_pk=F("gift__donation__article"),
            article_title=F("gift__donation__article__title"),
            currency_code=F("currency"),
        )
        payments = [
            {
                "article": row["article_pk"],
                "article__title": row["article_title"],
                "currency": row["currency_code"],
                **row,
            }
            for row in payments
        ]
        merged = self._merge(rows, payments, ["article", "article__title", "currency"])
        return sorted(merged, key=lambda row: (-(row["paid"] or 0), -row["count"], row["article__title"]))


class Donation(models.Model):
    class Frequency(models.TextChoices):
        ONE_TIME = "one-time", _("One-time")
        MONTHLY = "monthly", _("Monthly")

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        PENDING = "pending", _("Pending payment")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")
        REFUNDED = "refunded", _("Refunded")
        CANCELLED = "cancelled", _("Cancelled")

    class Provider(models.TextChoices):
        PLEDGE = "pledge", _("Pledge (staff follow up)")
        STRIPE = "stripe", _("Stripe")

    reference = models.UUIDField(
        _("reference"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Quoted to the donor on the thank-you page and receipt."),
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(1)],
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217 code, e.g. USD."))
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.ONE_TIME)
    donor_name = models.CharField(_("donor name"), max_length=150)
    email = models.EmailField(_("email"))
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("Two-letter ISO 3166 code of the donor's country."),
    )
    message = models.TextField(_("message or dedication"), blank=True)
    is_anonymous = models.BooleanField(
        _("anonymous"), default=False, help_text=_("The donor asked not to be named publicly.")
    )
    may_contact = models.BooleanField(_("may contact"), default=False, help_text=_("The donor agreed to hear from us."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLEDGED)
    provider = models.CharField(_("payment provider"), max_length=10, choices=Provider.choices, default=Provider.PLEDGE)
    provider_reference = models.CharField(
        _("provider reference"),
        max_length=255,
        blank=True,
        help_text=_("The payment provider's id for this payment."),
    )
    provider_payment_reference = models.CharField(
        _("provider payment reference"),
        max_length=255,
        blank=True,
        help_text=_("The provider's id of the payment or subscription itself (Stripe: pi_… or sub_…)."),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language of the donate page; receipts are written in it."),
    )
    receipt_sent_at = models.DateTimeField(
        _("receipt sent"),
        null=True,
        blank=True,
        help_text=_("When the emailed receipt went out. Empty: not sent (yet), follow up by hand if it stays so."),
    )
    # Where the gift came from.
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="donations",
        help_text=_("The article whose donate button the donor used, if any."),
    )
    placement = models.CharField(
        _("placement"),
        max_length=30,
        blank=True,
        help_text=_("Which donate button was used: article, home, footer…"),
    )
    utm_source = models.CharField(_("campaign source"), max_length=100, blank=True, help_text=_("utm_source"))
    utm_medium = models.CharField(_("campaign medium"), max_length=100, blank=True, help_text=_("utm_medium"))
    utm_campaign = models.CharField(_("campaign name"), max_length=100, blank=True, help_text=_("utm_campaign"))
    utm_term = models.CharField(_("campaign term"), max_length=100, blank=True, help_text=_("utm_term"))
    utm_content = models.CharField(_("campaign content"), max_length=100, blank=True, help_text=_("utm_content"))
    # One per filled-in form, so the same form posted twice (double click, retry) makes one donation.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DonationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        permissions = [
            ("export_donation", _("Can export donations as CSV")),
            ("record_donation_change", _("Can mark pledges paid, note refunds and cancel them")),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="donation_amount_positive"),
            models.UniqueConstraint(
                fields=["provider", "provider_reference"],
                condition=~Q(provider_reference=""),
                name="donation_provider_reference_once",
            ),
        ]
        indexes = [models.Index(fields=["status", "-created_at"], name="donation_status_idx")]

    def __str__(self):
        return f"{self.amount} {self.currency} ({self.get_frequency_display()}) – {self.donor_name}"

    def get_absolute_url(self):
        """The donor's thank-you page, in the language they gave in."""
        with translation.override(self.language):
            return reverse("donations:donation-thanks", kwargs={"reference": self.reference})

    @property
    def is_awaiting_payment(self):
        """Recorded, but the donor has not finished paying on the provider's page."""
        return self.status == self.Status.PENDING and self.provider != self.Provider.PLEDGE


class HelpfulVoteQuerySet(models.QuerySet):
    def tally_by_article(self):
        """Per article: Yes and No answers, and the share of Yes in percent, most answered first."""
        return (
            self.order_by()
            .values("article", "article__title")
            .annotate(
                yes=Count("pk", filter=Q(is_helpful=True)),
                no=Count("pk", filter=Q(is_helpful=False)),
                total=Count("pk"),
            )
            .annotate(share=Cast("yes", FloatField()) * 100 / Cast("total", FloatField()))
            .order_by("-total", "article__title")
        )


class HelpfulVote(models.Model):
    """A reader's answer to "Was this content helpful?" on one article."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="helpful_votes"
    )
    is_helpful = models.BooleanField(_("helpful"))
    feedback = models.TextField(_("what could be better"), blank=True)
    voter_key = models.CharField(
        _("voter key"),
        max_length=64,
        editable=False,
        help_text=_("A one-way hash that tells one reader's votes apart without storing who they are."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = HelpfulVoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("helpful vote")
        verbose_name_plural = _("helpful votes")
        constraints = [
            models.UniqueConstraint(fields=["article", "voter_key"], name="helpful_vote_once_per_reader"),
        ]

    def __str__(self):
        return f"{_('Yes') if self.is_helpful else _('No')} – {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class Comment(models.Model):
    """A reader's private message to the newsroom about one article, moderated by staff."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        ANSWERED = "answered", _("Answered")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), help_text=_("Stored as the reader typed it; always shown escaped."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    # One per filled-in form, so the same form posted twice makes one comment.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["status", "-created_at"], name="comment_status_idx")]

    def __str__(self):
        return f"{self.name} on {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class PaymentEvent(models.Model):
    """A notification from a payment provider (a Stripe webhook event), kept so each one is handled once."""

    class Outcome(models.TextChoices):
        APPLIED = "applied", _("Applied")
        UNCHANGED = "unchanged", _("No change (older or repeated news)")
        UNMATCHED = "unmatched", _("No matching donation")
        IGNORED = "ignored", _("Type not handled")

    provider = models.CharField(_("provider"), max_length=10, choices=Donation.Provider.choices)
    event_id = models.CharField(_("event id"), max_length=255, help_text=_("The provider's id of the event."))
    event_type = models.CharField(_("type"), max_length=100)
    event_created_at = models.DateTimeField(_("sent"), null=True, blank=True, help_text=_("When the provider made it."))
    donation = models.ForeignKey(
        Donation,
        verbose_name=_("donation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="payment_events",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("payment event")
        verbose_name_plural = _("payment events")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="payment_event_handled_once"),
        ]

    def __str__(self):
        return f"{self.event_type} {self.event_id}"


class Republication(models.Model):
    """A site that republished one of our articles, seen through the pixel in the republish HTML."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="republications"
    )
    domain = models.CharField(
        _("domain"),
        max_length=253,
        blank=True,
        help_text=_("The host name of the republishing page. Empty: its browser sent no referrer."),
    )
    views = models.PositiveIntegerField(_("views"), default=0, help_text=_("Times the republished copy was shown."))
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), auto_now=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        constraints = [
            models.UniqueConstraint(fields=["article", "domain"], name="republication_once_per_domain"),
        ]

    def __str__(self):
        return f"{self.domain or '?'} – {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()


# Newsletters and prompts live in their own modules (donations/newsletters/, donations/prompts/); their
# models are part of this app.
# Monthly gifts, their payments, the history of each donation and annual receipts (donations/giving.py),
# registered with the app by this import.
from donations.giving import AnnualReceipt, DonationChange, MonthlyGift, MonthlyPayment  # noqa: E402, F401
from donations.newsletters.models import NewsletterList, Subscription  # noqa: E402, F401
from donations.prompts.models import Prompt  # noqa: E402, F401
