"""The newsroom's identity: its name, logo, colours, social accounts, contact details and licence, set by
editors in the admin and shown in the header and footer, the feeds, the JSON-LD and the e-mails."""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from articles.models.languages import localized

HEX_COLOR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Write the colour as # and six hexadecimal digits, e.g. #a4161a."), code="color"
)
# WCAG AA for body text: the accent is both text on the white page (kickers, labels) and the background
# of white text (the donate button), so it must stand 4.5:1 against white either way.
MINIMUM_CONTRAST = 4.5
WHITE = "#ffffff"
DEFAULT_ACCENT = "#a4161a"


def _channel(value):
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(color):
    """WCAG's relative luminance of a #rrggbb colour, from 0 (black) to 1 (white)."""
    red, green, blue = (int(color[index : index + 2], 16) for index in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first, second):
    """WCAG's contrast ratio between two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darker(color, amount=0.25):
    """`color` mixed with `amount` of black: the shade of a pressed or hovered button."""
    channels = (int(color[index : index + 2], 16) for index in (1, 3, 5))
    return "#" + "".join(f"{round(channel * (1 - amount)):02x}" for channel in channels)


class Licence(models.TextChoices):
    """What others may do with the newsroom's work: the Creative Commons 4.0 licences, or none."""

    CC_BY = "cc-by", _("Creative Commons Attribution (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa", _("Creative Commons Attribution-ShareAlike (CC BY-SA 4.0)")
    CC_BY_ND = "cc-by-nd", _("Creative Commons Attribution-NoDerivatives (CC BY-ND 4.0)")
    CC_BY_NC = "cc-by-nc", _("Creative Commons Attribution-NonCommercial (CC BY-NC 4.0)")
    CC_BY_NC_SA = "cc-by-nc-sa", _("Creative Commons Attribution-NonCommercial-ShareAlike (CC BY-NC-SA 4.0)")
    CC_BY_NC_ND = "cc-by-nc-nd", _("Creative Commons Attribution-NonCommercial-NoDerivatives (CC BY-NC-ND 4.0)")
    ALL_RIGHTS_RESERVED = "all-rights-reserved", _("All rights reserved")

    @property
    def short_name(self):
        """ "CC BY-NC 4.0", or "" when all rights are reserved."""
        if self == Licence.ALL_RIGHTS_RESERVED:
            return ""
        return "CC " + self.value.removeprefix("cc-").upper() + " 4.0"

    @property
    def terms(self):
        """ "BY-NC 4.0": the short name without "CC", after the words "Creative Commons"."""
        return self.short_name.removeprefix("CC ")

    @property
    def noncommercial(self):
        return "-nc" in self.value

    def url(self, language="en"):
        """The licence's deed at Creative Commons, in `language` where it has one; "" for all rights reserved."""
        if self == Licence.ALL_RIGHTS_RESERVED:
            return ""
        deed = f"https://creativecommons.org/licenses/{self.value.removeprefix('cc-')}/4.0/"
        return deed if language == "en" else f"{deed}deed.{language}"


class SocialNetwork(models.TextChoices):
    """The networks a newsroom keeps accounts on, each with the hosts its profile addresses live on (any
    host for Mastodon, whose servers are many)."""

    X = "x", "X"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    LINKEDIN = "linkedin", "LinkedIn"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"


SOCIAL_HOSTS = {
    SocialNetwork.X: ("x.com", "twitter.com"),
    SocialNetwork.FACEBOOK: ("facebook.com",),
    SocialNetwork.INSTAGRAM: ("instagram.com",),
    SocialNetwork.YOUTUBE: ("youtube.com",),
    SocialNetwork.TIKTOK: ("tiktok.com",),
    SocialNetwork.LINKEDIN: ("linkedin.com",),
    SocialNetwork.WHATSAPP: ("whatsapp.com", "wa.me"),
    SocialNetwork.TELEGRAM: ("t.me", "telegram.me"),
    SocialNetwork.BLUESKY: ("bsky.app",),
    SocialNetwork.MASTODON: (),
}


@deconstructible
class SocialProfileValidator:
    """An https:// address on the network's own hosts (any host for Mastodon)."""

    def __init__(self, network):
        self.network = network

    def __call__(self, url):
        network = SocialNetwork(self.network)
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
        if parts.scheme != "https":
            raise ValidationError(_("Use the profile's https:// address."), code="social_not_https")
        hosts = SOCIAL_HOSTS[network]
        if hosts and host not in hosts:
            raise ValidationError(
                _("This is not a %(network)s address (it should be on %(hosts)s)."),
                code="social_wrong_host",
                params={"network": network.label, "hosts": ", ".join(hosts)},
            )

    def __eq__(self, other):
        return isinstance(other, SocialProfileValidator) and other.network == self.network


def default_name():
    return settings.NEWSROOM_NAME


class SiteIdentityManager(models.Manager):
    def current(self):
        """The newsroom's identity: the one row, or, until an editor saves it, the defaults (the name from
        the NEWSROOM_NAME setting), unsaved. One query."""
        return self.filter(pk=SiteIdentity.SINGLETON).first() or SiteIdentity()


class SiteIdentity(models.Model):
    """Who the newsroom is, as readers see it everywhere: one row, edited in the admin."""

    SINGLETON = 1

    name = models.CharField(
        _("name"),
        max_length=100,
        default=default_name,
        help_text=_("The newsroom's name as readers see it: in the header, page titles, feeds and e-mails."),
    )
    name_es = models.CharField(
        _("Spanish name"), max_length=100, blank=True, help_text=_("Only if the name differs in Spanish.")
    )
    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        blank=True,
        help_text=_("The registered organization behind the newsroom, e.g. “Newsroom Foundation, Inc.”."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_(
            "One sentence on what the newsroom covers: the home page's title and the site's description for "
            "search engines and feeds."
        ),
    )
    tagline_es = models.CharField(_("Spanish tagline"), max_length=200, blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="identity/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_(
            "A PNG or WebP file with a transparent or white background, at least 80 pixels high (SVG is not "
            "accepted: it can carry scripts). Without a logo the header shows the name."
        ),
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    name_beside_logo = models.BooleanField(
        _("name beside the logo"),
        default=False,
        help_text=_("Show the name as text next to the logo, for a logo that is a symbol without the name."),
    )
    accent_color = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[HEX_COLOR],
        help_text=_(
            "Buttons, kickers and labels, e.g. #a4161a. It must be dark enough to read on white and to carry "
            "white text (contrast of at least 4.5 to 1)."
        ),
    )
    accent_hover_color = models.CharField(
        _("hover colour"),
        max_length=7,
        blank=True,
        validators=[HEX_COLOR],
        help_text=_("Buttons under the pointer. Leave empty for a darker shade of the accent colour."),
    )
    founded = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, help_text=_("For search engines' description of the newsroom.")
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("The newsroom's public address for readers, shown in the footer and on the contact page."),
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True, help_text=_("With the country code."))
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Shown in the footer, on the contact page and at the foot of newsletters and receipts."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.CC_BY_NC,
        help_text=_("What others may do with the newsroom's work, stated in the footer and the feeds."),
    )
    footer_note = models.TextField(
        _("footer note"),
        blank=True,
        help_text=_("A sentence or two at the foot of every page, e.g. who you are and how you are funded."),
    )
    footer_note_es = models.TextField(_("Spanish footer note"), blank=True)
    x_url = models.URLField(_("X"), blank=True, validators=[SocialProfileValidator("x")])
    facebook_url = models.URLField(_("Facebook"), blank=True, validators=[SocialProfileValidator("facebook")])
    instagram_url = models.URLField(_("Instagram"), blank=True, validators=[SocialProfileValidator("instagram")])
    youtube_url = models.URLField(_("YouTube"), blank=True, validators=[SocialProfileValidator("youtube")])
    tiktok_url = models.URLField(_("TikTok"), blank=True, validators=[SocialProfileValidator("tiktok")])
    linkedin_url = models.URLField(_("LinkedIn"), blank=True, validators=[SocialProfileValidator("linkedin")])
    whatsapp_url = models.URLField(_("WhatsApp channel"), blank=True, validators=[SocialProfileValidator("whatsapp")])
    telegram_url = models.URLField(_("Telegram"), blank=True, validators=[SocialProfileValidator("telegram")])
    bluesky_url = models.URLField(_("Bluesky"), blank=True, validators=[SocialProfileValidator("bluesky")])
    mastodon_url = models.URLField(_("Mastodon"), blank=True, validators=[SocialProfileValidator("mastodon")])
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SiteIdentityManager()

    class Meta:
        verbose_name = _("newsroom identity")
        verbose_name_plural = _("newsroom identity")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_identity_single_row")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON
        self.accent_color = self.accent_color.lower()
        self.accent_hover_color = self.accent_hover_color.lower()
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        for field in ("accent_color", "accent_hover_color"):
            color = getattr(self, field)
            if color and re.fullmatch(r"#[0-9a-fA-F]{6}", color):
                ratio = contrast_ratio(color.lower(), WHITE)
                if ratio < MINIMUM_CONTRAST:
                    errors[field] = ValidationError(
                        _(
                            "Against white this colour has a contrast of %(ratio).1f to 1; readers need at least "
                            "%(minimum).1f to 1. Choose a darker shade."
                        ),
                        code="low_contrast",
                        params={"ratio": ratio, "minimum": MINIMUM_CONTRAST},
                    )
        if errors:
            raise ValidationError(errors)

    @property
    def display_name(self):
        return localized(self, "name")

    @property
    def display_tagline(self):
        return localized(self, "tagline")

    @property
    def display_footer_note(self):
        return localized(self, "footer_note")

    @property
    def hover_color(self):
        if self.accent_hover_color:
            return self.accent_hover_color
        return darker(self.accent_color if re.fullmatch(r"#[0-9a-fA-F]{6}", self.accent_color) else DEFAULT_ACCENT)

    @property
    def licence_choice(self):
        return Licence(self.licence)

    def licence_url(self, language="en"):
        return self.licence_choice.url(language)

    @property
    def display_licence_url(self):
        """The licence's deed in the active language."""
        return self.licence_url(translation.get_language() or "en")

    @property
    def social_accounts(self):
        """(network, url) for every account filled in, in the networks' order."""
        return [
            (network, getattr(self, f"{network.value}_url"))
            for network in SocialNetwork
            if getattr(self, f"{network.value}_url")
        ]
