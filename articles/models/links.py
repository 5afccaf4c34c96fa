"""Links between articles: SEE ALSO callouts and related content chosen by editors."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from articles.models.articles import Article


class ArticleLink(models.Model):
    """A link from one article to another: a SEE ALSO callout in the body, or a related-content pick."""

    class Kind(models.TextChoices):
        SEE_ALSO = "see-also", _("SEE ALSO (in the body)")
        RELATED = "related", _("Related content")

    from_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="links")
    to_article = models.ForeignKey(
        Article,
        verbose_name=_("linked article"),
        on_delete=models.CASCADE,
        related_name="linked_from",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RELATED)
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        default=2,
        help_text=_("For SEE ALSO: the paragraph of the body after which the callout appears."),
    )

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("article link")
        verbose_name_plural = _("article links")
        constraints = [
            models.CheckConstraint(condition=~Q(from_article=F("to_article")), name="article_link_not_self"),
            models.UniqueConstraint(fields=["from_article", "to_article", "kind"], name="article_link_once_per_kind"),
        ]

    def __str__(self):
        return f"{self.from_article} → {self.to_article}"

    def clean(self):
        if self.from_article_id and self.from_article_id == self.to_article_id:
            raise ValidationError({"to_article": _("An article cannot link to itself.")}, code="self_link")
