"""A monthly donor in real Chromium, in Spanish: asks for the link to manage their gift, follows it from
the e-mail and reaches Stripe's customer portal (its API faked on loopback, its page answered by the
browser's router); every page checked with axe-core."""

import re
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from donations.giving.models import MonthlyGift
from donations.models import Donation
from tests.browser.test_donate import reader_forms, serious_accessibility_problems  # noqa: F401 - a fixture
from tests.donations.conftest import fake_stripe  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_monthly_donor_reaches_the_customer_portal_from_the_emailed_link(
    live_server,
    page,
    reader_forms,  # noqa: F811
    fake_stripe,  # noqa: F811
):
    donation = Donation.objects.create(
        amount=Decimal("200.00"),
        currency="MXN",
        frequency="monthly",
        donor_name="Joaquín Reyes",
        email="joaquin@example.mx",
        provider="stripe",
        status="paid",
        language="es",
    )
    MonthlyGift.objects.create(
        donation=donation,
        subscription_id="sub_browser",
        customer_id="cus_browser",
        amount=Decimal("200.00"),
        currency="MXN",
        status=MonthlyGift.Status.PAST_DUE,
        started_at=timezone.now(),
    )
    page.route(
        "https://billing.stripe.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<!DOCTYPE html><title>Stripe</title><h1>Portal</h1>"
        ),
    )

    page.goto(f"{live_server.url}/es/donate/manage/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gestione su donación mensual")
    assert serious_accessibility_problems(page) == []
    email = page.get_by_label("Correo electrónico", exact=True)
    email.fill("joaquin@")
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Enviarme el enlace").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    assert serious_accessibility_problems(page) == []

    email.fill("joaquin@example.mx")
    page.get_by_role("button", name="Enviarme el enlace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revise su correo")
    assert serious_accessibility_problems(page) == []

    [message] = mail.outbox
    link = re.search(r"http://127\.0\.0\.1:8000(/es/donate/manage/\S+/)", message.body).group(1)
    page.goto(f"{live_server.url}{link}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Su donación mensual")
    expect(page.get_by_text("El último pago no se pudo procesar: actualice su tarjeta, por favor.")).to_be_visible()
    assert serious_accessibility_problems(page) == []

    page.get_by_role("button", name="Actualizar tarjeta, cambiar monto o cancelar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Portal")
    assert page.url.startswith("https://billing.stripe.com/p/session/bps_")
    [call] = fake_stripe.portal_calls()
    assert (call["params"]["customer"], call["params"]["locale"]) == ("cus_browser", "es")
