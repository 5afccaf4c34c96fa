"""What readers tell us about an article: "was this helpful" votes and comments for the newsroom."""

from django.db import models
from django.db.models import Count, FloatField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class HelpfulVoteQuerySet(models.QuerySet):
    def tally_by_article(self):
        """Per article: Yes and No answers, and the share of Yes in percent, most answered first."""
        return (
            self.order_by()
            .values("article", "article__title")
            .annotate(
                yes=Count("pk", filter=Q(is_helpful=True)),
                no=Count("pk", filter=Q(is_helpful=False)),
                total=Count("pk"),
            )
            .annotate(share=Cast("yes", FloatField()) * 100 / Cast("total", FloatField()))
            .order_by("-total", "article__title")
        )


class HelpfulVote(models.Model):
    """A reader's answer to "Was this content helpful?" on one article."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="helpful_votes"
    )
    is_helpful = models.BooleanField(_("helpful"))
    feedback = models.TextField(_("what could be better"), blank=True)
    voter_key = models.CharField(
        _("voter key"),
        max_length=64,
        editable=False,
        help_text=_("A one-way hash that tells one reader's votes apart without storing who they are."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = HelpfulVoteQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("helpful vote")
        verbose_name_plural = _("helpful votes")
        constraints = [
            models.UniqueConstraint(fields=["article", "voter_key"], name="helpful_vote_once_per_reader"),
        ]

    def __str__(self):
        return f"{_('Yes') if self.is_helpful else _('No')} – {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()


class Comment(models.Model):
    """A reader's private message to the newsroom about one article, moderated by staff."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        READ = "read", _("Read")
        ANSWERED = "answered", _("Answered")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), help_text=_("Stored as the reader typed it; always shown escaped."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    # One per filled-in form, so the same form posted twice makes one comment.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["status", "-created_at"], name="comment_status_idx")]

    def __str__(self):
        return f"{self.name} on {self.article}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()
