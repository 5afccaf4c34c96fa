"""The newsletter signup form: the full one on /newsletter/ and the short one in pages (home, articles,
footer, prompts), with the donate form's spam traps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from donations.forms import PLACEMENT, SpamTrapsForm
from donations.newsletters.models import NewsletterList

# What readers read next to every signup form, and what their consent records, word for word (str() of it
# is the wording in the language of the page).
CONSENT_TEXT = _(
    "We will e-mail you a link to confirm; nothing is sent before you follow it. Every newsletter has a "
    "one-click unsubscribe link, and we never share or sell your address."
)


class SignupForm(SpamTrapsForm):
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    newsletters = forms.ModelMultipleChoiceField(
        label=_("Newsletters"),
        queryset=NewsletterList.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choose newsletters from the list."),
            "invalid_pk_value": _("Choose newsletters from the list."),
        },
    )
    # Which form: "newsletter" (this page), "home", "article", "footer", "prompt-<id>".
    source = forms.CharField(required=False, widget=forms.HiddenInput)
    # The page that held the form, for the consent record.
    page = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
    # Set by the short forms, which subscribe to the lists marked "in the short forms" unless they name one.
    short = forms.BooleanField(required=False, widget=forms.HiddenInput)

    token_errors = {
        **SpamTrapsForm.token_errors,
        # A short form in a cached page carries no token of its own (static/js/newsletter.js fetches one);
        # without JavaScript the reader lands here and sends this form once more.
        "required": _("One more step: check your address and press “Subscribe” to send it."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = NewsletterList.objects.active()

    def clean_source(self):
        value = self.cleaned_data["source"].strip().lower()
        return value if PLACEMENT.match(value) else "newsletter"

    def clean_page(self):
        value = self.cleaned_data["page"].strip()
        return value if value.startswith("/") and not value.startswith("//") else ""

    def clean(self):
        cleaned = super().clean()
        if "newsletters" in self.errors:
            return cleaned
        chosen = list(cleaned.get("newsletters") or [])
        if not chosen and cleaned.get("short"):
            chosen = [newsletter for newsletter in self.fields["newsletters"].queryset if newsletter.is_default]
        if not chosen:
            self.add_error("newsletters", forms.ValidationError(_("Choose at least one newsletter."), code="required"))
        cleaned["newsletters"] = chosen
        return cleaned

    def anchor_for(self, field):
        if field.name == "newsletters":
            return f"{field.auto_id}_0"
        return super().anchor_for(field)

    def signup_fields(self):
        """The cleaned values as keyword arguments of services.sign_up()."""
        data = self.cleaned_data
        return {
            "email": data["email"],
            "newsletters": data["newsletters"],
            "source": data["source"],
            "page_url": data["page"],
            "consent_text": str(CONSENT_TEXT),
        }
