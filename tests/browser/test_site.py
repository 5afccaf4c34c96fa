"""The newsroom's identity and own pages in real Chromium: the demo's logo, colours, footer and pages, checked
by axe-core on a phone and a desktop in both languages."""

import subprocess

import pytest
from django.conf import settings

from articles.demo.site import seed_site
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_body_blocks import VNU
from tests.browser.test_navigation import assert_tap_sized
from tests.browser.test_reader import assert_accessible
from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = {
    "en": ["/", "/about/", "/contact/", "/ethics/", "/privacy/"],
    "es": ["/es/", "/es/about/", "/es/contact/", "/es/ethics/", "/es/privacy/"],
}


@pytest.fixture
def newsroom():
    make_article(section=make_section(name="Briefs", name_es="Breves", slug="briefs"))
    seed_site(newsroom=settings.NEWSROOM_NAME)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_pages_footer_and_logo_are_accessible(page, live_server, newsroom, language, viewport):
    for path in PAGES[language]:
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == language
        logo = page.locator(".brand__logo")
        assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
        assert logo.get_attribute("alt") == settings.NEWSROOM_NAME
        assert_accessible(page)
    # The footer's links are easy to tap: none shorter than 44 CSS pixels.
    for link in page.locator(".site-footer__group a").all():
        assert link.bounding_box()["height"] >= 44, link.inner_text()


def test_the_accent_colour_set_in_the_admin_reaches_the_page(page, live_server, newsroom):
    page.goto(live_server.url + "/")
    donate = page.locator(".site-header .button--donate")
    assert donate.evaluate("button => getComputedStyle(button).backgroundColor") == "rgb(143, 29, 33)"


def test_a_reader_finds_the_ethics_policy_from_the_footer(page, live_server, newsroom):
    page.goto(live_server.url + "/es/")
    page.locator(".site-footer").get_by_role("link", name="Política ética").click()
    page.wait_for_load_state()
    assert page.url.endswith("/es/ethics/")
    assert page.locator("h1").inner_text() == "Política ética"
    page.locator(".lang-switch").get_by_role("link", name="EN").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Ethics policy"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_dark_mode_keeps_the_pages_footer_and_logo_readable(browser, live_server, newsroom, viewport):
    context = browser.new_context(viewport=viewport, color_scheme="dark", locale="en-US")
    page = context.new_page()
    try:
        for path in ["/", "/about/", "/es/contact/", "/funding/"]:
            page.goto(live_server.url + path)
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(20, 19, 18)", path
            # The logo keeps its white plate; the donate button takes the newsroom's accent under white text.
            logo = page.locator(".brand__logo")
            assert logo.evaluate("img => getComputedStyle(img).backgroundColor") == "rgb(255, 255, 255)"
            donate = page.locator(".site-header .button--donate")
            assert donate.evaluate("button => getComputedStyle(button).backgroundColor") == "rgb(143, 29, 33)"
            assert_accessible(page)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_logo_is_a_tap_target_like_the_rest_of_the_header(page, live_server, newsroom, viewport):
    page.goto(live_server.url + "/about/")
    assert_tap_sized(page)


def test_the_pages_pass_the_html_checker(client, newsroom, tmp_path):
    """The Nu Html Checker finds no error on the newsroom's pages, in both languages, nor on the home page
    with its footer and logo."""
    files = []
    for number, path in enumerate([*PAGES["en"], *PAGES["es"], "/team/", "/funding/", "/corrections-policy/"]):
        response = client.get(path)
        assert response.status_code == 200, path
        files.append(tmp_path / f"page-{number}.html")
        files[-1].write_bytes(response.content)
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *map(str, files)], capture_output=True, text=True, timeout=180
    )
    assert checked.returncode == 0, checked.stderr
