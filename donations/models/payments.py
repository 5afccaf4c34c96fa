"""What the payment provider told us: every webhook event, stored once, so none is applied twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from donations.models.donations import Donation


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
