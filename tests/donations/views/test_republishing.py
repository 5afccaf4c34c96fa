"""The republishing pixel: which sites show which of our articles, counted by our own endpoint."""

import html

import pytest

from donations.models import Republication
from donations.views.republishing import PIXEL
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(title="Gangs tax the buses")


def pixel(client, article, referer=None):
    headers = {"Referer": referer} if referer else {}
    return client.get(f"/republished/{article.pk}.gif", headers=headers)


def test_the_republish_html_carries_our_pixel(client, article):
    page = client.get(article.get_absolute_url()).content.decode()
    start = page.index('<textarea id="republish-html"')
    textarea = page[start : page.index("</textarea>", start)]
    shared = html.unescape(textarea)
    assert (
        f'<img src="http://127.0.0.1:8000/republished/{article.pk}.gif" alt="" width="1" height="1" '
        'referrerpolicy="strict-origin"' in shared
    )
    # Shown as text to copy: our own page does not load it.
    assert "<img src=" not in textarea


def test_each_view_on_a_republishing_site_is_counted_by_domain(client, article):
    response = pixel(client, article, "https://partner.example/2026/gangs-tax-buses/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content == PIXEL
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}
    pixel(client, article, "https://partner.example/")
    pixel(client, article, "https://WWW.Other.example/nota")
    rows = {row.domain: row.views for row in Republication.objects.filter(article=article)}
    assert rows == {"partner.example": 2, "www.other.example": 1}


def test_views_without_a_referrer_are_counted_apart(client, article):
    pixel(client, article)
    assert Republication.objects.get().domain == ""


def test_our_own_pages_are_not_republications(client, article):
    pixel(client, article, f"http://127.0.0.1:8000{article.get_absolute_url()}")
    pixel(client, article, f"http://testserver{article.get_absolute_url()}")
    assert not Republication.objects.exists()


def test_unpublished_or_unrepublishable_articles_count_nothing(client):
    for article in (make_article(published=False), make_article(republishable=False)):
        assert pixel(client, article, "https://partner.example/").status_code == 200
    assert client.get("/republished/999999.gif").status_code == 200
    assert not Republication.objects.exists()


def test_a_flood_of_pixel_requests_stops_counting_but_still_answers(client, article, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "republished": "3/h"}
    for _ in range(5):
        assert pixel(client, article, "https://partner.example/").status_code == 200
    assert Republication.objects.get().views == 3
