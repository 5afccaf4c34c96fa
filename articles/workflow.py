"""The editorial workflow: who may do what to an article, and the moves between its states.

    draft ──submit──▶ in review ──publish / schedule──▶ published (live, or scheduled for later)
      ▲                  │   │                               │
      └──return to draft─┘◀──┼───────────unpublish───────────┘
      ▲                      └──embargo──▶ embargoed (partners only) ──the publish time──▶ live
      └────────────cancel the embargo────────┘

An embargoed article is shared with partner outlets (PartnerLink) and goes live by itself at its publish
time, when the embargo lifts; nobody can publish it earlier. The lift time may be moved, but only to a
time still to come.

Writers (staff who may change articles but not publish them) create articles, edit the drafts they
own (created or signed) while in draft or review, and submit them. Editors (the `publish_article`
permission) edit everything, publish, schedule, embargo and unpublish. The admin asks these functions both
to decide what to show and again on every save, so a hidden button is never the only guard.
"""

import copy
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from articles import checks, history, notifications
from articles.models import Article

PUBLISH_PERMISSION = "articles.publish_article"


def can_publish(user):
    """Whether `user` may publish, schedule and unpublish any article (an editor)."""
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def owns(user, article):
    """Whether `article` is `user`'s own: they created it or sign it."""
    if article.pk is None:
        return True
    if article.created_by_id == user.pk:
        return True
    if "bylines" in getattr(article, "_prefetched_objects_cache", {}):
        # Bylines fetched with their authors for a whole list (the calendar): no query per article.
        return any(byline.author.user_id == user.pk for byline in article.bylines.all())
    return article.bylines.filter(author__user=user).exists()


def can_edit(user, article):
    """Whether `user` may change `article` (as it is stored): editors always; writers their own
    articles while they are drafts or in review, never published or scheduled work."""
    if not user.has_perm("articles.change_article"):
        return False
    if can_publish(user):
        return True
    return article.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW) and owns(user, article)


def can_change_image(user, image):
    """Whether `user` may change `image` (its file, alt text, caption, credit, focal point): editors
    always; writers only while no published, scheduled or embargoed article shows it (as its lead image or in
    its body or analysis), so that published work never changes behind an editor's back."""
    if not user.has_perm("articles.change_image"):
        return False
    if can_publish(user) or image is None or image.pk is None:
        return True
    # Embargoed work is as good as published: partner outlets already have it, and it goes live by itself.
    released = (Article.Status.PUBLISHED, Article.Status.EMBARGOED)
    return not articles_showing(image).filter(status__in=released).exists()


def articles_showing(image):
    """The articles that show `image`, as their lead image or in their body or analysis."""
    shown = f'<figure data-image="{image.pk}"></figure>'
    return Article.objects.filter(Q(lead_image=image) | Q(body__contains=shown) | Q(analysis__contains=shown))


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    # The button's and the action's verb, e.g. "Submit for review".
    sources: tuple
    editors_only: bool
    # For an embargoed article: whether the move applies before the embargo lifts (True), after (False),
    # or either (None).
    under_embargo: bool | None = None

    def allowed(self, user, article):
        if article.status not in self.sources or not can_edit(user, article):
            return False
        embargoed = article.status == Article.Status.EMBARGOED
        if embargoed and self.under_embargo is not None and article.is_under_embargo != self.under_embargo:
            return False
        return can_publish(user) or not self.editors_only


SUBMIT = Transition("submit", _("Submit for review"), (Article.Status.DRAFT,), editors_only=False)
RETURN_TO_DRAFT = Transition("return", _("Return to draft"), (Article.Status.IN_REVIEW,), editors_only=False)
PUBLISH = Transition("publish", _("Publish now"), (Article.Status.DRAFT, Article.Status.IN_REVIEW), editors_only=True)
SCHEDULE = Transition("schedule", _("Schedule"), (Article.Status.DRAFT, Article.Status.IN_REVIEW), editors_only=True)
EMBARGO = Transition(
    "embargo", _("Embargo until the publish time"), (Article.Status.DRAFT, Article.Status.IN_REVIEW), editors_only=True
)
UNPUBLISH = Transition(
    "unpublish",
    _("Unpublish"),
    (Article.Status.PUBLISHED, Article.Status.EMBARGOED),
    editors_only=True,
    under_embargo=False,
)
CANCEL_EMBARGO = Transition(
    "cancel-embargo", _("Cancel the embargo"), (Article.Status.EMBARGOED,), editors_only=True, under_embargo=True
)
TRANSITIONS = {
    transition.name: transition
    for transition in (SUBMIT, RETURN_TO_DRAFT, PUBLISH, SCHEDULE, EMBARGO, UNPUBLISH, CANCEL_EMBARGO)
}


def embargo_refusal(article):
    """The error that refuses to publish `article` (as stored) now, or None: an article under embargo
    goes live when the embargo lifts, not before."""
    if not article.is_under_embargo:
        return None
    return ValidationError(
        _(
            "“%(title)s” is under embargo until %(when)s. It will publish itself then, and cannot be published "
            "before: partner outlets have been promised that time. To change it, move the publish time (to a "
            "time still to come), or cancel the embargo."
        ),
        code="under_embargo",
        params={"title": article.title, "when": date_format(timezone.localtime(article.publish_at), "DATETIME_FORMAT")},
    )


def embargo_time_error(stored, publish_at, *, now=None):
    """The error for moving `stored`'s publish time to `publish_at`, or None. Under embargo, the time
    the embargo lifts may move, but never to now or the past: that would publish it early. A piece going
    out at its time (scheduled or under embargo) may not move to a time that breaks its pair's embargo
    (pair_timing_error())."""
    now = now or timezone.now()
    if publish_at == stored.publish_at:
        return None
    if stored.is_under_embargo and (publish_at is None or publish_at <= now):
        return ValidationError(
            _("This article is under embargo: the time it lifts can only move to a time still to come."),
            code="embargo_time_in_past",
        )
    if stored.status in Article.PUBLIC_STATUSES and publish_at is not None and publish_at > now:
        return pair_timing_error(stored, publish_at=publish_at, embargoed=stored.status == Article.Status.EMBARGOED)
    return None


def pair_timing_error(article, *, publish_at, embargoed):
    """The error when `article`, going out at `publish_at` (under embargo until then when `embargoed`),
    would break its translation's embargo or have its own broken by its translation; None otherwise.

    Either version of a pair under embargo holds the other: the other may not go out before it lifts."""
    partner = (
        Article.objects.translations_of(article).only("title", "status", "publish_at", "translation_key").first()
        if article.translation_key is not None
        else None
    )
    if partner is None or partner.status not in Article.PUBLIC_STATUSES or partner.publish_at is None:
        return None
    lifts = None
    if partner.status == Article.Status.EMBARGOED and partner.publish_at > publish_at:
        lifts, early = partner.publish_at, article
    elif embargoed and partner.publish_at < publish_at and partner.publish_at > timezone.now():
        lifts, early = publish_at, partner
    if lifts is None:
        return None
    return ValidationError(
        _(
            "“%(early)s” would go out before the embargo on its other version lifts (%(lifts)s). Give both the "
            "same time, or hold the other version until then."
        ),
        code="pair_embargo_broken",
        params={"early": early.title, "lifts": formats.date_format(timezone.localtime(lifts), "DATETIME_FORMAT")},
    )


def allowed_transitions(user, article):
    """The transitions `user` may apply to `article` now, in the order the admin shows them."""
    if article.pk is None:
        # A new article is saved as a draft first; its buttons come with the change form.
        return [SUBMIT] if user.has_perm("articles.add_article") else []
    return [transition for transition in TRANSITIONS.values() if transition.allowed(user, article)]


class ChecksFailed(ValidationError):
    """Publishing refused by the checks of articles/checks.py; `problems` lists what stops it."""

    def __init__(self, problems):
        super().__init__([problem.message for problem in problems], code="checks_failed")
        self.problems = problems


@transaction.atomic
def apply_transition(*, article, name, user, now=None, override_checks=False, translation=checks.LOOKUP):
    """Move `article` by the transition called `name`, as `user`, and save it.

    Raises PermissionDenied when `user` may not, and ValidationError when the article is not ready
    (scheduling needs a future publish time). Publishing and scheduling run the checks before publishing
    (articles/checks.py) and raise ChecksFailed on a problem that must be fixed, or on any problem unless
    `override_checks`; `translation` is the article it is being paired with in the same save, if the
    caller knows. The saved version records `user` in the history, and the e-mails of the move
    (articles/notifications.py) are sent once the transaction commits.
    """
    transition = TRANSITIONS.get(name)
    row = Article.objects.select_for_update().filter(pk=article.pk).values_list("status", "publish_at").first()
    if transition is None or row is None:
        raise PermissionDenied
    # Judged on the stored state, not on what a form may have changed on the instance.
    article.status = row[0]
    stored = copy.copy(article)
    stored.publish_at = row[1]
    if transition in (PUBLISH, SCHEDULE) and can_publish(user):
        # Said plainly rather than refused as "not allowed": the editor may, just not yet.
        refusal = embargo_refusal(stored)
        if refusal is not None:
            raise refusal
    if not transition.allowed(user, stored):
        raise PermissionDenied
    now = now or timezone.now()
    if transition in (PUBLISH, SCHEDULE, EMBARGO):
        problems = checks.run(article, translation=translation)
        if checks.blocking(problems, override=override_checks):
            raise ChecksFailed(checks.blocking(problems, override=override_checks))
        if problems:
            # The history says what the editor chose to publish past.
            article._change_reason = checks.override_note(problems)
    if transition is SUBMIT:
        article.status = Article.Status.IN_REVIEW
    elif transition in (RETURN_TO_DRAFT, UNPUBLISH, CANCEL_EMBARGO):
        article.status = Article.Status.DRAFT
    elif transition is EMBARGO:
        if article.publish_at is None or article.publish_at <= now:
            raise ValidationError(
                {"publish_at": _("Set the time the embargo lifts (the publish time) in the future to embargo.")},
                code="embargo_needs_future_time",
            )
        check_translation_ready(article, when=article.publish_at)
        error = pair_timing_error(article, publish_at=article.publish_at, embargoed=True)
        if error is not None:
            raise error
        _mark_published(article, user, now)
        article.status = Article.Status.EMBARGOED
    elif transition is SCHEDULE:
        if article.publish_at is None or article.publish_at <= now:
            raise ValidationError(
                {"publish_at": _("Set a publish time in the future to schedule.")}, code="schedule_needs_future_time"
            )
        check_translation_ready(article, when=article.publish_at)
        _mark_published(article, user, now)
    elif transition is PUBLISH:
        check_translation_ready(article, when=now)
        # Now, unless it was published before (an earlier date is kept when it goes back up).
        if article.publish_at is None or article.publish_at > now:
            article.publish_at = now
        _mark_published(article, user, now)
    article.status_changed_at = now
    article.status_changed_by = user
    article._history_user = user
    article.save()
    history.record_related(article)
    transaction.on_commit(lambda: notifications.transition_made(article=article, transition=transition.name, user=user))
    return article


def check_translation_ready(article, *, partner=None, when=None):
    """Refuse to put a translation before readers while a person has not finished it, or before the
    embargo of the other version lifts.

    Raises ValidationError when `article` holds machine text that no one marked reviewed; when its
    headline or text is still its original's, word for word (a Translate draft nobody translated); or
    when the other version is under an embargo that lifts after `when` (the time `article` would go
    live, now by default). `partner` is the article's translation when the caller has it.
    """
    if article.needs_review:
        raise ValidationError(
            _(
                "“%(title)s” holds machine translation that no one has reviewed. Read it, then press “Mark "
                "translation up to date” before publishing."
            ),
            code="machine_translation_unreviewed",
            params={"title": article.title},
        )
    if partner is None and article.translation_key is not None:
        partner = (
            Article.objects.translations_of(article)
            .only("title", "dek", "body", "status", "publish_at", "translation_key")
            .first()
        )
    if partner is None:
        return
    when = when or timezone.now()
    if partner.status == Article.Status.EMBARGOED and partner.publish_at and partner.publish_at > when:
        raise ValidationError(
            _(
                "“%(title)s”, the other version, is under embargo until %(lifts)s: this one cannot go out "
                "before. Schedule it for then or later."
            ),
            code="translation_before_embargo",
            params={
                "title": partner.title,
                "lifts": formats.date_format(timezone.localtime(partner.publish_at), "DATETIME_FORMAT"),
            },
        )
    if article.source_revision is None:
        return
    same_text = bool(article.body) and article.body == partner.body
    same_headline = article.title == partner.title and article.dek == partner.dek
    if same_text or same_headline:
        raise ValidationError(
            _("“%(title)s” still has the headline or text of the original: translate it before publishing."),
            code="untranslated",
            params={"title": article.title},
        )


@transaction.atomic
def apply_to_pair(*, article, name, user, now=None, override_checks=False):
    """Move `article` by the transition called `name` and, in the same step, its translation when it is
    not yet in that state: "publish both" and "schedule both". The translation of a scheduled article is
    scheduled for the same time. Returns the articles moved; raises as apply_transition() does, for either
    (`override_checks` applies to both)."""
    moved = [apply_transition(article=article, name=name, user=user, now=now, override_checks=override_checks)]
    partner = Article.objects.select_for_update().translations_of(article).first()
    if partner is None or partner.status in Article.PUBLIC_STATUSES:
        return moved
    if name == SCHEDULE.name:
        partner.publish_at = article.publish_at
    moved.append(
        apply_transition(
            article=partner, name=name, user=user, now=now, override_checks=override_checks, translation=article
        )
    )
    return moved


def _mark_published(article, user, now):
    article.status = Article.Status.PUBLISHED
    article.published_by = user
    article.published_on = now
