"""Reader forms: the donate form, the comment form and the helpful vote, with their spam traps."""

import re
import time
import uuid
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core import signing
from django.forms.utils import flatatt
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from articles.models import Article
from donations.models import Donation

OTHER = "other"
FORM_TOKEN_SALT = "donations.form-token"
ATTRIBUTION_FIELDS = ["placement", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]
# What a placement may be called: a short word such as "article" or "footer".
PLACEMENT = re.compile(r"^[a-z0-9][a-z0-9_-]{0,29}$")


def issue_form_token(*, issued_at=None):
    """A signed token for one filling-in of a form: a key that makes a second post of the same form
    a repeat, not a new submission, and the time the form was shown, for the minimum fill time."""
    return signing.dumps(
        {"key": uuid.uuid4().hex, "at": int(time.time() if issued_at is None else issued_at)}, salt=FORM_TOKEN_SALT
    )


def currency_options(code):
    return settings.DONATION_CURRENCIES[code]


def default_currency():
    return next(iter(settings.DONATION_CURRENCIES))


def format_amount(amount, currency):
    """An amount as readers write it in the current language: 1,000 USD, 12.50 EUR (1.000 USD in Spanish)."""
    amount = Decimal(amount)
    places = 0 if amount == amount.to_integral_value() else 2
    return f"{number_format(amount, places, use_l10n=True, force_grouping=True)} {currency}"


def amount_choice_label(value, currency, frequency):
    """A suggested amount as the donor reads it, with the frequency: "25 USD", "10 USD a month"."""
    amount = format_amount(value, currency)
    if frequency == Donation.Frequency.MONTHLY:
        return _("%(amount)s a month") % {"amount": amount}
    return amount


def other_amount_label(currency, frequency):
    if frequency == Donation.Frequency.MONTHLY:
        return _("Your monthly amount in %(currency)s") % {"currency": currency}
    return _("Your amount in %(currency)s") % {"currency": currency}


def other_amount_help(currency):
    options = currency_options(currency)
    return _("From %(min)s to %(max)s.") % {
        "min": format_amount(options["min"], currency),
        "max": format_amount(options["max"], currency),
    }


def name_field(label):
    """A reader's or donor's name, with the messages both forms share."""
    return forms.CharField(
        label=label,
        max_length=150,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Enter a name of at most %(limit_value)d characters (it has %(show_value)d)."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )


class LongSelect(forms.Select):
    """A select of a few hundred options (countries) rendered in one pass: Django's template-per-option
    rendering costs about a tenth of a second for the country list."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            ((code, mark_safe(" selected") if str(code) == chosen else "", label) for code, label in self.choices),
        )
        return format_html(
            "<select{}>\n{}\n</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})), options
        )


class SpamTrapsForm(forms.Form):
    """A honeypot field that people never see and a signed token with the time the form was shown.

    `submission_key` is set once the form is valid: the same for every post of one filled-in form.
    """

    # Hidden from people by CSS and from assistive technology by aria-hidden on its wrapper; bots fill it.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    form_token = forms.CharField(widget=forms.HiddenInput)

    token_errors = {
        "required": _("This form is missing a piece. Please send it again."),
        "form_invalid": _("This form could not be read. Please send it again."),
        "form_expired": _("This form was open for a long time. Please check it and send it again."),
        "too_fast": _("That was quick! Please check the form and send it again."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["form_token"].error_messages["required"] = self.token_errors["required"]
        if not self.is_bound:
            self.initial.setdefault("form_token", issue_form_token())

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("This form could not be sent."), code="honeypot")
        return ""

    def clean_form_token(self):
        try:
            token = signing.loads(self.cleaned_data["form_token"], salt=FORM_TOKEN_SALT)
            key, issued_at = uuid.UUID(hex=token["key"]), float(token["at"])
        except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
            raise forms.ValidationError(self.token_errors["form_invalid"], code="form_invalid") from error
        age = time.time() - issued_at
        if age > settings.READER_FORM_MAX_AGE_SECONDS:
            raise forms.ValidationError(self.token_errors["form_expired"], code="form_expired")
        if age < settings.READER_FORM_MIN_SECONDS:
            raise forms.ValidationError(self.token_errors["too_fast"], code="too_fast")
        self.submission_key = key
        return self.cleaned_data["form_token"]

    def renew_token_if_unusable(self):
        """After a failed post: a fresh token when the old one cannot work again (expired or unreadable),
        so the reader can fix the form and send it without losing what they typed."""
        errors = self.errors.get("form_token")
        if errors and any(error.code in ("form_expired", "form_invalid", "required") for error in errors.as_data()):
            self.data = self.data.copy()
            self.data[self.add_prefix("form_token")] = issue_form_token()

    @property
    def error_summary(self):
        """(field id or None, message) for every error, in the order of the form, for the summary at the top."""
        summary = [(None, message) for message in self.non_field_errors()]
        for field in self:
            for message in field.errors:
                if field.is_hidden or field.name == "website":
                    summary.append((None, message))
                else:
                    summary.append((self.anchor_for(field), message))
        return summary

    def anchor_for(self, field):
        """The id of the input to jump to from the error summary (the first option of a group)."""
        if isinstance(field.field.widget, forms.RadioSelect):
            return f"{field.auto_id}_0"
        return field.auto_id


class DonationForm(SpamTrapsForm):
    """The donate form. Frequency and currency are chosen above it (and travel as hidden fields) so that
    the suggested amounts, the amount's label and the submit button always name the chosen frequency."""

    frequency = forms.ChoiceField(choices=Donation.Frequency.choices, widget=forms.HiddenInput)
    currency = forms.ChoiceField(choices=(), widget=forms.HiddenInput)
    # Not required by itself: an amount typed in "Other amount" with no option chosen counts as chosen.
    amount = forms.CharField(required=False, widget=forms.RadioSelect)
    other_amount = forms.CharField(
        label=_("Other amount"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "size": 10}),
    )
    donor_name = name_field(_("Full name"))
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We send your receipt here."),
        error_messages={
            "required": _("Enter your email address, so that we can send your receipt."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    country = forms.ChoiceField(
        label=_("Country"),
        error_messages={
            "required": _("Choose the country you live in."),
            "invalid_choice": _("Choose a country from the list."),
        },
        widget=LongSelect(attrs={"autocomplete": "country"}),
    )
    message = forms.CharField(
        label=_("Message or dedication (optional)"),
        required=False,
        max_length=1000,
        error_messages={
            "max_length": _("Keep your message to %(limit_value)d characters (it has %(show_value)d)."),
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_anonymous = forms.BooleanField(label=_("Keep my gift anonymous: do not name me publicly"), required=False)
    may_contact = forms.BooleanField(label=_("Email me about your journalism and how my gift helps"), required=False)
    # Where the donor came from, carried from the address of the page to the stored gift.
    article = forms.CharField(required=False, widget=forms.HiddenInput)
    placement = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_source = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_medium = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_campaign = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_term = forms.CharField(required=False, widget=forms.HiddenInput)
    utm_content = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["currency"].choices = [(code, code) for code in settings.DONATION_CURRENCIES]
        self.fields["country"].choices = [("", _("Choose your country")), *countries]
        self.currency_code, self.frequency_code = self._chosen_currency_and_frequency()
        options = currency_options(self.currency_code)
        self.fields["amount"].widget.choices = [
            *(
                (str(value), amount_choice_label(value, self.currency_code, self.frequency_code))
                for value in options[self.frequency_code]
            ),
            (OTHER, _("Other amount")),
        ]
        self.fields["amount"].label = self.amount_label(self.frequency_code)
        self.fields["other_amount"].label = other_amount_label(self.currency_code, self.frequency_code)
        self.fields["other_amount"].help_text = other_amount_help(self.currency_code)

    @classmethod
    def initial_from(cls, query):
        """The initial values of the form from the address of the donate page: the chosen frequency and
        currency, and where the donor came from (?article=, ?placement=, ?utm_…=)."""
        initial = {name: query.get(name, "")[:100] for name in ["article", *ATTRIBUTION_FIELDS]}
        frequency = query.get("frequency")
        initial["frequency"] = frequency if frequency in Donation.Frequency.values else Donation.Frequency.ONE_TIME
        currency = query.get("currency", "").upper()
        initial["currency"] = currency if currency in settings.DONATION_CURRENCIES else default_currency()
        return initial

    @staticmethod
    def frequency_texts(frequency):
        """What the donate page says of a frequency: on the amounts, the summary line and the button."""
        monthly = frequency == Donation.Frequency.MONTHLY
        return {
            "legend": str(DonationForm.amount_label(frequency)),
            "summary": str(
                _("A monthly gift: charged every month until you cancel.") if monthly else _("A one-time gift.")
            ),
            "button": str(_("Give monthly") if monthly else _("Give once")),
            # %(amount)s is filled in by donate.js as the donor picks an amount.
            "button_amount": str(_("Give %(amount)s a month") if monthly else _("Give %(amount)s once")),
        }

    def page_context(self):
        """What the donate page shows around the form: the frequency and currency switch, the texts of the
        chosen frequency, and every suggested amount, for donate.js to switch in place."""
        amounts = {
            currency: {
                frequency: {
                    "choices": [
                        [str(value), str(amount_choice_label(value, currency, frequency))]
                        for value in options[frequency]
                    ],
                    "other_label": str(other_amount_label(currency, frequency)),
                    "other_help": str(other_amount_help(currency)),
                }
                for frequency in Donation.Frequency.values
            }
            for currency, options in settings.DONATION_CURRENCIES.items()
        }
        texts = {frequency: self.frequency_texts(frequency) for frequency in Donation.Frequency.values}
        carried = ["article", *ATTRIBUTION_FIELDS]
        return {
            "frequencies": Donation.Frequency.choices,
            "currencies": list(settings.DONATION_CURRENCIES),
            "texts": texts[self.frequency_code],
            "donate_data": {"amounts": amounts, "texts": texts},
            "carried": [(name, self[name].value()) for name in carried if self[name].value()],
        }

    def initial_article(self):
        """The published article named by the page's ?article=, or None."""
        value = str(self.initial.get("article", ""))
        if not (value.isascii() and value.isdigit()):
            return None
        return Article.objects.published().filter(pk=int(value)).only("pk", "language").first()

    @staticmethod
    def amount_label(frequency):
        if frequency == Donation.Frequency.MONTHLY:
            return _("Monthly amount")
        return _("One-time amount")

    def _chosen_currency_and_frequency(self):
        source = self.data if self.is_bound else self.initial
        currency = source.get(self.add_prefix("currency") if self.is_bound else "currency")
        frequency = source.get(self.add_prefix("frequency") if self.is_bound else "frequency")
        if currency not in settings.DONATION_CURRENCIES:
            currency = default_currency()
        if frequency not in Donation.Frequency.values:
            frequency = Donation.Frequency.ONE_TIME
        return currency, frequency

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount in ("", OTHER):
            return amount
        # Plain digits only: Decimal() also reads "NaN", "Infinity" and "1e309", which no comparison survives.
        if not re.fullmatch(r"\d{1,9}(\.\d{1,2})?", amount):
            raise forms.ValidationError(_("Choose one of the amounts."), code="invalid_choice")
        return Decimal(amount)

    def clean_other_amount(self):
        text = re.sub(r"[\s$€]", "", self.cleaned_data["other_amount"])
        if not text:
            return None
        # "12,50" as Spanish readers write it; "1,000.50" and "1.000,50" with thousands.
        if "," in text and "." in text:
            text = text.replace("." if text.rfind(",") > text.rfind(".") else ",", "")
        text = text.replace(",", ".")
        if not re.fullmatch(r"\d+(\.\d{1,2})?", text):
            raise forms.ValidationError(_("Enter the amount in numbers, such as 30 or 12.50."), code="invalid")
        return Decimal(text)

    def clean_article(self):
        """The published article whose donate button was used; anything else is dropped, not an error."""
        value = self.cleaned_data["article"]
        if not (value.isascii() and value.isdigit()):
            return None
        return Article.objects.published().filter(pk=int(value)).only("pk").first()

    def clean_placement(self):
        value = self.cleaned_data["placement"].strip().lower()
        return value if PLACEMENT.match(value) else ""

    def _clean_utm(self, name):
        return self.cleaned_data[name].strip()[:100]

    def clean_utm_source(self):
        return self._clean_utm("utm_source")

    def clean_utm_medium(self):
        return self._clean_utm("utm_medium")

    def clean_utm_campaign(self):
        return self._clean_utm("utm_campaign")

    def clean_utm_term(self):
        return self._clean_utm("utm_term")

    def clean_utm_content(self):
        return self._clean_utm("utm_content")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("amount") == "":
            if cleaned.get("other_amount") is None and "other_amount" not in self.errors:
                self.add_error(
                    "amount",
                    forms.ValidationError(
                        _("Choose an amount, or choose “Other amount” and type it in."), code="required"
                    ),
                )
                return cleaned
            cleaned["amount"] = OTHER
        if cleaned.get("amount") == OTHER:
            field, value = "other_amount", cleaned.get("other_amount")
            if value is None and "other_amount" not in self.errors:
                self.add_error(
                    field, forms.ValidationError(_("Enter the amount you would like to give."), code="required")
                )
                return cleaned
        else:
            field, value = "amount", cleaned.get("amount")
        currency = cleaned.get("currency")
        if value is None or currency not in settings.DONATION_CURRENCIES:
            return cleaned
        options = currency_options(currency)
        if value < options["min"]:
            self.add_error(
                field,
                forms.ValidationError(
                    _("The smallest gift we can take is %(minimum)s."),
                    code="min_amount",
                    params={"minimum": format_amount(options["min"], currency)},
                ),
            )
        elif value > options["max"]:
            self.add_error(
                field,
                forms.ValidationError(
                    _("The largest gift this form takes is %(maximum)s. For more, please write to us."),
                    code="max_amount",
                    params={"maximum": format_amount(options["max"], currency)},
                ),
            )
        else:
            cleaned["gift_amount"] = value
        return cleaned

    def donation_fields(self):
        """The cleaned values as keyword arguments of services.submit_donation()."""
        data = self.cleaned_data
        return {
            "amount": data["gift_amount"],
            "currency": data["currency"],
            "frequency": data["frequency"],
            "donor_name": data["donor_name"],
            "email": data["email"],
            "country": data["country"],
            "message": data["message"],
            "is_anonymous": data["is_anonymous"],
            "may_contact": data["may_contact"],
            "article": data["article"],
            "attribution": {name: data[name] for name in ATTRIBUTION_FIELDS},
            "submission_key": self.submission_key,
        }


class CommentForm(SpamTrapsForm):
    name = name_field(_("Name"))
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("Only the newsroom sees it, to answer you."),
        error_messages={
            "required": _("Enter your email address, so that we can answer you."),
            "invalid": _("Enter an email address like name@example.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Keep your message to %(limit_value)d characters (it has %(show_value)d)."),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def clean_message(self):
        message = self.cleaned_data["message"]
        if not message.strip():
            raise forms.ValidationError(_("Write your message."), code="required")
        return message

    def comment_fields(self):
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "message": data["message"],
            "submission_key": self.submission_key,
        }


class HelpfulVoteForm(forms.Form):
    """Yes or No, and after a No what could be better. No token: the article page that holds it is
    the same for every reader, so that it can be cached (see views.helpful_vote)."""

    vote = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])
    feedback = forms.CharField(
        label=_("What could be better?"),
        required=False,
        max_length=2000,
        error_messages={"max_length": _("Keep it to %(limit_value)d characters (it has %(show_value)d).")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_feedback(self):
        return self.cleaned_data["feedback"].strip()
