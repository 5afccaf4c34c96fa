"""Protection of the public forms: who the client is, per-client rate limits, and same-origin posts.

Rate limits are counted in the default cache with django-ratelimit, so with REDIS_URL set every worker
process and every server shares one count per client. They fail closed: while the cache cannot be
reached, the forms they guard answer "503, try again in a few minutes" rather than let a flood of bots
or card testers through unchecked.
"""

import functools
import ipaddress
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)


def client_ip(request):
    """The client's IP address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address that the
    outermost of them saw. The leftmost X-Forwarded-For entries are written by the client and never trusted."""
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a placeholder key, not a bind address
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            try:
                return str(ipaddress.ip_address(forwarded[-proxies]))
            except ValueError:
                logger.warning("Unreadable X-Forwarded-For: %r", request.META.get("HTTP_X_FORWARDED_FOR"))
    return remote


def client_network(request):
    """The client's address with an IPv6 address cut to its /64, as one household's devices share it."""
    address = ipaddress.ip_address(client_ip(request))
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


# How long a reader is asked to wait while the rate limits cannot be counted.
UNAVAILABLE_RETRY_SECONDS = 120


class LimitUnavailable(Exception):
    """The rate limits cannot be counted: the cache is unreachable."""


def _everyone(group, request):
    return "everyone"


def _named(key, group, request):
    return key


def hit(request, group, *, everyone=False, key=None):
    """Count one request of `group` for this client (or for all clients at once with `everyone`, or for
    whatever `key` names, such as the e-mail address a link is sent to).

    Returns the seconds until the client may try again when it is over the limit of
    READER_RATE_LIMITS[group], else None. Raises LimitUnavailable when the count cannot be kept.
    """
    rate = settings.READER_RATE_LIMITS.get(group)
    if not rate:
        return None
    counted = _everyone if everyone else "ip"
    if key is not None:
        counted = functools.partial(_named, key)
    try:
        usage = get_usage(request, group=group, key=counted, rate=rate, method=get_usage.ALL, increment=True)
    except Exception as error:  # noqa: BLE001 - whatever the cache's failure, the limit cannot be kept
        logger.error("Rate limit %s not counted (%s): request refused until the cache is back.", group, error)
        raise LimitUnavailable from error
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)


def card_testing(request, *, amount, currency):
    """Count a small gift against the card-testing limits: a burst of small amounts from one client, or
    from everyone at once (testers spread over many addresses). Returns the seconds to wait when over."""
    if amount >= settings.DONATION_CURRENCIES[currency]["small"]:
        return None
    return hit(request, "donate-small") or hit(request, "donate-small-all", everyone=True)


def too_many_requests(request, retry_after):
    """The 429 answer: a page that says what happened and when to try again, or JSON for scripts."""
    minutes = max(1, round(retry_after / 60))
    if wants_json(request):
        response = JsonResponse({"error": "rate_limited", "retry_after": retry_after}, status=429)
    else:
        response = render(request, "donations/too_many_requests.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def unavailable(request):
    """The 503 answer while the rate limits cannot be counted: nothing was stored, try again shortly."""
    if wants_json(request):
        response = JsonResponse({"error": "unavailable", "retry_after": UNAVAILABLE_RETRY_SECONDS}, status=503)
    else:
        response = render(request, "donations/unavailable.html", status=503)
    response["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    return response


def fails_closed(view):
    """Answer `unavailable()` whenever `view` meets a rate limit that cannot be counted."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except LimitUnavailable:
            return unavailable(request)

    return wrapper


def rate_limited(group, *, methods=("POST",)):
    """Refuse a client's requests of `methods` over the limit of READER_RATE_LIMITS[group], with a 429
    (and every request, with a 503, while the limits cannot be counted)."""

    def decorator(view):
        @functools.wraps(view)
        @fails_closed
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                retry_after = hit(request, group)
                if retry_after:
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def is_same_origin(request):
    """True when the browser says this request comes from one of our own pages.

    Browsers send Origin with every POST (and Referer unless the page forbids it); a page on another
    site cannot forge either. Used instead of a CSRF cookie where a form must stay cookie-free.
    """
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source or source == "null":
        return False
    parts = urlsplit(source)
    if not parts.scheme or not parts.netloc:
        return False
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    return origin == f"{request.scheme}://{request.get_host()}".lower() or origin in settings.CSRF_TRUSTED_ORIGINS
