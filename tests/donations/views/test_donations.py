"""The donate form through HTTP: what the donor sees, what is stored, and what protects it."""

import threading
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from http.cookiejar import CookieJar

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse

from donations.forms import issue_form_token
from donations.models import Donation
from tests.donations.conftest import aged_token, donation_data, postgresql_only
from tests.factories import make_article

pytestmark = pytest.mark.django_db

DONATE = "/donate/"


class BrokenEmailBackend(BaseEmailBackend):
    """The mail server is down."""

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


def post(client, **overrides):
    return client.post(DONATE, donation_data(**overrides))


# The page


def test_the_donate_page_offers_amounts_of_the_chosen_frequency_and_currency(client):
    response = client.get(DONATE)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    html = response.content.decode()
    for amount in ("25 USD", "50 USD", "100 USD", "250 USD", "Other amount"):
        assert amount in html
    assert "One-time amount" in html
    assert ">Give once</button>" in html
    assert "A one-time gift." in html

    monthly = client.get(DONATE, {"frequency": "monthly", "currency": "EUR"}).content.decode()
    assert "Monthly amount" in monthly
    assert "10 EUR a month" in monthly
    assert ">Give monthly</button>" in monthly
    assert "charged every month until you cancel" in monthly
    assert 'name="frequency" value="monthly" id="id_frequency"' in monthly
    assert 'name="currency" value="EUR" id="id_currency"' in monthly


def test_an_unknown_frequency_or_currency_in_the_address_falls_back_to_the_defaults(client):
    html = client.get(DONATE, {"frequency": "weekly", "currency": "XYZ"}).content.decode()
    assert 'name="frequency" value="one-time"' in html
    assert 'name="currency" value="USD"' in html


def test_the_page_carries_where_the_donor_came_from(client):
    article = make_article()
    html = client.get(
        DONATE, {"article": article.pk, "placement": "article", "utm_source": "newsletter", "utm_campaign": "fall"}
    ).content.decode()
    assert f'name="article" value="{article.pk}"' in html
    assert 'name="placement" value="article"' in html
    assert 'name="utm_source" value="newsletter"' in html
    assert 'name="utm_campaign" value="fall"' in html


def test_a_donate_button_on_a_spanish_article_opens_the_spanish_form(client):
    article = make_article(language="es")
    response = client.get(DONATE, {"article": article.pk, "placement": "article"})
    assert response.status_code == 302
    assert response["Location"] == f"/es/donate/?article={article.pk}&placement=article"


# A valid gift


def test_a_pledge_is_stored_with_its_origin_emailed_and_thanked(client, django_capture_on_commit_callbacks):
    article = make_article(title="Gangs tax the buses")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            amount="50",
            message="In memory of <b>Ana</b>",
            may_contact="on",
            article=str(article.pk),
            placement="article",
            utm_source="newsletter",
            utm_medium="email",
            utm_campaign="year-end",
        )

    donation = Donation.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/donate/thanks/{donation.reference}/"
    assert (donation.amount, donation.currency, donation.frequency) == (Decimal("50"), "USD", "one-time")
    assert (donation.donor_name, donation.email, donation.country) == ("Marta Díaz", "marta@example.org", "GT")
    assert donation.message == "In memory of <b>Ana</b>"
    assert donation.may_contact and not donation.is_anonymous
    assert (donation.status, donation.provider) == (Donation.Status.PLEDGED, Donation.Provider.PLEDGE)
    assert donation.article == article
    assert (donation.placement, donation.utm_source, donation.utm_medium, donation.utm_campaign) == (
        "article",
        "newsletter",
        "email",
        "year-end",
    )
    assert donation.language == "en"
    assert donation.receipt_sent_at is not None

    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == ["marta@example.org"]
    assert receipt.subject == "Your pledge to Newsroom"
    assert "Dear Marta Díaz," in receipt.body
    assert "Thank you for pledging 50 USD." in receipt.body
    assert str(donation.reference) in receipt.body

    thanks = client.get(response["Location"])
    assert thanks["Referrer-Policy"] == "same-origin"
    assert "We have recorded your pledge of 50 USD." in thanks.content.decode()
    assert str(donation.reference) in thanks.content.decode()
    assert "We have emailed you a confirmation." in thanks.content.decode()
    assert "Back to “Gangs tax the buses”" in thanks.content.decode()


def test_a_monthly_gift_of_another_amount_in_another_currency(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, frequency="monthly", currency="EUR", amount="other", other_amount="12,50")
    donation = Donation.objects.get()
    assert (donation.amount, donation.currency, donation.frequency) == (Decimal("12.50"), "EUR", "monthly")
    assert "Thank you for pledging 12.50 EUR a month." in mail.outbox[0].body


def test_an_amount_typed_without_choosing_other_counts(client):
    post(client, amount="", other_amount="1,000.50")
    assert Donation.objects.get().amount == Decimal("1000.50")


def test_a_gift_on_the_spanish_form_is_in_spanish(client):
    response = client.post("/es/donate/", donation_data())
    donation = Donation.objects.get()
    assert donation.language == "es"
    assert response["Location"] == f"/es/donate/thanks/{donation.reference}/"


def test_junk_attribution_is_dropped_never_an_error(client):
    draft = make_article(published=False)
    post(client, article=str(draft.pk), placement="<script>", utm_source="x" * 300)
    donation = Donation.objects.get()
    assert donation.article is None
    assert donation.placement == ""
    assert donation.utm_source == "x" * 100


# Each field's validation


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"amount": ""}, "amount", "Choose an amount, or choose “Other amount” and type it in."),
        ({"amount": "abc"}, "amount", "Choose one of the amounts."),
        ({"amount": "other"}, "other_amount", "Enter the amount you would like to give."),
        (
            {"amount": "other", "other_amount": "ten"},
            "other_amount",
            "Enter the amount in numbers, such as 30 or 12.50.",
        ),
        (
            {"amount": "other", "other_amount": "12.505"},
            "other_amount",
            "Enter the amount in numbers, such as 30 or 12.50.",
        ),
        ({"amount": "other", "other_amount": "1"}, "other_amount", "The smallest gift we can take is 2 USD."),
        ({"amount": "1"}, "amount", "The smallest gift we can take is 2 USD."),
        (
            {"amount": "other", "other_amount": "25000.01"},
            "other_amount",
            "The largest gift this form takes is 25,000 USD. For more, please write to us.",
        ),
        (
            {"currency": "MXN", "amount": "other", "other_amount": "20"},
            "other_amount",
            "The smallest gift we can take is 40 MXN.",
        ),
        ({"donor_name": ""}, "donor_name", "Enter your name."),
        ({"donor_name": "x" * 151}, "donor_name", "Enter a name of at most 150 characters (it has 151)."),
        ({"email": ""}, "email", "Enter your email address, so that we can send your receipt."),
        ({"email": "marta@"}, "email", "Enter an email address like name@example.org."),
        ({"country": ""}, "country", "Choose the country you live in."),
        ({"country": "XX"}, "country", "Choose a country from the list."),
        ({"message": "x" * 1001}, "message", "Keep your message to 1000 characters (it has 1001)."),
        ({"frequency": "weekly"}, "frequency", "Select a valid choice. weekly is not one of the available choices."),
    ],
)
def test_each_field_says_what_is_wrong_next_to_it_and_keeps_what_was_typed(client, overrides, field, message):
    response = post(client, **{"message": "For the <i>border</i> team", **overrides})

    assert response.status_code == 200
    assert not Donation.objects.exists()
    form = response.context["form"]
    assert form.errors[field] == [message]
    html = response.content.decode()
    assert "There is a problem with the form" in html
    if field == "frequency":
        # A hidden field (only a tampered post gets it wrong): listed at the top.
        assert f"<li>{message}</li>" in html
        return
    # Next to the field, tied to it for screen readers, and linked from the summary at the top.
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}</li></ul>' in html
    anchor = f"id_{field}_0" if field == "amount" else f"id_{field}"
    assert f'<a href="#{anchor}">{message}</a>' in html
    if field != "amount":
        assert f'aria-describedby="id_{field}_' in html
        assert 'aria-invalid="true"' in html
    # What the donor typed is still there, escaped.
    if "donor_name" not in overrides:
        assert 'value="Marta Díaz"' in html
    if "message" not in overrides:
        assert "For the &lt;i&gt;border&lt;/i&gt; team</textarea>" in html


def test_the_amount_group_is_described_by_its_error(client):
    html = post(client, amount="").content.decode()
    assert 'aria-describedby="id_amount_error"' in html


# Spam traps and CSRF


def test_the_form_needs_its_csrf_token(client):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(DONATE, donation_data())
    assert response.status_code == 403
    assert not Donation.objects.exists()

    page = strict.get(DONATE)
    token = page.context["csrf_token"]
    response = strict.post(DONATE, {**donation_data(), "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 303
    assert Donation.objects.count() == 1


def test_the_honeypot_stops_bots(client):
    response = post(client, website="http://spam.example")
    assert response.status_code == 200
    assert "This form could not be sent." in response.content.decode()
    assert not Donation.objects.exists()


def test_a_form_sent_faster_than_a_person_can_type_is_refused_and_can_be_sent_again(client, settings):
    settings.READER_FORM_MIN_SECONDS = 3
    token = issue_form_token()
    response = post(client, form_token=token)
    assert "That was quick! Please check the form and send it again." in response.content.decode()
    assert not Donation.objects.exists()
    # The same token comes back, so that the wait already done counts.
    assert response.context["form"]["form_token"].value() == token
    response = post(client, form_token=issue_form_token(issued_at=time.time() - 3))
    assert response.status_code == 303


def test_an_expired_or_forged_form_gets_a_fresh_token_and_keeps_what_was_typed(client, settings):
    for token, message in (
        (
            issue_form_token(issued_at=time.time() - settings.READER_FORM_MAX_AGE_SECONDS - 10),
            "was open for a long time",
        ),
        ("forged-token", "could not be read"),
    ):
        response = post(client, form_token=token, donor_name="Luis Pérez")
        html = response.content.decode()
        assert message in html
        assert 'value="Luis Pérez"' in html
        fresh = response.context["form"]["form_token"].value()
        assert fresh != token
        assert post(client, form_token=fresh).status_code == 200  # too fast: a fresh token starts the clock
    assert not Donation.objects.exists()


# Posted twice


def test_the_same_form_posted_twice_makes_one_donation(client, django_capture_on_commit_callbacks):
    data = donation_data()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(DONATE, data)
        second = client.post(DONATE, data)
    assert Donation.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert len(mail.outbox) == 1


def test_a_new_form_makes_a_new_donation(client):
    post(client)
    post(client)
    assert Donation.objects.count() == 2


# Failures after the gift is stored


def test_a_mail_server_failure_keeps_the_pledge_and_tells_the_donor(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.donations.views.test_donations.BrokenEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client)
    donation = Donation.objects.get()
    assert response.status_code == 303
    assert donation.receipt_sent_at is None
    html = client.get(response["Location"]).content.decode()
    assert "We could not email your confirmation just now." in html
    assert "Your pledge is safely recorded" in html


# Rate limits


def test_too_many_posts_from_one_client_get_a_clear_429_page(client, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "donate": "3/h"}
    for _ in range(3):
        assert post(client, donor_name="").status_code == 200
    response = post(client)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Too many attempts" in html
    assert "Please try again in" in html
    assert not Donation.objects.exists()
    # Another client is not affected.
    assert client.post(DONATE, donation_data(), REMOTE_ADDR="203.0.113.9").status_code == 303


def test_a_burst_of_small_gifts_from_one_client_is_stopped(client, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "donate-small": "3/h", "donate-small-all": "100/h"}
    for _ in range(3):
        assert post(client, amount="other", other_amount="2").status_code == 303
    response = post(client, amount="other", other_amount="2.50")
    assert response.status_code == 429
    assert Donation.objects.count() == 3
    # Real gifts go through.
    assert post(client, amount="50").status_code == 303


def test_small_gifts_spread_over_many_addresses_are_stopped_too(client, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "donate-small": "3/h", "donate-small-all": "5/h"}
    statuses = [
        client.post(DONATE, donation_data(amount="2"), REMOTE_ADDR=f"198.51.100.{number}").status_code
        for number in range(1, 8)
    ]
    assert statuses == [303] * 5 + [429] * 2
    assert Donation.objects.count() == 5


def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "donate": "1/h"}
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    # A client cannot dodge the limit by writing its own X-Forwarded-For entries in front.
    first = client.post(DONATE, donation_data(), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5", **proxy)
    second = client.post(DONATE, donation_data(), HTTP_X_FORWARDED_FOR="2.2.2.2, 203.0.113.5", **proxy)
    other = client.post(DONATE, donation_data(), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert (first.status_code, second.status_code, other.status_code) == (303, 429, 303)


# At once, on PostgreSQL


def _browser_session(url):
    """Load the donate page as one browser would: its own cookies, and the CSRF token to post with."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("Referer", url)]
    opener.open(url, timeout=30).read()
    return opener, next(cookie.value for cookie in jar if cookie.name == "csrftoken")


def _post_form(session, url, data):
    opener, token = session
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
    try:
        with opener.open(urllib.request.Request(url, data=body, method="POST"), timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _at_once(count, target, prepare=lambda index: None):
    """Run `target(index, prepared)` in `count` threads released together, each after its own
    `prepare(index)`; return their results."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        prepared = prepare(index)
        barrier.wait()
        results[index] = target(index, prepared)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_donors_at_once_make_exactly_fifty_donations(production_server):
    url = f"{production_server}{reverse('donations:donate')}"
    statuses = _at_once(
        50,
        lambda index, session: _post_form(session, url, donation_data(donor_name=f"Donor {index}")),
        prepare=lambda index: _browser_session(url),
    )
    assert statuses == [200] * 50  # each followed its redirect to its thank-you page
    assert Donation.objects.count() == 50
    assert set(Donation.objects.values_list("donor_name", flat=True)) == {f"Donor {index}" for index in range(50)}


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_one_form_posted_ten_times_at_once_makes_one_donation(production_server):
    url = f"{production_server}{reverse('donations:donate')}"
    data = donation_data(form_token=aged_token())
    # One browser whose post goes out ten times (a retrying proxy, an impatient double click…).
    session = _browser_session(url)
    statuses = _at_once(10, lambda index, prepared: _post_form(session, url, data))
    assert statuses == [200] * 10
    assert Donation.objects.count() == 1


def test_the_spanish_form_speaks_spanish_down_to_the_receipt(client, django_capture_on_commit_callbacks):
    page = client.get("/es/donate/", {"frequency": "monthly"}).content.decode()
    assert "Apoye el periodismo independiente" in page
    assert "10 USD al mes" in page
    assert ">Donar cada mes</button>" in page
    assert "Guatemala" in page and "México" in page
    mistake = client.post("/es/donate/", donation_data(email="marta@")).content.decode()
    assert "Escriba un correo electrónico como nombre@ejemplo.org." in mistake
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/donate/", donation_data(amount="other", other_amount="1.000,50"))
    assert Donation.objects.get().amount == Decimal("1000.50")
    receipt = mail.outbox[0]
    assert receipt.subject == "Su promesa de donación a Newsroom"
    assert "Gracias por su promesa de donar 1\xa0000,50 USD." in receipt.body
