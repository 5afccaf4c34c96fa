"""The donate form, the thank-you page, and the payment provider's webhook."""

import logging

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import translate_url
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from donations import payments, protection, services
from donations.forms import DonationForm
from donations.giving import services as giving_services
from donations.models import Donation
from donations.protection import rate_limited

logger = logging.getLogger(__name__)


def see_other(url):
    """Redirect after a post, so that reloading the next page does not post again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("donate")
def donate(request):
    """The donate form. A valid post is stored once, then the donor goes to the payment page or thank-you page."""
    if request.method == "POST":
        form = DonationForm(request.POST)
        if form.is_valid():
            fields = form.donation_fields()
            retry_after = protection.card_testing(request, amount=fields["amount"], currency=fields["currency"])
            if retry_after:
                return protection.too_many_requests(request, retry_after)
            submission = services.submit_donation(**fields, language=get_language())
            return see_other(submission.next_url)
        form.renew_token_if_unusable()
    else:
        form = DonationForm(initial=DonationForm.initial_from(request.GET))
        article = form.initial_article()
        if article is not None and article.language != get_language():
            # A donate button on an article in the other language: the form in the article's language.
            return redirect(translate_url(request.get_full_path(), article.language))
    return render(
        request,
        "donations/donate.html",
        {"form": form, "provider_is_stripe": settings.DONATION_PROVIDER == "stripe", **form.page_context()},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("donate")
def donation_thanks(request, reference):
    """The donor's page for their gift: thanks and the reference, or what to do when payment is not done.

    A post ("Continue to payment") reopens the payment page of a gift that still waits for payment.
    """
    donation = get_object_or_404(Donation.objects.select_related("article__section"), reference=reference)
    payment_unavailable = False
    if request.method == "POST" and donation.is_awaiting_payment:
        try:
            url = services.resume_payment(donation=donation)
        except payments.PaymentUnavailable:
            logger.warning("Payment of donation %s not resumed.", donation.reference, exc_info=True)
            payment_unavailable = True
        else:
            if url:
                return see_other(url)
    response = render(
        request,
        "donations/donation_thanks.html",
        {
            "donation": donation,
            "checkout": request.GET.get("checkout", ""),
            "payment_unavailable": payment_unavailable,
        },
    )
    # The address is the donor's key to this page: never pass it on to other sites. Not "no-referrer":
    # browsers then post "Continue to payment" with "Origin: null", which the CSRF check refuses.
    response["Referrer-Policy"] = "same-origin"
    return response


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's notifications: verified on the raw body, each event handled once."""
    if not settings.STRIPE_WEBHOOK_SECRET:
        raise Http404("Stripe is not configured.")
    provider = payments.StripeCheckoutProvider()
    try:
        news = provider.read_event(payload=request.body, signature=request.headers.get("Stripe-Signature"))
    except payments.InvalidEvent as error:
        logger.warning("Refused a Stripe webhook delivery: %s", error)
        return HttpResponseBadRequest("Invalid signature or payload.", content_type="text/plain")
    if isinstance(news, payments.MonthlyNews):
        outcome = giving_services.record_monthly_news(provider=provider.name, news=news)
    else:
        outcome = services.record_payment_news(provider=provider.name, news=news)
    return JsonResponse({"received": True, "outcome": outcome or "duplicate"})
