"""Newsroom settings, read from the environment.

Development defaults are safe: DEBUG is off unless asked for, and with DEBUG off the site refuses to
start without a real SECRET_KEY and ALLOWED_HOSTS. See docs/configuration.md for every variable.
"""

import zoneinfo
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from newsroom.env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)


def _secret_key():
    key = env_str("SECRET_KEY")
    if not DEBUG:
        if not key:
            raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
        if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-"):
            raise ImproperlyConfigured(
                "SECRET_KEY must be a long random value (50 characters or more) when DEBUG is off, e.g. "
                "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
            )
    if key:
        return key
    # In development, keep one random key per checkout so that logins survive restarts of the
    # development server, without ever shipping a literal secret.
    key_file = BASE_DIR / ".secret_key"
    if not key_file.exists():
        key_file.write_text(get_random_secret_key())
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public name of the newsroom, used in page titles, the "<Newsroom> Analysis" heading,
# the republishing notice and feeds.
NEWSROOM_NAME = env_str("NEWSROOM_NAME", "Newsroom")
# The canonical origin of the public site (no trailing slash), for feeds, sitemaps and republished HTML.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
if not DEBUG and not SITE_URL.startswith(("http://", "https://")):
    # Canonical links, feeds, sitemaps and republished HTML would otherwise point at the wrong host.
    raise ImproperlyConfigured("SITE_URL must be set to the public origin (https://…) when DEBUG is off.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    # For the templates of its sitemap views.
    "django.contrib.sitemaps",
    "taggit",
    # Every saved version of an article, with who saved it, and restoring one.
    "simple_history",
    # The rich-text editor of the article admin, shipped as static files (no CDN).
    "django_prose_editor",
    "articles",
    "donations",
    # Counts failed admin logins and locks a client out before any password is checked.
    "axes",
]

MIDDLEWARE = [
    # First, so that every response carries the policy, static files and error pages included.
    "newsroom.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "newsroom.middleware.LocaleMiddleware",
    # The old site's addresses (a WordPress import's permalinks, /?p=123, category and tag pages): 301s.
    "articles.middleware.LegacyAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication: records the signed-in user as the author of each saved article version.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Turns a refused (locked-out) admin login into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Innermost: stores and serves the views' own responses for anonymous readers (newsroom/pagecache.py).
    "newsroom.pagecache.PageCacheMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "newsroom.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# SQLite next to the code by default, so a fresh machine needs nothing else; PostgreSQL in production.
# Connections are kept for DATABASE_CONN_MAX_AGE seconds and checked before each reuse, so a restarted
# database costs one reconnection, not an error.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A database that stops answering (packets dropped, not refused) must cost a request a short wait, not
# the operating system's minutes: the connection attempt, each exchange and each statement are bounded,
# idle connections are probed, and for DATABASE_RETRY_SECONDS after a failed connection each process
# answers at once (from the page cache, or with the 503 page) instead of trying again (newsroom/outages.py).
DATABASE_RETRY_SECONDS = env_float("DATABASE_RETRY_SECONDS", 5)
# The translation index's extra columns (INCLUDE) are PostgreSQL's; SQLite builds it without them, as it
# says on every command unless told that this is known.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "newsroom.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=env_int("DATABASE_CONNECT_TIMEOUT", 3),
        # Data sent and not acknowledged for this long ends the connection (a query to a vanished server).
        tcp_user_timeout=round(env_float("DATABASE_TCP_USER_TIMEOUT", 3) * 1000),
        # An idle connection is probed after 10 s, every 2 s, and given up after 3 missed answers.
        keepalives=1,
        keepalives_idle=10,
        keepalives_interval=2,
        keepalives_count=3,
    )
    # The web server (gunicorn.conf.py) sets a statement timeout below its worker timeout; management
    # commands (migrations, imports, backups) run without one.
    if _statement_timeout := env_float("DATABASE_STATEMENT_TIMEOUT", 0):
        _options = DATABASES["default"]["OPTIONS"]
        # Added to any `options` the DATABASE_URL gives (a search_path, say), not in their place.
        _options["options"] = (
            f"{_options.get('options', '')} -c statement_timeout={round(_statement_timeout * 1000)}".strip()
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One shared cache for every worker and server when REDIS_URL is set; per-process memory otherwise. It holds
# the full-page cache, its content version and the reader forms' rate limits.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    # An unreachable Redis costs a request at most this long before the site goes on without it, and then
    # each process leaves it alone for REDIS_RETRY_SECONDS (newsroom/outages.py): pages are rendered
    # uncached and the reader forms wait, at full speed, until it answers again.
    _redis_timeout = env_float("REDIS_SOCKET_TIMEOUT", 1)
    CACHES = {
        "default": {
            "BACKEND": "newsroom.outages.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
            "OPTIONS": {
                "socket_connect_timeout": _redis_timeout,
                "socket_timeout": _redis_timeout,
                "socket_keepalive": True,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
            # Room for the hot pages of a busy day in each process.
            "OPTIONS": {"MAX_ENTRIES": 1000},
        }
    }

REDIS_RETRY_SECONDS = env_float("REDIS_RETRY_SECONDS", 2)

# The full-page cache of anonymous readers' pages (newsroom/pagecache.py). A change to content replaces a
# stored page at once; PAGE_CACHE_SECONDS only bounds how long an untouched page is kept. 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# What public pages tell a CDN: keep a page CDN_CACHE_SECONDS (s-maxage; a publication reaches readers
# behind the CDN within that), serve it stale while fetching a fresh one, and serve it stale for a day
# if the site is down. Browsers revalidate every time, with ETag and Last-Modified (a 304 costs no rendering).
CDN_CACHE_SECONDS = env_int("CDN_CACHE_SECONDS", 60)
CDN_STALE_WHILE_REVALIDATE_SECONDS = env_int("CDN_STALE_WHILE_REVALIDATE_SECONDS", 60)
CDN_STALE_IF_ERROR_SECONDS = env_int("CDN_STALE_IF_ERROR_SECONDS", 24 * 60 * 60)
# Live stories (articles/views/live.py): how often a reader's page asks for new updates, and how long a CDN may
# keep the answer (short, so that an update reaches readers behind a CDN within seconds, not a minute).
LIVE_POLL_SECONDS = env_int("LIVE_POLL_SECONDS", 30)
LIVE_CDN_CACHE_SECONDS = env_int("LIVE_CDN_CACHE_SECONDS", 10)

# The lockout check comes first, so a locked-out attempt never reaches the password hasher.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalization: English without a URL prefix, Spanish under /es/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The newsroom's time zone: the admin shows and takes times in it, and readers see dates in it (feeds,
# sitemaps and datetime attributes carry absolute times with their offset). Stored times are UTC.
TIME_ZONE = env_str("NEWSROOM_TIME_ZONE") or env_str("TIME_ZONE", "UTC")
try:
    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError) as error:
    raise ImproperlyConfigured(
        f"NEWSROOM_TIME_ZONE {TIME_ZONE!r} is not a time zone name such as America/Bogota."
    ) from error
USE_I18N = True
# Dates as each language's readers expect them (newsroom/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["newsroom.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

# Uploaded images live on local disk (MEDIA_ROOT) unless S3_BUCKET names a bucket on S3 or any S3-compatible
# object storage (MinIO, Cloudflare R2, DigitalOcean Spaces, Backblaze B2), which every app server shares.
# Credentials may also come from the usual AWS sources (an instance role, AWS_* variables).
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    _s3_custom_domain = env_str("S3_CUSTOM_DOMAIN")
    _s3_endpoint = env_str("S3_ENDPOINT_URL").rstrip("/")
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _s3_endpoint or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
            # Images are public: plain, cacheable addresses rather than signed ones that expire.
            "querystring_auth": False,
            "custom_domain": _s3_custom_domain or None,
            # Never replace a stored file: a second upload of "photo.jpg" gets a name of its own.
            "file_overwrite": False,
            # Names carry a random part when they clash, and renditions never change once written.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    if _s3_custom_domain:
        _default_media_url = f"https://{_s3_custom_domain}/"
    elif _s3_endpoint:
        _default_media_url = f"{_s3_endpoint}/{S3_BUCKET}/"
    else:
        _default_media_url = f"https://{S3_BUCKET}.s3.amazonaws.com/"
    MEDIA_URL = env_str("MEDIA_URL", _default_media_url)
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MEDIA_URL = env_str("MEDIA_URL", "/media/")

STORAGES = {
    "default": _media_storage,
    # Hashed, compressed file names in production so they can be cached forever; plain in development.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Email: printed to the console in development, SMTP in production.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
# Seconds before a mail server that does not answer is given up on (the desk's e-mails are sent while
# an editor waits for the page).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Admins", address) for address in env_list("ADMIN_EMAILS")]

# Behind a TLS-terminating proxy or load balancer, trust its X-Forwarded-Proto header.
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Production hardening, on whenever DEBUG is off; each can be turned off for a plain-HTTP test server.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Sessions (admin only) and the CSRF cookie are never readable from JavaScript: forms carry the CSRF
# token in the page.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# The admin's address inside each language (/<ADMIN_PATH>, /es/<ADMIN_PATH>); a less guessable one keeps
# scanners off the login page. Always ends with a slash.
ADMIN_PATH = env_str("ADMIN_PATH", "admin/").strip("/") + "/"
if ADMIN_PATH == "/":
    raise ImproperlyConfigured("ADMIN_PATH must not be empty.")


def _origin(url):
    """The scheme and host of an absolute URL ("https://cdn.example"), or "" for a path."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# The body blocks of the admin's rich-text editor (articles/static/articles/admin/blocks.js; see
# articles/forms.py). The sanitizer is articles/sanitizer.py, not the editor's, so nothing is listed here.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/admin/blocks.js")],
        "extensions": {
            name: html_tags([]) for name in ("LibraryFigure", "Embed", "PullQuote", "SeeAlso", "TableLabels")
        },
    }
]

# Content-Security-Policy of every reader page (newsroom.middleware.ContentSecurityPolicyMiddleware):
# scripts only from our own static files, never inline; images also from MEDIA_URL and STATIC_URL
# when they are another origin (object storage, CDN). JSON-LD blocks are data, not scripts, and are unaffected.
_asset_origins = sorted({origin for origin in (_origin(MEDIA_URL), _origin(STATIC_URL)) if origin})
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", *_asset_origins],
    "style-src": ["'self'", *_asset_origins],
    "img-src": ["'self'", "data:", *_asset_origins],
    "font-src": ["'self'", *_asset_origins],
    "connect-src": ["'self'"],
    # Embeds in articles load, once the reader asks for them, only from the allow-listed providers'
    # player hosts (articles/embeds.py FRAME_HOSTS; a test keeps the two lists equal).
    "frame-src": [
        "https://datawrapper.dwcdn.net",
        "https://embed.documentcloud.org",
        "https://flo.uri.sh",
        "https://platform.twitter.com",
        "https://player.vimeo.com",
        "https://w.soundcloud.com",
        "https://www.instagram.com",
        "https://www.youtube-nocookie.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    # The donate form may send the donor on to Stripe's payment page, and a monthly donor's page on to
    # Stripe's customer portal.
    "form-action": ["'self'", "https://checkout.stripe.com", "https://billing.stripe.com"],
    "frame-ancestors": ["'none'"],
}
# The admin's policy: the same, but its rich-text editor needs an inline import map and inline styles.
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY,
    "script-src": [*CONTENT_SECURITY_POLICY["script-src"], "'unsafe-inline'"],
    "style-src": [*CONTENT_SECURITY_POLICY["style-src"], "'unsafe-inline'"],
    "img-src": [*CONTENT_SECURITY_POLICY["img-src"], "blob:"],
    "form-action": ["'self'"],
}

# Request size limits. Ordinary form posts (articles with long bodies, the admin's bulk actions) fit well
# inside 5 MB of non-file data; an upload is streamed to a temporary file above 5 MB, and its own ceiling
# is IMAGE_MAX_BYTES, checked by the image form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Enough for the admin's largest form (an article with its inlines) and a changelist of 100 selected rows.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Admin login brute-force protection: after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is locked out for AXES_COOLOFF_MINUTES, before any password is checked.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# The same client address as the rate limits (trusting TRUSTED_PROXY_COUNT proxies).
AXES_CLIENT_IP_CALLABLE = "donations.protection.client_ip"

# Tags compare case-insensitively, so "Extortion" and "extortion" are one tag.
TAGGIT_CASE_INSENSITIVE = True
# ASCII tag slugs ("extorsión" -> /es/tags/extorsion/), so every tag has a plain, typeable address.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Django's own loggers print once, through the root's handler (not also through Django's default one).
    "loggers": {"django": {"handlers": [], "level": env_str("LOG_LEVEL", "INFO"), "propagate": True}},
}

# The section that holds the organization's own news, shown as "About <Newsroom>" on article pages.
NEWSROOM_ORGANIZATION_SECTION = env_str("NEWSROOM_ORGANIZATION_SECTION", "organization")

# Uploaded images: the largest file and picture accepted. The pixel limit is checked from the file's
# header before anything is decoded, so a small file that would unpack into gigabytes is refused.
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 20 * 1024 * 1024)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 50_000_000)
# Uploads are stored at most this wide or tall (renditions go up to 1,200 px, twice that for sharp screens;
# WordPress scales large uploads down to the same size), and a JPEG is decoded
# straight at about that size, so a huge picture costs little memory.
IMAGE_MAX_SIDE = env_int("IMAGE_MAX_SIDE", 2560)
# PNG and WebP pictures can only be decoded whole: above this many pixels (about 100 MB decoded) they
# are refused before decoding.
IMAGE_MAX_DECODED_PIXELS = env_int("IMAGE_MAX_DECODED_PIXELS", 24_000_000)

# Checks before publishing (articles/checks.py): the sections whose articles the newsroom publishes in both
# languages, by slug ("*" for all); publishing one without its translation asks the editor to confirm.
TRANSLATION_REQUIRED_SECTIONS = env_list("TRANSLATION_REQUIRED_SECTIONS")
# The desk on the admin's home page (articles/desk.py): a draft untouched this many days is stale, and
# "recently published" reaches back this many days.
DESK_STALE_DRAFT_DAYS = env_int("DESK_STALE_DRAFT_DAYS", 14)
DESK_RECENT_DAYS = env_int("DESK_RECENT_DAYS", 3)

# Preview links for people without an account: how long a new one lasts, and the most it may.
PREVIEW_LINK_DAYS = env_int("PREVIEW_LINK_DAYS", 7)
PREVIEW_LINK_MAX_DAYS = env_int("PREVIEW_LINK_MAX_DAYS", 30)

# Donations, helpful votes and reader comments (docs/donations.md explains each setting).
# Country names for the donate form, translated into the reader's language.
INSTALLED_APPS += ["django_countries"]

# Currencies a donor may give in, the first one being the default. For each: the suggested amounts of
# each frequency, the smallest and largest gift the form takes (a floor keeps card testers' tiny probes
# out, a ceiling catches 50000 typed for 50.00), and below what amount a gift counts as "small" for the
# card-testing limits.
DONATION_CURRENCIES = {
    "USD": {"one-time": [25, 50, 100, 250], "monthly": [5, 10, 20, 50], "min": 2, "max": 25000, "small": 5},
    "EUR": {"one-time": [25, 50, 100, 250], "monthly": [5, 10, 20, 50], "min": 2, "max": 25000, "small": 5},
    "MXN": {
        "one-time": [300, 500, 1000, 2500],
        "monthly": [100, 200, 400, 1000],
        "min": 40,
        "max": 500000,
        "small": 100,
    },
}
# "pledge": the gift is recorded and staff follow up. "stripe": donors pay on Stripe Checkout.
DONATION_PROVIDER = env_str("DONATION_PROVIDER", "pledge")
# Stripe keys come from the environment only (test-mode keys start with sk_test_ / pk_test_).
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env_str("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
# Webhook deliveries signed longer ago than this many seconds are refused as replays.
STRIPE_WEBHOOK_TOLERANCE = env_int("STRIPE_WEBHOOK_TOLERANCE", 300)
# Another address for Stripe's API (a local mock server); empty means Stripe's own.
STRIPE_API_BASE = env_str("STRIPE_API_BASE")
# A donor waits on these calls, so a Stripe that does not answer costs seconds, not the library's minute
# and more: connecting, then waiting for the answer, each bounded; retries (safe, every call carries an
# idempotency key) multiply the wait, so by default the donor retries, with the "Continue to payment"
# button of the saved gift. The whole budget must leave the worker well inside its gunicorn timeout.
STRIPE_CONNECT_TIMEOUT_SECONDS = env_float("STRIPE_CONNECT_TIMEOUT_SECONDS", 2)
STRIPE_TIMEOUT_SECONDS = env_float("STRIPE_TIMEOUT_SECONDS", 5)
STRIPE_MAX_NETWORK_RETRIES = env_int("STRIPE_MAX_NETWORK_RETRIES", 0)
# The stripe library waits up to 5 s before each retry.
STRIPE_WORST_WAIT_SECONDS = (STRIPE_MAX_NETWORK_RETRIES + 1) * (
    STRIPE_CONNECT_TIMEOUT_SECONDS + STRIPE_TIMEOUT_SECONDS
) + 5 * STRIPE_MAX_NETWORK_RETRIES
_WORKER_TIMEOUT = env_int("GUNICORN_TIMEOUT", 30)
if STRIPE_WORST_WAIT_SECONDS > _WORKER_TIMEOUT / 2:  # noqa: SIM300 - the budget is the subject
    raise ImproperlyConfigured(
        f"STRIPE_CONNECT_TIMEOUT_SECONDS, STRIPE_TIMEOUT_SECONDS and STRIPE_MAX_NETWORK_RETRIES let a donor wait "
        f"{STRIPE_WORST_WAIT_SECONDS:g} s for Stripe, more than half of GUNICORN_TIMEOUT: lower them."
    )
# The customer portal configuration (bpc_…) that monthly donors manage their gift with; empty means the
# account's default one (set in Stripe's dashboard: docs/donations.md says how).
STRIPE_PORTAL_CONFIGURATION = env_str("STRIPE_PORTAL_CONFIGURATION")
# The Stripe product (prod_…) that monthly gifts are sold under, so that the customer portal can offer
# donors its other monthly prices (a new amount); empty makes a product per gift, and the portal then
# lets donors update their card and cancel, not change the amount.
STRIPE_MONTHLY_PRODUCT = env_str("STRIPE_MONTHLY_PRODUCT")
# How long the e-mailed link to manage a monthly gift works: it opens the donor's customer portal, where
# their card and address are, so it should not outlive the donor's need for it.
MONTHLY_GIFT_LINK_MAX_AGE_HOURS = env_int("MONTHLY_GIFT_LINK_MAX_AGE_HOURS", 72)
if DONATION_PROVIDER not in ("pledge", "stripe"):
    raise ImproperlyConfigured("DONATION_PROVIDER must be 'pledge' or 'stripe'.")
if DONATION_PROVIDER == "stripe" and not (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET):
    raise ImproperlyConfigured("DONATION_PROVIDER=stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.")

# Machine translation for the Translate action (articles/machine_translation.py): off unless set to "deepl".
# Its output is always marked for review and cannot be published until a person has read it.
MACHINE_TRANSLATION_PROVIDER = env_str("MACHINE_TRANSLATION_PROVIDER").strip().lower()
DEEPL_API_KEY = env_str("DEEPL_API_KEY")
# Free-plan keys end in ":fx" and have their own endpoint.
DEEPL_API_URL = env_str(
    "DEEPL_API_URL", "https://api-free.deepl.com" if DEEPL_API_KEY.endswith(":fx") else "https://api.deepl.com"
)
# An editor waits on each request: fail in seconds and go on without machine text.
MACHINE_TRANSLATION_TIMEOUT_SECONDS = env_float("MACHINE_TRANSLATION_TIMEOUT_SECONDS", 10)
if MACHINE_TRANSLATION_PROVIDER not in ("", "deepl"):
    raise ImproperlyConfigured("MACHINE_TRANSLATION_PROVIDER must be empty or 'deepl'.")
if MACHINE_TRANSLATION_PROVIDER == "deepl" and not DEEPL_API_KEY:
    raise ImproperlyConfigured("MACHINE_TRANSLATION_PROVIDER=deepl needs DEEPL_API_KEY.")

# Reader forms (donate, comments) refuse submissions sent sooner than this after the form was shown
# (bots fill forms in milliseconds) or later than READER_FORM_MAX_AGE_SECONDS (the donor is asked to send again).
READER_FORM_MIN_SECONDS = env_int("READER_FORM_MIN_SECONDS", 3)
READER_FORM_MAX_AGE_SECONDS = env_int("READER_FORM_MAX_AGE_SECONDS", 2 * 24 * 60 * 60)
# Per-client limits ("count/period", period s, m, h or d), counted in the default cache, so they hold across
# every worker and server when REDIS_URL is set. "donate-small" and "donate-small-all" stop card testing: a
# burst of small gifts from one client, or from everyone at once.
READER_RATE_LIMITS = {
    "donate": "20/h",
    "donate-small": "3/h",
    "donate-small-all": "30/h",
    "comment": "10/h",
    "helpful": "60/h",
    "republished": "600/h",
    # Newsletter signups: per client, and from everyone at once (a cap on the confirmation mails that a
    # flood of made-up signups could make us send, which would hurt the mail server's reputation).
    "newsletter": "10/h",
    "newsletter-all": "300/h",
    # The prompts' view pixel and click redirect, per client (over it, served but not counted).
    "prompt": "300/h",
    # "Manage your monthly gift": links asked per client, and e-mailed to one address (whoever asks).
    "manage-gift": "10/h",
    "manage-gift-email": "3/h",
}
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", default=True)
# The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address they saw in
# X-Forwarded-For (never the leftmost one, which the client writes itself).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
RATELIMIT_IP_META_KEY = "donations.protection.client_ip"

# Newsletters (docs/donations.md). Subscribers live in our database; with NEWSLETTER_PROVIDER set they are
# mirrored to that e-mail service after every change ("" keeps them here only; "buttondown" is implemented).
NEWSLETTER_PROVIDER = env_str("NEWSLETTER_PROVIDER", "")
BUTTONDOWN_API_KEY = env_str("BUTTONDOWN_API_KEY")
BUTTONDOWN_API_BASE = env_str("BUTTONDOWN_API_BASE", "https://api.buttondown.com/v1")
# A reader who confirms or unsubscribes waits on this call (after the change is committed), and a failed one
# is retried later by retry_newsletter_sync: so it is short. It bounds the connection and each wait for data,
# so a service that does not answer costs at most about twice as long.
NEWSLETTER_PROVIDER_TIMEOUT_SECONDS = env_float("NEWSLETTER_PROVIDER_TIMEOUT_SECONDS", 4)
if 2 * NEWSLETTER_PROVIDER_TIMEOUT_SECONDS > _WORKER_TIMEOUT / 2:
    raise ImproperlyConfigured("NEWSLETTER_PROVIDER_TIMEOUT_SECONDS must be under a quarter of GUNICORN_TIMEOUT.")
if NEWSLETTER_PROVIDER not in ("", "buttondown"):
    raise ImproperlyConfigured("NEWSLETTER_PROVIDER must be empty or 'buttondown'.")
if NEWSLETTER_PROVIDER == "buttondown" and not BUTTONDOWN_API_KEY:
    raise ImproperlyConfigured("NEWSLETTER_PROVIDER=buttondown needs BUTTONDOWN_API_KEY.")
# How long a confirmation link works, and how soon a repeated signup may mail another one.
NEWSLETTER_CONFIRMATION_MAX_AGE_SECONDS = env_int("NEWSLETTER_CONFIRMATION_MAX_AGE_SECONDS", 7 * 24 * 60 * 60)
NEWSLETTER_CONFIRMATION_RESEND_SECONDS = env_int("NEWSLETTER_CONFIRMATION_RESEND_SECONDS", 15 * 60)
# A reader's views or clicks of one prompt count once within this window.
PROMPT_COUNT_WINDOW_SECONDS = env_int("PROMPT_COUNT_WINDOW_SECONDS", 30 * 60)
