"""The editorial calendar in the admin, through HTTP: what each week and month shows, in the newsroom's
time zone and both languages, its filters, and who may move what to another day."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from articles.roles import assign_role
from tests.factories import make_article, make_author, make_section, make_user

CALENDAR = reverse("admin:articles_article_calendar")
# A newsroom away from UTC, so that a day in the calendar is not a day on the server's clock.
ZONE = "America/Mexico_City"


def move_url(article):
    return reverse("admin:articles_article_calendar_move", args=[article.pk])


def day_cell(response, day):
    """The HTML of the calendar cell of `day`."""
    html = response.content.decode()
    match = re.search(rf'<td[^>]*data-day="{day.isoformat()}"[^>]*>(.*?)</td>', html, re.DOTALL)
    assert match, f"no cell for {day}"
    return match.group(1)


@override_settings(TIME_ZONE=ZONE)
class CalendarTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.zone = ZoneInfo(ZONE)
        cls.today = timezone.now().astimezone(cls.zone).date()
        # Next Wednesday at least two days off, so the week has days to come on both sides of it.
        cls.day = cls.today + timedelta(days=(2 - cls.today.weekday()) % 7 + 7)
        cls.briefs = make_section(name="Briefs", slug="briefs")
        cls.investigations = make_section(name="Investigations", slug="investigations")
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")
        cls.ana = make_author(name="Ana Ruiz", user=cls.writer)
        cls.luis = make_author(name="Luis Paz")
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")

        def at(day, hour, minute=0):
            return datetime(day.year, day.month, day.day, hour, minute, tzinfo=cls.zone)

        # 23:30 in Mexico City is the next day in UTC: the calendar must file it under the local day.
        cls.scheduled = make_article(
            title="Election night results", section=cls.briefs, authors=[cls.luis], publish_at=at(cls.day, 23, 30)
        )
        cls.embargoed = make_article(
            title="The customs ledger",
            section=cls.investigations,
            authors=[cls.luis],
            status=Article.Status.EMBARGOED,
            publish_at=at(cls.day, 6),
        )
        cls.planned = make_article(
            title="Bus routes under extortion",
            section=cls.briefs,
            authors=[cls.ana],
            published=False,
            planned_date=cls.day,
        )
        cls.planned_es = make_article(
            title="Rutas de autobús bajo extorsión",
            language="es",
            section=cls.briefs,
            authors=[cls.ana],
            published=False,
            status=Article.Status.IN_REVIEW,
            planned_date=cls.day,
        )
        cls.others_draft = make_article(
            title="Someone else's draft", section=cls.briefs, authors=[cls.luis], published=False, planned_date=cls.day
        )
        cls.published = make_article(
            title="Yesterday's brief", section=cls.briefs, publish_at=timezone.now() - timedelta(days=1)
        )
        cls.undated_draft = make_article(title="A draft with no plan", section=cls.briefs, published=False)

    def week(self, client_user, day=None, **params):
        self.client.force_login(client_user)
        return self.client.get(CALENDAR, {"date": (day or self.day).isoformat(), **params})


class CalendarPageTests(CalendarTestCase):
    def test_the_admin_index_links_to_the_calendar(self):
        self.client.force_login(self.writer)
        self.assertContains(self.client.get(reverse("admin:index")), f'href="{CALENDAR}"')
        self.assertContains(self.client.get(reverse("admin:articles_article_changelist")), f'href="{CALENDAR}"')

    def test_a_week_shows_each_kind_on_its_local_day(self):
        response = self.week(self.editor)
        cell = day_cell(response, self.day)
        for title in (
            "Election night results",
            "The customs ledger",
            "Bus routes under extortion",
            "Rutas de autobús bajo extorsión",
            "Someone else&#x27;s draft",
        ):
            self.assertIn(title, cell)
        self.assertIn("calendar-entry--scheduled", cell)
        self.assertIn("calendar-entry--embargoed", cell)
        self.assertIn("calendar-entry--planned", cell)
        self.assertIn("23:30", cell)
        self.assertIn("(in review)", cell)
        self.assertNotIn("Election night results", day_cell(response, self.day + timedelta(days=1)))
        self.assertNotContains(response, "A draft with no plan")
        self.assertContains(response, ZONE)
        # Earliest first: the embargo lifting at 06:00 before the 23:30 publication.
        self.assertLess(cell.index("The customs ledger"), cell.index("Election night results"))

    def test_a_month_shows_published_pieces_too(self):
        yesterday = self.published.publish_at.astimezone(self.zone).date()
        response = self.week(self.editor, day=yesterday, view="month")
        self.assertIn("Yesterday&#x27;s brief", day_cell(response, yesterday))
        self.assertIn("calendar-entry--published", day_cell(response, yesterday))
        # A whole month in weeks: 28 to 42 days, every one a cell.
        cells = len(re.findall(r"<td[^>]*data-day=", response.content.decode()))
        self.assertIn(cells, (28, 35, 42))

    def test_filters_by_section_author_and_language(self):
        by_section = self.week(self.editor, section=self.investigations.pk)
        self.assertContains(by_section, "The customs ledger")
        self.assertNotContains(by_section, "Election night results")
        by_author = self.week(self.editor, author=self.ana.pk)
        self.assertContains(by_author, "Bus routes under extortion")
        self.assertNotContains(by_author, "The customs ledger")
        spanish = self.week(self.editor, language="es")
        self.assertContains(spanish, "Rutas de autobús bajo extorsión")
        self.assertNotContains(spanish, "Bus routes under extortion")

    def test_in_spanish_at_es_admin(self):
        self.client.force_login(self.editor)
        response = self.client.get("/es" + CALENDAR, {"date": self.day.isoformat()})
        self.assertContains(response, "Calendario editorial")
        self.assertContains(response, "Bajo embargo")
        self.assertContains(response, "miércoles")

    def test_query_count_does_not_grow_with_entries(self):
        """Guards against a query per entry for its bylines, section or whether the user may move it.

        Session, user, the user's two kinds of permissions, the articles, their bylines with authors,
        sections and authors (the filter)."""
        self.client.force_login(self.writer)
        self.client.get(CALENDAR, {"date": self.day.isoformat()})
        with self.assertNumQueries(8):
            self.client.get(CALENDAR, {"date": self.day.isoformat()})
        for n in range(5):
            make_article(
                title=f"Extra {n}",
                section=self.briefs,
                authors=[self.ana, self.luis],
                published=False,
                planned_date=self.day,
            )
        with self.assertNumQueries(8):
            response = self.client.get(CALENDAR, {"date": self.day.isoformat()})
        self.assertContains(response, "Extra 4")

    def test_staff_who_do_not_work_on_articles_cannot_open_it(self):
        fundraiser = make_user("fundraiser")
        assign_role(fundraiser, "Fundraising")
        self.client.force_login(fundraiser)
        self.assertEqual(self.client.get(CALENDAR).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(CALENDAR).status_code, 302)


class MovingTests(CalendarTestCase):
    def move(self, user, article, day):
        self.client.force_login(user)
        return self.client.post(
            move_url(article), {"date": day.isoformat(), "next": f"{CALENDAR}?date={day}"}, follow=True
        )

    def test_a_writer_moves_the_planned_date_of_their_own_draft(self):
        page = self.week(self.writer)
        cell = day_cell(page, self.day)
        # Only their own drafts can be moved: theirs carry the form, the others none.
        self.assertIn(f'action="{move_url(self.planned)}"', cell)
        self.assertNotIn(f'action="{move_url(self.others_draft)}"', cell)
        self.assertNotIn(f'action="{move_url(self.scheduled)}"', cell)

        friday = self.day + timedelta(days=2)
        response = self.move(self.writer, self.planned, friday)
        self.assertContains(response, "moved to")
        self.assertIn("Bus routes under extortion", day_cell(response, friday))
        self.planned.refresh_from_db()
        self.assertEqual(self.planned.planned_date, friday)
        self.assertEqual(self.planned.history.first().history_user, self.writer)

    def test_a_writer_cannot_move_other_drafts_or_scheduled_pieces(self):
        for article in (self.others_draft, self.scheduled, self.embargoed):
            with self.subTest(article=article.title):
                response = self.move(self.writer, article, self.day + timedelta(days=1))
                self.assertEqual(response.status_code, 403)
        self.others_draft.refresh_from_db()
        self.assertEqual(self.others_draft.planned_date, self.day)
        self.scheduled.refresh_from_db()
        self.assertEqual(self.scheduled.publish_at.astimezone(self.zone).date(), self.day)

    def test_an_editor_reschedules_keeping_the_local_time_of_day(self):
        saturday = self.day + timedelta(days=3)
        response = self.move(self.editor, self.scheduled, saturday)
        self.assertContains(response, "moved to")
        self.scheduled.refresh_from_db()
        local = self.scheduled.publish_at.astimezone(self.zone)
        self.assertEqual((local.date(), local.hour, local.minute), (saturday, 23, 30))
        self.assertIn("Election night results", day_cell(response, saturday))

    def test_an_editor_moves_an_embargo_but_never_into_the_past(self):
        later = self.day + timedelta(days=1)
        self.move(self.editor, self.embargoed, later)
        self.embargoed.refresh_from_db()
        local = self.embargoed.publish_at.astimezone(self.zone)
        self.assertEqual((local.date(), local.hour), (later, 6))
        self.assertEqual(self.embargoed.status, Article.Status.EMBARGOED)

        response = self.move(self.editor, self.embargoed, self.today - timedelta(days=1))
        self.assertContains(response, "would go live in the past")
        self.embargoed.refresh_from_db()
        self.assertEqual(self.embargoed.publish_at.astimezone(self.zone).date(), later)

    def test_a_published_piece_cannot_be_moved(self):
        self.assertNotIn(f'action="{move_url(self.published)}"', self.week(self.editor).content.decode())
        before = self.published.publish_at
        response = self.move(self.editor, self.published, self.day)
        self.assertContains(response, "is already published")
        self.published.refresh_from_db()
        self.assertEqual(self.published.publish_at, before)

    def test_only_a_post_with_a_date_moves_anything(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(move_url(self.planned)).status_code, 405)
        response = self.client.post(move_url(self.planned), {"date": "next tuesday"}, follow=True)
        self.assertContains(response, "Give the new date as a day")
        self.planned.refresh_from_db()
        self.assertEqual(self.planned.planned_date, self.day)

    def test_it_returns_only_to_this_site(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            move_url(self.planned), {"date": self.day.isoformat(), "next": "https://evil.example/"}
        )
        self.assertRedirects(response, CALENDAR, fetch_redirect_response=False)

    def test_moving_shows_on_the_reader_site_at_the_new_time(self):
        """The page cache learns the new go-live time: nothing stale, nothing early."""
        tomorrow = self.today + timedelta(days=1)
        soon = make_article(
            title="Ports audit",
            section=self.briefs,
            publish_at=datetime(tomorrow.year, tomorrow.month, tomorrow.day, 9, tzinfo=self.zone),
        )
        self.move(self.editor, soon, self.day)
        soon.refresh_from_db()
        self.assertEqual(soon.publish_at.astimezone(self.zone).date(), self.day)
        from newsroom.pagecache import _load_version

        self.assertEqual(
            _load_version().next_change_at,
            Article.objects.going_live(timezone.now()).order_by("publish_at").first().publish_at,
        )
        self.assertNotContains(self.client_class().get("/"), "Ports audit")


def test_period_is_whole_weeks_from_monday():
    from articles.calendar import MONTH, WEEK, period

    assert period(WEEK, date(2026, 12, 4)) == (date(2026, 11, 30), date(2026, 12, 7))
    assert period(MONTH, date(2026, 2, 14)) == (date(2026, 1, 26), date(2026, 3, 2))
