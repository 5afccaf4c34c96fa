"""Browser tests: real Chromium (Debian's package) driven by Playwright against a live test server.

Shared by every browser test module: `browser` (one Chromium for the session) and `page` (a fresh,
isolated browser context per test, phone or desktop sized).
"""

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

# Playwright's synchronous API runs an event loop in this thread; the ORM calls that the tests make
# around it are still plain synchronous calls, so Django's async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Headless Chromium that does not try to reach the network on its own (updates, sync, field trials).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def viewport():
    """Desktop by default; parametrize `viewport` indirectly or override this fixture for phones."""
    return DESKTOP


@pytest.fixture
def page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="en-US")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
