"""Rate limits hold across processes when the cache is Redis, and fail closed when it is down."""

import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.test import override_settings

from donations.models import Donation, HelpfulVote
from tests.donations.conftest import REDIS_TEST_URL, donation_data
from tests.factories import make_article
from tests.servers import BASE_DIR, start_server, stop_server

pytestmark = pytest.mark.django_db

# Any 32 letters: a CSRF cookie and the same value as the form's token, as Django accepts.
CSRF_SECRET = "a" * 32


def post_invalid_donation(origin):
    """A donate post with a mistake in it: counted by the limit, stores nothing."""
    body = urllib.parse.urlencode({**donation_data(donor_name=""), "csrfmiddlewaretoken": CSRF_SECRET}).encode()
    request = urllib.request.Request(
        f"{origin}/donate/",
        data=body,
        method="POST",
        headers={"Cookie": f"csrftoken={CSRF_SECRET}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def two_servers(tmp_path, redis_cache):
    """Two separate server processes of the site, sharing one Redis cache (and one small database)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'servers.sqlite3'}",
        "REDIS_URL": REDIS_TEST_URL,
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True, timeout=300
    )
    servers = []
    try:
        for _ in range(2):
            servers.append(start_server({"DATABASE_URL": env["DATABASE_URL"], "REDIS_URL": REDIS_TEST_URL}))
        yield [origin for _process, origin in servers]
    finally:
        for process, _origin in servers:
            stop_server(process)


def test_every_process_shares_one_count_per_client(two_servers, client, settings):
    limit = int(settings.READER_RATE_LIMITS["donate"].split("/")[0])
    first, second = two_servers
    statuses = [post_invalid_donation(first if number % 2 else second) for number in range(limit)]
    assert statuses == [200] * limit
    # The limit is reached, whichever process answers next, this one included.
    assert post_invalid_donation(first) == 429
    assert post_invalid_donation(second) == 429
    response = client.post("/donate/", donation_data(), REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 429
    assert not Donation.objects.exists()
    # Another client still has its whole allowance.
    assert client.post("/donate/", donation_data(), REMOTE_ADDR="203.0.113.50").status_code == 303


def test_a_cache_outage_refuses_reader_forms_until_it_is_back(client, caplog):
    """Rate limits fail closed: with Redis down, a flood of bots or card testers is not let through
    unchecked; the reader is told plainly to try again, and nothing is stored or charged."""
    # Nothing listens on port 1: every cache call fails.
    broken = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/5"}
    }
    article = make_article()
    with override_settings(CACHES=broken):
        donation = client.post("/donate/", donation_data())
        vote = client.post(
            f"{article.get_absolute_url()}helpful/",
            {"vote": "yes"},
            HTTP_ORIGIN="http://testserver",
            HTTP_ACCEPT="application/json",
        )
        # The donate form itself still shows, and so does the article.
        form = client.get("/donate/")
        page = client.get(article.get_absolute_url())
    assert donation.status_code == 503
    assert donation["Retry-After"] == "120"
    assert "Nothing was stored and nothing was charged." in donation.content.decode()
    assert not Donation.objects.exists()
    assert vote.status_code == 503
    assert vote.json() == {"error": "unavailable", "retry_after": 120}
    assert not HelpfulVote.objects.exists()
    assert form.status_code == 200
    assert page.status_code == 200
    assert "Rate limit donate not counted" in caplog.text
