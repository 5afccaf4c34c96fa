"""E-mails of the editorial workflow: editors hear when a piece is submitted, writers when theirs is
returned, published, scheduled, embargoed (or its embargo cancelled) or unpublished.

Called by articles/workflow.py once the move is committed. Each recipient gets the e-mail in their own
language when they have chosen one (Authors → language of desk e-mails), else in the article's.
A failing mail server is logged and never undoes or hides the move itself.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from articles.identity import email_context
from newsroom.site import absolute_url

logger = logging.getLogger(__name__)

PUBLISH_PERMISSION = "articles.publish_article"
# Which people each move concerns, and the template pair (templates/articles/email/<name>*.txt) it uses.
TO_EDITORS = {"submit"}
TO_WRITERS = {"return", "publish", "schedule", "embargo", "cancel-embargo", "unpublish"}


def editors():
    """Active staff who may publish (superusers only when they hold the role), with an e-mail address."""
    # Asked of the model backend, which reads the roles' groups (the lockout backend holds no permissions).
    people = get_user_model().objects.with_perm(
        PUBLISH_PERMISSION, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    return people.exclude(email="")


def writers(article):
    """The staff whose piece `article` is: who created it and who signs it, with an e-mail address."""
    owners = Q(pk=article.created_by_id) | Q(author__bylines__article=article)
    return get_user_model().objects.filter(owners, is_active=True).exclude(email="").distinct()


def recipients(article, transition, actor):
    if transition in TO_EDITORS:
        people = editors()
    elif transition in TO_WRITERS:
        people = writers(article)
    else:
        return []
    # Nobody is told about their own move.
    return list(people.exclude(pk=actor.pk).select_related("author").order_by("pk"))


def language_of(user, article):
    author = getattr(user, "author", None)
    if author is not None and author.email_language:
        return author.email_language
    return article.language


def _message(article, transition, actor, recipient):
    language = language_of(recipient, article)
    with translation.override(language):
        admin_url = absolute_url(reverse("admin:articles_article_change", args=[article.pk]))
        preview_url = absolute_url(reverse("articles:article-preview", kwargs={"pk": article.pk}))
        context = {
            "article": article,
            "transition": transition,
            "actor": actor.get_full_name() or actor.get_username(),
            "recipient": recipient.get_full_name() or recipient.get_username(),
            "admin_url": admin_url,
            "preview_url": preview_url,
            "public_url": absolute_url(article.get_absolute_url()),
            "publish_at": timezone.localtime(article.publish_at) if article.publish_at else None,
            "TIME_ZONE": settings.TIME_ZONE,
            **email_context(),
        }
        subject = " ".join(render_to_string("articles/email/transition_subject.txt", context).split())
        body = render_to_string("articles/email/transition.txt", context)
    return mail.EmailMessage(subject, body, None, [recipient.email], headers={"Content-Language": language})


def transition_made(*, article, transition, user):
    """Send the e-mails of `user` having moved `article` by `transition` (a name in workflow.TRANSITIONS)."""
    try:
        messages = [_message(article, transition, user, person) for person in recipients(article, transition, user)]
        if not messages:
            return 0
        with mail.get_connection() as connection:
            return connection.send_messages(messages)
    except Exception:
        # The article has moved whatever the mail server says; the desk sees it on the dashboard.
        logger.exception("Could not send the %s e-mails of article %s", transition, article.pk)
        return 0
