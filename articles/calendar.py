"""The editorial calendar in the admin: a week or a month of what is published, scheduled, under embargo
and planned (drafts with a planned date), in both languages, filtered by section, author and language.

Every day is a day in the newsroom's time zone (settings.TIME_ZONE, through timezone.localtime), whatever
the server's clock. An item is moved to another day by dragging it (static/js/calendar.js) or with its
"Change date" form, both a POST to `move_view`, which asks the editorial workflow (articles/workflow.py)
the same questions as the change form: a writer moves the planned date of their own drafts, only editors
move a scheduled or embargoed piece (keeping its time of day), and nobody moves a published one.
"""

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from articles import workflow
from articles.models import Article, ArticleAuthor, Author, Language, Section

WEEK = "week"
MONTH = "month"
UNPUBLISHED_STATUSES = (Article.Status.DRAFT, Article.Status.IN_REVIEW)


class Kind:
    """What an item on the calendar is, each with its own colour and label."""

    PUBLISHED = "published"
    SCHEDULED = "scheduled"
    EMBARGOED = "embargoed"
    PLANNED = "planned"

    LABELS = {
        PUBLISHED: _("Published"),
        SCHEDULED: _("Scheduled"),
        EMBARGOED: _("Under embargo"),
        PLANNED: _("Planned"),
    }


@dataclass
class Entry:
    article: Article
    kind: str
    day: date
    # The local time it goes (or went) live; None for a planned draft, which has only a day.
    time: datetime | None
    movable: bool

    @property
    def label(self):
        return Kind.LABELS[self.kind]

    @property
    def status_note(self):
        """For a planned piece, where it stands in the workflow (draft or in review)."""
        return self.article.get_status_display() if self.kind == Kind.PLANNED else ""


@dataclass
class Day:
    date: date
    in_period: bool
    is_today: bool
    entries: list = field(default_factory=list)


def kind_of(article):
    if article.status in UNPUBLISHED_STATUSES:
        return Kind.PLANNED
    if article.is_under_embargo:
        return Kind.EMBARGOED
    if article.is_scheduled:
        return Kind.SCHEDULED
    return Kind.PUBLISHED


def can_move(user, article):
    """Whether `user` may move `article` to another day from the calendar: the change form's rules."""
    if article.is_published or not workflow.can_edit(user, article):
        return False
    if article.status in Article.PUBLIC_STATUSES:
        # Scheduled or under embargo: its publish time is an editor's call.
        return workflow.can_publish(user)
    return True


def period(view, anchor):
    """The days shown for `view` around `anchor`: (first, last + 1 day), whole weeks from Monday."""
    if view == MONTH:
        first = anchor.replace(day=1)
        last = anchor.replace(day=stdlib_calendar.monthrange(anchor.year, anchor.month)[1])
    else:
        first = last = anchor
    start = first - timedelta(days=first.weekday())
    end = last + timedelta(days=7 - last.weekday())
    return start, end


def _local_midnight(day):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def calendar_articles(*, start, end, section=None, author=None, language=None):
    """The articles on the calendar from `start` to `end` (dates, end excluded, in the newsroom's time
    zone): dated ones by their publish time, drafts and pieces in review by their planned date. One query,
    plus one for the bylines, whatever their number."""
    dated = Q(status__in=Article.PUBLIC_STATUSES, publish_at__gte=_local_midnight(start)) & Q(
        publish_at__lt=_local_midnight(end)
    )
    planned = Q(status__in=UNPUBLISHED_STATUSES, planned_date__gte=start, planned_date__lt=end)
    articles = Article.objects.filter(dated | planned)
    if section is not None:
        articles = articles.filter(section=section)
    if author is not None:
        articles = articles.filter(Exists(ArticleAuthor.objects.filter(article=OuterRef("pk"), author=author)))
    if language:
        articles = articles.filter(language=language)
    bylines = Prefetch("bylines", queryset=ArticleAuthor.objects.select_related("author"))
    return articles.select_related("section").defer("body", "analysis").prefetch_related(bylines)


def build_days(articles, *, start, end, user, today):
    """The days from `start` to `end`, each with its entries in time order (planned drafts last)."""
    days = {}
    day = start
    while day < end:
        days[day] = Day(date=day, in_period=True, is_today=day == today)
        day += timedelta(days=1)
    for article in articles:
        kind = kind_of(article)
        local = timezone.localtime(article.publish_at) if kind != Kind.PLANNED else None
        entry_day = local.date() if local is not None else article.planned_date
        if entry_day not in days:
            continue
        days[entry_day].entries.append(
            Entry(article=article, kind=kind, day=entry_day, time=local, movable=can_move(user, article))
        )
    for day in days.values():
        day.entries.sort(key=lambda entry: (entry.time is None, entry.time or 0, entry.article.title))
    return list(days.values())


class CalendarFilterForm(forms.Form):
    view = forms.ChoiceField(choices=[(WEEK, _("Week")), (MONTH, _("Month"))], required=False)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label=_("Around"))
    section = forms.ModelChoiceField(
        Section.objects.all(), required=False, empty_label=_("All sections"), label=_("Section")
    )
    author = forms.ModelChoiceField(
        Author.objects.all(), required=False, empty_label=_("All authors"), label=_("Author")
    )
    language = forms.ChoiceField(
        choices=[("", _("Both languages")), *Language.choices], required=False, label=_("Language")
    )


class MoveForm(forms.Form):
    date = forms.DateField(label=_("New date"), widget=forms.DateInput(attrs={"type": "date"}))


@transaction.atomic
def reschedule(*, article, day, user, now=None):
    """Move `article` to `day` as `user`: a planned draft's planned date, or the publish time of a
    scheduled or embargoed piece (its time of day kept, in the newsroom's time zone).

    Raises PermissionDenied when `user` may not move it, and ValidationError when it cannot go there
    (published already, or a day that would put it live in the past). Recorded in the history as `user`'s.
    """
    article = Article.objects.select_for_update().get(pk=article.pk)
    now = now or timezone.now()
    if article.is_published:
        raise ValidationError(
            gettext("“%(title)s” is already published: its date is a matter of record and cannot be moved."),
            code="published",
            params={"title": article.title},
        )
    if not can_move(user, article):
        raise PermissionDenied
    if article.status in Article.PUBLIC_STATUSES:
        time_of_day = timezone.localtime(article.publish_at).time().replace(tzinfo=None)
        moved = timezone.make_aware(datetime.combine(day, time_of_day))
        if moved <= now:
            raise ValidationError(
                gettext("“%(title)s” would go live in the past at %(when)s. Choose a day still to come."),
                code="in_the_past",
                params={"title": article.title, "when": date_format(timezone.localtime(moved), "DATETIME_FORMAT")},
            )
        error = workflow.embargo_time_error(article, moved, now=now)
        if error is not None:
            raise error
        article.publish_at = moved
    else:
        article.planned_date = day
    article._history_user = user
    article.save()
    return article


def _calendar_url(params):
    url = reverse("admin:articles_article_calendar")
    kept = {name: value for name, value in params.items() if value}
    return f"{url}?{urlencode(kept)}" if kept else url


def calendar_view(request, model_admin):
    """The calendar page: GET view=week|month, date (any day of the period), section, author, language."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = CalendarFilterForm(request.GET)
    form.is_valid()
    filters = form.cleaned_data if form.is_bound else {}
    view = filters.get("view") or WEEK
    today = timezone.localdate()
    anchor = filters.get("date") or today
    start, end = period(view, anchor)
    articles = calendar_articles(
        start=start,
        end=end,
        section=filters.get("section"),
        author=filters.get("author"),
        language=filters.get("language"),
    )
    days = build_days(articles, start=start, end=end, user=request.user, today=today)
    if view == MONTH:
        for day in days:
            day.in_period = day.date.month == anchor.month
        previous = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
        following = (anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        heading = date_format(anchor, "YEAR_MONTH_FORMAT")
    else:
        previous, following = anchor - timedelta(days=7), anchor + timedelta(days=7)
        heading = gettext("%(first)s to %(last)s") % {
            "first": date_format(start, "DATE_FORMAT"),
            "last": date_format(end - timedelta(days=1), "DATE_FORMAT"),
        }
    params = {
        "view": view,
        "section": filters.get("section") and filters["section"].pk,
        "author": filters.get("author") and filters["author"].pk,
        "language": filters.get("language"),
    }
    here = _calendar_url({**params, "date": anchor.isoformat()})
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Editorial calendar"),
        "opts": model_admin.model._meta,
        "form": form,
        "view": view,
        "heading": heading,
        "weeks": [days[index : index + 7] for index in range(0, len(days), 7)],
        "weekdays": [date_format(start + timedelta(days=offset), "l") for offset in range(7)],
        "kinds": Kind.LABELS.items(),
        "here": here,
        "previous_url": _calendar_url({**params, "date": previous.isoformat()}),
        "next_url": _calendar_url({**params, "date": following.isoformat()}),
        "today_url": _calendar_url(params),
        "week_url": _calendar_url({**params, "view": WEEK, "date": anchor.isoformat()}),
        "month_url": _calendar_url({**params, "view": MONTH, "date": anchor.isoformat()}),
        "time_zone": timezone.get_current_timezone_name(),
        "entry_count": sum(len(day.entries) for day in days),
    }
    return TemplateResponse(request, "admin/articles/calendar.html", context)


def move_view(request, pk, model_admin):
    """POST date=YYYY-MM-DD: move article `pk` to that day, then back to the calendar (`next`)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = get_object_or_404(Article, pk=pk)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("admin:articles_article_calendar")
    if not can_move(request.user, article) and not article.is_published:
        raise PermissionDenied
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Give the new date as a day, e.g. 2026-03-14."))
        return redirect(back)
    try:
        moved = reschedule(article=article, day=form.cleaned_data["date"], user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    if moved.status in Article.PUBLIC_STATUSES:
        when = date_format(timezone.localtime(moved.publish_at), "DATETIME_FORMAT")
    else:
        when = date_format(moved.planned_date, "DATE_FORMAT")
    messages.success(request, gettext("“%(title)s” moved to %(when)s.") % {"title": moved.title, "when": when})
    return redirect(back)
