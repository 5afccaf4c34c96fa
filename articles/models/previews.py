"""Private links to unpublished articles: previews for colleagues and embargoed copies for partner outlets."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from articles.models.articles import Article


def preview_link_expiry():
    return timezone.now() + timedelta(days=settings.PREVIEW_LINK_DAYS)


class _PreviewLinkSigner(signing.TimestampSigner):
    """Signs a preview link's id stamped with its creation time, so that the same link always has
    the same address and its signature's age is the link's age."""

    salt = "articles.preview-link"

    def __init__(self, issued=None):
        super().__init__(salt=self.salt)
        self.issued = issued

    def timestamp(self):
        return signing.b62_encode(int(self.issued.timestamp()))


class RevocableLink(models.Model):
    """What preview and partner links share: an editor can revoke them, and they say who made them and when."""

    revoked = models.BooleanField(_("revoked"), default=False, help_text=_("Tick to stop the link working at once."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]


class PreviewLink(RevocableLink):
    """An unpublished article shown to someone without an account (a translator, say) at a signed address
    that expires and can be revoked."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="preview_links"
    )
    note = models.CharField(
        _("for"), max_length=200, help_text=_("Who the link is for, e.g. “Marta, translator” or “Partner newsroom”.")
    )
    expires_at = models.DateTimeField(
        _("expires"),
        default=preview_link_expiry,
        help_text=_("The link stops working then."),
    )

    class Meta(RevocableLink.Meta):
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return f"{self.article} – {self.note}"

    def get_absolute_url(self):
        return reverse("articles:article-shared-preview", kwargs={"token": self.token})

    def clean(self):
        if self.expires_at and self.expires_at > self.created_at + timedelta(days=settings.PREVIEW_LINK_MAX_DAYS):
            raise ValidationError(
                {
                    "expires_at": _("A preview link lasts at most %(days)s days.")
                    % {"days": settings.PREVIEW_LINK_MAX_DAYS}
                },
                code="preview_link_too_long",
            )

    @property
    def token(self):
        return _PreviewLinkSigner(issued=self.created_at).sign_object(self.pk)

    @property
    def is_active(self):
        return not self.revoked and self.expires_at > timezone.now()

    @classmethod
    def from_token(cls, token):
        """The active link that `token` names, or None: forged, too old, expired or revoked."""
        try:
            pk = _PreviewLinkSigner().unsign_object(token, max_age=timedelta(days=settings.PREVIEW_LINK_MAX_DAYS))
        except signing.BadSignature:
            return None
        link = cls.objects.filter(pk=pk).first() if isinstance(pk, int) else None
        return link if link is not None and link.is_active else None


def partner_link_token():
    return secrets.token_urlsafe(32)


class PartnerLink(RevocableLink):
    """An embargoed article shown to one partner outlet at an address of its own, until the embargo
    lifts (the address then sends the partner to the public page) or an editor revokes it. Every
    visit is logged (PartnerAccess)."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="partner_links"
    )
    partner = models.CharField(
        _("partner outlet"),
        max_length=200,
        help_text=_("The newsroom that gets this link, e.g. “Radio Frontera (investigations desk)”."),
    )
    # A random address, not derived from anything: a link cannot be guessed from another one.
    token = models.CharField(_("token"), max_length=64, unique=True, default=partner_link_token, editable=False)

    class Meta(RevocableLink.Meta):
        verbose_name = _("partner link")
        verbose_name_plural = _("partner links")

    def __str__(self):
        return f"{self.article} – {self.partner}"

    def get_absolute_url(self):
        # In the article's language, as its partners will read it.
        with translation.override(self.article.language):
            return reverse("articles:article-partner", kwargs={"token": self.token})


class PartnerAccess(models.Model):
    """One visit of a partner link: who (the link's partner), when, and what they got. A revoked link
    that is still used is logged too: it may be how a story leaks."""

    class Outcome(models.TextChoices):
        READ = "read", _("Read under embargo")
        AFTER_LIFT = "lifted", _("After the lift: sent to the public page")
        REFUSED = "refused", _("Refused: link revoked or embargo cancelled")

    link = models.ForeignKey(PartnerLink, verbose_name=_("link"), on_delete=models.CASCADE, related_name="accesses")
    # Kept as it was at the visit, should the link be renamed later.
    partner = models.CharField(_("partner outlet"), max_length=200)
    accessed_at = models.DateTimeField(_("accessed"), default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.READ)

    class Meta:
        ordering = ["-accessed_at", "-pk"]
        verbose_name = _("partner link visit")
        verbose_name_plural = _("partner link visits")

    def __str__(self):
        return f"{self.partner} ({self.accessed_at:%Y-%m-%d %H:%M})"
