"""The Content Security Policy in real Chromium: no page of the site or the admin trips it."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_article, make_author, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def violations(page):
    """Every Content Security Policy violation the browser reports, as console messages."""
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def test_reader_pages_run_under_the_policy(page, live_server, violations):
    article = make_article(authors=[make_author()])
    for path in ["/", article.get_absolute_url(), "/es/", "/donate/", "/search/?q=article"]:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
    assert violations == []


def test_the_admin_editor_runs_under_the_admin_policy(page, live_server, violations):
    make_user("boss", is_staff=True, is_superuser=True)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    expect(page.locator(".field-body [contenteditable=true]")).to_be_visible()
    assert violations == []
