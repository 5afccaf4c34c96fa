"""Faults, through real gunicorn processes: PostgreSQL or Redis gone (their port closed under the running
site), and two servers sharing one Redis.

PostgreSQL only: the site's processes need a database they can reach over the network, which the
in-memory SQLite test database is not. CI runs the suite on PostgreSQL.
"""

import concurrent.futures
import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.db import connection

from articles.models import Article
from articles.roles import assign_role
from donations.models import Donation
from newsroom.pagecache import content_changed
from tests.donations.conftest import REDIS_TEST_URL, donation_data
from tests.factories import make_article, make_user
from tests.servers import BASE_DIR, Link, Namespace, StalledPeer, database_url, server_log, start_server, stop_server

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the site's processes need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

REDIS_PORT = int(urllib.parse.urlsplit(REDIS_TEST_URL).port)
REDIS_DATABASE = urllib.parse.urlsplit(REDIS_TEST_URL).path or "/0"
# The longest a request may take when a service is gone: the site answers, it does not hang.
PROMPT_SECONDS = 5
RETRY_SECONDS = 0.5


def eventually(check, *, seconds=5):
    """`check()`'s first true answer within `seconds` (the site recovers by itself), else its last one."""
    deadline = time.monotonic() + seconds
    while not (answer := check()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return answer


# Any 32 letters: a CSRF cookie and the same value as the form's token, as Django accepts.
CSRF_SECRET = "a" * 32


class Browser:
    """A reader's (or an editor's) browser against one server: cookies kept, errors returned as answers."""

    def __init__(self, origin):
        self.origin = origin
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
        )

    def request(self, path, *, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(f"{self.origin}{path}", data=body, headers=headers or {})
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=30) as response:
                answer = Answer(response.status, dict(response.headers), response.read().decode())
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, dict(error.headers), error.read().decode())
        answer.seconds = time.monotonic() - started
        return answer

    def get(self, path, **headers):
        return self.request(path, headers=headers)

    def post(self, path, data, **headers):
        return self.request(path, data=data, headers=headers)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Answer:
    def __init__(self, status, headers, text):
        self.status, self.headers, self.text = status, headers, text

    def json(self):
        return json.loads(self.text)


def site_env(*, database_port=None, redis_port=None, prefix=None):
    # Services that failed are tried again after half a second, so that tests of recovery are quick.
    env = {
        "DATABASE_URL": database_url(database_port),
        "READER_FORM_MIN_SECONDS": "0",
        "DATABASE_RETRY_SECONDS": str(RETRY_SECONDS),
        "REDIS_RETRY_SECONDS": str(RETRY_SECONDS),
    }
    if redis_port:
        # The suite's Redis database with a key prefix of this test's own: other tests use the same database.
        env |= {
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}{REDIS_DATABASE}",
            "CACHE_KEY_PREFIX": prefix or uuid.uuid4().hex,
        }
    return env


@pytest.fixture
def servers():
    """Starts gunicorn servers for the test and stops them after, printing their log on failure."""
    started = []

    def start(env, **options):  # namespace=, workers=, threads=
        process, origin = start_server(env, **options)
        started.append(process)
        return origin

    yield start
    for process in started:
        stop_server_with_log(process)


def stop_server_with_log(process):
    log = server_log(process)
    stop_server(process)
    print(log)  # shown by pytest when the test failed


@pytest.fixture
def database_link():
    link = Link(connection.settings_dict["PORT"] or 5432)
    yield link
    link.cut()


@pytest.fixture
def redis_link():
    link = Link(REDIS_PORT)
    yield link
    link.cut()


@pytest.fixture
def stories():
    kept = make_article(title="Port workers report extortion")
    other = make_article(title="Customs chief arrested")
    return kept, other


def test_with_the_database_down_cached_pages_are_served_and_others_are_a_prompt_503(
    servers, database_link, redis_link, stories
):
    kept, other = stories
    site = Browser(servers(site_env(database_port=database_link.port, redis_port=redis_link.port), workers=2))
    for _ in range(3):  # each of the two workers, and then surely from the cache
        site.get(kept.get_absolute_url())
    assert site.get(kept.get_absolute_url()).headers["X-Cache"] == "HIT"
    assert site.get("/healthz").json() == {"database": "ok", "cache": "ok"}

    database_link.cut()

    cached = site.get(kept.get_absolute_url())
    assert cached.status == 200
    assert "Port workers report extortion" in cached.text
    # (The donate form itself needs no database to be shown: its post is refused, "nothing was stored".)
    for path in (other.get_absolute_url(), "/search/?q=port"):
        answer = site.get(path)
        assert answer.status == 503, path
        assert answer.seconds < PROMPT_SECONDS, path
        assert "This page is not available right now" in answer.text
        assert "Traceback" not in answer.text
        assert answer.headers["Retry-After"] == "30"
    health = site.get("/healthz")
    assert health.status == 503
    assert health.json() == {"database": "unreachable", "cache": "ok"}

    database_link.mend()

    # A restarted database is picked up again once the breaker lets a request try it (RETRY_SECONDS):
    # connections are checked before reuse. Each of the two workers has its own breaker, so the health
    # check is asked until the worker that answers it has tried again too.
    assert eventually(lambda: site.get(other.get_absolute_url()).status == 200)
    assert eventually(lambda: site.get("/healthz").json() == {"database": "ok", "cache": "ok"})


def test_with_the_database_down_and_no_redis_a_worker_serves_what_it_stored(servers, database_link, stories):
    kept, other = stories
    site = Browser(servers(site_env(database_port=database_link.port), workers=1))
    site.get(kept.get_absolute_url())
    assert site.get(kept.get_absolute_url()).headers["X-Cache"] == "HIT"

    database_link.cut()

    # The content version lives in the database: unknown, the stored page is served as it is.
    stale = site.get(kept.get_absolute_url())
    assert stale.status == 200
    assert stale.headers["X-Cache"] == "STALE"
    assert "Port workers report extortion" in stale.text
    answer = site.get(other.get_absolute_url())
    assert answer.status == 503
    assert answer.seconds < PROMPT_SECONDS
    assert site.get("/healthz").json() == {"database": "unreachable", "cache": "local"}


def test_with_redis_down_the_site_works_uncached_and_reader_forms_wait(servers, redis_link, stories):
    kept, _other = stories
    # One worker, so that the requests made while Redis is gone surely drop its pooled connections.
    site = Browser(servers(site_env(redis_port=redis_link.port), workers=1))
    for _ in range(3):
        site.get(kept.get_absolute_url())
    cookie = {"Cookie": f"csrftoken={CSRF_SECRET}"}
    mistake = donation_data(donor_name="", csrfmiddlewaretoken=CSRF_SECRET)
    assert site.post("/donate/", mistake, **cookie).status == 200  # counted, and shown with its error

    redis_link.cut()

    for path in ("/", kept.get_absolute_url(), "/search/?q=port"):
        answer = site.get(path)
        assert answer.status == 200, path
        assert answer.seconds < PROMPT_SECONDS, path
        assert "X-Cache" not in answer.headers, path
    assert "Port workers report extortion" in site.get(kept.get_absolute_url()).text
    refused = site.post("/donate/", donation_data(csrfmiddlewaretoken=CSRF_SECRET), **cookie)
    assert refused.status == 503
    assert refused.seconds < PROMPT_SECONDS
    assert "Nothing was stored and nothing was charged." in refused.text
    assert not Donation.objects.exists()
    health = site.get("/healthz")
    assert health.status == 200
    assert health.json() == {"database": "ok", "cache": "unreachable"}

    redis_link.mend()

    assert eventually(lambda: site.get("/healthz").json() == {"database": "ok", "cache": "ok"})
    assert site.post("/donate/", donation_data(csrfmiddlewaretoken=CSRF_SECRET), **cookie).status == 303
    assert Donation.objects.count() == 1
    assert site.get("/healthz").json() == {"database": "ok", "cache": "ok"}


def unpublish_in_admin(origin, article):
    """An editor (user "editor") signs in to the admin at `origin` and unpublishes `article`."""
    desk = Browser(origin)
    login = desk.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    signed_in = desk.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "a-long-test-password", "csrfmiddlewaretoken": token},
    )
    assert signed_in.status == 302
    changelist = desk.get("/admin/articles/article/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', changelist.text).group(1)
    action = {"action": "unpublish", "_selected_action": [article.pk], "csrfmiddlewaretoken": token}
    asked = desk.post("/admin/articles/article/", action)
    assert "Are you sure you want to unpublish this article?" in asked.text
    done = desk.post("/admin/articles/article/", action | {"post": "yes"})
    assert done.status == 302
    article.refresh_from_db()
    assert article.status != Article.Status.PUBLISHED


def test_two_servers_sharing_redis_see_each_others_changes(servers, stories):
    kept, _other = stories
    editor = make_user("editor", password="a-long-test-password")
    assign_role(editor, "Editor")
    env = site_env(redis_port=REDIS_PORT)
    first, second = Browser(servers(env)), Browser(servers(env))
    for site in (first, second):
        site.get("/")
        site.get(kept.get_absolute_url())
    assert second.get(kept.get_absolute_url()).headers["X-Cache"] == "HIT"
    assert "Port workers report extortion" in second.get("/").text

    # An editor unpublishes the story in the admin of the first server...
    unpublish_in_admin(first.origin, kept)

    # ...and the second server's readers see it on their next request.
    assert second.get(kept.get_absolute_url()).status == 404
    home = second.get("/")
    assert home.headers["X-Cache"] == "MISS"
    assert "Port workers report extortion" not in home.text
    assert "Customs chief arrested" in home.text


# Services that stop answering (their packets dropped, not refused), in a network namespace of the test's
# own: the site runs there and reaches PostgreSQL and Redis through links that the test can make drop
# everything sent to them.


@pytest.fixture
def namespace():
    space = Namespace()
    yield space
    space.close()


@pytest.fixture
def editor():
    user = make_user("editor", password="a-long-test-password")
    assign_role(user, "Editor")
    return user


def timed(site, path, count):
    """`count` requests for `path`: their answers, and the seconds they took in all."""
    started = time.monotonic()
    answers = [site.get(path) for _ in range(count)]
    return answers, time.monotonic() - started


def test_a_database_that_stops_answering_costs_a_short_wait_and_the_site_recovers(servers, namespace, stories):
    kept, _other = stories
    other = make_article(title="Prosecutors charge two judges")
    database = Link(connection.settings_dict["PORT"] or 5432, namespace=namespace)
    site = Browser(servers(site_env(database_port=database.port), workers=1, namespace=namespace))
    assert site.get(kept.get_absolute_url()).headers["X-Cache"] == "MISS"

    namespace.drop(database.port)

    # The first request waits for the kept connection to fail (DATABASE_TCP_USER_TIMEOUT) and a new one
    # not to connect (DATABASE_CONNECT_TIMEOUT); it was 31 s and a 502 before they were set.
    first = site.get(kept.get_absolute_url())
    assert first.seconds < 8
    assert first.status == 200
    assert first.headers["X-Cache"] == "STALE"
    # Then the database is left alone for DATABASE_RETRY_SECONDS: answers come at once, a stored page or a 503.
    answers, seconds = timed(site, other.get_absolute_url(), 5)
    assert [answer.status for answer in answers] == [503] * 5
    assert seconds < 1.5
    assert "This page is not available right now" in answers[0].text
    # And from then on each request waits at most one connection attempt.
    time.sleep(RETRY_SECONDS)
    assert site.get(other.get_absolute_url()).seconds < PROMPT_SECONDS

    namespace.restore()

    assert eventually(lambda: site.get(other.get_absolute_url()).status == 200, seconds=8)
    assert site.get("/healthz").json() == {"database": "ok", "cache": "local"}


def test_a_redis_that_stops_answering_costs_one_short_wait_and_caching_resumes(servers, namespace, stories):
    kept, _other = stories
    database = Link(connection.settings_dict["PORT"] or 5432, namespace=namespace)
    redis = Link(REDIS_PORT, namespace=namespace)
    env = site_env(database_port=database.port, redis_port=redis.port) | {"REDIS_RETRY_SECONDS": "4"}
    site = Browser(servers(env, workers=1, namespace=namespace))
    site.get(kept.get_absolute_url())
    assert site.get(kept.get_absolute_url()).headers["X-Cache"] == "HIT"

    namespace.drop(redis.port)

    # One request waits for Redis (REDIS_SOCKET_TIMEOUT, 1 s); the others go on without it, uncached, for
    # REDIS_RETRY_SECONDS (before, each of them waited the second: 1.7 requests a second in all).
    answers, _seconds = timed(site, kept.get_absolute_url(), 15)
    assert [answer.status for answer in answers] == [200] * 15
    assert [answer.headers.get("X-Cache") for answer in answers] == [None] * 15
    assert "Port workers report extortion" in answers[-1].text
    waits = [answer.seconds for answer in answers if answer.seconds > 0.9]
    assert len(waits) == 1, [answer.seconds for answer in answers]

    namespace.restore()

    assert eventually(lambda: site.get(kept.get_absolute_url()).headers.get("X-Cache") == "HIT", seconds=8)


def test_an_unpublication_made_while_redis_is_unreachable_shows_once_it_is_back(servers, namespace, stories, editor):
    """Today an unpublished article stayed on the site for minutes after such a blip: the new version never
    reached Redis, which went on handing out the old one."""
    kept, other = stories
    database = Link(connection.settings_dict["PORT"] or 5432, namespace=namespace)
    redis = Link(REDIS_PORT, namespace=namespace)
    env = site_env(database_port=database.port, redis_port=redis.port)
    reader, desk = (Browser(servers(env, namespace=namespace)) for _ in range(2))
    for path in ("/", kept.get_absolute_url(), "/"):
        reader.get(path)
    assert reader.get(kept.get_absolute_url()).headers["X-Cache"] == "HIT"

    namespace.drop(redis.port)
    unpublish_in_admin(desk.origin, kept)
    namespace.restore()

    # The reader's server met no outage: it goes by what Redis holds, which the desk's server mends as
    # soon as Redis answers again.
    assert eventually(lambda: reader.get(kept.get_absolute_url()).status == 404, seconds=3)
    home = reader.get("/")
    assert "Port workers report extortion" not in home.text
    assert other.title in home.text


def test_with_the_database_down_an_unpublished_article_is_never_served_from_the_cache(servers, database_link, stories):
    kept, other = stories
    site = Browser(servers(site_env(database_port=database_link.port), workers=1))
    site.get(kept.get_absolute_url())
    assert site.get(kept.get_absolute_url()).headers["X-Cache"] == "HIT"
    Article.objects.filter(pk=kept.pk).update(status=Article.Status.DRAFT)
    content_changed()
    assert site.get(kept.get_absolute_url()).status == 404
    assert "Port workers report extortion" not in site.get("/").text

    database_link.cut()

    # The copy stored before the unpublication is never served (it was, marked STALE); pages stored since are.
    gone = site.get(kept.get_absolute_url())
    assert gone.status in (404, 503)
    assert "Port workers report extortion" not in gone.text
    home = site.get("/")
    assert home.status == 200
    assert home.headers["X-Cache"] == "STALE"
    assert other.title in home.text


def test_a_payment_provider_that_hangs_costs_donors_seconds_and_readers_nothing(servers, stories):
    """Stripe accepts the connection and never answers. Before, the donor waited 30.9 s for a bare server
    error (gunicorn killed the worker) and a cached page took 28.8 s meanwhile."""
    kept, _other = stories
    stripe = StalledPeer()
    env = site_env() | {
        "DONATION_PROVIDER": "stripe",
        "STRIPE_SECRET_KEY": "sk_test_hanging",
        "STRIPE_WEBHOOK_SECRET": "whsec_hanging",
        "STRIPE_API_BASE": f"http://127.0.0.1:{stripe.port}",
    }
    try:
        site = Browser(servers(env, workers=3))
        for _ in range(4):
            site.get("/")
        cookie = {"Cookie": f"csrftoken={CSRF_SECRET}"}

        def give(name):
            donor = Browser(site.origin)
            return donor.post("/donate/", donation_data(donor_name=name, csrfmiddlewaretoken=CSRF_SECRET), **cookie)

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            gifts = [pool.submit(give, name) for name in ("Marta Díaz", "Pedro Alvarado")]
            time.sleep(0.5)
            # Two donors are waiting on Stripe: readers are served as usual meanwhile.
            readers = [site.get("/") for _ in range(10)] + [site.get(kept.get_absolute_url())]
            answers = [gift.result() for gift in gifts]

        assert all(reader.status == 200 for reader in readers)
        assert max(reader.seconds for reader in readers) < 1
        assert len(stripe.connections) >= 2
        for answer in answers:
            # Within the Stripe budget (STRIPE_CONNECT_TIMEOUT_SECONDS + STRIPE_TIMEOUT_SECONDS, no retry).
            assert answer.seconds < 8
            assert answer.status == 303
            assert answer.headers["Location"].endswith("?checkout=unavailable")
        page = Browser(site.origin).get(answers[0].headers["Location"])
        assert "Your gift is saved and nothing has been charged." in page.text
        assert Donation.objects.count() == 2
        assert set(Donation.objects.values_list("status", flat=True)) == {Donation.Status.PENDING}
    finally:
        stripe.close()


def slow_clients(origin, count):
    """`count` connections that each send the start of a request and then nothing (a slow-loris attack)."""
    host, port = urllib.parse.urlsplit(origin).netloc.split(":")
    clients = []
    for _ in range(count):
        client = socket.create_connection((host, int(port)))
        client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        clients.append(client)
    return clients


def test_slow_clients_do_not_hold_gunicorn_facing_the_internet(servers, stories):
    """Fifty connections sending a request a byte at a time held a sync gunicorn; gevent workers (chosen
    when gunicorn listens on a public address) keep serving everyone else."""
    kept, _other = stories
    site = Browser(servers(site_env() | {"GUNICORN_WORKER_CLASS": "gevent"}, workers=1))
    clients = slow_clients(site.origin, 60)
    try:
        time.sleep(0.5)
        answers = [site.get(kept.get_absolute_url()) for _ in range(5)]
        assert [answer.status for answer in answers] == [200] * 5
        assert max(answer.seconds for answer in answers) < 2
        assert "Port workers report extortion" in answers[-1].text
    finally:
        for client in clients:
            client.close()


@pytest.mark.parametrize(
    ("env", "worker_class"),
    [
        ({}, "sync"),  # 127.0.0.1:8000, behind nginx
        ({"GUNICORN_BIND": "unix:/run/newsroom.sock"}, "sync"),
        ({"PORT": "8000"}, "gevent"),  # a container platform's public port
        ({"GUNICORN_BIND": "0.0.0.0:80"}, "gevent"),
        ({"PORT": "8000", "GUNICORN_WORKER_CLASS": "sync"}, "sync"),
    ],
)
def test_gunicorn_facing_the_internet_runs_workers_that_hold_slow_clients(env, worker_class):
    code = "import runpy; print(runpy.run_path('gunicorn.conf.py')['worker_class'])"
    clean = {name: value for name, value in os.environ.items() if not name.startswith(("GUNICORN_", "PORT"))}
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean | env, capture_output=True, text=True, check=True, cwd=BASE_DIR
    )
    assert result.stdout.split()[-1] == worker_class
