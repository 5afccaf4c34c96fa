"""Shared pieces of the donations tests: valid form data, a fake Stripe API on loopback, a shared Redis cache."""

import json
import os
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import pytest
import stripe
from django.core.cache import cache
from django.db import connection

from donations.forms import issue_form_token
from tests.servers import database_url, start_server, stop_server

# The Redis database the suite may flush at will: its own, never one that another service uses.
REDIS_TEST_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
WEBHOOK_SECRET = "whsec_test_secret"

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent writers: run with DATABASE_URL=postgres://…"
)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Every test starts with no request counted against any rate limit."""
    cache.clear()
    yield
    cache.clear()


def aged_token(seconds=60):
    """A form token as if the form had been shown `seconds` ago: past the minimum fill time."""
    return issue_form_token(issued_at=time.time() - seconds)


def donation_data(**overrides):
    """A valid donate form post."""
    data = {
        "form_token": aged_token(),
        "frequency": "one-time",
        "currency": "USD",
        "amount": "25",
        "other_amount": "",
        "donor_name": "Marta Díaz",
        "email": "marta@example.org",
        "country": "GT",
        "message": "",
        "website": "",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def comment_data(**overrides):
    data = {
        "form_token": aged_token(),
        "name": "Pedro Alvarado",
        "email": "pedro@example.org",
        "message": "The route 12 fee doubled last week.",
        "website": "",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def sign(payload, *, secret=WEBHOOK_SECRET, timestamp=None):
    """The Stripe-Signature header for `payload`, made with the stripe library's own scheme."""
    return stripe.WebhookSignature.generate_signature_header(payload, secret, timestamp=timestamp)


def stripe_event(event_type, obj, *, event_id=None, created=None):
    """A Stripe event as its webhook body (a JSON string)."""
    return json.dumps(
        {
            "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
            "object": "event",
            "api_version": "2026-10-28.endive",
            "created": int(created or time.time()),
            "type": event_type,
            "livemode": False,
            "data": {"object": obj},
        }
    )


class FakeStripe:
    """Stripe's API as far as the donations app uses it (Checkout and customer portal sessions), served
    on loopback.

    Like Stripe, a repeated Idempotency-Key returns the first answer. `fail_with` makes every call
    answer that HTTP status with a Stripe error body.
    """

    def __init__(self):
        self.requests = []
        self.sessions = {}
        self.fail_with = None
        # Where Checkout pages are (Stripe's own, https://checkout.stripe.com, for a browser to be let through).
        self.checkout_origin = "https://checkout.stripe.test"
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                with fake.lock:
                    fake.requests.append(
                        {"path": self.path, "headers": dict(self.headers), "params": dict(parse_qsl(body))}
                    )
                    if fake.fail_with:
                        status = fake.fail_with
                        answer = {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}
                    elif self.path == "/v1/checkout/sessions":
                        status = 200
                        key = self.headers.get("Idempotency-Key") or uuid.uuid4().hex
                        if key not in fake.sessions:
                            session_id = f"cs_test_{uuid.uuid4().hex}"
                            fake.sessions[key] = {
                                "id": session_id,
                                "object": "checkout.session",
                                "url": f"{fake.checkout_origin}/c/pay/{session_id}",
                                "status": "open",
                            }
                        answer = fake.sessions[key]
                    elif self.path == "/v1/billing_portal/sessions":
                        # https://docs.stripe.com/api/customer_portal/sessions/create
                        status = 200
                        params = dict(parse_qsl(body))
                        session_id = f"bps_{uuid.uuid4().hex[:24]}"
                        answer = {
                            "id": session_id,
                            "object": "billing_portal.session",
                            "customer": params.get("customer"),
                            "locale": params.get("locale"),
                            "return_url": params.get("return_url"),
                            "url": f"https://billing.stripe.com/p/session/{session_id}",
                            "livemode": False,
                        }
                    else:
                        status, answer = 404, {"error": {"type": "invalid_request_error", "message": "Unknown"}}
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Request-Id", f"req_{uuid.uuid4().hex[:14]}")
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def checkout_calls(self):
        return [request for request in self.requests if request["path"] == "/v1/checkout/sessions"]

    def portal_calls(self):
        return [request for request in self.requests if request["path"] == "/v1/billing_portal/sessions"]


@pytest.fixture
def fake_stripe(settings):
    """Stripe as the donation provider, its API served by FakeStripe on loopback."""
    fake = FakeStripe()
    fake.thread.start()
    settings.DONATION_PROVIDER = "stripe"
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake.url
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    settings.STRIPE_TIMEOUT_SECONDS = 5
    yield fake
    fake.server.shutdown()
    fake.server.server_close()


@pytest.fixture
def redis_cache(settings):
    """The default cache on the test Redis database (TEST_REDIS_URL), as in production with REDIS_URL set."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            # As the server processes started with REDIS_URL have it, so that they count the same keys.
            "KEY_PREFIX": "newsroom",
        }
    }
    from django.core.cache import cache as redis

    redis.clear()
    yield redis
    redis.clear()


@pytest.fixture
def production_server(transactional_db):
    """Two gunicorn worker processes of ten threads each, on this test's (committed) PostgreSQL database."""
    url = database_url()
    # Many posts from one address on purpose: the limits are tested elsewhere.
    process, origin = start_server({"DATABASE_URL": url, "RATELIMIT_ENABLE": "false"}, workers=2, threads=10)
    yield origin
    stop_server(process)
