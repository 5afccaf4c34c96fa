"""Parts of pages that change only when content does, kept in the cache under the content version.

The navigation's sections, the "About" teasers, an article's related content: the same on thousands of
renders between two changes, so each is built once per content version (newsroom/pagecache.py) and
language, and read back from the cache (Redis when REDIS_URL is set) until anything readers see changes. A
change bumps the version, so a fragment is never stale; old ones simply expire. Unlike the page cache this
holds whether or not the page itself is cached (a staff member's page, a page rendered after a change, a
search), and it only ever holds what every reader sees.

When the cache is unreachable the fragment is built, as if there were no cache.
"""

import logging

from django.core.cache import cache
from django.utils.translation import get_language

from newsroom import pagecache

logger = logging.getLogger(__name__)

# Keys carry the content version, so this only bounds how long an untouched fragment takes room.
FRAGMENT_SECONDS = 60 * 60


def fragment_key(request, name, *vary):
    """The cache key of fragment `name` for `request`'s content version and language, and `vary`."""
    version = pagecache.version_for(request)
    return ":".join(["fragment", name, get_language() or "", version.token, *(str(part) for part in vary)])


def cached(request, name, build, *vary):
    """`build()`'s value for this content version, language and `vary`, built only when not in the cache.

    Without a request (a template rendered outside a view) nothing is cached.
    """
    if request is None:
        return build()
    key = fragment_key(request, name, *vary)
    try:
        value = cache.get(key)
    except Exception as error:  # noqa: BLE001 - the cache is down: build it, as if there were none
        logger.warning("Fragment cache unreachable: %s", error)
        return build()
    if value is None:
        value = build()
        try:
            cache.set(key, value, FRAGMENT_SECONDS)
        except Exception as error:  # noqa: BLE001
            logger.warning("Fragment not stored: the cache is unreachable: %s", error)
    return value
