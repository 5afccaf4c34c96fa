"""A donor's giving over time: monthly gifts and each of their payments, the history of every donation,
and the annual summary receipts sent for tax purposes.

A monthly gift made on Stripe is one Donation (the sign-up, with its attribution) and one MonthlyGift
(Stripe's subscription), and every invoice that Stripe collects or fails to collect is one MonthlyPayment.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class MonthlyGift(models.Model):
    """A donor's monthly gift on the payment provider: Stripe's subscription, as its events tell it."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAST_DUE = "past_due", _("Past due")
        CANCELLED = "cancelled", _("Cancelled")

    donation = models.OneToOneField(
        "donations.Donation",
        verbose_name=_("donation"),
        on_delete=models.PROTECT,
        related_name="monthly_gift",
        help_text=_("The donate form the gift was started from: donor, language and where it came from."),
    )
    subscription_id = models.CharField(
        _("subscription id"), max_length=255, unique=True, help_text=_("Stripe's id of the subscription (sub_…).")
    )
    customer_id = models.CharField(
        _("customer id"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("Stripe's id of the donor as a customer (cus_…); the customer portal opens for it."),
    )
    amount = models.DecimalField(
        _("monthly amount"), max_digits=10, decimal_places=2, help_text=_("What the donor gives each month now.")
    )
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    started_at = models.DateTimeField(_("started"))
    cancels_at = models.DateTimeField(
        _("cancels on"),
        null=True,
        blank=True,
        help_text=_("The donor asked to stop: the gift ends on this date, after the month already paid for."),
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The creation time of the newest provider event applied to the status, amount or cancellation, so
    # that an older event delivered late never undoes a newer one.
    state_at = models.DateTimeField(_("state as of"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("monthly gift")
        verbose_name_plural = _("monthly gifts")
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="monthly_gift_amount_positive")]
        indexes = [models.Index(fields=["status", "-started_at"], name="monthly_gift_status_idx")]

    def __str__(self):
        return f"{self.amount} {self.currency} / {self.get_status_display()} – {self.donation.donor_name}"


class MonthlyPayment(models.Model):
    """One invoice of a monthly gift: collected (with its own receipt) or failed (with a notice to the donor).

    The invoice id is unique, so an event delivered twice never records a payment twice.
    """

    class Status(models.TextChoices):
        FAILED = "failed", _("Failed, being retried")
        PAID = "paid", _("Paid")

    gift = models.ForeignKey(
        MonthlyGift, verbose_name=_("monthly gift"), on_delete=models.CASCADE, related_name="payments"
    )
    invoice_id = models.CharField(
        _("invoice id"), max_length=255, unique=True, help_text=_("Stripe's id of the invoice (in_…).")
    )
    invoice_number = models.CharField(_("invoice number"), max_length=255, blank=True)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    is_first = models.BooleanField(
        _("first payment"), default=False, help_text=_("The payment made on the donate form's checkout page.")
    )
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    failed_at = models.DateTimeField(_("last failed"), null=True, blank=True)
    attempt_count = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(
        _("next attempt"), null=True, blank=True, help_text=_("When the provider will try the card again.")
    )
    invoice_url = models.URLField(
        _("invoice page"), max_length=1000, blank=True, help_text=_("Stripe's page of the invoice, to pay or print it.")
    )
    receipt_sent_at = models.DateTimeField(
        _("receipt sent"),
        null=True,
        blank=True,
        help_text=_("When the receipt of this payment went out (the first payment's is the donation's receipt)."),
    )
    notice_sent_at = models.DateTimeField(
        _("failure notice sent"), null=True, blank=True, help_text=_("When the donor was told the payment failed.")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("monthly payment")
        verbose_name_plural = _("monthly payments")
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0), name="monthly_payment_amount_not_negative")]
        indexes = [models.Index(fields=["status", "paid_at"], name="monthly_payment_paid_idx")]

    def __str__(self):
        return f"{self.amount} {self.currency} ({self.get_status_display()}) – {self.invoice_id}"


class DonationChange(models.Model):
    """One entry in a donation's history: what changed, when, who did it (nobody: the payment provider)
    and why."""

    class Action(models.TextChoices):
        MARKED_PAID = "marked_paid", _("Marked paid")
        REFUND_NOTED = "refund_noted", _("Refund noted")
        CANCELLED = "cancelled", _("Cancelled")
        STARTED = "started", _("Monthly gift started")
        PAYMENT_RECEIVED = "payment_received", _("Monthly payment received")
        PAYMENT_FAILED = "payment_failed", _("Monthly payment failed")
        AMOUNT_CHANGED = "amount_changed", _("Monthly amount changed")
        CARD_UPDATED = "card_updated", _("Payment method updated")
        CANCELLATION_ASKED = "cancellation_asked", _("Cancellation asked")
        RESUMED = "resumed", _("Cancellation withdrawn")
        GIFT_CANCELLED = "gift_cancelled", _("Monthly gift ended")

    donation = models.ForeignKey(
        "donations.Donation", verbose_name=_("donation"), on_delete=models.CASCADE, related_name="changes"
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The staff member; empty when the payment provider reported it."),
    )
    old_status = models.CharField(_("status before"), max_length=20, blank=True)
    new_status = models.CharField(_("status after"), max_length=20, blank=True)
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("donation change")
        verbose_name_plural = _("donation changes")

    def __str__(self):
        return f"{self.get_action_display()} – {self.donation_id}"


class AnnualReceipt(models.Model):
    """An annual summary receipt e-mailed to one donor (an e-mail address) for one calendar year, kept so
    that running the command again sends none twice."""

    email = models.EmailField(_("email"))
    year = models.PositiveIntegerField(_("year"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    summary = models.TextField(_("summary"), help_text=_("The totals per currency, as the donor read them."))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "email"]
        verbose_name = _("annual receipt")
        verbose_name_plural = _("annual receipts")
        constraints = [models.UniqueConstraint(fields=["email", "year"], name="annual_receipt_once_per_year")]

    def __str__(self):
        return f"{self.year} – {self.email}"
