"""The settings module read in fresh processes, as a server would start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VARIABLES = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")


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
    result = load_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DEBUG is off" in result.stderr


def test_production_settings_from_the_environment():
    result = load_settings(
        "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.DATABASES['default']['ENGINE'], "
        "settings.CACHES['default']['BACKEND'], settings.SESSION_COOKIE_SECURE)",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="news.example.org, www.news.example.org",
        DATABASE_URL="postgres://newsroom:pw@db.internal:5432/newsroom",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 1)[0] == "False"
    assert "['news.example.org', 'www.news.example.org']" in result.stdout
    assert "django.db.backends.postgresql" in result.stdout
    assert "django.core.cache.backends.redis.RedisCache" in result.stdout
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
