"""The monthly donor's form: asking for the e-mailed link that opens their gift's management."""

from django import forms
from django.utils.translation import gettext_lazy as _

from donations.forms import SpamTrapsForm


class ManageGiftForm(SpamTrapsForm):
    """ "Manage your monthly gift": the donor's e-mail address, with the donate form's spam traps."""

    email = forms.EmailField(
        label=_("Email"),
        help_text=_("The address you gave when you started your monthly gift."),
        max_length=254,
        error_messages={
            "required": _("Enter the email address of your monthly gift."),
            "invalid": _("Enter an email address like name@example.org."),
            "max_length": _("Enter an email address of at most %(limit_value)d characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
