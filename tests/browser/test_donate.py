"""A donor in real Chromium: picks a monthly gift, makes a mistake, is told where, fixes it and is thanked."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from playwright.sync_api import expect

from donations.models import Donation
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True)

axe = Axe()


def serious_accessibility_problems(page):
    """axe-core's serious and critical findings on the page as it stands."""
    return [
        f"{violation['id']}: {violation['help']} ({', '.join(str(node['target']) for node in violation['nodes'][:3])})"
        for violation in axe.run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.fixture
def reader_forms(settings):
    """The site as a person meets it: no rate limit left over, a short but real minimum fill time, and a
    CSRF cookie that the plain-HTTP live server can set."""
    cache.clear()
    settings.READER_FORM_MIN_SECONDS = 1
    settings.CSRF_COOKIE_SECURE = False
    yield
    cache.clear()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_donor_fixes_a_mistake_and_reaches_the_thank_you_page(live_server, page, reader_forms):
    page.goto(f"{live_server.url}/donate/?placement=home&utm_source=newsletter")
    submit = page.locator("[data-submit]")
    expect(submit).to_have_text("Give once")

    page.get_by_label("Full name").fill("Marta Díaz")
    # Monthly: switched in place, with what was typed kept and the frequency named everywhere.
    page.get_by_label("Monthly", exact=True).check()
    expect(page.locator("[data-amount-legend]")).to_have_text("Monthly amount")
    expect(page.locator("[data-frequency-summary]")).to_contain_text("every month")
    expect(submit).to_have_text("Give monthly")
    expect(page.get_by_label("Full name")).to_have_value("Marta Díaz")
    assert "frequency=monthly" in page.url
    page.get_by_label("20 USD a month").check()
    expect(submit).to_have_text("Give 20 USD a month")

    page.get_by_label("Email", exact=True).fill("marta@")
    page.get_by_label("Country").select_option("GT")
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    submit.click()

    # The mistake: summarized at the top (which takes the focus) and told next to the field.
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Enter an email address like name@example.org.")
    email = page.get_by_label("Email", exact=True)
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_attribute("aria-describedby", re.compile(r"\bid_email_error\b"))
    expect(page.locator("#id_email_error")).to_have_text("Enter an email address like name@example.org.")
    # Nothing typed was lost, and the gift is still the monthly one.
    expect(page.get_by_label("Full name")).to_have_value("Marta Díaz")
    expect(page.get_by_label("20 USD a month")).to_be_checked()
    expect(submit).to_have_text("Give 20 USD a month")
    assert serious_accessibility_problems(page) == []

    summary.get_by_role("link", name="Enter an email address like name@example.org.").click()
    expect(email).to_be_focused()
    email.fill("marta@example.org")
    submit.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you!")
    expect(page.locator(".dek")).to_have_text("We have recorded your pledge of 20 USD a month.")
    donation = Donation.objects.get()
    assert (donation.amount, donation.frequency, donation.email) == (20, "monthly", "marta@example.org")
    assert (donation.placement, donation.utm_source) == ("home", "newsletter")
    expect(page.locator(".donation-summary")).to_contain_text(str(donation.reference))
    assert serious_accessibility_problems(page) == []


def test_a_double_click_makes_one_donation(live_server, page, reader_forms):
    page.goto(f"{live_server.url}/donate/")
    page.get_by_label("50 USD", exact=True).check()
    page.get_by_label("Full name").fill("Luis Pérez")
    page.get_by_label("Email", exact=True).fill("luis@example.org")
    page.get_by_label("Country").select_option("MX")
    page.wait_for_timeout(1100)
    page.locator("[data-submit]").dblclick()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you!")
    assert Donation.objects.count() == 1


def test_continue_to_payment_from_the_thank_you_page_reaches_checkout(live_server, page, reader_forms, settings):
    """The thank-you page's own form passes the CSRF origin check in a real browser (its referrer policy
    once made Chromium post it with "Origin: null")."""
    from decimal import Decimal

    from tests.donations.conftest import WEBHOOK_SECRET, FakeStripe

    fake = FakeStripe()
    fake.checkout_origin = "https://checkout.stripe.com"
    fake.thread.start()
    settings.DONATION_PROVIDER, settings.STRIPE_SECRET_KEY = "stripe", "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET, settings.STRIPE_API_BASE = WEBHOOK_SECRET, fake.url
    try:
        donation = Donation.objects.create(
            amount=Decimal("25"),
            donor_name="Marta Díaz",
            email="marta@example.org",
            provider="stripe",
            status="pending",
        )
        page.route(
            "https://checkout.stripe.com/**",
            lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Checkout</h1>"),
        )
        page.goto(f"{live_server.url}{donation.get_absolute_url()}?checkout=cancelled")
        page.get_by_role("button", name="Continue to pay 25 USD").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Checkout")
        assert page.url.startswith("https://checkout.stripe.com/c/pay/cs_test_")
    finally:
        fake.server.shutdown()
        fake.server.server_close()
