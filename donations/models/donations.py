"""Donations: one-time gifts and the sign-up of monthly ones, with their attribution to the story that
moved the reader."""

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from donations.giving.models import MonthlyPayment


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
