"""The admin of a donor's giving over time: monthly gifts with every payment, each donation's history
and donor's lifetime total, fundraising staff's changes to pledges, payment exports and annual receipts.

Everything here is read-only except what goes through a service: a pledge is changed only by
`change_pledge` (recorded in its history), a receipt only sent by `send_annual_receipt`.
"""

import csv
from datetime import date

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, DecimalField, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from donations.forms import format_amount
from donations.giving import services as giving_services
from donations.giving.models import AnnualReceipt, DonationChange, MonthlyGift, MonthlyPayment
from donations.models import Donation

RECORD_CHANGE = "donations.record_donation_change"


def money_list(totals):
    return ", ".join(format_amount(amount, currency) for currency, amount in totals.items()) or "–"


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class MonthlyPaymentInline(ReadOnlyInline):
    model = MonthlyPayment
    fields = ["invoice", "amount", "currency", "status", "paid_at", "failed_at", "attempt_count", "receipt"]
    readonly_fields = fields
    ordering = ["-created_at"]

    @admin.display(description=_("invoice"))
    def invoice(self, payment):
        label = payment.invoice_number or payment.invoice_id
        if payment.invoice_url.startswith("https://"):
            return format_html('<a href="{}" rel="noreferrer">{}</a>', payment.invoice_url, label)
        return label

    @admin.display(description=_("receipt sent"))
    def receipt(self, payment):
        if payment.status != MonthlyPayment.Status.PAID:
            sent = payment.notice_sent_at
            return (
                gettext("failure notice %(when)s") % {"when": f"{timezone.localtime(sent):%Y-%m-%d %H:%M}"}
                if sent
                else "–"
            )
        sent = payment.gift.donation.receipt_sent_at if payment.is_first else payment.receipt_sent_at
        return f"{timezone.localtime(sent):%Y-%m-%d %H:%M}" if sent else "–"


class DonationChangeInline(ReadOnlyInline):
    model = DonationChange
    fields = ["at", "action", "user", "old_status", "new_status", "note"]
    readonly_fields = fields
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


def _lifetime(status=MonthlyPayment.Status.PAID):
    paid = (
        MonthlyPayment.objects.filter(gift=OuterRef("pk"), status=status)
        .order_by()
        .values("gift")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(paid, output_field=DecimalField()), 0, output_field=DecimalField())


@admin.register(MonthlyGift)
class MonthlyGiftAdmin(admin.ModelAdmin):
    list_display = [
        "donor",
        "email",
        "monthly_amount",
        "status",
        "started_at",
        "ends",
        "payments_count",
        "lifetime_total",
        "last_paid",
    ]
    list_filter = ["status", "currency", "started_at", "cancelled_at"]
    list_select_related = ["donation"]
    search_fields = ["donation__donor_name", "donation__email", "subscription_id", "customer_id", "donation__reference"]
    date_hierarchy = "started_at"
    inlines = [MonthlyPaymentInline]
    fields = [
        "donation_link",
        "donor",
        "email",
        "monthly_amount",
        "status",
        "started_at",
        "cancels_at",
        "cancelled_at",
        "lifetime_total",
        "subscription_id",
        "customer_id",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        # Counted in the list's own query, for the rows on the page only.
        return (
            super()
            .get_queryset(request)
            .annotate(
                lifetime=_lifetime(),
                paid_count=Count("payments", filter=Q(payments__status=MonthlyPayment.Status.PAID)),
                last_paid_at=Max("payments__paid_at"),
            )
        )

    @admin.display(description=_("donor"), ordering="donation__donor_name")
    def donor(self, gift):
        return gift.donation.donor_name

    @admin.display(description=_("email"), ordering="donation__email")
    def email(self, gift):
        return gift.donation.email

    @admin.display(description=_("monthly amount"), ordering="amount")
    def monthly_amount(self, gift):
        return format_amount(gift.amount, gift.currency)

    @admin.display(description=_("ends"))
    def ends(self, gift):
        moment = gift.cancelled_at or gift.cancels_at
        return f"{timezone.localtime(moment):%Y-%m-%d}" if moment else "–"

    @admin.display(description=_("payments"), ordering="paid_count")
    def payments_count(self, gift):
        return gift.paid_count

    @admin.display(description=_("lifetime total"), ordering="lifetime")
    def lifetime_total(self, gift):
        return format_amount(gift.lifetime, gift.currency)

    @admin.display(description=_("last paid"), ordering="last_paid_at")
    def last_paid(self, gift):
        return f"{timezone.localtime(gift.last_paid_at):%Y-%m-%d}" if gift.last_paid_at else "–"

    @admin.display(description=_("donation"))
    def donation_link(self, gift):
        url = reverse("admin:donations_donation_change", args=[gift.donation_id])
        return format_html('<a href="{}">{}</a>', url, str(gift.donation.reference)[:8])


@admin.register(AnnualReceipt)
class AnnualReceiptAdmin(admin.ModelAdmin):
    list_display = ["year", "email", "language", "summary", "sent_at"]
    list_filter = ["year", "language"]
    search_fields = ["email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PledgeChangeForm(forms.Form):
    action = forms.ChoiceField(label=_("What happened"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How it was paid, refunded or why it was cancelled: a cheque number, a transfer date…"),
    )

    def __init__(self, *args, donation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            (action, action.label)
            for action, (before, _after) in giving_services.PLEDGE_CHANGES.items()
            if before == donation.status
        ]

    def clean(self):
        data = super().clean()
        if (
            data.get("action") in (DonationChange.Action.REFUND_NOTED, DonationChange.Action.CANCELLED)
            and not data.get("note", "").strip()
        ):
            self.add_error("note", ValidationError(_("Say why, for the donation's history."), code="required"))
        return data


class AnnualReceiptForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        self.fields["year"].choices = [(year, year) for year in range(this_year, this_year - 6, -1)]
        self.fields["year"].initial = this_year - 1


class DonationGivingAdmin:
    """For DonationAdmin: a donation's monthly gift and history, the donor's lifetime giving, the page
    where fundraising staff record what happened to a pledge, and the payment export and annual receipts."""

    giving_fields = ["monthly_gift_summary", "donor_history_table"]
    giving_actions = ["export_payments_csv", "annual_receipts"]

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), DonationChangeInline]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), *self.giving_fields]
        if obj is not None:
            # A stored gift's status changes through the recorded actions (pledges) or Stripe, never by hand.
            fields.append("status")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None:
            fieldsets.insert(1, (_("Giving"), {"fields": self.giving_fields}))
        return fieldsets

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/pledge/",
                self.admin_site.admin_view(self.change_pledge_view),
                name="{}_{}_pledge".format(*info),
            ),
            *super().get_urls(),
        ]

    def has_record_change_permission(self, request):
        return request.user.has_perm(RECORD_CHANGE)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        donation = self.get_object(request, object_id)
        if donation is not None and self.has_record_change_permission(request):
            extra_context["pledge_actions"] = donation.provider == Donation.Provider.PLEDGE and any(
                before == donation.status for before, _after in giving_services.PLEDGE_CHANGES.values()
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def change_pledge_view(self, request, object_id):
        if not self.has_record_change_permission(request):
            raise PermissionDenied
        donation = get_object_or_404(Donation, pk=object_id) if str(object_id).isdigit() else None
        if donation is None:
            raise PermissionDenied
        form = PledgeChangeForm(request.POST or None, donation=donation)
        if request.method == "POST" and form.is_valid():
            try:
                giving_services.change_pledge(
                    donation=donation,
                    action=form.cleaned_data["action"],
                    user=request.user,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    gettext("“%(action)s” recorded in the donation's history.")
                    % {"action": DonationChange.Action(form.cleaned_data["action"]).label},
                    messages.SUCCESS,
                )
                return redirect("admin:donations_donation_change", donation.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Record what happened to this pledge"),
            "opts": self.opts,
            "original": donation,
            "form": form,
            "donation": donation,
        }
        return TemplateResponse(request, "admin/donations/donation/pledge.html", context)

    @admin.display(description=_("monthly gift"))
    def monthly_gift_summary(self, donation):
        gift = getattr(donation, "monthly_gift", None)
        if gift is None:
            return "–"
        url = reverse("admin:donations_monthlygift_change", args=[gift.pk])
        ends = gift.cancelled_at or gift.cancels_at
        total = gift.payments.filter(status=MonthlyPayment.Status.PAID).aggregate(total=Sum("amount"))["total"] or 0
        return format_html(
            '<a href="{}">{}</a> · {} · {} {} · {} {}',
            url,
            gettext("%(amount)s a month") % {"amount": format_amount(gift.amount, gift.currency)},
            gift.get_status_display(),
            gettext("since"),
            f"{timezone.localtime(gift.started_at):%Y-%m-%d}",
            gettext("paid so far:") if not ends else gettext("ended; paid in all:"),
            format_amount(total, gift.currency),
        )

    @admin.display(description=_("donor's history"))
    def donor_history_table(self, donation):
        entries, totals = giving_services.donor_history(donation.email)
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    f"{timezone.localtime(entry['at']):%Y-%m-%d}",
                    format_html(
                        '<a href="{}">{}</a>',
                        reverse("admin:donations_donation_change", args=[entry["donation"].pk]),
                        str(entry["donation"].reference)[:8],
                    ),
                    entry["what"],
                    format_amount(entry["amount"], entry["currency"]),
                    entry["status"],
                )
                for entry in entries
            ),
        )
        return format_html(
            '<p><strong>{}</strong> {}</p><table id="donor-history"><thead><tr><th>{}</th><th>{}</th><th>{}</th>'
            "<th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            gettext("Lifetime total:"),
            money_list(totals),
            gettext("Date"),
            gettext("Gift"),
            gettext("What"),
            gettext("Amount"),
            gettext("Status"),
            rows,
        )

    @admin.action(description=_("Export every payment of the selected donations as CSV"), permissions=["export"])
    def export_payments_csv(self, request, queryset):
        """One row per payment received: a one-time gift or paid pledge, and each monthly payment."""
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="payments-{timezone.localdate():%Y-%m-%d}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response)
        writer.writerow(
            [
                "paid_at",
                "amount",
                "currency",
                "frequency",
                "donor_name",
                "email",
                "reference",
                "invoice",
                "receipt_sent_at",
            ]
        )
        from donations.admin.exports import spreadsheet_safe

        donations = queryset.with_payment_flag().filter(status=Donation.Status.PAID, has_monthly_payments=False)
        rows = [
            (d.created_at, d.amount, d.currency, d.frequency, d.donor_name, d.email, d.reference, "", d.receipt_sent_at)
            for d in donations
        ]
        payments = MonthlyPayment.objects.filter(
            status=MonthlyPayment.Status.PAID, gift__donation__in=queryset.values("pk")
        ).select_related("gift__donation")
        for payment in payments:
            donation = payment.gift.donation
            receipt = donation.receipt_sent_at if payment.is_first else payment.receipt_sent_at
            rows.append(
                (
                    payment.paid_at,
                    payment.amount,
                    payment.currency,
                    donation.frequency,
                    donation.donor_name,
                    donation.email,
                    donation.reference,
                    payment.invoice_number or payment.invoice_id,
                    receipt,
                )
            )
        for row in sorted(rows, key=lambda row: row[0]):
            writer.writerow([spreadsheet_safe(value) for value in row])
        return response

    def has_annual_receipt_permission(self, request):
        return request.user.has_perm(RECORD_CHANGE)

    @admin.action(
        description=_("Annual receipts for the donors of the selected donations"), permissions=["annual_receipt"]
    )
    def annual_receipts(self, request, queryset):
        """Show or e-mail each selected donor's annual summary receipt for a year chosen on the next page."""
        emails = sorted({email.lower() for email in queryset.values_list("email", flat=True)})
        form = AnnualReceiptForm(request.POST if "year" in request.POST else None)
        if form.is_valid():
            donors = giving_services.donor_years(year=form.cleaned_data["year"], emails=emails)
            if "send" in request.POST:
                sent = sum(giving_services.send_annual_receipt(donor_year=donor) for donor in donors)
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d annual receipt sent (donors who already had theirs were skipped).",
                        "%(count)d annual receipts sent (donors who already had theirs were skipped).",
                        sent,
                    )
                    % {"count": sent},
                    messages.SUCCESS,
                )
                return None
            text = "\n\n".join(
                "{}\n{}\n\n{}".format(donor.email, *giving_services.render_annual_receipt(donor)) for donor in donors
            )
            return HttpResponse(text or gettext("No paid gifts that year."), content_type="text/plain; charset=utf-8")
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Annual receipts"),
            "opts": self.opts,
            "form": form,
            "emails": emails,
            "queryset": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "last_year": date.today().year - 1,
        }
        return TemplateResponse(request, "admin/donations/donation/annual_receipts.html", context)
