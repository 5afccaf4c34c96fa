"""The "Was this content helpful?" vote through HTTP: a plain form, one vote per reader, and an article page
that stays cookie-free and cacheable."""

import pytest
from django.test import Client

from donations.models import HelpfulVote
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def article():
    return make_article(title="Gangs tax the buses")


def vote(client, article, answer, *, feedback=None, origin=ORIGIN, as_json=False, **extra):
    data = {"vote": answer}
    if feedback is not None:
        data["feedback"] = feedback
    headers = {"Origin": origin} if origin else {}
    if as_json:
        headers["Accept"] = "application/json"
    return client.post(f"{article.get_absolute_url()}helpful/", data, headers=headers, **extra)


def test_the_article_page_has_the_vote_and_sets_no_cookie(client, article):
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert "Was this content helpful?" in html
    assert f'<form class="helpful__vote" method="post" action="{article.get_absolute_url()}helpful/"' in html
    assert 'name="vote" value="yes"' in html and 'name="vote" value="no"' in html
    # Nothing per reader: no cookie, no token, nothing that stops a cache from sharing the page.
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in html
    assert "Cookie" not in response.get("Vary", "")
    assert "private" not in response.get("Cache-Control", "")
    assert "no-store" not in response.get("Cache-Control", "")


def test_the_spanish_article_votes_at_its_spanish_address(client):
    article = make_article(language="es")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'action="/es/news/{article.section.slug}/{article.slug}/helpful/"' in html


def test_yes_without_javascript_comes_back_to_the_article_with_a_thank_you(client, article):
    response = vote(client, article, "yes")
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}?helpful=thanks#helpful"
    assert response.cookies == {}
    vote_row = HelpfulVote.objects.get()
    assert (vote_row.article, vote_row.is_helpful, vote_row.feedback) == (article, True, "")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Thank you for your answer." in html
    assert "helpful__vote" not in html
    assert page.cookies == {}


def test_no_without_javascript_asks_what_could_be_better(client, article):
    response = vote(client, article, "no")
    assert response["Location"] == f"{article.get_absolute_url()}?helpful=no#helpful"
    html = client.get(response["Location"]).content.decode()
    assert '<form class="helpful__feedback" method="post"' in html
    assert "data-helpful-feedback hidden" not in html
    assert "data-helpful-vote hidden" in html

    response = vote(client, article, "no", feedback="A map of the <b>routes</b>, please.")
    assert response["Location"] == f"{article.get_absolute_url()}?helpful=thanks#helpful"
    vote_row = HelpfulVote.objects.get()
    assert (vote_row.is_helpful, vote_row.feedback) == (False, "A map of the <b>routes</b>, please.")


def test_with_javascript_the_answer_is_json(client, article):
    response = vote(client, article, "no", as_json=True)
    assert response.status_code == 200
    assert response.json() == {"state": "no"}
    assert vote(client, article, "no", feedback="Shorter", as_json=True).json() == {"state": "thanks"}
    assert vote(client, article, "yes", as_json=True).json() == {"state": "thanks"}
    assert HelpfulVote.objects.count() == 1


def test_changing_a_no_to_yes_drops_the_complaint(client, article):
    vote(client, article, "no", feedback="Needs a map")
    vote(client, article, "yes")
    assert list(HelpfulVote.objects.values_list("is_helpful", "feedback")) == [(True, "")]


def test_one_vote_per_reader_per_article(client, article):
    vote(client, article, "yes")
    vote(client, article, "yes")
    assert HelpfulVote.objects.count() == 1
    # A change of mind changes the one vote.
    vote(client, article, "no")
    assert list(HelpfulVote.objects.values_list("is_helpful", flat=True)) == [False]
    # Another reader, or another article, is another vote.
    vote(client, article, "yes", REMOTE_ADDR="203.0.113.7")
    vote(client, article, "yes", HTTP_USER_AGENT="Another browser")
    vote(client, make_article(), "yes")
    assert HelpfulVote.objects.count() == 4


def test_the_stored_key_does_not_reveal_the_reader(client, article):
    vote(client, article, "yes", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Firefox 130")
    key = HelpfulVote.objects.get().voter_key
    assert len(key) == 64
    assert "203.0.113" not in key and "Firefox" not in key


def test_a_vote_from_another_site_is_refused(client, article):
    response = vote(client, article, "yes", origin="https://evil.example")
    assert response.status_code == 403
    assert "did not come from our article page" in response.content.decode()
    assert vote(client, article, "yes", origin="https://evil.example", as_json=True).status_code == 403
    assert vote(client, article, "yes", origin="null").status_code == 403
    # Neither Origin nor Referer: nothing proves where it came from.
    assert vote(client, article, "yes", origin=None).status_code == 403
    assert not HelpfulVote.objects.exists()


def test_a_same_site_referer_is_enough_without_origin(client, article):
    response = client.post(
        f"{article.get_absolute_url()}helpful/",
        {"vote": "yes"},
        headers={"Referer": f"http://testserver{article.get_absolute_url()}"},
    )
    assert response.status_code == 303
    assert HelpfulVote.objects.count() == 1


def test_the_vote_needs_no_csrf_cookie(article):
    strict = Client(enforce_csrf_checks=True)
    assert vote(strict, article, "yes").status_code == 303


def test_a_bad_answer_stores_nothing(client, article):
    response = vote(client, article, "maybe")
    assert response["Location"] == f"{article.get_absolute_url()}?helpful=invalid#helpful"
    assert "Please choose Yes or No." in client.get(response["Location"]).content.decode()
    assert vote(client, article, "no", feedback="x" * 2001, as_json=True).status_code == 400
    assert not HelpfulVote.objects.exists()


def test_only_published_articles_take_votes_and_only_by_post(client, article):
    draft = make_article(published=False)
    assert vote(client, draft, "yes").status_code == 404
    assert client.get(f"{article.get_absolute_url()}helpful/").status_code == 405
    assert client.post(f"/news/{article.section.slug}/no-such-article/helpful/", {"vote": "yes"}).status_code == 404


def test_too_many_votes_from_one_client_get_a_429(client, article, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "helpful": "2/h"}
    assert vote(client, article, "yes").status_code == 303
    assert vote(client, article, "no").status_code == 303
    response = vote(client, article, "yes")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    json_response = vote(client, article, "yes", as_json=True)
    assert json_response.status_code == 429
    assert json_response.json()["error"] == "rate_limited"


def test_the_widget_costs_the_article_page_no_query(rf, article, django_assert_num_queries):
    """The widget reads only the article (and its section, which the page has already loaded)."""
    from django.template import Context, Template

    article = type(article).objects.select_related("section").get(pk=article.pk)
    template = Template("{% load donations %}{% helpful_vote article %}")
    with django_assert_num_queries(0):
        html = template.render(Context({"article": article, "request": rf.get("/?helpful=no")}))
    assert "What could be better?" in html
