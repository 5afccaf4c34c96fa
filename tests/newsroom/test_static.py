"""Static files as production serves them: collected with hashed names, compressed, cached for good."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def collected(settings, tmp_path):
    """collectstatic into a fresh folder with the production storage (tests otherwise use plain names)."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    return tmp_path


def test_pages_link_hashed_names_that_are_cached_as_immutable_and_sent_compressed(collected):
    reader = Client()
    page = reader.get("/").content.decode()
    stylesheet = staticfiles_storage.url("css/site.css")
    assert stylesheet != "/static/css/site.css"  # a name that changes whenever the file does
    assert f'href="{stylesheet}"' in page
    response = reader.get(stylesheet, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert (collected / stylesheet.removeprefix("/static/")).exists()


def test_a_name_without_its_hash_is_cached_briefly(collected):
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert response["Cache-Control"] == "max-age=60, public"
