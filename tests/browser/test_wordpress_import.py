"""An archive brought in from WordPress, as a reader reaches it: through an old address, on a phone and a
desktop, in both languages, checked by axe-core and the HTML checker."""

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import expect

from articles.models import LegacyAddress
from articles.wordpress.importer import WordPressImport
from tests.articles.wordpress.old_site import EXPORT, OldSite, OldSiteFetcher
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_reader import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)

VNU = Path("/work/tools/node_modules/vnu-jar/build/dist/vnu.jar")


@pytest.fixture
def archive():
    old_site = OldSite().start()
    try:
        WordPressImport(EXPORT, fetcher=OldSiteFetcher(old_site.origin)).run()
    finally:
        old_site.stop()


@pytest.mark.parametrize(
    ("old", "headline", "viewport"),
    [
        ("/2024/03/12/bus-drivers-pay-gangs/", "Bus drivers in San Pedro Sula pay gangs to keep their routes", PHONE),
        ("/?p=102", "Choferes de San Pedro Sula pagan a las pandillas para conservar sus rutas", DESKTOP),
        ("/2024/03/05/the-ledgers", "The ledgers of the extortion economy", DESKTOP),
    ],
    indirect=["viewport"],
)
def test_an_old_address_leads_to_the_imported_article(live_server, archive, page, old, headline, viewport, tmp_path):
    article = LegacyAddress.objects.select_related("article__section").get(path=LegacyAddress.normalize(old)).article

    response = page.goto(f"{live_server.url}{old}")

    assert response.ok
    assert response.request.redirected_from.url == f"{live_server.url}{old}"
    assert page.url == f"{live_server.url}{article.get_absolute_url()}"
    expect(page.locator("h1")).to_have_text(headline)
    # Every picture that came in is shown, with its alt text, and keeps its place while it loads.
    for image in page.locator("main img").all():
        assert image.get_attribute("alt")
        assert image.get_attribute("width") and image.get_attribute("height")
    assert_accessible(page)
    html = tmp_path / "page.html"
    html.write_text(response.text(), encoding="utf-8")
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", str(html)], capture_output=True, text=True, timeout=120
    )
    assert checked.returncode == 0, checked.stderr
