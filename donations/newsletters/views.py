"""Newsletter pages: signup, "check your inbox", confirmation and unsubscription.

No CSRF cookie anywhere in the signup: the short forms sit in pages that are cached for every reader
(home, articles, footer), and a CSRF token would make each page personal. A signup acts on nobody's
session (there is none), so what CSRF guards against does not arise; what does arise is bots and people
signing up addresses that are not theirs. Against those: double opt-in (nothing is subscribed until the
address's owner follows the mailed link), the signed time token (the short forms fetch a fresh one with
static/js/newsletter.js; without JavaScript, or with an old one, the reader gets the full form with a
fresh token and presses Subscribe once more), the honeypot, per-client and site-wide rate limits that
fail closed, one confirmation mail per address and list per NEWSLETTER_CONFIRMATION_RESEND_SECONDS, and
the same-origin check that the helpful vote uses, so that no other site can post it from a reader's browser.

The confirmation and unsubscribe addresses carry a signed token, which is the whole authority: their
POSTs need no CSRF token (mail programs send RFC 8058's one-click unsubscribe POST with no cookie at all)
and are not rate limited per client (a mail service sends the one-click POSTs of all its users from a
few addresses). A GET only ever shows a page with a button, so that link scanners in mail systems,
which follow every link, neither confirm nor unsubscribe anyone.
"""

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from donations import protection
from donations.forms import issue_form_token
from donations.newsletters import services
from donations.newsletters.forms import CONSENT_TEXT, SignupForm
from donations.newsletters.models import NewsletterList
from donations.views.donations import see_other


def _private(response):
    """Pages whose address is a reader's key: never indexed, never passed on as a referrer."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@protection.fails_closed
def signup(request):
    """The newsletter page: every open list to choose from; also where the short forms post."""
    status = 200
    if request.method == "POST":
        if not protection.is_same_origin(request):
            return render(request, "donations/newsletters/refused.html", status=403)
        retry_after = protection.hit(request, "newsletter") or protection.hit(request, "newsletter-all", everyone=True)
        if retry_after:
            return protection.too_many_requests(request, retry_after)
        form = SignupForm(request.POST)
        if form.is_valid():
            services.sign_up(**form.signup_fields(), language=get_language())
            return see_other(reverse("newsletters:sent"))
        form.renew_token_if_unusable()
        status = 400
        chosen = form.data.getlist("newsletters")
        if not chosen and form.data.get("short"):
            # A short form stands for the lists marked for the short forms: shown ticked, to be sent once more.
            chosen = [newsletter.slug for newsletter in NewsletterList.objects.active().filter(is_default=True)]
        # The full form from now on; the source (home, article, footer, prompt) stays.
        form.data = form.data.copy()
        form.data.pop("short", None)
    else:
        form = SignupForm(initial={"source": request.GET.get("source", "") or "newsletter", "page": request.path})
        # Ticked only when the link named them (a newsletter prompt): consent is never pre-ticked otherwise.
        chosen = request.GET.getlist("list")
    newsletters = list(form.fields["newsletters"].queryset)
    return render(
        request,
        "donations/newsletters/signup.html",
        {"form": form, "consent_text": CONSENT_TEXT, "newsletters": newsletters, "chosen_slugs": chosen},
        status=status,
    )


@require_GET
def sent(request):
    return render(request, "donations/newsletters/sent.html")


@never_cache
@require_GET
def form_token(request):
    """A fresh time token for a short signup form, which a cached page cannot hold. No cookie is set."""
    return JsonResponse({"token": issue_form_token()})


def _invalid(request, error):
    response = render(request, "donations/newsletters/link_invalid.html", {"code": error.code}, status=400)
    return _private(response)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A confirmation link: GET asks the reader to press "Confirm"; the POST confirms."""
    try:
        if request.method == "POST":
            subscriptions = services.confirm(token=token)
            return _private(render(request, "donations/newsletters/confirmed.html", {"subscriptions": subscriptions}))
        services.confirmation_pending(token=token)
    except services.InvalidLink as error:
        return _invalid(request, error)
    return _private(render(request, "donations/newsletters/confirm.html"))


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """An unsubscribe link: GET asks "Unsubscribe?"; the POST (our button, or a mail program's one-click
    POST under RFC 8058) unsubscribes."""
    try:
        if request.method == "POST":
            subscriptions = services.unsubscribe(token=token)
            template = "donations/newsletters/unsubscribed.html"
        else:
            subscriptions = services.subscriptions_for_unsubscribe(token=token)
            template = "donations/newsletters/unsubscribe.html"
    except services.InvalidLink as error:
        return _invalid(request, error)
    language = subscriptions[0].language
    if request.method == "GET" and language != get_language():
        # The link in a mail carries the reader's language; an address typed without it still finds it.
        return redirect(translate_url(request.path, language))
    return _private(render(request, template, {"subscriptions": subscriptions, "email": subscriptions[0].email}))
