"""The monthly donor's pages: ask for a signed link by e-mail, then from that link open Stripe's customer
portal to update the card, change the amount or cancel. No reader accounts: the link is the key.

The pages are private (never cached, never indexed, no referrer sent to other sites): the link carries a key."""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from donations import payments, protection
from donations.giving import services as giving_services
from donations.giving.forms import ManageGiftForm
from donations.giving.models import MonthlyGift
from donations.protection import rate_limited

logger = logging.getLogger(__name__)


def _private(response):
    # The link is the donor's key to their gift: never pass it on to other sites (Stripe's included).
    # "same-origin" rather than "no-referrer": with no referrer at all, browsers send "Origin: null" with
    # the page's own form, which the CSRF check rightly refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


def _see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("manage-gift")
def manage_gift(request):
    """ "Manage your monthly gift": the donor gives their e-mail address and we e-mail them a signed link.
    The answer is the same whether or not the address has a gift with us."""
    if request.method == "POST":
        form = ManageGiftForm(request.POST)
        if form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            # However many people ask, one address gets only a few links an hour.
            if protection.hit(request, "manage-gift-email", key=f"email:{email}") is None:
                giving_services.request_manage_link(email=email, language=get_language())
            return _see_other(reverse("donations:manage-gift-sent"))
        form.renew_token_if_unusable()
    else:
        form = ManageGiftForm()
    return render(request, "donations/manage_gift.html", {"form": form})


@require_GET
def manage_gift_sent(request):
    return render(request, "donations/manage_gift_sent.html", {"link_hours": settings.MONTHLY_GIFT_LINK_MAX_AGE_HOURS})


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("manage-gift")
def manage_gift_link(request, token):
    """The page the e-mailed link opens: the donor's monthly gifts, each with a button to Stripe's portal.

    The portal session is opened on a post, not on following the link, so that mail scanners that
    follow every link open nothing."""
    email = giving_services.email_from_manage_token(token)
    if email is None:
        return _private(render(request, "donations/manage_gift_expired.html", status=410))
    gifts = list(giving_services.gifts_of(email))
    portal_unavailable = False
    if request.method == "POST":
        chosen = request.POST.get("gift", "")
        gift = next(
            (gift for gift in gifts if str(gift.pk) == chosen and gift.status != MonthlyGift.Status.CANCELLED), None
        )
        if gift is not None:
            try:
                return _private(
                    _see_other(
                        giving_services.open_portal(gift=gift, language=get_language(), return_path=request.path)
                    )
                )
            except payments.PaymentUnavailable:
                logger.warning("Customer portal of monthly gift %s not opened.", gift.pk, exc_info=True)
                portal_unavailable = True
    response = render(
        request,
        "donations/manage_gift_link.html",
        {"gifts": gifts, "portal_unavailable": portal_unavailable},
        status=503 if portal_unavailable else 200,
    )
    return _private(response)
