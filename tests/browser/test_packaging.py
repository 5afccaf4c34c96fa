"""Series pages and a live story in real Chromium: axe-core finds no serious or critical violation, and a
live story's page shows a new update without being reloaded, announced in its status region."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import LiveUpdate, Series, SeriesPart
from articles.services import pair_translations
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_reader import assert_accessible
from tests.factories import image_file, make_article, make_author, make_image, make_section

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def packaged():
    investigations = make_section(name="Investigations", name_es="Investigaciones", slug="investigations")
    briefs = make_section(name="Briefs", name_es="Breves", slug="briefs")
    author = make_author(name="Ignacio Bravo", slug="ignacio-bravo")
    image = make_image(
        file=image_file(size=(1200, 675)),
        alt_text="Prison bars at dusk",
        alt_text_es="Rejas de una cárcel al atardecer",
    )
    series = Series.objects.create(
        title="Prison Empires",
        title_es="Imperios carcelarios",
        slug="prison-empires",
        summary="How gangs turned the region's prisons into headquarters.",
        summary_es="Cómo las pandillas convirtieron las cárceles de la región en cuarteles.",
        lead_image=image,
        planned_parts=4,
    )
    now = timezone.now()
    for number, (english, spanish) in enumerate(
        [("The rent for a bed", "El alquiler de una cama"), ("Extortion from a cell", "Extorsión desde una celda")],
        start=1,
    ):
        shared = {"section": investigations, "authors": [author], "lead_image": image}
        en = make_article(title=english, slug=f"part-{number}", publish_at=now - timedelta(days=5 - number), **shared)
        es = make_article(
            title=spanish, slug=f"parte-{number}", language="es", publish_at=now - timedelta(days=5 - number), **shared
        )
        pair_translations(article=en, translation=es)
        SeriesPart.objects.create(series=series, article=en, position=number)
        SeriesPart.objects.create(series=series, article=es, position=number)
    live = make_article(
        title="Live: inmates take over the Litoral prison",
        slug="live-litoral",
        section=briefs,
        authors=[author],
        lead_image=image,
        live_started_at=now - timedelta(hours=2),
    )
    LiveUpdate.objects.create(
        article=live, title="What we know", body="<p>Two wings are held by inmates.</p>", pinned=True
    )
    LiveUpdate.objects.create(
        article=live, body="<p>The army surrounds the prison.</p>", published_at=now - timedelta(hours=1), author=author
    )
    return {"live": live}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("prefix", ["", "/es"], ids=["en", "es"])
def test_series_index_series_page_and_parts_are_accessible(page, live_server, packaged, prefix, viewport):
    page.goto(f"{live_server.url}{prefix}/series/")
    assert_accessible(page)

    page.locator(".teaser__title a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"{prefix}/series/prison-empires/")
    assert page.locator(".series-parts__item").count() == 2
    assert_accessible(page)

    page.locator(".series-parts__item .teaser__title a").last.click()
    page.wait_for_load_state()
    assert page.locator(".series-pager").count() == 1
    assert_accessible(page)
    page.locator(".series-pager a[rel=prev]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/part-1/") or page.url.endswith("/parte-1/")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_live_story_is_accessible(page, live_server, packaged, viewport):
    page.goto(live_server.url + packaged["live"].get_absolute_url())
    assert page.locator(".live-update").count() == 2
    assert page.locator("[data-live-pause]").is_visible()
    assert_accessible(page)


def test_a_new_update_appears_without_a_reload_and_is_announced(page, live_server, packaged, settings):
    settings.LIVE_POLL_SECONDS = 1
    violations = []
    page.on("console", lambda message: violations.append(message.text) if message.type == "error" else None)
    page.goto(live_server.url + packaged["live"].get_absolute_url())
    page.evaluate("window.notReloaded = true")

    update = LiveUpdate.objects.create(article=packaged["live"], body="<p>Inmates release two guards.</p>")

    page.locator(f"#update-{update.pk}").wait_for()
    assert page.evaluate("window.notReloaded") is True
    # Newest first, under the pinned summary.
    ids = page.locator(".live-update").evaluate_all("nodes => nodes.map(node => node.id)")
    assert ids[1] == f"update-{update.pk}"
    assert page.locator("[data-live-status]").inner_text() == "One new update, shown first."
    assert page.locator("[data-live-status]").get_attribute("role") == "status"
    assert_accessible(page)
    assert not violations, violations


def test_a_reader_can_pause_the_updates(page, live_server, packaged, settings):
    settings.LIVE_POLL_SECONDS = 1
    page.goto(live_server.url + packaged["live"].get_absolute_url())
    pause = page.locator("[data-live-pause]")
    pause.click()
    assert pause.get_attribute("aria-pressed") == "true"

    update = LiveUpdate.objects.create(article=packaged["live"], body="<p>Negotiators enter the prison.</p>")
    page.wait_for_timeout(2500)
    assert page.locator(f"#update-{update.pk}").count() == 0

    pause.click()
    assert pause.get_attribute("aria-pressed") == "false"
    page.locator(f"#update-{update.pk}").wait_for()


def test_no_polling_while_the_tab_is_hidden(page, live_server, packaged, settings):
    settings.LIVE_POLL_SECONDS = 1
    page.goto(live_server.url + packaged["live"].get_absolute_url())
    page.wait_for_load_state()
    # What the browser does when the reader switches to another tab.
    page.evaluate(
        "Object.defineProperty(document, 'hidden', {value: true, configurable: true});"
        "document.dispatchEvent(new Event('visibilitychange'))"
    )
    requests = []
    page.on("request", lambda request: requests.append(request.url) if request.url.endswith("/live/") else None)

    update = LiveUpdate.objects.create(article=packaged["live"], body="<p>Relatives gather at the gate.</p>")
    page.wait_for_timeout(2500)
    assert requests == []
    assert page.locator(f"#update-{update.pk}").count() == 0

    # Back on the tab: it catches up at once.
    page.evaluate(
        "Object.defineProperty(document, 'hidden', {value: false, configurable: true});"
        "document.dispatchEvent(new Event('visibilitychange'))"
    )
    page.locator(f"#update-{update.pk}").wait_for()
