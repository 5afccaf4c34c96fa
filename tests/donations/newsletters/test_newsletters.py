"""Newsletter signup with double opt-in, one-click unsubscribe, consent records, spam defences, the
e-mail service mirror (against a fake Buttondown on loopback) and the subscriber export."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings
from django.utils import timezone, translation

from articles.roles import FUNDRAISING, assign_role
from donations.newsletters.forms import CONSENT_TEXT
from donations.newsletters.models import NewsletterList, Subscription
from tests.donations.conftest import aged_token
from tests.donations.newsletter_fakes import FakeButtondown
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def weekly():
    return NewsletterList.objects.create(
        slug="weekly",
        name="The weekly briefing",
        name_es="El resumen semanal",
        description="Every Friday: the week's briefs.",
        is_default=True,
    )


@pytest.fixture
def alerts():
    return NewsletterList.objects.create(slug="alerts", name="Investigation alerts", name_es="Alertas de investigación")


@pytest.fixture
def buttondown(settings):
    fake = FakeButtondown()
    fake.thread.start()
    settings.NEWSLETTER_PROVIDER = "buttondown"
    settings.BUTTONDOWN_API_KEY = "bd-test-key"
    settings.BUTTONDOWN_API_BASE = fake.url
    settings.NEWSLETTER_PROVIDER_TIMEOUT_SECONDS = 5
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


def signup_data(**overrides):
    data = {"form_token": aged_token(), "email": "lucia@example.org", "newsletters": ["weekly"], "website": ""}
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def sign_up(client, path="/newsletter/", **overrides):
    return client.post(path, signup_data(**overrides), HTTP_ORIGIN=ORIGIN)


def link_in(message, kind):
    """The confirmation or unsubscribe address in a mail's text, as a path."""
    found = re.search(rf"http://127\.0\.0\.1:8000(\S*/newsletter/{kind}/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_the_newsletter_page_offers_every_open_list_in_both_languages(client, weekly, alerts):
    NewsletterList.objects.create(slug="closed", name="Old list", is_active=False)
    page = client.get("/newsletter/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "The weekly briefing" in html and "Investigation alerts" in html and "Old list" not in html
    assert str(CONSENT_TEXT) in html
    # Consent is never pre-ticked.
    assert "checked" not in html
    assert not page.cookies
    spanish = client.get("/es/newsletter/").content.decode()
    assert "El resumen semanal" in spanish and "Suscribirme" in spanish
    # A newsletter prompt's link ticks its list.
    ticked = client.get("/newsletter/?list=alerts").content.decode()
    assert re.search(r'value="alerts" id="id_newsletters_\d" checked', ticked)
    assert not re.search(r'value="weekly" id="id_newsletters_\d" checked', ticked)


def test_double_opt_in_nothing_is_subscribed_until_the_link_is_followed(
    client, weekly, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, email="Lucia@Example.org", source="newsletter")
    assert response.status_code == 303
    assert response["Location"] == "/newsletter/sent/"
    assert "Check your inbox" in client.get(response["Location"]).content.decode()

    row = Subscription.objects.get()
    assert (row.email, row.status, row.confirmed_at) == ("lucia@example.org", "pending", None)
    assert not Subscription.objects.filter(status="confirmed").exists()
    # The consent: when, from where, in which language and which words.
    assert row.consent_source == "newsletter"
    assert row.language == "en"
    assert row.consent_text == str(CONSENT_TEXT)
    assert timezone.now() - row.consent_at < timedelta(minutes=1)

    [message] = mail.outbox
    assert message.to == ["lucia@example.org"]
    assert "The weekly briefing" in message.body
    confirm = link_in(message, "confirm")

    # Following the link shows a button; a link scanner's GET confirms nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    assert "Confirm my subscription" in page.content.decode()
    assert page["Referrer-Policy"] == "no-referrer"
    row.refresh_from_db()
    assert row.status == "pending"

    with django_capture_on_commit_callbacks(execute=True):
        done = Client(enforce_csrf_checks=True).post(confirm)
    assert done.status_code == 200
    assert "You are subscribed" in done.content.decode()
    row.refresh_from_db()
    assert row.status == "confirmed" and row.confirmed_at is not None
    # A welcome mail, which like every mail has the one-click unsubscribe headers.
    welcome = mail.outbox[-1]
    assert "Thank you for confirming" in welcome.body
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_spanish_signup_is_confirmed_and_mailed_in_spanish(client, weekly, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "/es/newsletter/")
    assert response["Location"] == "/es/newsletter/sent/"
    row = Subscription.objects.get()
    assert row.language == "es"
    with translation.override("es"):
        assert row.consent_text == str(CONSENT_TEXT)
    with translation.override("en"):
        assert row.consent_text != str(CONSENT_TEXT)  # the Spanish wording was shown, and kept
    [message] = mail.outbox
    assert "Confirme su suscripción" in message.subject
    assert "El resumen semanal" in message.body
    assert link_in(message, "confirm").startswith("/es/newsletter/confirm/")


def test_every_mail_has_one_click_unsubscribe_which_works_without_cookie_or_csrf(
    client, weekly, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "confirm"))
    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        assert re.fullmatch(r"<http://127\.0\.0\.1:8000/newsletter/unsubscribe/\S+/>", header)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # Also in the text, for readers whose mail program shows no button.
        assert header[1:-1] in message.body
    url = mail.outbox[-1].extra_headers["List-Unsubscribe"][1:-1].removeprefix("http://127.0.0.1:8000")

    # A GET only asks.
    page = client.get(url)
    assert "Stop sending these newsletters to lucia@example.org" in page.content.decode()
    assert Subscription.objects.get().status == "confirmed"

    # The mail program's POST (RFC 8058): no cookie, no CSRF token, just the body it always sends.
    mail_program = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = mail_program.post(
            url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == 200
    row = Subscription.objects.get()
    assert row.status == "unsubscribed" and row.unsubscribed_at is not None
    # Twice is harmless.
    assert mail_program.post(url).status_code == 200
    # A changed token does nothing.
    forged = mail_program.post(url[:-3] + "xx/")
    assert forged.status_code == 400
    assert "This link does not work" in forged.content.decode()


def test_bad_and_expired_confirmation_links(client, weekly, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    confirm = link_in(mail.outbox[0], "confirm")
    bad = client.post(confirm.replace("/confirm/", "/confirm/x"))
    assert bad.status_code == 400
    assert "incomplete or has been changed" in bad.content.decode()
    assert client.get("/newsletter/confirm/not-a-token/").status_code == 400
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE_SECONDS = -1
    expired = client.post(confirm)
    assert expired.status_code == 400
    assert "has expired" in expired.content.decode()
    assert Subscription.objects.get().status == "pending"
    # An unsubscribe link is no confirmation link, though both are signed by us.
    unsubscribe = link_in(mail.outbox[0], "unsubscribe")
    assert client.post(unsubscribe.replace("/unsubscribe/", "/confirm/")).status_code == 400


def test_a_repeated_signup_is_one_row_and_the_confirmation_is_not_resent_at_once(
    client, weekly, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, email="lucia@example.org")
        sign_up(client, email="LUCIA@example.org ")
        sign_up(client, email="lucia@example.org")
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1
    assert Subscription.objects.get().confirmations_sent == 1
    first_link = link_in(mail.outbox[0], "confirm")

    # Later, a new link is mailed, and it replaces the first one.
    settings.NEWSLETTER_CONFIRMATION_RESEND_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "/es/newsletter/")
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 2
    stale = client.post(first_link)
    assert stale.status_code == 400
    assert "replaced by a newer one" in stale.content.decode()
    assert client.post(link_in(mail.outbox[1], "confirm")).status_code == 200
    row = Subscription.objects.get()
    assert (row.status, row.language, row.confirmations_sent) == ("confirmed", "es", 2)

    # Signing up again once subscribed changes nothing and mails nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert sign_up(client).status_code == 303
    assert len(mail.outbox) == 2
    assert Subscription.objects.get().status == "confirmed"


def test_an_unsubscribed_reader_can_sign_up_again_but_old_links_do_not_resubscribe(
    client, weekly, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_CONFIRMATION_RESEND_SECONDS = 0
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    confirm = link_in(mail.outbox[0], "confirm")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirm)
        client.post(link_in(mail.outbox[0], "unsubscribe"))
    assert Subscription.objects.get().status == "unsubscribed"
    # The old confirmation link, followed again, does not subscribe the reader back.
    assert client.post(confirm).status_code == 400
    assert Subscription.objects.get().status == "unsubscribed"
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    assert Subscription.objects.get().status == "pending"
    client.post(link_in(mail.outbox[-1], "confirm"))
    assert Subscription.objects.get().status == "confirmed"
    assert Subscription.objects.count() == 1


def test_several_lists_at_once_one_mail_and_one_row_each(client, weekly, alerts, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, newsletters=["weekly", "alerts"])
    assert Subscription.objects.count() == 2
    [message] = mail.outbox
    assert "The weekly briefing" in message.body and "Investigation alerts" in message.body
    client.post(link_in(message, "confirm"))
    assert set(Subscription.objects.values_list("status", flat=True)) == {"confirmed"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": ""}, "Enter your email address."),
        ({"email": "not-an-address"}, "Enter an email address like name@example.org."),
        ({"newsletters": None}, "Choose at least one newsletter."),
        ({"newsletters": ["nope"]}, "Choose newsletters from the list."),
        ({"website": "http://spam.example"}, "This form could not be sent."),
        ({"form_token": "fresh"}, "That was quick!"),
        ({"form_token": "forged"}, "This form could not be read."),
    ],
)
def test_mistakes_and_spam_traps_store_nothing_and_keep_what_was_typed(client, weekly, overrides, message):
    data = {"email": "lucia@example.org", **overrides}
    if data.get("form_token") == "fresh":
        data["form_token"] = aged_token(seconds=0)
    response = sign_up(client, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if data["email"]:
        assert f'value="{data["email"]}"' in html
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_a_short_form_without_javascript_gets_the_full_form_to_send_once_more(
    client, weekly, django_capture_on_commit_callbacks
):
    # As the footer box posts it without static/js/newsletter.js: no token.
    response = client.post(
        "/newsletter/",
        {"form_token": "", "short": "on", "source": "footer", "page": "/news/briefs/x/", "email": "ana@example.org"},
        HTTP_ORIGIN=ORIGIN,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "One more step: check your address and press “Subscribe” to send it." in html
    assert 'value="ana@example.org"' in html
    assert re.search(r'value="weekly" id="id_newsletters_\d" checked', html)
    assert not Subscription.objects.exists()
    # The page gave a fresh token; sent (after the minimum time) it subscribes, remembering the source.
    form = response.context["form"]
    data = {**form.data.dict(), "newsletters": ["weekly"], "form_token": aged_token()}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/newsletter/", data, HTTP_ORIGIN=ORIGIN).status_code == 303
    row = Subscription.objects.get()
    assert (row.consent_source, row.consent_url, row.status) == ("footer", "/news/briefs/x/", "pending")


def test_short_forms_are_in_cached_pages_and_subscribe_to_the_default_lists(
    client, weekly, alerts, django_capture_on_commit_callbacks
):
    article = make_article(body="<p>One.</p><p>Two.</p>")
    home = client.get("/")
    page = client.get(article.get_absolute_url())
    for response in (home, page):
        html = response.content.decode()
        assert "data-newsletter-form" in html
        assert "csrfmiddlewaretoken" not in html
        assert not response.cookies
        assert "public" in response["Cache-Control"]
    assert 'name="source" value="home"' in home.content.decode()
    assert 'name="source" value="article"' in page.content.decode()
    assert 'name="source" value="footer"' in page.content.decode()

    token = client.get("/newsletter/token/")
    assert "no-cache" in token["Cache-Control"] or "no-store" in token["Cache-Control"]
    assert not token.cookies
    data = {"form_token": aged_token(), "short": "on", "source": "article", "page": article.get_absolute_url()}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/newsletter/", {**data, "email": "ana@example.org"}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 303
    row = Subscription.objects.get()
    assert (row.newsletter, row.consent_source, row.consent_url) == (weekly, "article", article.get_absolute_url())


def test_a_signup_from_another_site_is_refused(client, weekly):
    response = client.post("/newsletter/", signup_data(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert client.post("/newsletter/", signup_data()).status_code == 403  # no Origin or Referer at all
    assert not Subscription.objects.exists()


def test_signups_are_rate_limited_per_client_and_fail_closed(client, weekly, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "newsletter": "2/h"}
    assert sign_up(client, email="a@example.org").status_code == 303
    assert sign_up(client, email="b@example.org").status_code == 303
    refused = sign_up(client, email="c@example.org")
    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert Subscription.objects.count() == 2
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/5"}
    }
    with override_settings(CACHES=broken):
        down = sign_up(Client(), email="d@example.org")
    assert down.status_code == 503
    assert Subscription.objects.count() == 2


def test_confirmed_addresses_are_mirrored_to_buttondown(
    client, weekly, alerts, buttondown, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, newsletters=["weekly", "alerts"])
    # Nothing reaches the e-mail service before the reader confirms.
    assert buttondown.requests == []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "confirm"))
    [call] = buttondown.requests
    assert (call["method"], call["path"]) == ("POST", "/v1/subscribers")
    assert call["headers"]["Authorization"] == "Token bd-test-key"
    assert call["json"]["email_address"] == "lucia@example.org"
    assert call["json"]["type"] == "regular"
    assert call["json"]["tags"] == ["alerts", "weekly"]
    assert call["json"]["metadata"]["language"] == "en"
    subscriber = buttondown.subscribers["lucia@example.org"]
    assert set(Subscription.objects.values_list("sync_state", flat=True)) == {"synced"}
    assert set(Subscription.objects.values_list("provider_id", flat=True)) == {subscriber["id"]}

    # Leaving one list keeps the other; leaving both unsubscribes the address there too.
    weekly_row = Subscription.objects.get(newsletter=weekly)
    from donations.newsletters.services import unsubscribe_url

    with django_capture_on_commit_callbacks(execute=True):
        client.post(unsubscribe_url([weekly_row], "en").removeprefix("http://127.0.0.1:8000"))
    assert buttondown.subscribers["lucia@example.org"]["tags"] == ["alerts"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[-1], "unsubscribe"))
    assert buttondown.requests[-1]["method"] == "PATCH"
    assert buttondown.requests[-1]["path"] == "/v1/subscribers/lucia@example.org"
    assert buttondown.subscribers["lucia@example.org"]["type"] == "unsubscribed"


def test_a_failed_sync_never_loses_the_subscriber_and_is_retried(
    client, weekly, buttondown, django_capture_on_commit_callbacks
):
    buttondown.fail_with = 503
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link_in(mail.outbox[0], "confirm"))
    assert response.status_code == 200
    row = Subscription.objects.get()
    assert (row.status, row.sync_state, row.sync_attempts) == ("confirmed", "failed", 1)
    assert "503" in row.sync_error
    assert "lucia@example.org" not in buttondown.subscribers

    # Still down: the command says so (a non-zero exit for cron) and keeps the mark.
    Subscription.objects.update(updated_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(CommandError, match="1 failed"):
        call_command("retry_newsletter_sync", stdout=io.StringIO())
    assert Subscription.objects.get().sync_attempts == 2
    # Back up: the retry brings it in step.
    buttondown.fail_with = None
    out = io.StringIO()
    call_command("retry_newsletter_sync", stdout=out)
    assert "1 of 1 addresses synced to buttondown" in out.getvalue()
    row.refresh_from_db()
    assert (row.sync_state, row.sync_error) == ("synced", "")
    assert buttondown.subscribers["lucia@example.org"]["tags"] == ["weekly"]


def test_an_unreachable_service_times_out_and_is_marked_for_retry(
    client, weekly, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_PROVIDER = "buttondown"
    settings.BUTTONDOWN_API_KEY = "bd-test-key"
    # Nothing listens on port 1.
    settings.BUTTONDOWN_API_BASE = "http://127.0.0.1:1/v1"
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link_in(mail.outbox[0], "confirm")).status_code == 200
    row = Subscription.objects.get()
    assert (row.status, row.sync_state) == ("confirmed", "failed")
    assert "unreachable" in row.sync_error


def test_without_a_provider_nothing_leaves_and_the_command_says_why(client, weekly, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mail.outbox[0], "confirm"))
    assert Subscription.objects.get().sync_state == "pending"
    with pytest.raises(CommandError, match="NEWSLETTER_PROVIDER is not set"):
        call_command("retry_newsletter_sync")


def test_fundraising_lists_filters_and_exports_subscribers(client, weekly, alerts):
    def subscribe(email, newsletter, language, status="confirmed"):
        return Subscription.objects.create(
            email=email,
            newsletter=newsletter,
            language=language,
            status=status,
            consent_text="We will e-mail you a link…",
            consent_source="home",
            confirmed_at=timezone.now() if status == "confirmed" else None,
        )

    subscribe("ana@example.org", weekly, "es")
    subscribe("=cmd@example.org", weekly, "en")
    subscribe("bo@example.org", alerts, "en")
    subscribe("pending@example.org", weekly, "es", status="pending")
    user = make_user("fundraiser", is_staff=True)
    assign_role(user, FUNDRAISING)
    client.force_login(user)

    listing = client.get("/admin/donations/subscription/", {"newsletter__id__exact": weekly.pk, "language": "es"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "ana@example.org" in html and "pending@example.org" in html and "bo@example.org" not in html

    rows = Subscription.objects.filter(newsletter=weekly, status="confirmed")
    response = client.post(
        "/admin/donations/subscription/",
        {"action": "export_csv", "_selected_action": [row.pk for row in rows]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert table[0][:4] == ["list", "email", "status", "language"]
    assert sorted(row[1] for row in table[1:]) == ["'=cmd@example.org", "ana@example.org"]
    assert {row[0] for row in table[1:]} == {"weekly"}
    # The lists' page counts subscribers; staff cannot type a subscriber in.
    assert "Investigation alerts" in client.get("/admin/donations/newsletterlist/").content.decode()
    assert client.get("/admin/donations/subscription/add/").status_code == 403


def test_staff_unsubscribe_a_reader_who_writes_in_and_push_failed_rows_now(
    client, weekly, buttondown, django_capture_on_commit_callbacks
):
    row = Subscription.objects.create(
        email="ana@example.org",
        newsletter=weekly,
        status="confirmed",
        confirmed_at=timezone.now(),
        consent_text="…",
        sync_state="failed",
    )
    user = make_user("fundraiser", is_staff=True)
    assign_role(user, FUNDRAISING)
    client.force_login(user)
    response = client.post(
        "/admin/donations/subscription/", {"action": "sync_now", "_selected_action": [row.pk]}, follow=True
    )
    assert "1 of 1 addresses are in step with the e-mail service." in response.content.decode()
    assert buttondown.subscribers["ana@example.org"]["tags"] == ["weekly"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/donations/subscription/", {"action": "unsubscribe", "_selected_action": [row.pk]}, follow=True
        )
    assert "1 address unsubscribed." in response.content.decode()
    row.refresh_from_db()
    assert (row.status, row.sync_state) == ("unsubscribed", "synced")
    assert buttondown.subscribers["ana@example.org"]["type"] == "unsubscribed"


def test_a_mail_server_that_fails_loses_no_signup_and_the_reader_may_ask_again_at_once(
    client, weekly, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)
    assert response.status_code == 303
    row = Subscription.objects.get()
    assert (row.status, row.confirmation_sent_at) == ("pending", None)
    # The mail server is back: the same signup again mails the link straight away, still one row.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    assert len(mail.outbox) == 1
    assert Subscription.objects.count() == 1
