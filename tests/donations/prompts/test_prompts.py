"""Donate and newsletter prompts: placement, language, dates (with the page cache), counting of views and
clicks, the conversion rate in the admin, and what a prompt costs the article page in queries."""

import re
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.utils import timezone

from articles.models import ContentVersion
from articles.roles import EDITOR, FUNDRAISING, assign_role
from donations.models import Donation
from donations.newsletters.models import NewsletterList, Subscription
from donations.prompts.models import Prompt
from tests.donations.conftest import donation_data
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    make_article,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
BODY = "<p>First.</p><ul><li><p>Listed.</p></li></ul><p>Second.</p><p>Third.</p><p>Fourth.</p>"


def make_prompt(**fields):
    fields.setdefault("name", "Year-end appeal")
    fields.setdefault("placement", Prompt.Placement.END_OF_ARTICLE)
    fields.setdefault("heading", "Keep this reporting free")
    fields.setdefault("text", "Our investigations are paid for by readers like you.")
    fields.setdefault("heading_es", "Mantén libre este periodismo")
    fields.setdefault("text_es", "Nuestras investigaciones las pagan lectores como tú.")
    prompt = Prompt(**fields)
    prompt.full_clean()
    prompt.save()
    return prompt


def body_of(response):
    html = response.content.decode()
    return html[html.index('class="article__body prose"') : html.index("</div>", html.index("article__body"))]


def test_an_in_article_prompt_goes_after_paragraph_n_counted_as_see_also_is(client):
    article = make_article(body=BODY)
    make_prompt(placement="in-article", after_paragraph=2)
    body = body_of(client.get(article.get_absolute_url()))
    # Paragraphs inside a list do not count: "Second." is the second paragraph.
    assert body.index("Second.</p>") < body.index("Keep this reporting free") < body.index("Third.")
    assert body.count("prompt--in-article") == 1


def test_an_in_article_prompt_past_the_end_goes_at_the_end_of_the_body(client):
    article = make_article(body="<p>Only one.</p>")
    make_prompt(placement="in-article", after_paragraph=5)
    body = body_of(client.get(article.get_absolute_url()))
    assert body.index("Only one.</p>") < body.index("Keep this reporting free")


def test_end_of_article_and_banner_placements(client):
    article = make_article(body=BODY, analysis="<p>Our reading.</p>")
    make_prompt(placement="end-of-article")
    make_prompt(name="Banner", placement="banner", heading="", text="Give before December 31.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Our reading.") < html.index("Keep this reporting free") < html.index("helpful")
    # The banner: under the header on reader pages, not on forms.
    assert html.index("</header>") < html.index("Give before December 31.") < html.index('<main id="main"')
    assert "Give before December 31." in client.get("/").content.decode()
    assert "Give before December 31." in client.get(article.section.get_absolute_url()).content.decode()
    assert "Give before December 31." not in client.get("/donate/").content.decode()
    assert "Give before December 31." not in client.get("/newsletter/").content.decode()


def test_prompts_by_language(client):
    english = make_article(language="en")
    spanish = make_article(language="es", section=english.section)
    make_prompt(placement="end-of-article")
    make_prompt(name="Solo en español", placement="banner", language="es", heading="", text="", text_es="Dona hoy.")
    english_html = client.get(english.get_absolute_url()).content.decode()
    spanish_html = client.get(spanish.get_absolute_url()).content.decode()
    assert "Keep this reporting free" in english_html and "Dona hoy." not in english_html
    assert "Mantén libre este periodismo" in spanish_html and "Dona hoy." in spanish_html
    # The default button in the page's language.
    assert re.search(
        r'class="button button--donate" href="/prompts/\d+/go/\?lang=es&amp;article=\d+" rel="nofollow">Donar<',
        spanish_html,
    )


def test_prompts_follow_their_dates_and_the_switch(client):
    article = make_article()
    now = timezone.now()
    make_prompt(name="Over", text="Ended yesterday.", ends_at=now - timedelta(days=1))
    make_prompt(name="Later", text="Starts tomorrow.", starts_at=now + timedelta(days=1))
    make_prompt(name="Off", text="Switched off.", is_active=False)
    make_prompt(name="Now", text="Running now.", starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=1))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Running now." in html
    assert not any(text in html for text in ("Ended yesterday.", "Starts tomorrow.", "Switched off."))


def test_a_prompt_appears_in_cached_pages_at_its_start_and_leaves_at_its_end(client):
    article = make_article()
    start = timezone.now() + timedelta(seconds=1.5)
    prompt = make_prompt(text="Match day: every gift doubled.", starts_at=start, ends_at=start + timedelta(seconds=1.5))
    # The site knows when pages next change by themselves.
    assert ContentVersion.objects.get().next_change_at == prompt.starts_at
    url = article.get_absolute_url()
    assert "Match day" not in client.get(url).content.decode()
    assert client.get(url)["X-Cache"] == "HIT"
    time.sleep(max(0, (start - timezone.now()).total_seconds()) + 0.1)
    assert "Match day" in client.get(url).content.decode()
    time.sleep(max(0, (prompt.ends_at - timezone.now()).total_seconds()) + 0.1)
    assert "Match day" not in client.get(url).content.decode()


def test_editing_a_prompt_refreshes_cached_pages(client):
    article = make_article()
    prompt = make_prompt()
    url = article.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"
    prompt.heading = "A new heading for the appeal"
    prompt.save()
    assert "A new heading for the appeal" in client.get(url).content.decode()


def test_a_view_is_counted_once_per_reader_by_an_uncached_cookieless_pixel(client):
    prompt = make_prompt()
    url = f"/prompts/{prompt.pk}/seen.gif"
    first = client.get(url, HTTP_USER_AGENT=BROWSER)
    assert first["Content-Type"] == "image/gif"
    assert "no-store" in first["Cache-Control"]
    assert not first.cookies
    client.get(url, HTTP_USER_AGENT=BROWSER)
    client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9")
    # Crawlers, link previews and prefetches are not readers.
    client.get(url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    client.get(url)
    client.get(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.10", HTTP_SEC_PURPOSE="prefetch")
    prompt.refresh_from_db()
    assert prompt.views == 2


def test_a_click_is_counted_and_goes_on_to_the_form_with_the_prompt_as_its_source(client):
    article = make_article(language="es")
    prompt = make_prompt()
    response = client.get(f"/prompts/{prompt.pk}/go/?lang=es&article={article.pk}", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 302
    assert response["Location"] == f"/es/donate/?placement=prompt-{prompt.pk}&article={article.pk}"
    assert "no-store" in response["Cache-Control"]
    prompt.refresh_from_db()
    assert prompt.clicks == 1

    weekly = NewsletterList.objects.create(slug="weekly", name="Weekly")
    signup = make_prompt(name="Newsletter", kind="newsletter", newsletter=weekly)
    response = client.get(f"/prompts/{signup.pk}/go/?lang=en", HTTP_USER_AGENT=BROWSER)
    assert response["Location"] == f"/newsletter/?source=prompt-{signup.pk}&list=weekly"
    assert client.get(response["Location"]).context["form"]["source"].value() == f"prompt-{signup.pk}"
    assert client.get("/prompts/999999/go/").status_code == 404


def test_counting_is_rate_limited_and_never_breaks_the_page(client, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "prompt": "2/h"}
    prompts = [make_prompt(name=f"Prompt {number}") for number in range(3)]
    for prompt in prompts:
        assert client.get(f"/prompts/{prompt.pk}/seen.gif", HTTP_USER_AGENT=BROWSER).status_code == 200
    assert [Prompt.objects.get(pk=prompt.pk).views for prompt in prompts] == [1, 1, 0]
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/5"}
    }
    with override_settings(CACHES=broken):
        assert client.get(f"/prompts/{prompts[2].pk}/seen.gif", HTTP_USER_AGENT=BROWSER).status_code == 200
        assert client.get(f"/prompts/{prompts[2].pk}/go/", HTTP_USER_AGENT=BROWSER).status_code == 302
    assert Prompt.objects.get(pk=prompts[2].pk).clicks == 0


def test_the_admin_shows_each_prompts_conversion(client, django_capture_on_commit_callbacks):
    weekly = NewsletterList.objects.create(slug="weekly", name="Weekly")
    donate = make_prompt(name="Donate in article")
    newsletter = make_prompt(name="Newsletter at the end", kind="newsletter", newsletter=weekly)
    Prompt.objects.filter(pk=donate.pk).update(views=200, clicks=10)
    Prompt.objects.filter(pk=newsletter.pk).update(views=50, clicks=5)
    # A gift through the prompt's link, as the click redirect sends it to the donate form.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/donate/?placement=prompt-{donate.pk}", donation_data(placement=f"prompt-{donate.pk}"))
    assert Donation.objects.get().placement == f"prompt-{donate.pk}"
    Subscription.objects.create(
        newsletter=weekly,
        email="a@example.org",
        status="confirmed",
        confirmed_at=timezone.now(),
        consent_source=newsletter.source,
        consent_text="…",
    )
    Subscription.objects.create(
        newsletter=weekly, email="b@example.org", consent_source=newsletter.source, consent_text="…"
    )
    user = make_user("fundraiser", is_staff=True)
    assign_role(user, FUNDRAISING)
    client.force_login(user)
    html = client.get("/admin/donations/prompt/").content.decode()
    rows = {
        name: html[html.index(name) : html.index("</tr>", html.index(name))] for name in (donate.name, newsletter.name)
    }
    # Donate: 10 clicks of 200 views, 1 gift. Newsletter: 5 of 50, 1 confirmed signup (the pending one is not).
    assert "5.0 %" in rows[donate.name] and "0.5 %" in rows[donate.name]
    assert "10.0 %" in rows[newsletter.name] and "2.0 %" in rows[newsletter.name]


def test_editors_configure_prompts_and_the_admin_refuses_incomplete_ones(client):
    editor = make_user("editor", is_staff=True)
    assign_role(editor, EDITOR)
    client.force_login(editor)
    data = {
        "name": "Spring appeal",
        "kind": "donate",
        "placement": "in-article",
        "after_paragraph": "",
        "language": "",
        "heading": "Help us dig deeper",
        "text": "Every gift funds a reporter's week in the field.",
        "button_label": "",
        "heading_es": "",
        "text_es": "",
        "button_label_es": "",
        "is_active": "on",
    }
    response = client.post("/admin/donations/prompt/add/", data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "after_paragraph" in errors and "text_es" in errors
    assert (
        client.post("/admin/donations/prompt/add/", {**data, "after_paragraph": "3", "language": "en"}).status_code
        == 302
    )
    assert Prompt.objects.get().after_paragraph == 3


class PromptQueryTests(TestCase):
    def test_prompts_of_every_placement_cost_one_query_and_none_per_paragraph(self):
        """All prompts of a page come from one query, however many placements and paragraphs."""
        section = make_section(slug="briefs")
        article = make_article(section=section, body="".join(f"<p>Paragraph {n}.</p>" for n in range(40)))
        make_prompt(placement="in-article", after_paragraph=12)
        make_prompt(placement="end-of-article")
        make_prompt(placement="banner")
        cache.clear()
        # article (with its translation), bylines, tags, corrections, links, sections menu, organization news
        # (no tag or country: no related content to look up); and the prompts
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 7):
            response = self.client.get(article.get_absolute_url())
        self.assertEqual(response.content.decode().count('class="prompt '), 3)
