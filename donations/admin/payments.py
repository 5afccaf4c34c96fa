"""The payment provider's webhook events in the admin, read-only."""

from django.contrib import admin

from donations.admin.exports import ReadOnlyAdmin
from donations.models import PaymentEvent


@admin.register(PaymentEvent)
class PaymentEventAdmin(ReadOnlyAdmin):
    list_display = ["event_type", "event_id", "outcome", "donation", "event_created_at", "received_at"]
    list_select_related = ["donation"]
    list_filter = ["outcome", "provider", "event_type", "received_at"]
    search_fields = ["event_id", "donation__reference", "donation__email"]
