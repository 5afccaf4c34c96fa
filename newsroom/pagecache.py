"""The full-page cache of the reader site, and the HTTP caching headers of its public pages.

A view wrapped in `public_page()` is the same for every anonymous reader, so:

- its rendered page is kept in the default cache (Redis when REDIS_URL is set, so every worker and server
  shares it; the process's memory otherwise) and served from there to the next anonymous reader;
- it carries `Cache-Control: public` with `s-maxage`, `stale-while-revalidate` and `stale-if-error` for a
  CDN, and an `ETag` and `Last-Modified`; a conditional request that still matches is answered 304 before
  the view runs, whether or not the page is in the cache.

Validity rests on one number, the content version (articles.models.ContentVersion). Saving or deleting
anything that readers see bumps it in the same transaction (`watch()` connects the signals), and a stored
page is served only while the version it was stored under is current; so a publication, an edit, an
unpublication or a correction shows on the next request on every page at once. The version also records
when the site next changes by itself (the earliest scheduled publish time or embargo lift), and the first request after
that moment bumps it: a scheduled article appears at its minute.

With Redis the version is read from Redis alongside the page, in one round trip; otherwise from the
database, which every worker process shares.

Faults: when the cache is unreachable the pages are rendered as if there were no cache, and a change made
meanwhile reaches Redis as soon as it answers again (`_share_version()`, `_mend_after_outage()`). When
the database is unreachable a stored page is served if it is as current as anything the process knows
(`Page.stale_response()`: never an older copy, which could show what was unpublished since), and any
other page is a fast "503 Service Unavailable" (`service_unavailable()` below).

Cookies do not decide who gets the stored page, since anyone can send any cookie: only signed-in staff skip
it, recognised by a marker cookie signed at login and tied to their session cookie (`is_staff_request`), which
costs no database or session-store query. Everyone else is served from the cache, whatever cookies they carry.

Only what the page declares in `query` is kept of the query string, for the key and for the view alike:
tracking parameters (utm_*, fbclid, gclid) and anything else a link may carry never split the cache nor
leak into the page's own links.
"""

import contextlib
import functools
import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.core import signing
from django.core.cache import cache
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse, QueryDict
from django.template import loader
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from newsroom.outages import redis_breaker

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
# Redis keeps the version this long before it reads it again from the database, which is the record:
# the last safety net should a bump fail to reach Redis and the process that made it die before it
# could share it again (see _share_version()).
VERSION_SECONDS = 60
# Headers that the page's view sets and the stored copy keeps (the middleware around it adds the rest
# anew on every response, as it does for a rendered page).
STORED_HEADERS = {"content-type", "x-robots-tag", "link", "content-disposition"}
# The database being unreachable, or a statement cut short by it: a fault of the moment, not a bug.
DATABASE_FAULTS = (OperationalError, InterfaceError)
# The cookie that marks a signed-in staff member's browser, whose pages are rendered for them (is_staff_request).
STAFF_COOKIE = "newsroom_staff"
_STAFF_SALT = "newsroom.pagecache.staff"


def shared():
    """True when the cache is one store for every process (Redis), rather than each process's memory."""
    return "redis" in settings.CACHES["default"]["BACKEND"].lower()


def enabled():
    """False when PAGE_CACHE_SECONDS is 0: pages keep their validators and headers but are not stored."""
    return settings.PAGE_CACHE_SECONDS > 0


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime
    next_change_at: datetime | None = None

    @property
    def token(self):
        """What stored pages and ETags are checked against: the number and the time of the change, so that
        a database restored from a backup (its number set back) never matches a page or ETag from before."""
        return f"{self.number}.{round(self.changed_at.timestamp() * 1000)}"

    def is_due(self, now):
        """True once the site has changed by itself since this version: a scheduled article went live."""
        return self.next_change_at is not None and now >= self.next_change_at


def _next_scheduled_time(now):
    """The next time a page changes by itself: a scheduled publication, an embargo lifting, or a time
    registered with schedule() (a prompt's start or end)."""
    from articles.models import Article

    scheduled = Article.objects.going_live(now).aggregate(next=Min("publish_at")).get("next")
    found = [moment for moment in (scheduled, *(source(now) for source in _schedules)) if moment is not None]
    return min(found) if found else None


_schedules = []


def schedule(next_change):
    """Register `next_change(now)`: the next moment after `now` when something that pages show changes by
    itself (a prompt's start or end date), or None. Pages are refreshed at that moment, as at a scheduled
    publication. Read only when the content version is bumped, never per request."""
    if next_change not in _schedules:
        _schedules.append(next_change)


def _load_version():
    """The version from the database (the record), created on first use."""
    from articles.models import ContentVersion

    row = ContentVersion.objects.filter(pk=1).values_list("number", "changed_at", "next_change_at").first()
    if row is None:
        now = timezone.now()
        row, _created = ContentVersion.objects.get_or_create(
            pk=1, defaults={"changed_at": now, "next_change_at": _next_scheduled_time(now)}
        )
        return Version(row.number, row.changed_at, row.next_change_at)
    return Version(*row)


# What this process knows (outside of any request): the newest version it has seen, for the pages it may
# serve when the database is unreachable, and how many Redis outages it has put right since it started.
_known = {"version": None, "outages_mended": 0}


def _share_version(*, attempts=VERSION_SECONDS):
    """Copy the database's version to Redis, once the change that bumped it is committed.

    Should Redis not answer, other processes would go on reading the old version from it once it is back
    and serve pages from before the change: so the process tries again in the background, twice a second
    (for as long as Redis would keep the old one; each try costs nothing while Redis's breaker is open, and
    the first one after it closes succeeds), and every process that met the outage also
    rereads the version from the database at its first request after it (Page.lookup()).
    """
    if not shared():
        return
    try:
        _write_version(_load_version())
    except Exception as error:  # noqa: BLE001 - Redis down: pages are uncached until it is back, and reread it then
        logger.warning("Content version not shared: the cache is unreachable: %s", error)
        # Tried again soon: while Redis's breaker is open the attempt costs nothing (newsroom/outages.py).
        delay = 0.5
        if attempts >= delay:
            retry = threading.Timer(delay, _share_version_later, kwargs={"attempts": attempts - delay})
            retry.daemon = True
            retry.start()


def _share_version_later(*, attempts):
    try:
        _share_version(attempts=attempts)
    finally:
        connection.close()  # this thread's own connection


def _write_version(version):
    """Put `version` (read from the database) in Redis, and never leave an older one there: should another
    process have committed and shared a newer version between our read and our write, read again and
    write that one (a few times at most; the database is the record, and Redis's copy expires anyway)."""
    for _attempt in range(3):
        cache.set(VERSION_KEY, version, VERSION_SECONDS)
        latest = _load_version()
        if latest.token == version.token:
            return version
        version = latest
    return version


def _mend_after_outage(version):
    """The version to go by: the database's when this process met a Redis outage that it has not put right
    yet (a bump made meanwhile may never have reached Redis), shared with Redis; `version` otherwise."""
    outages = redis_breaker.outages
    if outages == _known["outages_mended"]:
        return version
    version = _settled(None, share=False)
    try:
        version = _write_version(version)
    except Exception as error:  # noqa: BLE001 - gone again: mended at the next request
        logger.warning("Page cache unreachable: %s", error)
        return version
    _known["outages_mended"] = outages
    return version


def content_changed(*, seen=None):
    """Bump the content version: every stored page is out of date from the next request on.

    Runs in the caller's transaction, so the new version becomes visible with the change itself. With
    `seen`, bump only if the version is still that one (several workers noticing the same scheduled
    publication bump it once).
    """
    from articles.models import ContentVersion

    with transaction.atomic():
        # The row lock first: the next scheduled time must be read after any other writer's change that
        # holds it has committed, or that writer's scheduled article would be overlooked.
        locked = ContentVersion.objects.select_for_update().filter(pk=1).values_list("number", flat=True).first()
        if locked is None:
            _load_version()
        elif seen is not None and locked != seen.number:
            return
        now = timezone.now()
        ContentVersion.objects.filter(pk=1).update(
            number=F("number") + 1, changed_at=now, next_change_at=_next_scheduled_time(now)
        )
    transaction.on_commit(_share_version)


def refresh_everything():
    """Every stored page out of date, everywhere: after a restore, or a change made outside the site.
    (content_changed() shares the new version with Redis once it is committed.)"""
    content_changed()


def _on_change(sender, **kwargs):
    if sender in _watched and not kwargs.get("raw"):
        content_changed()


def _on_m2m_change(sender, action, **kwargs):
    if sender in _watched and action in ("post_add", "post_remove", "post_clear"):
        content_changed()


_watched = set()


def watch(*models):
    """Bump the content version whenever one of `models` (or an m2m through model) is saved or deleted."""
    _watched.update(models)
    # Per sender: a receiver for every model would keep Django from deleting other rows (sessions, login
    # records) in bulk.
    for model in models:
        post_save.connect(_on_change, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}")
        m2m_changed.connect(_on_m2m_change, sender=model, dispatch_uid=f"pagecache-m2m-{model._meta.label}")


def _settled(version, *, share):
    """`version` (the database's when None), moved on first if a scheduled article has gone live since.

    Raises a database fault when the database is needed and unreachable.
    """
    from_database = version is None
    if from_database:
        version = _load_version()
    if version.is_due(timezone.now()):
        content_changed(seen=version)
        version = _load_version()
        if version.is_due(timezone.now()):
            # What we were given was behind the database, which is itself due: move it on.
            content_changed()
            version = _load_version()
    elif from_database and share:
        try:
            # add, not set: a bump committed since we read the database has already put a newer one there.
            cache.add(VERSION_KEY, version, VERSION_SECONDS)
        except Exception as error:  # noqa: BLE001 - Redis down: read from the database until it is back
            logger.warning("Page cache unreachable: %s", error)
    return version


def _session_digest(session_key):
    return hashlib.sha256(session_key.encode()).hexdigest()


def staff_marker(session_key):
    """The value of STAFF_COOKIE for the staff session `session_key`: a digest of the key, signed and dated."""
    return signing.TimestampSigner(salt=_STAFF_SALT).sign(_session_digest(session_key))


def is_staff_request(request):
    """True when `request` carries a staff marker signed by this site for the session cookie it also carries.

    Decides only whether the page cache is skipped: the marker opens nothing else (staff pages still check the
    real session). A missing, forged, expired or borrowed marker (without its session cookie) is no marker.
    No database or session-store query: a signature and a digest.
    """
    marker = request.COOKIES.get(STAFF_COOKIE)
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not marker or not session_key:
        return False
    try:
        digest = signing.TimestampSigner(salt=_STAFF_SALT).unsign(marker, max_age=settings.SESSION_COOKIE_AGE)
    except signing.BadSignature:
        return False
    return digest == _session_digest(session_key)


# Signal receivers rather than a login view of our own: the marker is a side effect of signing in wherever it
# happens (the admin's login page today, any other later), and the request these signals carry is the only
# place that knows the new session key. The cookie itself is set on the way out (PageCacheMiddleware).
@receiver(user_logged_in, dispatch_uid="pagecache-staff-login")
def _staff_signed_in(sender, request, user, **kwargs):
    if request is not None and user.is_staff and request.session.session_key:
        request.staff_marker = staff_marker(request.session.session_key)


@receiver(user_logged_out, dispatch_uid="pagecache-staff-logout")
def _staff_signed_out(sender, request, **kwargs):
    if request is not None:
        request.staff_marker = ""


def _set_staff_cookie(request, response):
    marker = getattr(request, "staff_marker", None)
    if marker is None:
        return
    if marker:
        response.set_cookie(
            STAFF_COOKIE,
            marker,
            max_age=None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite=settings.SESSION_COOKIE_SAMESITE,
        )
    else:
        response.delete_cookie(STAFF_COOKIE, samesite=settings.SESSION_COOKIE_SAMESITE)


def version_for(request):
    """The content version that `request`'s page is rendered under: the one the page cache read for it, else
    read now (a staff member's page, a preview) from Redis or the database. Raises a database fault when the
    database is needed and unreachable."""
    page = getattr(request, "public_page", None) if request is not None else None
    if page is not None and page.version is not None:
        return page.version
    found = None
    works = shared()
    if works:
        try:
            found = cache.get(VERSION_KEY)
        except Exception as error:  # noqa: BLE001 - Redis down: read from the database until it is back
            logger.warning("Page cache unreachable: %s", error)
            works = False
    version = _settled(found, share=works)
    if page is not None:
        page.version = version
    return version


@dataclass(frozen=True)
class StoredPage:
    version: str
    status: int
    headers: tuple
    content: bytes

    def response(self, request):
        response = HttpResponse(b"" if request.method == "HEAD" else self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        if request.method == "HEAD":
            response["Content-Length"] = str(len(self.content))
        return response


def public_page(view=None, *, query=(), cdn_seconds=None):
    """Mark `view` as a public page: the same for every anonymous reader, cached and cacheable.

    `query` names the query-string parameters the page depends on (e.g. "page"); the view sees no others.
    `cdn_seconds` is the page's own s-maxage (a name of a setting), for pages that must reach readers
    behind a CDN sooner than CDN_CACHE_SECONDS allows.
    """

    def decorate(view):
        @functools.wraps(view)
        def public_view(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        public_view.page_query = frozenset(query)
        public_view.page_cdn_seconds = cdn_seconds
        return public_view

    return decorate(view) if view is not None else decorate


class Page:
    """One request for a public page: its cache key, its version and validators, and how it is answered."""

    def __init__(self, request, query_names, cdn_seconds=None):
        self.request = request
        self.cdn_seconds = cdn_seconds
        kept = [(name, value) for name, values in request.GET.lists() if name in query_names for value in values]
        # The view and its template see only what the key holds, in the order the address gave it.
        request.META["QUERY_STRING"] = urlencode(kept)
        request.GET = QueryDict(request.META["QUERY_STRING"])
        # The key: the same parameters in any order are the same page.
        # (by name only, stable: repeated values keep their order, and the view reads the last one).
        ordered = sorted(kept, key=lambda pair: pair[0])
        address = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(ordered)}"
        self.digest = hashlib.sha256(address.encode()).hexdigest()
        self.key = f"page:{self.digest}"
        # Staff browsing the site see it as they are signed in: their pages are theirs alone. Anyone else is an
        # anonymous reader here, whatever cookies they send.
        self.anonymous = not is_staff_request(request)
        self.version = None
        self.shared_version = None
        self.stored = None
        self.cache_works = True

    def lookup(self):
        """Read the version and the stored page: from Redis in one round trip when it is the cache."""
        keys = ([VERSION_KEY] if shared() else []) + ([self.key] if enabled() else [])
        found = {}
        try:
            found = cache.get_many(keys)
        except Exception as error:  # noqa: BLE001 - the cache is down: render as if there were none
            logger.warning("Page cache unreachable: %s", error)
            self.cache_works = False
        self.stored = found.get(self.key)
        self.shared_version = found.get(VERSION_KEY)
        if shared() and self.cache_works:
            self.version = _mend_after_outage(self.shared_version)
            self.version = _settled(self.version, share=True)
        else:
            self.version = _settled(self.shared_version, share=False)
        _known["version"] = self.version

    @property
    def etag(self):
        return f'W/"{self.version.token}-{self.digest[:20]}"'

    @property
    def last_modified(self):
        # Whole seconds, as HTTP dates have them (a reader's If-Modified-Since is compared with it).
        return int(self.version.changed_at.timestamp())

    def respond_early(self):
        """The answer when the view need not run: 304 when the reader's copy is current, else the stored page."""
        not_modified = get_conditional_response(self.request, etag=self.etag, last_modified=self.last_modified)
        # Only a 304 is everyone's answer; a 412 (If-Match) is left to the view.
        if not_modified is not None and not_modified.status_code == 304:
            return self.label(not_modified)
        if self.stored is not None and self.stored.version == self.version.token:
            return self.label(self.stored.response(self.request), "HIT")
        return None

    def stale_response(self):
        """The stored page when it cannot be rendered anew (the database is unreachable), if it is as
        current as what is known: stored under the version Redis holds or, without Redis, the newest this
        process has seen. An older copy is never served, for it may show what has since been unpublished,
        deleted or corrected."""
        if shared():
            # Only what Redis vouches for: every process's bumps reach it, while one process's memory may
            # predate a change made through another. Kept alive while the database is away (no change can
            # be made meanwhile), so that what it vouches for does not expire with the outage.
            newest = self.version or self.shared_version
            if self.shared_version is not None:
                with contextlib.suppress(Exception):
                    cache.touch(VERSION_KEY, VERSION_SECONDS)
        else:
            newest = self.version or _known["version"]
        if self.stored is None or newest is None or self.stored.version != newest.token:
            return None
        response = self.stored.response(self.request)
        patch_cache_control(
            response, public=True, max_age=0, s_maxage=0, stale_if_error=settings.CDN_STALE_IF_ERROR_SECONDS
        )
        response["X-Cache"] = "STALE"
        return response

    def label(self, response, outcome=None):
        """Validators and caching headers of a public page."""
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        patch_cache_control(
            response,
            public=True,
            # Browsers check back every time (a cheap 304); a CDN keeps the page for s-maxage.
            max_age=0,
            s_maxage=getattr(settings, self.cdn_seconds or "CDN_CACHE_SECONDS"),
            stale_while_revalidate=settings.CDN_STALE_WHILE_REVALIDATE_SECONDS,
            stale_if_error=settings.CDN_STALE_IF_ERROR_SECONDS,
        )
        if outcome:
            response["X-Cache"] = outcome
        return response

    def finish(self, response):
        """Headers for the rendered page, and keep it for the next reader when it is the same for everyone."""
        if not self.anonymous:
            patch_cache_control(response, private=True, no_cache=True)
            return response
        if response.status_code != 200 or response.streaming or not _same_for_everyone(self.request, response):
            return response
        store = enabled() and self.cache_works
        if store:
            page = StoredPage(
                version=self.version.token,
                status=response.status_code,
                headers=tuple((name, value) for name, value in response.items() if name.lower() in STORED_HEADERS),
                content=response.content,
            )
            try:
                cache.set(self.key, page, settings.PAGE_CACHE_SECONDS)
            except Exception as error:  # noqa: BLE001
                logger.warning("Page not stored: the cache is unreachable: %s", error)
                store = False
        return self.label(response, "MISS" if store else None)


def _same_for_everyone(request, response):
    """False when the view made the page personal: it read the session or the CSRF token, sets a cookie,
    varies on one, or forbids caching."""
    session = getattr(request, "session", None)
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or (session is not None and session.accessed):
        return False
    if "cookie" in response.get("Vary", "").lower():
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serves and stores public pages (see the module's docstring). The innermost middleware, so that what
    it stores is the view's own response and every other middleware treats a stored page as a rendered one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page = getattr(request, "public_page", None)
        if page is not None and not getattr(response, "from_page_cache", False):
            response = page.finish(response)
        _set_staff_cookie(request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        query_names = getattr(view_func, "page_query", None)
        if query_names is None or request.method not in ("GET", "HEAD"):
            return None
        page = request.public_page = Page(request, query_names, getattr(view_func, "page_cdn_seconds", None))
        if not page.anonymous:
            return None
        try:
            page.lookup()
        except DATABASE_FAULTS:
            logger.warning("Database unreachable: serving %r from the page cache if it is there.", request.path)
            return _mark(page.stale_response())
        return _mark(page.respond_early())

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_FAULTS):
            return None
        logger.error("Database unreachable while answering %r.", request.path, exc_info=exception)
        page = getattr(request, "public_page", None)
        stale = page.stale_response() if page is not None else None
        return _mark(stale) or service_unavailable(request)


def _mark(response):
    if response is not None:
        response.from_page_cache = True
    return response


def service_unavailable(request):
    """The 503 page: a fault of the moment, said plainly, rendered with no database."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "30"
    patch_cache_control(response, no_store=True)
    return response
