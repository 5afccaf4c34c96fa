"""A monthly donor manages their gift without an account: they ask for a link by e-mail, the signed link
opens their gift, and its button opens Stripe's customer portal (the fake Stripe API on loopback)."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from donations.giving import services as giving_services
from donations.giving.models import MonthlyGift
from donations.models import Donation
from tests.donations.conftest import aged_token

pytestmark = pytest.mark.django_db

MANAGE = "/donate/manage/"


def make_gift(email="marta@example.org", *, language="en", status=MonthlyGift.Status.ACTIVE, customer="cus_marta"):
    donation = Donation.objects.create(
        amount=Decimal("10.00"),
        frequency="monthly",
        donor_name="Marta Díaz",
        email=email,
        provider="stripe",
        status="paid",
        language=language,
    )
    return MonthlyGift.objects.create(
        donation=donation,
        subscription_id=f"sub_{donation.pk}",
        customer_id=customer,
        amount=Decimal("10.00"),
        currency="USD",
        status=status,
        started_at=timezone.now(),
    )


def ask(client, email, url=MANAGE, remote="127.0.0.1", **extra):
    data = {"form_token": aged_token(), "email": email, "website": "", **extra}
    return client.post(url, data, REMOTE_ADDR=remote)


def link_in(message):
    return re.search(r"http://127\.0\.0\.1:8000(\S+/donate/manage/\S+/|/donate/manage/\S+/)", message.body).group(1)


def test_the_form_page(client):
    html = client.get(MANAGE).content.decode()
    assert "<h1>Manage your monthly gift</h1>" in html
    assert 'name="email"' in html
    assert 'name="website"' in html  # the honeypot
    assert '<meta name="robots" content="noindex">' in html


def test_a_known_address_gets_a_link_and_an_unknown_one_the_same_answer(client, django_capture_on_commit_callbacks):
    make_gift()
    with django_capture_on_commit_callbacks(execute=True):
        known = ask(client, "Marta@Example.org ")
    with django_capture_on_commit_callbacks(execute=True):
        unknown = ask(client, "nobody@example.org")
    assert known.status_code == unknown.status_code == 303
    assert known["Location"] == unknown["Location"] == "/donate/manage/sent/"
    [message] = mail.outbox
    assert message.to == ["marta@example.org"]
    assert message.subject == "Manage your monthly gift to Newsroom"
    assert "works for 72 hours" in message.body
    page = client.get(known["Location"]).content.decode()
    assert "If a monthly gift is linked to that address, we have just emailed it a link" in page


def test_the_link_opens_the_gifts_and_the_portal(client, fake_stripe, django_capture_on_commit_callbacks):
    gift = make_gift()
    make_gift(status=MonthlyGift.Status.CANCELLED, customer="cus_old")
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, "marta@example.org")
    link = link_in(mail.outbox[0])
    page = client.get(link)
    html = page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-cache" in page["Cache-Control"] or "max-age=0" in page["Cache-Control"]
    assert "Your monthly gifts" in html
    assert html.count("Update card, change amount or cancel") == 1  # the cancelled gift has no button
    assert "Ended on" in html
    # Following the link opened nothing on Stripe: mail scanners follow links too.
    assert fake_stripe.portal_calls() == []
    response = client.post(link, {"gift": gift.pk})
    assert response.status_code == 303
    assert response["Location"].startswith("https://billing.stripe.com/p/session/")
    [call] = fake_stripe.portal_calls()
    assert call["params"] == {
        "customer": "cus_marta",
        "return_url": f"http://127.0.0.1:8000{link}",
        "locale": "en",
    }
    # A gift of someone else, or a cancelled one, opens nothing.
    stranger = make_gift("lucia@example.org", customer="cus_lucia")
    response = client.post(link, {"gift": stranger.pk})
    assert response.status_code == 200
    assert len(fake_stripe.portal_calls()) == 1


def test_in_spanish(client, fake_stripe, django_capture_on_commit_callbacks):
    gift = make_gift(language="es")
    assert "Gestione su donación mensual" in client.get("/es/donate/manage/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, "marta@example.org", url="/es/donate/manage/")
    assert response["Location"] == "/es/donate/manage/sent/"
    [message] = mail.outbox
    assert message.subject == "Gestione su donación mensual a Newsroom"
    link = link_in(message)
    assert link.startswith("/es/donate/manage/")
    client.post(link, {"gift": gift.pk})
    [call] = fake_stripe.portal_calls()
    assert (call["params"]["locale"], call["params"]["return_url"]) == ("es", f"http://127.0.0.1:8000{link}")


def test_an_expired_or_forged_link_offers_a_new_one(client, settings, fake_stripe):
    gift = make_gift()
    link = giving_services.manage_link(email="marta@example.org", language="en").removeprefix("http://127.0.0.1:8000")
    settings.MONTHLY_GIFT_LINK_MAX_AGE_HOURS = -1
    for url in (link, link[:-5] + "abcd/", "/donate/manage/not-a-token/"):
        response = client.get(url)
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
        assert client.post(url, {"gift": gift.pk}).status_code == 410
    assert fake_stripe.portal_calls() == []


def test_when_stripe_is_down_the_donor_is_told(client, fake_stripe):
    gift = make_gift()
    link = giving_services.manage_link(email="marta@example.org", language="en").removeprefix("http://127.0.0.1:8000")
    fake_stripe.fail_with = 500
    response = client.post(link, {"gift": gift.pk})
    assert response.status_code == 503
    assert "We could not reach our payment processor just now. Nothing has changed" in response.content.decode()


def test_form_errors_keep_what_was_typed(client, django_capture_on_commit_callbacks):
    make_gift()
    response = ask(client, "marta@")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter an email address like name@example.org." in html
    assert 'value="marta@"' in html
    with django_capture_on_commit_callbacks(execute=True):
        trapped = ask(client, "marta@example.org", website="http://spam.example")
        fast = client.post(MANAGE, {"form_token": aged_token(0), "email": "marta@example.org", "website": ""})
    assert "This form could not be sent." in trapped.content.decode()
    assert "That was quick!" in fast.content.decode()
    assert mail.outbox == []


def test_links_are_rate_limited_per_client_and_per_address(client, settings, django_capture_on_commit_callbacks):
    make_gift()
    with django_capture_on_commit_callbacks(execute=True):
        answers = [ask(client, "marta@example.org", remote=f"10.0.0.{n}") for n in range(5)]
    # Each of five clients asked once: the address still gets only three links an hour.
    assert all(answer.status_code == 303 for answer in answers)
    assert len(mail.outbox) == 3
    cache.clear()
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "manage-gift": "2/h"}
    statuses = [ask(client, f"someone{n}@example.org").status_code for n in range(3)]
    assert statuses == [303, 303, 429]


@pytest.mark.django_db(transaction=True)
def test_monthly_gifts_are_sold_under_the_configured_product(client, fake_stripe, settings):
    from tests.donations.conftest import donation_data

    settings.STRIPE_MONTHLY_PRODUCT = "prod_MonthlyGift"
    client.post("/donate/", donation_data(frequency="monthly", amount="20"))
    params = fake_stripe.checkout_calls()[0]["params"]
    assert params["line_items[0][price_data][product]"] == "prod_MonthlyGift"
    assert "line_items[0][price_data][product_data][name]" not in params
    assert params["line_items[0][price_data][unit_amount]"] == "2000"
