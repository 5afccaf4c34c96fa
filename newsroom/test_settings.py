"""Settings for the test suite: the real settings, made fast and self-contained."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-" + "0123456789abcdefghijklmnopqrstuvwxyz-not-a-secret")
os.environ.setdefault("SITE_URL", "http://127.0.0.1:8000")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from newsroom.settings import *  # noqa: E402, F403

# A cheap hasher: real hashing makes every login in a test cost a tenth of a second.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests do not run collectstatic, so no manifest to look hashed names up in.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploaded files from tests go to a throwaway folder, never into the checkout's media/.
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="newsroom-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="newsroom-test-static-"))
