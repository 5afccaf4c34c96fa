"""Newsletter lists and their subscriptions."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class NewsletterListQuerySet(models.QuerySet):
    def active(self):
        """Lists readers may sign up for, in the order the signup page shows them."""
        return self.filter(is_active=True)

    def with_counts(self):
        """Each list with its confirmed and pending subscriptions counted, for the admin."""
        return self.annotate(
            confirmed_count=Count("subscriptions", filter=Q(subscriptions__status="confirmed")),
            pending_count=Count("subscriptions", filter=Q(subscriptions__status="pending")),
        )


class NewsletterList(models.Model):
    """One newsletter a reader can subscribe to (a weekly digest, investigation alerts…)."""

    slug = models.SlugField(
        _("slug"), max_length=60, unique=True, help_text=_("A short name for addresses and exports, e.g. weekly.")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("The list's name as English readers see it."))
    name_es = models.CharField(
        _("name in Spanish"), max_length=100, blank=True, help_text=_("Empty: the English name is shown.")
    )
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("One sentence on the signup page: what arrives and how often."),
    )
    description_es = models.CharField(_("description in Spanish"), max_length=300, blank=True)
    is_active = models.BooleanField(
        _("open for signups"), default=True, help_text=_("Off: the list disappears from the signup forms.")
    )
    is_default = models.BooleanField(
        _("in the short forms"),
        default=False,
        help_text=_(
            "The signup boxes on the home page, articles and footer subscribe to the lists marked here "
            "(the newsletter page lets readers choose)."
        ),
    )
    provider_tag = models.CharField(
        _("tag in the e-mail service"),
        max_length=100,
        blank=True,
        help_text=_("The tag (Buttondown) that marks this list's subscribers in the e-mail service. Empty: the slug."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NewsletterListQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("newsletter list")
        verbose_name_plural = _("newsletter lists")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name in the language of the page."""
        return self.name_es if get_language() == "es" and self.name_es else self.name

    @property
    def display_description(self):
        return self.description_es if get_language() == "es" and self.description_es else self.description

    def name_in(self, language):
        return self.name_es if language == "es" and self.name_es else self.name

    @property
    def tag(self):
        return self.provider_tag or self.slug


class Subscription(models.Model):
    """One address on one list: pending until the reader follows the confirmation link, then confirmed,
    until they unsubscribe. A repeated signup updates this row; there is never a second one."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Sync(models.TextChoices):
        PENDING = "pending", _("Waiting to sync")
        SYNCED = "synced", _("In step")
        FAILED = "failed", _("Failed, will retry")

    newsletter = models.ForeignKey(
        NewsletterList, verbose_name=_("list"), on_delete=models.PROTECT, related_name="subscriptions"
    )
    email = models.EmailField(_("email"), help_text=_("Stored in lower case, so that one address is one row."))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language the reader signed up in; mails to them are written in it."),
    )
    # The consent: when, where and in which words the reader last asked for this list.
    consent_at = models.DateTimeField(_("consent given"), default=timezone.now)
    consent_source = models.CharField(
        _("signed up from"),
        max_length=40,
        blank=True,
        help_text=_("Which form: newsletter page, home, article, footer, or prompt-<id>."),
    )
    consent_text = models.TextField(_("wording shown"), help_text=_("The exact words next to the form, as shown."))
    consent_url = models.CharField(
        _("page"), max_length=300, blank=True, help_text=_("The address of the page that held the form.")
    )
    confirmation_sent_at = models.DateTimeField(_("confirmation mailed"), null=True, blank=True)
    confirmations_sent = models.PositiveSmallIntegerField(_("confirmation mails"), default=0)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # The mirror in the e-mail service.
    sync_state = models.CharField(_("e-mail service"), max_length=8, choices=Sync.choices, default=Sync.PENDING)
    sync_attempts = models.PositiveSmallIntegerField(_("sync attempts"), default=0)
    sync_error = models.CharField(_("last sync error"), max_length=300, blank=True)
    synced_at = models.DateTimeField(_("last synced"), null=True, blank=True)
    provider_id = models.CharField(_("id in the e-mail service"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("first signup"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        permissions = [("export_subscription", _("Can export newsletter subscribers as CSV"))]
        constraints = [
            models.UniqueConstraint("newsletter", Lower("email"), name="subscription_once_per_address"),
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at__isnull=False), name="subscription_confirmed_dated"
            ),
        ]
        indexes = [
            models.Index(fields=["newsletter", "status", "language"], name="subscription_list_idx"),
            models.Index(fields=["sync_state"], name="subscription_sync_idx"),
        ]

    def __str__(self):
        return f"{self.email} – {self.newsletter}"
