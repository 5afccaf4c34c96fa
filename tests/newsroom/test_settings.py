"""The settings module read in fresh processes, as a server would start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VARIABLES = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
REAL_KEY = "k3y-" + "qwertyuiopasdfghjklzxcvbnm0123456789QWERTYUIOPASDFGH"
PRODUCTION = {"SECRET_KEY": REAL_KEY, "ALLOWED_HOSTS": "news.example.org", "SITE_URL": "https://news.example.org"}


def load_settings(code="", **environment):
    """Import newsroom.settings in a new interpreter with only `environment` set; return the result."""
    env = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    env.update(environment, DJANGO_SETTINGS_MODULE="newsroom.settings")
    script = f"import django; django.setup(); from django.conf import settings; {code}"
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_settings(**{**PRODUCTION, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize("key", ["x" * 60, "short-key", "django-insecure-" + "a1b2c3d4e5" * 6])
def test_production_refuses_a_weak_secret_key(key):
    result = load_settings(**{**PRODUCTION, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY must be a long random value" in result.stderr


def test_production_refuses_to_start_without_its_public_address():
    result = load_settings(**{**PRODUCTION, "SITE_URL": ""})
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr


def test_production_settings_from_the_environment():
    result = load_settings(
        "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.DATABASES['default']['ENGINE'], "
        "settings.CACHES['default']['BACKEND'], settings.SESSION_COOKIE_SECURE)",
        **{**PRODUCTION, "ALLOWED_HOSTS": "news.example.org, www.news.example.org"},
        DATABASE_URL="postgres://newsroom:pw@db.internal:5432/newsroom",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1)[0] == "False"
    assert "['news.example.org', 'www.news.example.org']" in result.stdout
    assert "newsroom.postgresql" in result.stdout
    assert "newsroom.outages.RedisCache" in result.stdout
    assert result.stdout.strip().endswith("True")


def test_development_defaults_use_sqlite_and_local_memory():
    result = load_settings(
        "print(settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND'], settings.EMAIL_BACKEND)",
        DEBUG="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.mail.backends.console.EmailBackend",
    ]


@pytest.mark.parametrize("word", ["maybe", "2"])
def test_a_mistyped_boolean_is_an_error_not_a_guess(word):
    result = load_settings(DEBUG=word)
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr
