"""A reader answers "Was this content helpful?" in real Chromium, with and without JavaScript, and
writes to the newsroom about the article."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from donations.models import Comment, HelpfulVote
from tests.browser.conftest import PHONE
from tests.browser.test_donate import serious_accessibility_problems
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_rate_limits_left_over():
    cache.clear()
    yield
    cache.clear()


def test_a_reader_votes_in_place_and_says_what_could_be_better(live_server, page):
    article = make_article(title="Gangs tax the buses")
    url = f"{live_server.url}{article.get_absolute_url()}"
    page.goto(url)
    widget = page.locator("#helpful")
    expect(widget.get_by_role("heading")).to_have_text("Was this content helpful?")
    assert serious_accessibility_problems(page) == []

    widget.get_by_role("button", name="No").click()
    feedback = widget.get_by_label("Thank you. What could be better? (optional)")
    expect(feedback).to_be_focused()
    assert page.url == url  # in place, no page load
    feedback.fill("A map of the routes would help.")
    widget.get_by_role("button", name="Send").click()
    expect(widget.get_by_role("status")).to_have_text("Thank you for your answer.")
    expect(widget.get_by_role("button", name="Yes")).to_be_hidden()

    vote = HelpfulVote.objects.get()
    assert (vote.article, vote.is_helpful, vote.feedback) == (article, False, "A map of the routes would help.")
    # The page, the vote and the answer left no cookie behind.
    assert page.context.cookies() == []


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_without_javascript_the_vote_is_a_plain_form(live_server, browser, viewport):
    article = make_article(title="Ports and cartels")
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{article.get_absolute_url()}")
        page.locator("#helpful").get_by_role("button", name="Yes").click()
        page.wait_for_url(f"**{article.get_absolute_url()}?helpful=thanks#helpful")
        expect(page.locator("#helpful")).to_contain_text("Thank you for your answer.")
        assert HelpfulVote.objects.get().is_helpful is True
        assert context.cookies() == []
    finally:
        context.close()


def test_a_reader_writes_to_the_newsroom_about_an_article(live_server, page, settings):
    settings.READER_FORM_MIN_SECONDS = 1
    settings.CSRF_COOKIE_SECURE = False
    article = make_article(title="Gangs tax the buses")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    page.get_by_role("link", name="What are your thoughts?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What are your thoughts?")
    assert serious_accessibility_problems(page) == []
    page.get_by_label("Name").fill("Pedro Alvarado")
    page.get_by_label("Email", exact=True).fill("pedro@example.org")
    page.get_by_label("Your message").fill("The fee <b>doubled</b> on route 12.")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Send to the newsroom").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for writing to us")
    comment = Comment.objects.get()
    assert (comment.article, comment.message) == (article, "The fee <b>doubled</b> on route 12.")
