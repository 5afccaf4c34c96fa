"""The editor's half of the publishing cycle in real Chromium, in the English and the Spanish admin: a writer
has submitted a brief after two drafts; the editor finds it on the desk, reads the checks, compares two
versions word by word and publishes it. And the desk and the article list on a phone."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from articles import workflow
from articles.roles import assign_role
from tests.browser.conftest import PHONE
from tests.factories import make_article, make_author, make_section, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"
FIRST_DRAFT = "<p>Bus drivers on the night routes pay the gangs every week.</p>"
SUBMITTED = (
    "<p>Bus drivers on the night routes of Tegucigalpa pay two gangs every week.</p>"
    "<p>Two companies suspended service after a driver was shot.</p>"
)

# What the editor reads and presses, in each language of the admin.
WORDS = {
    "": {
        "history": "History",
        "compare": "Compare the chosen versions",
        "checks": "All checks pass",
        "published": "is now published",
    },
    "/es": {
        "history": "Historial",
        "compare": "Comparar las versiones elegidas",
        "checks": "Todo en orden",
        "published": "Nuevo estado de «Gangs tax the night buses»: publicado.",
    },
}


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def sign_in(page, url, username):
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#desk-queues")).to_be_visible()


def submitted_brief():
    """A brief a writer drafted twice and submitted: three versions in its history."""
    section = make_section(name="Briefs", name_es="Breves", slug="briefs", minimum_words=10)
    writer = make_user("writer", password=PASSWORD, first_name="Ana", last_name="Ruiz", email="ana@example.org")
    assign_role(writer, "Writer")
    author = make_author(name="Ana Ruiz", user=writer)
    editor = make_user("editor", password=PASSWORD, first_name="Luis", last_name="Paz", email="luis@example.org")
    assign_role(editor, "Editor")
    article = make_article(
        section=section,
        title="Gangs tax the night buses",
        dek="Drivers now pay two gangs at once.",
        body=FIRST_DRAFT,
        published=False,
        created_by=writer,
        authors=[author],
    )
    article.body = SUBMITTED
    article._history_user = writer
    article.save()
    workflow.apply_transition(article=article, name="submit", user=writer)
    return article


@pytest.mark.parametrize("prefix", ["", "/es"], ids=["english", "spanish"])
def test_editor_reviews_compares_and_publishes_a_submitted_brief(live_server, page, prefix):
    article = submitted_brief()
    words = WORDS[prefix]
    assert [message.to for message in mail.outbox] == [["luis@example.org"]]
    url = f"{live_server.url}{prefix}"

    # The desk lists it in review, with who submitted it.
    sign_in(page, url, "editor")
    in_review = page.locator("#desk-in-review")
    expect(in_review).to_contain_text("Ana Ruiz")
    in_review.locator("a", has_text="Gangs tax the night buses").click()

    # The checks pass; the history compares the first draft with the submitted text.
    expect(page.locator("#publishing-checks")).to_contain_text(words["checks"])
    page.locator("a.historylink", has_text=words["history"]).click()
    page.locator("input[name=from]").last.check()
    page.locator("input[name=to]").first.check()
    page.get_by_role("button", name=words["compare"]).click()
    diff = page.locator(".word-diff").first
    expect(diff.locator("ins").first).to_contain_text("of Tegucigalpa")
    expect(diff.locator("del")).to_contain_text(["the"])
    expect(page.locator(".word-diff ins", has_text="Two companies suspended service")).to_have_count(1)

    # Back to the article, and out it goes.
    page.locator(".breadcrumbs a", has_text="Gangs tax the night buses").click()
    page.locator("button[name=_transition][value=publish]").click()
    expect(page.locator(".messagelist")).to_contain_text(words["published"])
    article.refresh_from_db()
    assert article.is_published
    assert article.published_by.username == "editor"
    assert mail.outbox[-1].to == ["ana@example.org"]


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_the_desk_and_the_list_on_a_phone(live_server, page, viewport):
    submitted_brief()
    for number in range(8):
        make_article(title=f"Cartel leader number {number} extradited to the United States after a long trial")
    sign_in(page, live_server.url, "editor")

    headline = page.locator("#desk-in-review .desk-item__headline")
    expect(headline).to_be_in_viewport()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.goto(f"{live_server.url}/admin/articles/article/")
    first = page.locator("#result_list .field-headline a").first
    expect(first).to_be_in_viewport()
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    # The columns a phone cannot fit are left out; the page itself never scrolls sideways.
    expect(page.locator("#result_list .column-helpful_yes")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
