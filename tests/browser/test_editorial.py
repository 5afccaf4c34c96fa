"""The publishing cycle in real Chromium: a writer drafts an article in the admin's editor and submits
it, an editor finds it in review from the admin index and publishes it, and a reader sees it."""

import re

import pytest
from playwright.sync_api import expect

from articles.models import Article
from articles.roles import assign_role
from tests.factories import make_author, make_section, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#desk-queues")).to_be_visible()


def sign_out(page):
    page.locator("#logout-form button").click()


def choose(page, field, text):
    """Pick `text` in the admin's autocomplete (select2) widget of `field`."""
    page.locator(f"#id_{field} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def test_writer_drafts_and_submits_editor_publishes_reader_reads(live_server, page):
    make_section(name="Briefs", slug="briefs")
    writer = make_user("writer", password=PASSWORD, first_name="Ana", last_name="Ruiz")
    assign_role(writer, "Writer")
    make_author(name="Ana Ruiz", slug="ana-ruiz", user=writer)
    assign_role(make_user("editor", password=PASSWORD, first_name="Luis", last_name="Paz"), "Editor")

    # The writer drafts in the editor: two paragraphs, one word in bold.
    sign_in(page, live_server, "writer")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Gangs tax the night buses")
    page.fill("#id_dek", "Drivers now pay twice a week.")
    choose(page, "section", "Briefs")
    body = page.locator(".field-body [contenteditable=true]")
    body.click()
    page.keyboard.type("Drivers on the night routes pay ")
    page.keyboard.press("Control+b")
    page.keyboard.type("twice")
    page.keyboard.press("Control+b")
    page.keyboard.type(" a week.")
    page.keyboard.press("Enter")
    page.keyboard.type("Two companies stopped service.")
    # A writer is offered no way to publish.
    expect(page.locator("button[name=_transition][value=publish]")).to_have_count(0)
    page.locator("button[name=_transition][value=submit]").click()
    expect(page.locator(".messagelist")).to_contain_text("is now in review")

    article = Article.objects.get(slug="gangs-tax-the-night-buses")
    assert article.status == Article.Status.IN_REVIEW
    assert article.created_by == writer
    assert article.body == (
        "<p>Drivers on the night routes pay <strong>twice</strong> a week.</p><p>Two companies stopped service.</p>"
    )
    sign_out(page)

    # The editor finds it one click from the index and publishes it.
    sign_in(page, live_server, "editor")
    page.locator("#desk-queues a", has_text="In review").click()
    page.locator("#result_list a", has_text="Gangs tax the night buses").click()
    page.locator("button[name=_transition][value=publish]").click()
    expect(page.locator(".messagelist")).to_contain_text("is now published")
    article.refresh_from_db()
    assert article.is_published
    assert article.published_by.username == "editor"
    sign_out(page)

    # A reader, signed in nowhere, reads it on the site.
    reader = page.context.browser.new_context()
    try:
        reader_page = reader.new_page()
        reader_page.goto(f"{live_server.url}{article.get_absolute_url()}")
        expect(reader_page.locator("h1")).to_have_text("Gangs tax the night buses")
        expect(reader_page.locator(".article__body strong")).to_have_text("twice")
        expect(reader_page.locator(".preview-banner")).to_have_count(0)
        expect(reader_page).to_have_title(re.compile("Gangs tax the night buses"))
    finally:
        reader.close()
