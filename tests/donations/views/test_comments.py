"""Reader comments ("What are your thoughts?") through HTTP: private messages to the newsroom."""

import pytest
from django.test import Client

from donations.forms import issue_form_token
from donations.models import Comment
from tests.donations.conftest import comment_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(title="Gangs tax the buses")


def url(article):
    return f"/comments/?article={article.pk}"


def test_the_form_names_the_article(client, article):
    response = client.get(url(article))
    html = response.content.decode()
    assert response.status_code == 200
    assert "What are your thoughts?" in html
    assert f'<a href="{article.get_absolute_url()}">Gangs tax the buses</a>' in html
    assert f'action="/comments/?article={article.pk}"' in html


@pytest.mark.parametrize("query", ["", "?article=", "?article=abc", "?article=999999"])
def test_without_a_published_article_there_is_no_form(client, query):
    assert client.get(f"/comments/{query}").status_code == 404


def test_not_for_a_draft(client):
    assert client.get(url(make_article(published=False))).status_code == 404


def test_the_article_link_of_a_spanish_article_opens_the_spanish_form(client):
    article = make_article(language="es")
    response = client.get(url(article))
    assert response["Location"] == f"/es/comments/?article={article.pk}"
    assert client.get(response["Location"]).status_code == 200


def test_a_comment_is_stored_as_typed_for_the_newsroom(client, article):
    message = "<script>alert('x')</script> The fee <b>doubled</b> & more."
    response = client.post(url(article), comment_data(message=message))
    assert response.status_code == 303
    assert response["Location"] == f"/comments/sent/?article={article.pk}"
    comment = Comment.objects.get()
    assert (comment.article, comment.name, comment.email) == (article, "Pedro Alvarado", "pedro@example.org")
    assert comment.message == message
    assert comment.status == Comment.Status.NEW
    sent = client.get(response["Location"]).content.decode()
    assert "Thank you for writing to us" in sent
    assert "Back to “Gangs tax the buses”" in sent


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name."),
        ({"name": "x" * 151}, "name", "Enter a name of at most 150 characters (it has 151)."),
        ({"email": ""}, "email", "Enter your email address, so that we can answer you."),
        ({"email": "pedro@@example"}, "email", "Enter an email address like name@example.org."),
        ({"message": ""}, "message", "Write your message."),
        ({"message": "   "}, "message", "Write your message."),
        ({"message": "x" * 5001}, "message", "Keep your message to 5000 characters (it has 5001)."),
    ],
)
def test_each_field_says_what_is_wrong(client, article, overrides, field, message):
    response = client.post(url(article), comment_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}</li></ul>' in html
    assert f'<a href="#id_{field}">{message}</a>' in html
    assert not Comment.objects.exists()


def test_reader_html_comes_back_escaped(client, article):
    response = client.post(url(article), comment_data(name="", message="<img src=x onerror=alert(1)>"))
    html = response.content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;</textarea>" in html
    assert "<img src=x" not in html


def test_spam_traps_and_csrf(client, article):
    assert "This form could not be sent." in client.post(url(article), comment_data(website="x")).content.decode()
    too_fast = client.post(url(article), comment_data(form_token=issue_form_token()))
    assert "That was quick!" in too_fast.content.decode()
    assert Client(enforce_csrf_checks=True).post(url(article), comment_data()).status_code == 403
    assert not Comment.objects.exists()


def test_the_same_form_posted_twice_makes_one_comment(client, article):
    data = comment_data()
    assert client.post(url(article), data).status_code == 303
    assert client.post(url(article), data).status_code == 303
    assert Comment.objects.count() == 1


def test_too_many_comments_from_one_client_get_a_429(client, article, settings):
    settings.READER_RATE_LIMITS = {**settings.READER_RATE_LIMITS, "comment": "2/h"}
    client.post(url(article), comment_data())
    client.post(url(article), comment_data())
    response = client.post(url(article), comment_data())
    assert response.status_code == 429
    assert Comment.objects.count() == 2
    # Reading the form is not limited.
    assert client.get(url(article)).status_code == 200
