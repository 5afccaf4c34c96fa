"""Which prompts a page shows, read once per request."""

from django.utils.translation import get_language

from donations.prompts.models import Prompt
from newsroom import fragments


def prompts_for(request):
    """{placement: prompt} of the live prompts of the page's language: the newest-started one per
    placement. One query per request, whatever asks (the banner, the article body, its end), and none
    once the fragment cache has them for this content version (which moves on when a prompt or list is
    saved, and when a prompt starts or ends: see DonationsConfig.ready)."""
    found = getattr(request, "_newsroom_prompts", None) if request is not None else None
    if found is not None:
        return found
    found = fragments.cached(request, "prompts", lambda: _live_prompts(get_language()))
    if request is not None:
        request._newsroom_prompts = found
    return found


def _live_prompts(language):
    found = {}
    for prompt in Prompt.objects.live().for_language(language).select_related("newsletter"):
        if prompt.kind == Prompt.Kind.NEWSLETTER and not (prompt.newsletter and prompt.newsletter.is_active):
            continue
        found.setdefault(prompt.placement, prompt)
    return found
