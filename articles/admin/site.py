"""The newsroom's identity in the admin: one form (name, logo, colours, contact, licence, social accounts)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from articles.forms import VerifiedImageField
from articles.models import SiteIdentity, SocialNetwork

# A logo sits on the page's white header: formats that keep a transparent background, never a photo's JPEG.
LOGO_FORMATS = {"PNG", "WEBP"}
LOGO_MIN_HEIGHT = 80
SOCIAL_FIELDS = [f"{network.value}_url" for network in SocialNetwork]


class LogoField(VerifiedImageField):
    """A logo: checked and cleaned like every upload (SVG refused), then held to PNG or WebP, tall enough
    to stay sharp in the header on a high-density screen."""

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        upload.seek(0)
        with PILImage.open(upload) as picture:
            picture_format, height = picture.format, picture.height
        upload.seek(0)
        if picture_format not in LOGO_FORMATS:
            raise ValidationError(
                _("A logo must be a PNG or WebP file (with a transparent or white background)."), code="logo_format"
            )
        if height < LOGO_MIN_HEIGHT:
            raise ValidationError(
                _("This logo is %(height)s pixels high; upload one at least %(minimum)s pixels high."),
                code="logo_too_small",
                params={"height": height, "minimum": LOGO_MIN_HEIGHT},
            )
        return upload


class SiteIdentityForm(forms.ModelForm):
    class Meta:
        model = SiteIdentity
        fields = [
            "name",
            "name_es",
            "legal_name",
            "tagline",
            "tagline_es",
            "founded",
            "logo",
            "name_beside_logo",
            "accent_color",
            "accent_hover_color",
            "contact_email",
            "phone",
            "postal_address",
            "licence",
            "footer_note",
            "footer_note_es",
            *SOCIAL_FIELDS,
        ]
        field_classes = {"logo": LogoField}
        widgets = {
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/webp"}),
            "accent_color": forms.TextInput(attrs={"type": "color"}),
            "accent_hover_color": forms.TextInput(attrs={"pattern": "#[0-9a-fA-F]{6}", "placeholder": "#7a0f12"}),
            "postal_address": forms.Textarea(attrs={"rows": 4}),
            "footer_note": forms.Textarea(attrs={"rows": 3}),
            "footer_note_es": forms.Textarea(attrs={"rows": 3}),
        }


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    """One row: the list leads straight to its form (or to the form that creates it, the first time)."""

    form = SiteIdentityForm
    fieldsets = [
        (None, {"fields": ["name", "name_es", "legal_name", "tagline", "tagline_es", "founded"]}),
        (_("Logo and colours"), {"fields": ["logo", "name_beside_logo", "accent_color", "accent_hover_color"]}),
        (_("Contact"), {"fields": ["contact_email", "phone", "postal_address"]}),
        (_("Licence and footer"), {"fields": ["licence", "footer_note", "footer_note_es"]}),
        (
            _("Social accounts"),
            {
                "description": _("The profiles' full https:// addresses; leave empty the networks you are not on."),
                "fields": SOCIAL_FIELDS,
            },
        ),
    ]

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        # Asked here rather than in has_add_permission(), which every admin page's menu calls.
        if SiteIdentity.objects.exists():
            return HttpResponseRedirect(reverse("admin:articles_siteidentity_change", args=[SiteIdentity.SINGLETON]))
        return super().add_view(request, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if SiteIdentity.objects.exists():
            return HttpResponseRedirect(reverse("admin:articles_siteidentity_change", args=[SiteIdentity.SINGLETON]))
        return HttpResponseRedirect(reverse("admin:articles_siteidentity_add"))
