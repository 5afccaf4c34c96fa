"""Finding one's way in real Chromium: the phone menu with a finger, a keyboard and without JavaScript, the size
of every target in the header, the breadcrumb and the index pages, and every reader page in dark mode,
checked by axe-core like the rest of the reader's site."""

import subprocess

import pytest
from playwright.sync_api import expect

from articles.services import pair_translations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_body_blocks import VNU
from tests.browser.test_reader import assert_accessible
from tests.factories import image_file, make_article, make_author, make_country, make_image, make_section

pytestmark = pytest.mark.django_db(transaction=True)

# WCAG 2.2's enhanced target size (2.5.5), and Apple's and Google's guidance for fingers.
TAP_TARGET = 44


@pytest.fixture
def newsroom():
    briefs = make_section(name="Briefs", name_es="Breves", slug="briefs")
    analysis = make_section(name="Analysis", name_es="Análisis", slug="analysis")
    make_section(name="Investigations", name_es="Investigaciones", slug="investigations")
    guatemala = make_country(name="Guatemala", slug="guatemala", iso_code="GT", region="central-america")
    mexico = make_country(name="Mexico", name_es="México", slug="mexico", iso_code="MX", region="north-america")
    photo = make_image(file=image_file(size=(400, 400)), alt_text="Portrait of Ana Ruiz")
    ana = make_author(name="Ana Ruiz", slug="ana-ruiz", role="Investigator", role_es="Investigadora", photo=photo)
    english = make_article(
        title="Extortion rings move into bus routes",
        slug="extortion-bus-routes",
        section=briefs,
        dek="Drivers in the capital now pay three gangs at once.",
        body="<p>Bus drivers say the payments doubled this year.</p>" * 40,
        analysis="<p>The gangs are copying each other.</p>",
        primary_country=guatemala,
        countries=[guatemala, mexico],
        authors=[ana],
        tags=["extortion", "transport"],
        lead_image=make_image(file=image_file(size=(1200, 675)), alt_text="Buses parked at a depot at night"),
    )
    spanish = make_article(
        title="Las extorsiones llegan a las rutas de buses",
        slug="extorsiones-rutas-buses",
        section=briefs,
        language="es",
        body="<p>Los conductores dicen que los pagos se duplicaron.</p>" * 30,
        primary_country=guatemala,
        countries=[guatemala, mexico],
        authors=[ana],
        tags=["extorsión"],
    )
    pair_translations(article=english, translation=spanish)
    make_article(title="Ports under pressure", section=analysis, tags=["ports"], authors=[ana], countries=[mexico])
    return {"english": english, "spanish": spanish}


def header_targets(page):
    """The links and buttons of the header (the menu's too) that are on screen, with their sizes."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.site-header a, .site-header button')]
            .filter(element => element.offsetParent !== null)
            .map(element => {
                const box = element.getBoundingClientRect();
                return {name: element.textContent.trim(), width: box.width, height: box.height};
            })"""
    )


def assert_tap_sized(page):
    targets = header_targets(page)
    assert targets
    small = [target for target in targets if target["width"] < TAP_TARGET or target["height"] < TAP_TARGET]
    assert not small, f"smaller than {TAP_TARGET} px: {small}"


@pytest.fixture
def phone(browser):
    """A phone's page: its screen, a touch screen, and the mobile viewport."""
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="en-US")
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_phone_menu_opens_and_closes_with_a_finger(phone, live_server, newsroom, prefix):
    page = phone
    page.goto(live_server.url + prefix + "/")
    button = page.locator(".menu-toggle")
    menu = page.locator("#site-menu")

    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    assert_tap_sized(page)

    button.tap()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link", name="Breves" if prefix else "Briefs")).to_be_visible()
    assert_tap_sized(page)
    assert_accessible(page)

    # A tap outside closes it, as does the button.
    page.locator("main").tap(position={"x": 5, "y": 5})
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()

    button.tap()
    menu.get_by_role("link", name="Temas" if prefix else "Topics").tap()
    page.wait_for_url(f"{live_server.url}{prefix}/tags/")
    expect(page.locator("h1")).to_have_text("Temas" if prefix else "Topics")
    # The new page starts with the menu closed, and says where the reader is.
    expect(page.locator(".menu-toggle")).to_have_attribute("aria-expanded", "false")
    page.locator(".menu-toggle").tap()
    expect(page.locator("#site-menu a[aria-current='page']")).to_have_text("Temas" if prefix else "Topics")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_phone_menu_works_with_the_keyboard_and_says_its_state(page, live_server, newsroom, viewport):
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-controls", "site-menu")

    # Tab through the header to the button: brand, search, the other language, donate, then the menu.
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('menu-toggle')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")

    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    # The menu is next in the tab order: its first section (sections are in menu order, then by name).
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Analysis"
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()

    # Escape closes it from inside, and the focus goes back to the button.
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")
    expect(page.locator("#site-menu")).to_be_hidden()

    # Space opens it too, and Escape on the button closes it.
    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_without_javascript_the_menu_is_simply_open(browser, live_server, newsroom, viewport):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        expect(page.locator(".menu-toggle")).to_be_hidden()
        expect(page.locator("#site-menu").get_by_role("link", name="Briefs")).to_be_visible()
        expect(page.locator("#site-menu").get_by_role("link", name="Authors")).to_be_visible()
        assert_tap_sized(page)
    finally:
        context.close()


def test_on_a_desktop_the_menu_is_always_there(page, live_server, newsroom):
    page.goto(live_server.url + "/")
    expect(page.locator(".menu-toggle")).to_be_hidden()
    menu = page.get_by_role("navigation", name="Main menu")
    for name in ["Briefs", "Analysis", "Investigations", "Series", "All news", "Topics", "Countries", "Authors"]:
        expect(menu.get_by_role("link", name=name, exact=True)).to_be_visible()
    # One row of sections, nothing cut off or scrolled.
    assert page.evaluate("document.querySelector('.site-menu__sections').scrollWidth") <= page.evaluate(
        "document.querySelector('.site-menu__sections').clientWidth"
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_breadcrumb_leads_from_an_article_to_all_the_news(page, live_server, newsroom, viewport):
    page.goto(live_server.url + newsroom["english"].get_absolute_url())
    trail = page.get_by_role("navigation", name="Breadcrumb")
    expect(trail.locator("[aria-current='page']")).to_have_text("Extortion rings move into bus routes")
    expect(page.locator(".kicker a")).to_have_text(["Guatemala", "Mexico", "Briefs"])
    expect(page.locator(".reading-time")).to_have_text("2 min read")

    trail.get_by_role("link", name="Briefs").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("Briefs")
    assert_accessible(page)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="News").click()
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text("All news")
    expect(page.locator(".teaser__title")).to_have_count(2)
    assert_accessible(page)


INDEXES = [
    ("/news/", "All news", "Extortion rings move into bus routes"),
    ("/tags/", "Topics", "transport"),
    ("/countries/", "Countries", "Mexico"),
    ("/authors/", "Authors", "Ana Ruiz"),
    ("/es/news/", "Todas las noticias", "Las extorsiones llegan a las rutas de buses"),
    ("/es/tags/", "Temas", "extorsión"),
    ("/es/countries/", "Países", "México"),
    ("/es/authors/", "Autores", "Ana Ruiz"),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_index_pages_are_accessible_and_lead_to_their_listings(page, live_server, newsroom, viewport):
    for path, heading, link in INDEXES:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_have_text(heading)
        assert_accessible(page)
        page.locator("main").get_by_role("link", name=link, exact=True).first.click()
        page.wait_for_load_state()
        expect(page.locator("h1")).to_have_text(link)
        if "/news/" not in path:  # the others lead to a listing of articles
            assert page.locator(".teaser").count() >= 1, path


DARK_PAGES = [
    "/",
    "/news/",
    "/news/briefs/",
    "/tags/",
    "/tags/extortion/",
    "/countries/",
    "/countries/mexico/",
    "/authors/",
    "/authors/ana-ruiz/",
    "/search/?q=extortion",
    "/corrections/",
    "/donate/",
    "/newsletter/",
    "/es/",
    "/es/news/",
    "/no-such-page/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_dark_mode_follows_the_system_and_keeps_every_text_readable(browser, live_server, newsroom, viewport):
    context = browser.new_context(viewport=viewport, color_scheme="dark", locale="en-US")
    page = context.new_page()
    try:
        articles = [newsroom["english"].get_absolute_url(), newsroom["spanish"].get_absolute_url()]
        for path in [*DARK_PAGES, *articles, f"/comments/?article={newsroom['english'].pk}", "/series/"]:
            page.goto(live_server.url + path)
            # Dark paper under light ink, not the light theme's white.
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            colour = page.evaluate("getComputedStyle(document.body).color")
            assert background == "rgb(20, 19, 18)", (path, background)
            assert colour == "rgb(232, 230, 227)", (path, colour)
            assert_accessible(page)
        if viewport == PHONE:
            page.goto(live_server.url + newsroom["english"].get_absolute_url())
            page.locator(".menu-toggle").click()
            expect(page.locator("#site-menu")).to_be_visible()
            assert_accessible(page)
    finally:
        context.close()


def test_light_mode_is_the_default(page, live_server, newsroom):
    page.goto(live_server.url + "/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_print_shows_the_masthead_and_the_articles_address_without_the_furniture(page, live_server, newsroom):
    page.goto(live_server.url + newsroom["english"].get_absolute_url())
    expect(page.locator(".print-address")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".brand")).to_be_visible()
    expect(page.locator(".print-address")).to_have_text(
        "Read online at http://127.0.0.1:8000/news/briefs/extortion-bus-routes/"
    )
    for furniture in [".site-menu", ".menu-toggle", ".button--donate", ".breadcrumbs", ".share", ".site-footer"]:
        expect(page.locator(furniture).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".article__body")).to_be_visible()


def test_new_pages_pass_the_html_checker(client, newsroom, tmp_path):
    """The Nu Html Checker finds no error on the indexes, /news/, a listing and an article with breadcrumbs,
    in both languages."""
    paths = [path for path, _heading, _link in INDEXES] + [
        "/news/briefs/",
        newsroom["english"].get_absolute_url(),
        newsroom["spanish"].get_absolute_url(),
    ]
    files = []
    for number, path in enumerate(paths):
        response = client.get(path)
        assert response.status_code == 200, path
        files.append(tmp_path / f"page-{number}.html")
        files[-1].write_bytes(response.content)
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *map(str, files)], capture_output=True, text=True, timeout=180
    )
    assert checked.returncode == 0, checked.stderr
