"""A reader subscribes to the newsletter in Spanish in real Chromium, confirms through the mailed link and
unsubscribes in one click; the newsletter pages pass axe-core."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from donations.newsletters.models import NewsletterList, Subscription
from tests.browser.conftest import PHONE
from tests.browser.test_donate import serious_accessibility_problems
from tests.factories import make_article

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newsletter(settings):
    cache.clear()
    settings.READER_FORM_MIN_SECONDS = 1
    weekly = NewsletterList.objects.create(
        slug="viernes", name="The Friday Briefing", name_es="El resumen del viernes", is_default=True
    )
    NewsletterList.objects.create(slug="alertas", name="Investigation alerts", name_es="Alertas de investigación")
    yield weekly
    cache.clear()


def path_of(url):
    """The path of a link in a mail (the mails name SITE_URL; the test server listens elsewhere)."""
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_reader_subscribes_in_spanish_confirms_and_unsubscribes_in_one_click(live_server, page, newsletter):
    article = make_article(
        title="Las extorsiones llegan a las rutas de buses", language="es", body="<p>Uno.</p><p>Dos.</p>"
    )
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    box = page.locator(".newsletter-box--article")
    expect(box.get_by_role("heading")).to_have_text("Reciba nuestras investigaciones por correo")
    box.get_by_label("Su correo electrónico").fill("lucia.mendez@example.org")
    page.wait_for_timeout(1100)  # a person takes longer than the minimum fill time
    box.get_by_role("button", name="Suscribirme").click()

    page.wait_for_url("**/es/newsletter/sent/")
    expect(page.locator("h1")).to_have_text("Revise su bandeja de entrada")
    assert serious_accessibility_problems(page) == []
    subscription = Subscription.objects.get()
    assert (subscription.status, subscription.language, subscription.consent_source) == ("pending", "es", "article")

    [message] = mail.outbox
    assert message.subject.startswith("Confirme su suscripción")
    confirm = re.search(r"(https?://\S+/newsletter/confirm/\S+/)", message.body).group(1)
    page.goto(live_server.url + path_of(confirm))
    expect(page.locator("h1")).to_have_text("Confirme su suscripción")
    assert serious_accessibility_problems(page) == []
    subscription.refresh_from_db()
    assert subscription.status == "pending"  # opening the link alone confirms nothing
    page.get_by_role("button", name="Confirmar mi suscripción").click()
    expect(page.locator("h1")).to_have_text("Ya está suscrito")
    expect(page.locator("main")).to_contain_text("El resumen del viernes")
    subscription.refresh_from_db()
    assert subscription.status == "confirmed"

    welcome = mail.outbox[-1]
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = welcome.extra_headers["List-Unsubscribe"].strip("<>")
    page.goto(live_server.url + path_of(unsubscribe))
    expect(page.locator("h1")).to_have_text("Darme de baja")
    assert serious_accessibility_problems(page) == []
    page.get_by_role("button", name="Darme de baja").click()
    expect(page.locator("h1")).to_have_text("Se ha dado de baja")
    subscription.refresh_from_db()
    assert subscription.status == "unsubscribed"
    # Nothing on the way set a cookie.
    assert page.context.cookies() == []


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_without_javascript_the_footer_box_leads_to_the_full_form(live_server, browser, viewport, newsletter):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/es/")
        footer = page.locator(".newsletter-box--footer")
        footer.get_by_label("Su correo electrónico").fill("pedro@example.org")
        footer.get_by_role("button", name="Suscribirme").click()
        expect(page.locator("#error-summary")).to_contain_text("Un paso más")
        expect(page.get_by_label("Correo electrónico")).to_have_value("pedro@example.org")
        expect(page.get_by_label("El resumen del viernes")).to_be_checked()
        assert not Subscription.objects.exists()
        page.wait_for_timeout(1100)
        page.get_by_role("button", name="Suscribirme").click()
        page.wait_for_url("**/es/newsletter/sent/")
        assert Subscription.objects.get().consent_source == "footer"
        assert context.cookies() == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/newsletter/", "/es/newsletter/"])
def test_the_newsletter_page_is_accessible(live_server, page, newsletter, path):
    page.goto(f"{live_server.url}{path}")
    assert page.locator("h1").count() == 1
    assert serious_accessibility_problems(page) == []
    # A mistake is announced next to the field and in the summary.
    page.wait_for_timeout(1100)
    page.locator(".newsletter-page button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert serious_accessibility_problems(page) == []


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_an_article_with_a_prompt_in_every_placement_is_accessible(live_server, page, newsletter, viewport):
    from donations.prompts.models import Prompt

    for placement, extra in (("in-article", {"after_paragraph": 1}), ("banner", {}), ("end-of-article", {})):
        Prompt.objects.create(
            name=placement,
            placement=placement,
            heading="Sostén este periodismo",
            heading_es="Sostén este periodismo",
            text="Reader gifts pay for our reporting.",
            text_es="Las donaciones de los lectores pagan nuestra reportería.",
            **extra,
        )
    article = make_article(title="Cárceles tomadas", language="es", body="<p>Uno.</p><p>Dos.</p>")
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator(".prompt")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_accessibility_problems(page) == []
    # The prompts and their pixels set no cookie (the donate form they lead to has its CSRF cookie).
    assert page.context.cookies() == []
    page.locator(".prompt--in-article").get_by_role("link", name="Donar").click()
    page.wait_for_url("**/es/donate/?placement=prompt-*")
