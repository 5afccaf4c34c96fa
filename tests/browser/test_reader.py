"""A reader's journey through the public site in real Chromium, checked by axe-core for accessibility."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.services import pair_translations
from tests.browser.conftest import DESKTOP, PHONE
from tests.factories import image_file, make_article, make_author, make_country, make_image, make_section

pytestmark = pytest.mark.django_db(transaction=True)

axe = Axe()


def assert_accessible(page):
    """No serious or critical axe-core violation on the page as it stands, and nothing wider than the screen."""
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{page.url} scrolls sideways"
    results = axe.run(page)
    blocking = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not blocking, f"{page.url}:\n" + "\n".join(blocking)


@pytest.fixture
def newsroom():
    briefs = make_section(name="Briefs", name_es="Breves", slug="briefs")
    guatemala = make_country(name="Guatemala", name_es="Guatemala", slug="guatemala", iso_code="GT")
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz", role="Investigator", role_es="Investigadora")
    image = make_image(file=image_file(size=(1200, 675)), alt_text="Buses parked at a depot at night")
    english = make_article(
        title="Extortion rings move into bus routes",
        slug="extortion-bus-routes",
        section=briefs,
        dek="Drivers in the capital now pay three gangs at once.",
        body="<p>Bus drivers say the payments doubled this year.</p><p>Two companies stopped service.</p>",
        analysis="<p>The gangs are copying each other.</p>",
        primary_country=guatemala,
        countries=[guatemala],
        authors=[ana],
        tags=["extortion"],
        lead_image=image,
    )
    spanish = make_article(
        title="Las extorsiones llegan a las rutas de buses",
        slug="extorsiones-rutas-buses",
        section=briefs,
        language="es",
        dek="Los conductores de la capital pagan a tres pandillas a la vez.",
        body="<p>Los conductores dicen que los pagos se duplicaron este año.</p>",
        primary_country=guatemala,
        countries=[guatemala],
        authors=[ana],
        tags=["extorsión"],
        lead_image=image,
    )
    pair_translations(article=english, translation=spanish)
    for number in range(3):
        make_article(title=f"Prison riot number {number}", section=briefs, tags=["prisons"], authors=[ana])
    return {"english": english, "spanish": spanish}


JOURNEYS = {
    "en": {
        "home": "/",
        "headline": "Extortion rings move into bus routes",
        "tag": "extortion",
        "search": "extortion",
    },
    "es": {
        "home": "/es/",
        "headline": "Las extorsiones llegan a las rutas de buses",
        "tag": "extorsión",
        "search": "extorsiones",
    },
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_reader_goes_home_article_tag_author_search(page, live_server, newsroom, language, viewport):
    journey = JOURNEYS[language]

    page.goto(live_server.url + journey["home"])
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)

    page.get_by_role("link", name=journey["headline"]).first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == journey["headline"]
    assert page.locator("h1").count() == 1
    image = page.locator(".lead-image img")
    assert image.get_attribute("alt")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert_accessible(page)

    page.locator(".tag-list").get_by_role("link", name=journey["tag"]).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == journey["tag"]
    assert page.get_by_role("link", name=journey["headline"]).count() == 1
    assert_accessible(page)

    page.get_by_role("link", name=journey["headline"]).click()
    page.wait_for_load_state()
    page.locator(".article__header .meta").get_by_role("link", name="Ana Ruiz").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Ana Ruiz"
    assert_accessible(page)

    page.locator(".site-search-link").click()
    page.wait_for_load_state()
    page.locator("input[name=q]").fill(journey["search"])
    page.locator("input[name=q]").press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("link", name=journey["headline"]).count() == 1
    assert_accessible(page)


def test_language_switch_goes_to_the_translation(page, live_server, newsroom):
    page.goto(live_server.url + newsroom["english"].get_absolute_url())
    page.locator(".lang-switch").get_by_role("link", name="ES").click()
    page.wait_for_load_state()
    assert page.url.endswith("/es/news/briefs/extorsiones-rutas-buses/")
    page.locator(".lang-switch").get_by_role("link", name="EN").click()
    page.wait_for_load_state()
    assert page.url.endswith("/news/briefs/extortion-bus-routes/")


def test_keyboard_reader_can_skip_to_the_content(page, live_server, newsroom):
    page.goto(live_server.url + newsroom["english"].get_absolute_url())
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("link => link === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
