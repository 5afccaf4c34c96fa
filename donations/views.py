"""Reader pages (donate, thank-you, comments), the helpful vote, and the endpoints that other machines
call: the payment provider's webhook and the republishing pixel."""

import base64
import logging
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from articles.models import Article
from donations import giving_services, payments, protection, services
from donations.forms import CommentForm, DonationForm, HelpfulVoteForm
from donations.models import Donation
from donations.protection import rate_limited

logger = logging.getLogger(__name__)

# The smallest transparent GIF: the republishing pixel.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


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


def _article_from_query(request):
    """The published article named by ?article=<pk>, or 404."""
    pk = request.GET.get("article", "")
    if not (pk.isascii() and pk.isdigit()):
        raise Http404("No article.")
    return get_object_or_404(Article.objects.published().select_related("section"), pk=int(pk))


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limited("comment")
def write_comment(request):
    """The "What are your thoughts?" form: a private message to the newsroom about one article."""
    article = _article_from_query(request)
    if request.method == "GET" and article.language != get_language():
        # The article page links here without a language prefix: write in the article's language.
        return redirect(translate_url(request.get_full_path(), article.language))
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            services.submit_comment(article=article, **form.comment_fields())
            return see_other(f"{reverse('donations:comment-sent')}?{urlencode({'article': article.pk})}")
        form.renew_token_if_unusable()
    else:
        form = CommentForm()
    return render(request, "donations/comment_form.html", {"form": form, "article": article})


@require_GET
def comment_sent(request):
    return render(request, "donations/comment_sent.html", {"article": _article_from_query(request)})


def voter_key(request):
    """One reader, told apart without a cookie and without storing who they are: a keyed hash of their
    network address (IPv6 to its /64) and browser."""
    fingerprint = f"{protection.client_network(request)}|{request.headers.get('User-Agent', '')[:300]}"
    return salted_hmac("donations.helpful-vote", fingerprint, algorithm="sha256").hexdigest()


# No CSRF cookie: the article page that holds this form is the same for every reader and must set no
# cookie, so that it can be cached. A vote is accepted only from our own pages instead, as the Origin
# (or Referer) header that browsers send with every post proves; other sites cannot forge it.
@csrf_exempt
@never_cache
@require_POST
@protection.fails_closed
def helpful_vote(request, section, slug):
    """A reader's Yes/No on an article: back to the article with a thank-you, or JSON for helpful.js."""
    article = get_object_or_404(Article.objects.published().select_related("section"), section__slug=section, slug=slug)
    as_json = protection.wants_json(request)
    if not protection.is_same_origin(request):
        if as_json:
            return JsonResponse({"error": "cross_origin"}, status=403)
        return render(request, "donations/helpful_refused.html", {"article": article}, status=403)
    retry_after = protection.hit(request, "helpful")
    if retry_after:
        return protection.too_many_requests(request, retry_after)
    form = HelpfulVoteForm(request.POST)
    if not form.is_valid():
        if as_json:
            return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
        return see_other(f"{article.get_absolute_url()}?helpful=invalid#helpful")
    is_helpful = form.cleaned_data["vote"] == "yes"
    feedback = form.cleaned_data["feedback"]
    services.record_helpful_vote(
        article=article, voter_key=voter_key(request), is_helpful=is_helpful, feedback=feedback
    )
    # After a No without feedback, ask what could be better; otherwise, thanks.
    state = "no" if not is_helpful and not feedback else "thanks"
    if as_json:
        return JsonResponse({"state": state})
    return see_other(f"{article.get_absolute_url()}?helpful={state}#helpful")


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


@require_GET
def republished_pixel(request, pk):
    """The pixel in the republish HTML: counts a view of article `pk` on the site that shows it."""
    article = Article.objects.published().filter(pk=pk, republishable=True).only("pk").first()
    try:
        over_limit = protection.hit(request, "republished")
    except protection.LimitUnavailable:
        # The view cannot be told apart from a flood: not counted, and the page still gets its pixel.
        over_limit = True
    if article is not None and not over_limit:
        domain = (urlsplit(request.headers.get("Referer", "")).hostname or "").lower()
        # Our own pages (a preview of the HTML, say) are no republication.
        if domain not in (urlsplit(settings.SITE_URL).hostname, request.get_host().split(":")[0]):
            services.record_republication(article=article, domain=domain)
    response = HttpResponse(PIXEL, content_type="image/gif")
    # Every view should reach us, never a cache.
    response["Cache-Control"] = "no-store, max-age=0"
    return response
