"""The editorial calendar in real Chromium: an editor drags a scheduled piece to another day and it moves
(its time of day kept); a writer moves their planned draft with the keyboard alone. And a partner outlet's
page for an embargoed investigation, checked by axe-core."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, PartnerLink
from articles.roles import assign_role
from tests.browser.test_editorial import PASSWORD, sign_in
from tests.browser.test_reader import assert_accessible
from tests.factories import make_article, make_author, make_section, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture
def next_week():
    """Monday of next week, in the newsroom's time zone: every day of that week is still to come."""
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


def cell(page, day):
    return page.locator(f'td[data-day="{day.isoformat()}"]')


def test_an_editor_drags_a_scheduled_piece_to_another_day(live_server, page, next_week):
    section = make_section(name="Briefs", slug="briefs")
    assign_role(make_user("editor", password=PASSWORD), "Editor")
    tuesday, thursday = next_week + timedelta(days=1), next_week + timedelta(days=3)
    article = make_article(
        title="Election night results",
        section=section,
        publish_at=timezone.make_aware(datetime.combine(tuesday, datetime.min.time().replace(hour=10, minute=30))),
    )

    sign_in(page, live_server, "editor")
    page.locator("#desk-queues a", has_text="Editorial calendar").click()
    page.goto(f"{page.url}?date={next_week.isoformat()}")
    entry = page.locator(f"#calendar-entry-{article.pk}")
    expect(cell(page, tuesday).locator(f"#calendar-entry-{article.pk}")).to_be_visible()

    entry.drag_to(cell(page, thursday))

    expect(page.locator(".messagelist")).to_contain_text("moved to")
    expect(cell(page, thursday).locator(f"#calendar-entry-{article.pk}")).to_contain_text("Election night results")
    expect(cell(page, tuesday).locator(f"#calendar-entry-{article.pk}")).to_have_count(0)
    article.refresh_from_db()
    local = timezone.localtime(article.publish_at)
    assert (local.date(), local.hour, local.minute) == (thursday, 10, 30)
    assert article.status == Article.Status.PUBLISHED
    assert article.history.first().history_user.username == "editor"


def test_a_writer_moves_a_planned_draft_with_the_keyboard(live_server, page, next_week):
    section = make_section(name="Briefs", slug="briefs")
    writer = make_user("writer", password=PASSWORD)
    assign_role(writer, "Writer")
    author = make_author(name="Ana Ruiz", user=writer)
    draft = make_article(
        title="Bus routes under extortion", section=section, authors=[author], published=False, planned_date=next_week
    )
    friday = next_week + timedelta(days=4)

    sign_in(page, live_server, "writer")
    page.goto(f"{live_server.url}/admin/articles/article/calendar/?date={next_week.isoformat()}")
    entry = page.locator(f"#calendar-entry-{draft.pk}")
    entry.locator("summary").focus()
    page.keyboard.press("Enter")
    date_input = entry.locator("input[name=date]")
    date_input.fill(friday.isoformat())
    date_input.press("Enter")

    expect(page.locator(".messagelist")).to_contain_text("moved to")
    expect(cell(page, friday).locator(f"#calendar-entry-{draft.pk}")).to_be_visible()
    draft.refresh_from_db()
    assert draft.planned_date == friday


def test_a_partner_reads_the_embargoed_piece_on_an_accessible_page(live_server, page):
    article = make_article(
        title="The customs ledger",
        section=make_section(name="Investigations", slug="investigations"),
        authors=[make_author(name="Marta Ruiz")],
        body="<p>Ledgers show monthly payments to the customs chief.</p><h2>The payments</h2><p>Every month.</p>",
        status=Article.Status.EMBARGOED,
        publish_at=timezone.now() + timedelta(days=2),
    )
    link = PartnerLink.objects.create(article=article, partner="Radio Cordillera")
    page.goto(f"{live_server.url}{link.get_absolute_url()}")
    expect(page.locator("h1")).to_have_text("The customs ledger")
    expect(page.locator(".preview-banner")).to_contain_text("shared with Radio Cordillera")
    assert_accessible(page)
    assert link.accesses.count() == 1
