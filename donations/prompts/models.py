"""Prompts: the calls to donate or subscribe that editors place, and how often each is seen and used."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from donations.newsletters.models import NewsletterList


class PromptQuerySet(models.QuerySet):
    def live(self, now=None):
        """Prompts switched on whose dates include `now` (default: this moment)."""
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            is_active=True,
        )

    def for_language(self, language):
        """Prompts shown to readers of `language`: those for both languages and those for it alone."""
        return self.filter(language__in=["", language])

    def next_change(self, now):
        """The next moment a prompt starts or ends, for the page cache (None: no change is scheduled)."""
        times = self.filter(is_active=True).aggregate(
            starts=Min("starts_at", filter=Q(starts_at__gt=now)), ends=Min("ends_at", filter=Q(ends_at__gt=now))
        )
        found = [moment for moment in times.values() if moment is not None]
        return min(found) if found else None


class Prompt(models.Model):
    """A donate or newsletter call to action, placed by an editor, shown to every reader alike (no
    cookie, no script from elsewhere), its views and clicks counted."""

    class Kind(models.TextChoices):
        DONATE = "donate", _("Donate")
        NEWSLETTER = "newsletter", _("Newsletter signup")

    class Placement(models.TextChoices):
        IN_ARTICLE = "in-article", _("In the article, after paragraph N")
        END_OF_ARTICLE = "end-of-article", _("At the end of the article")
        BANNER = "banner", _("Site-wide banner")

    name = models.CharField(
        _("name"), max_length=100, help_text=_("For staff only, e.g. “Year-end appeal, in-article”.")
    )
    kind = models.CharField(_("asks readers to"), max_length=10, choices=Kind.choices, default=Kind.DONATE)
    placement = models.CharField(_("placement"), max_length=15, choices=Placement.choices)
    after_paragraph = models.PositiveSmallIntegerField(
        _("after paragraph"),
        null=True,
        blank=True,
        help_text=_(
            "For “in the article”: the prompt goes after this paragraph of the body (1 is the first). "
            "In a shorter article it goes at the end of the body."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Empty: shown on English and Spanish pages, with the text in each language."),
    )
    heading = models.CharField(_("heading"), max_length=120, blank=True, help_text=_("In English."))
    text = models.CharField(_("text"), max_length=400, blank=True, help_text=_("One or two sentences, in English."))
    button_label = models.CharField(
        _("button"), max_length=40, blank=True, help_text=_("In English. Empty: “Donate” or “Subscribe”.")
    )
    heading_es = models.CharField(_("heading in Spanish"), max_length=120, blank=True)
    text_es = models.CharField(_("text in Spanish"), max_length=400, blank=True)
    button_label_es = models.CharField(
        _("button in Spanish"), max_length=40, blank=True, help_text=_("Empty: “Donate” or “Subscribe” in Spanish.")
    )
    newsletter = models.ForeignKey(
        NewsletterList,
        verbose_name=_("newsletter list"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="prompts",
        help_text=_("For a newsletter prompt: the list it signs readers up for."),
    )
    starts_at = models.DateTimeField(_("shown from"), null=True, blank=True, help_text=_("Empty: from now."))
    ends_at = models.DateTimeField(_("shown until"), null=True, blank=True, help_text=_("Empty: until switched off."))
    is_active = models.BooleanField(_("on"), default=True, help_text=_("Off: never shown, whatever the dates."))
    views = models.PositiveBigIntegerField(_("views"), default=0, editable=False)
    clicks = models.PositiveBigIntegerField(_("clicks"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PromptQuerySet.as_manager()

    class Meta:
        ordering = [F("starts_at").desc(nulls_last=True), "-pk"]
        verbose_name = _("prompt")
        verbose_name_plural = _("prompts")
        constraints = [
            models.CheckConstraint(
                condition=~Q(placement="in-article") | Q(after_paragraph__gte=1), name="prompt_in_article_paragraph"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")),
                name="prompt_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(kind="newsletter") | Q(newsletter__isnull=False), name="prompt_newsletter_has_list"
            ),
        ]
        indexes = [models.Index(fields=["is_active", "language"], name="prompt_live_idx")]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.placement == self.Placement.IN_ARTICLE and not self.after_paragraph:
            errors["after_paragraph"] = _("Say after which paragraph the prompt goes.")
        if self.kind == self.Kind.NEWSLETTER and self.newsletter_id is None:
            errors["newsletter"] = _("Choose the list this prompt signs readers up for.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        for language in ("en", "es") if not self.language else (self.language,):
            suffix = "_es" if language == "es" else ""
            if not getattr(self, f"text{suffix}").strip():
                errors[f"text{suffix}"] = (
                    _("Write the Spanish text, or show the prompt in English only.")
                    if language == "es"
                    else _("Write the English text, or show the prompt in Spanish only.")
                )
        if errors:
            raise ValidationError(errors)

    def texts(self, language):
        """(heading, text, button) in `language`, with the default button when none was written."""
        suffix = "_es" if language == "es" else ""
        button = getattr(self, f"button_label{suffix}")
        if not button:
            with translation.override(language):
                button = gettext("Subscribe") if self.kind == self.Kind.NEWSLETTER else gettext("Donate")
        return getattr(self, f"heading{suffix}"), getattr(self, f"text{suffix}"), button

    @property
    def source(self):
        """What a gift or signup that this prompt brought records as its placement or source."""
        return f"prompt-{self.pk}"
