"""Security hardening, through HTTP: headers and cookie flags, the admin login's brute-force lockout,
the admin's address, request size limits, hostile query strings and spoofed hosts."""

import re
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import hashers
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from tests.factories import make_article, make_author, make_country, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def csp(response):
    return {
        part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";") if part.strip()
    }


# -- Headers and cookies ------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/es/", "/search/?q=x", "/no-such-page/", "/sitemap.xml", "/robots.txt"])
def test_reader_responses_carry_the_security_headers(client, url):
    response = client.get(url)
    policy = csp(response)
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_reader_pages_have_no_inline_scripts_or_event_handlers(client):
    article = make_article(authors=[make_author()], countries=[make_country()])
    for url in ["/", article.get_absolute_url(), reverse("donations:donate")]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<script\b[^>]*>", html):
            # Data blocks (JSON-LD, a form's settings) are never executed, so the policy leaves them alone.
            data = 'type="application/ld+json"' in tag or 'type="application/json"' in tag
            assert "src=" in tag or data, f"inline script on {url}: {tag}"
        assert not re.search(r"<[^>]+\son[a-z]+=", html), f"inline event handler on {url}"


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_only_the_admin_allows_inline_scripts(admin_client, prefix):
    response = admin_client.get(f"{prefix}/admin/")
    assert response.status_code == 200
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_login_page_carries_the_admin_policy(client):
    response = client.get(reverse("admin:login"))
    assert "Content-Security-Policy" in response


def test_https_settings_when_debug_is_off():
    # Production defaults (DEBUG off); the test settings only switch the HTTPS redirect off.
    assert settings.SECURE_HSTS_SECONDS >= 60 * 60 * 24 * 365
    assert settings.SECURE_HSTS_INCLUDE_SUBDOMAINS
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


@override_settings(SECURE_SSL_REDIRECT=True)
def test_hsts_on_https_and_redirect_from_http(client):
    assert client.get("/").status_code == 301
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_admin_cookies_are_secure_and_httponly(client):
    make_user(is_staff=True)
    response = client.get(reverse("admin:login"))
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["httponly"] and csrf["secure"] and csrf["samesite"] == "Lax"
    response = client.post(
        reverse("admin:login"),
        {"username": "staff", "password": PASSWORD, "csrfmiddlewaretoken": csrf.value},
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] and session["secure"]


@override_settings(SECURE_SSL_REDIRECT=True)  # the production default, off in the test settings only
def test_check_deploy_is_clean(monkeypatch):
    # Set for the browser tests of this same run (tests/browser/conftest.py); never in a deployment.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    call_command("check", "--deploy", "--fail-level", "WARNING")


# -- Admin login brute force --------------------------------------------------------------------------------


def login(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def test_lockout_after_too_many_wrong_passwords(client):
    make_user(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "staff", "wrong").status_code == 200
    assert login(client, "staff", "wrong").status_code == 429
    response = login(client, "staff", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Too many sign-in attempts" in response.content.decode()
    assert 'name="robots" content="noindex"' in response.content.decode()


def hasher_calls():
    """Counts every password check and hash computed for a login (the user model's own imports)."""
    check = mock.patch("django.contrib.auth.base_user.check_password", wraps=hashers.check_password)
    make = mock.patch("django.contrib.auth.base_user.make_password", wraps=hashers.make_password)
    return check, make


def test_a_locked_out_attempt_never_reaches_the_password_hasher(client):
    make_user(is_staff=True)
    check_patch, make_patch = hasher_calls()
    with check_patch as check, make_patch as make:
        login(client, "staff", "wrong")
        assert check.call_count == 1  # the count works: an ordinary attempt is checked
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            login(client, "staff", "wrong")
        check.reset_mock()
        make.reset_mock()
        assert login(client, "staff", PASSWORD).status_code == 429
        assert login(client, "nobody", "wrong").status_code == 200  # unknown names still cost a hash
        assert check.call_count == 0 and make.call_count == 1


def test_the_lockout_is_per_username_and_address(client):
    make_user(is_staff=True)
    make_user("other", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, "staff", "wrong")
    assert login(client, "other", PASSWORD).status_code == 302
    client.logout()
    other_address = client.post(
        reverse("admin:login"), {"username": "staff", "password": PASSWORD}, REMOTE_ADDR="10.0.0.9"
    )
    assert other_address.status_code == 302


def test_success_resets_the_count(client):
    make_user(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "staff", "wrong")
    assert login(client, "staff", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "staff", "wrong").status_code == 200
    assert login(client, "staff", PASSWORD).status_code == 302


def test_unknown_username_and_wrong_password_look_the_same(client):
    make_user(is_staff=True)

    def page(username):
        response = login(client, username, "wrong")
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
        return response.status_code, html.replace(f'value="{username}"', "")

    assert page("staff") == page("nobody")


def test_lockout_page_in_spanish(client):
    make_user(is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/es/admin/login/", {"username": "staff", "password": "wrong"})
    assert response.status_code == 429
    assert "Demasiados intentos" in response.content.decode()


# -- Admin address --------------------------------------------------------------------------------------------


def test_admin_path_is_configurable():
    from importlib import reload

    from django.urls import clear_url_caches

    import newsroom.urls

    try:
        with override_settings(ADMIN_PATH="desk-7f3/"):
            reload(newsroom.urls)
            clear_url_caches()
            assert reverse("admin:index", urlconf=newsroom.urls) == "/desk-7f3/"
    finally:
        reload(newsroom.urls)
        clear_url_caches()
    assert reverse("admin:index") == "/admin/"


# -- Request size limits --------------------------------------------------------------------------------------


def test_request_size_limits_are_set_and_fit_image_uploads():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE and settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    # Files above this go to a temporary file instead of memory; the upload ceiling is IMAGE_MAX_BYTES.
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.IMAGE_MAX_BYTES


def test_too_many_fields_is_refused_not_a_crash(admin_client):
    fields = {f"f{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert admin_client.post(reverse("admin:articles_article_add"), fields).status_code == 400


# -- Hostile query strings and hosts --------------------------------------------------------------------------

HOSTILE = ["abc", "-1", "0", "99999999999999999999999", "1e9", "%00", "1%00", "last", "1.5", ""]


@pytest.fixture
def content():
    country, author = make_country(slug="mexico"), make_author(slug="ana")
    article = make_article(authors=[author], countries=[country], tags=["extortion"])
    return article


def hostile_urls(article):
    section = article.section.slug
    return [
        "/",
        "/es/",
        f"/news/{section}/",
        "/tags/extortion/",
        "/countries/mexico/",
        "/authors/ana/",
        "/corrections/",
        "/search/",
        "/search/?q=river&",
        "/feed/",
        "/tags/extortion/feed/",
        "/countries/mexico/feed/",
        "/authors/ana/feed/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
        "/sitemap-tags.xml",
        "/news-sitemap.xml",
    ]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name", ["page", "p", "q", "section", "country", "language"])
def test_hostile_query_strings_never_crash(client, content, name, value):
    for url in hostile_urls(content):
        joiner = "&" if "?" in url else "?"
        response = client.get(f"{url}{joiner}{name}={value}")
        assert response.status_code in (200, 404), (url, name, value, response.status_code)


def test_nul_bytes_in_paths_and_queries_never_crash(client, content):
    for url in ["/search/?q=%00", "/search/?q=a%00b&page=%00", "/news/%00/", "/tags/%00/feed/", "/?%00=%00"]:
        assert client.get(url).status_code in (200, 400, 404), url


def test_spoofed_host_is_refused(client):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    assert client.get("/admin/login/", HTTP_HOST="evil.example").status_code == 400
