"""What readers and donors send us: donations, helpful votes and comments."""

import uuid

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article


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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
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
