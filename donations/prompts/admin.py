"""Prompts for editors and fundraising: what each says and where, and how it converts."""

from django.contrib import admin
from django.db.models import CharField, Count, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext_lazy as _

from donations.models import Donation
from donations.newsletters.models import Subscription
from donations.prompts.models import Prompt


def _rate(part, whole):
    return f"{100 * part / whole:.1f} %" if whole else "–"


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "kind",
        "placement",
        "shown_language",
        "is_active",
        "starts_at",
        "ends_at",
        "views",
        "clicks",
        "click_rate",
        "conversions",
        "conversion_rate",
    ]
    list_filter = ["is_active", "kind", "placement", "language"]
    search_fields = ["name", "heading", "text", "heading_es", "text_es"]
    readonly_fields = ["views", "clicks", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "newsletter", "is_active"]}),
        (_("Where and when"), {"fields": ["placement", "after_paragraph", "language", "starts_at", "ends_at"]}),
        (_("English"), {"fields": ["heading", "text", "button_label"]}),
        (_("Spanish"), {"fields": ["heading_es", "text_es", "button_label_es"]}),
        (_("Results"), {"fields": ["views", "clicks", ("created_at", "updated_at")]}),
    ]

    def get_queryset(self, request):
        # A gift or a confirmed signup that came through the prompt's button carries "prompt-<id>".
        source = Concat(Value("prompt-"), Cast(OuterRef("pk"), CharField()))
        gifts = (
            Donation.objects.filter(placement=source)
            .exclude(status=Donation.Status.FAILED)
            .order_by()
            .values("placement")
            .annotate(total=Count("pk"))
            .values("total")
        )
        signups = (
            Subscription.objects.filter(consent_source=source, confirmed_at__isnull=False)
            .order_by()
            .values("consent_source")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                gift_count=Coalesce(Subquery(gifts), 0),
                signup_count=Coalesce(Subquery(signups), 0),
            )
        )

    @admin.display(description=_("language"), ordering="language")
    def shown_language(self, prompt):
        return prompt.get_language_display() or _("Both")

    @admin.display(description=_("click rate"))
    def click_rate(self, prompt):
        return _rate(prompt.clicks, prompt.views)

    @admin.display(description=_("conversions"))
    def conversions(self, prompt):
        """Gifts (not failed) for a donate prompt; confirmed signups for a newsletter prompt."""
        return prompt.signup_count if prompt.kind == Prompt.Kind.NEWSLETTER else prompt.gift_count

    @admin.display(description=_("conversion rate"))
    def conversion_rate(self, prompt):
        return _rate(self.conversions(prompt), prompt.views)
