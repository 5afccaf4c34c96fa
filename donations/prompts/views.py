"""How prompts are counted: a same-origin pixel for a view, a redirect for a click.

Neither sets a cookie nor is ever cached (each must reach us). One reader (told apart as the helpful vote
does, by a keyed hash of their network and browser, never stored) counts once per prompt within
PROMPT_COUNT_WINDOW_SECONDS, crawlers and link previews not at all, and a client over the "prompt" rate
limit is still answered but not counted; nor is anyone while the cache that keeps these counts is down.
"""

import logging
import re
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from donations import protection
from donations.prompts.models import Prompt
from donations.views.feedback import voter_key
from donations.views.republishing import PIXEL

logger = logging.getLogger(__name__)

# User agents that fetch pages without a person reading them.
ROBOT = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|curl|wget|python|headless", re.I)


def _is_person(request):
    agent = request.headers.get("User-Agent", "")
    prefetch = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    return bool(agent) and not ROBOT.search(agent) and "prefetch" not in prefetch.lower()


def count(request, prompt_pk, what):
    """Add one to the prompt's `what` ("views" or "clicks") if this is a reader's first in the window."""
    if not _is_person(request):
        return False
    try:
        if protection.hit(request, "prompt"):
            return False
        key = f"prompt:{what}:{prompt_pk}:{voter_key(request)}"
        first = cache.add(key, 1, settings.PROMPT_COUNT_WINDOW_SECONDS)
    except Exception as error:  # noqa: BLE001 - the cache is down: this one is not counted, the reader is served
        logger.warning("Prompt %s not counted: %s", what, error)
        return False
    if first:
        Prompt.objects.filter(pk=prompt_pk).update(**{what: F(what) + 1})
    return first


def _uncached(response):
    response["Cache-Control"] = "no-store, max-age=0"
    return response


@require_GET
def seen(request, pk):
    """The prompt's pixel: one view."""
    count(request, pk, "views")
    return _uncached(HttpResponse(PIXEL, content_type="image/gif"))


@require_GET
def go(request, pk):
    """A click on the prompt's button: counted, then on to the donate form or the newsletter page in the
    page's language, carrying the prompt as the placement (donations) or source (signups)."""
    prompt = get_object_or_404(Prompt.objects.select_related("newsletter"), pk=pk)
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        if prompt.kind == Prompt.Kind.NEWSLETTER:
            if prompt.newsletter is None:
                raise Http404("No list.")
            target = reverse("newsletters:signup")
            query = {"source": prompt.source, "list": prompt.newsletter.slug}
        else:
            target = reverse("donations:donate")
            query = {"placement": prompt.source}
            article = request.GET.get("article", "")
            if article.isascii() and article.isdigit():
                query["article"] = article
    count(request, pk, "clicks")
    return _uncached(HttpResponseRedirect(f"{target}?{urlencode(query)}"))
