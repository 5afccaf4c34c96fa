"""Old addresses of the site a newsroom came from, answered with permanent redirects (LegacyAddress)."""

import re

from django.http import HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control

from articles.models import LEGACY_QUERY_KEYS, LegacyAddress
from newsroom.pagecache import DATABASE_FAULTS

# Where WordPress answered its numbered addresses (/?p=123): the front page, in any language directory.
FRONT_PAGE = re.compile(r"/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:index\.php)?", re.IGNORECASE)
# A redirect that a CDN and browsers may keep for a day: old addresses are read mostly by search engines
# and old links, and an article unpublished since is rare enough to wait that long.
REDIRECT_MAX_AGE = 60 * 60 * 24


class LegacyAddressMiddleware:
    """Answers an old address with a 301 to its new one.

    `/?p=123` and WordPress's other numbered addresses come on the front page, which exists here too, so
    they are looked up before any view runs (one query, only for such a request). Every other old address
    is looked up only once the site has found nothing there (a 404), as Django's redirects app does, so
    reader pages pay nothing for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and self._numbered(request):
            redirect = self._redirect(request)
            if redirect is not None:
                return redirect
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return self._redirect(request) or response
        return response

    @staticmethod
    def _numbered(request):
        return any(key in request.GET for key in LEGACY_QUERY_KEYS) and FRONT_PAGE.fullmatch(request.path_info)

    @staticmethod
    def _redirect(request):
        path = LegacyAddress.normalize(request.get_full_path())
        if "\x00" in path:
            # No address holds a NUL character, and PostgreSQL refuses one in a query: nothing to look up.
            return None
        try:
            address = (
                LegacyAddress.objects.select_related("article__section", "section", "tag", "author", "image")
                .filter(path=path)
                .first()
            )
            url = address.target_url() if address is not None else None
        except DATABASE_FAULTS:
            # The database is away: the old address is a 404 for now, not an error.
            return None
        if url is None:
            return None
        response = HttpResponsePermanentRedirect(url)
        patch_cache_control(response, public=True, max_age=REDIRECT_MAX_AGE)
        return response
