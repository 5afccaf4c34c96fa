"""The editorial workflow: who may do what to an article, and the moves between its states.

    draft ──submit──▶ in review ──publish / schedule──▶ published (live, or scheduled for later)
      ▲                  │                                   │
      └──return to draft─┘◀──────────────unpublish───────────┘

Writers (staff who may change articles but not publish them) create articles, edit the drafts they
own (created or signed) while in draft or review, and submit them. Editors (the `publish_article`
permission) edit everything, publish, schedule and unpublish. The admin asks these functions both
to decide what to show and again on every save, so a hidden button is never the only guard.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    return article.bylines.filter(author__user=user).exists()


def can_edit(user, article):
    """Whether `user` may change `article` (as it is stored): editors always; writers their own
    articles while they are drafts or in review, never published or scheduled work."""
    if not user.has_perm("articles.change_article"):
        return False
    if can_publish(user):
        return True
    return article.status in (Article.Status.DRAFT, Article.Status.IN_REVIEW) and owns(user, article)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    # The button's and the action's verb, e.g. "Submit for review".
    sources: tuple
    editors_only: bool

    def allowed(self, user, article):
        if article.status not in self.sources or not can_edit(user, article):
            return False
        return can_publish(user) or not self.editors_only


SUBMIT = Transition("submit", _("Submit for review"), (Article.Status.DRAFT,), editors_only=False)
RETURN_TO_DRAFT = Transition("return", _("Return to draft"), (Article.Status.IN_REVIEW,), editors_only=False)
PUBLISH = Transition("publish", _("Publish now"), (Article.Status.DRAFT, Article.Status.IN_REVIEW), editors_only=True)
SCHEDULE = Transition("schedule", _("Schedule"), (Article.Status.DRAFT, Article.Status.IN_REVIEW), editors_only=True)
UNPUBLISH = Transition("unpublish", _("Unpublish"), (Article.Status.PUBLISHED,), editors_only=True)
TRANSITIONS = {transition.name: transition for transition in (SUBMIT, RETURN_TO_DRAFT, PUBLISH, SCHEDULE, UNPUBLISH)}


def allowed_transitions(user, article):
    """The transitions `user` may apply to `article` now, in the order the admin shows them."""
    if article.pk is None:
        # A new article is saved as a draft first; its buttons come with the change form.
        return [SUBMIT] if user.has_perm("articles.add_article") else []
    return [transition for transition in TRANSITIONS.values() if transition.allowed(user, article)]


@transaction.atomic
def apply_transition(*, article, name, user, now=None):
    """Move `article` by the transition called `name`, as `user`, and save it.

    Raises PermissionDenied when `user` may not, and ValidationError when the article is not ready
    (scheduling needs a future publish time). The saved version records `user` in the history.
    """
    transition = TRANSITIONS.get(name)
    stored = Article.objects.select_for_update().filter(pk=article.pk).values_list("status", flat=True).first()
    if transition is None or stored is None:
        raise PermissionDenied
    # Judged on the stored state, not on what a form may have changed on the instance.
    article.status = stored
    if not transition.allowed(user, article):
        raise PermissionDenied
    now = now or timezone.now()
    if transition is SUBMIT:
        article.status = Article.Status.IN_REVIEW
    elif transition in (RETURN_TO_DRAFT, UNPUBLISH):
        article.status = Article.Status.DRAFT
    elif transition is SCHEDULE:
        if article.publish_at is None or article.publish_at <= now:
            raise ValidationError(
                {"publish_at": _("Set a publish time in the future to schedule.")}, code="schedule_needs_future_time"
            )
        _mark_published(article, user, now)
    elif transition is PUBLISH:
        # Now, unless it was published before (an earlier date is kept when it goes back up).
        if article.publish_at is None or article.publish_at > now:
            article.publish_at = now
        _mark_published(article, user, now)
    article._history_user = user
    article.save()
    return article


def _mark_published(article, user, now):
    article.status = Article.Status.PUBLISHED
    article.published_by = user
    article.published_on = now
