"""Uploaded images on S3-compatible object storage (S3_BUCKET), against a local S3 server.

Only the network edge is stood in for: boto3 and django-storages run as in production and talk HTTP to
moto's S3 server on 127.0.0.1, and the storage options are the ones newsroom/settings.py builds from the
S3_* variables.
"""

import io
import json
import os
import re
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import boto3
import feedparser
import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from articles.images import create_renditions
from articles.models import Image
from tests.factories import image_file, make_article, make_image, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_on_s3")]

BUCKET = "newsroom-media"
# What a deployment sets, less S3_ENDPOINT_URL, which is where the test server listens.
S3_VARIABLES = {
    "S3_BUCKET": BUCKET,
    "S3_ACCESS_KEY_ID": "test-key-id",
    "S3_SECRET_ACCESS_KEY": "test-secret-key",
    "S3_REGION": "us-east-1",
}
CACHED_FOREVER = "public, max-age=31536000, immutable"
BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def s3_endpoint():
    """The address of an S3-compatible server on this machine, on a free port."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def run_with_s3_settings(endpoint, code):
    """Run `code` in a new Python process on the test settings with the S3_* variables set, as a deployment
    sets them, and return what its last printed line holds as JSON."""
    environment = {key: value for key, value in os.environ.items() if key not in ("MEDIA_URL", "S3_CUSTOM_DOMAIN")}
    environment.update(DJANGO_SETTINGS_MODULE="newsroom.test_settings", S3_ENDPOINT_URL=endpoint, **S3_VARIABLES)
    result = subprocess.run(
        [sys.executable, "-c", f"import django\ndjango.setup()\n{code}"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def s3_settings(s3_endpoint):
    """The media storage and MEDIA_URL that newsroom/settings.py builds from the S3_* variables."""
    return run_with_s3_settings(
        s3_endpoint,
        "import json\nfrom django.conf import settings\n"
        "print(json.dumps({'storage': settings.STORAGES['default'], 'media_url': settings.MEDIA_URL}))",
    )


@pytest.fixture(scope="module")
def s3_client(s3_endpoint):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=S3_VARIABLES["S3_REGION"],
        aws_access_key_id=S3_VARIABLES["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=S3_VARIABLES["S3_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=BUCKET)
    # As a deployment must: the site hands out plain, unsigned addresses, so anyone may read the objects.
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
        ],
    }
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))
    return client


@pytest.fixture
def bucket(s3_client):
    """An S3 client for the bucket, emptied for each test."""
    for item in s3_client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        s3_client.delete_object(Bucket=BUCKET, Key=item["Key"])
    return s3_client


@pytest.fixture
def media_on_s3(settings, s3_settings, bucket):
    """Uploaded files go to the bucket, with the settings' own storage options (Image.file uses the default
    storage, which Django builds anew when STORAGES changes)."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_settings["storage"]}
    settings.MEDIA_URL = s3_settings["media_url"]


@pytest.fixture
def staff_client():
    client = Client()
    client.force_login(make_user("photo-editor", is_staff=True, is_superuser=True))
    return client


def keys(bucket):
    return {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def upload(staff_client, url, size):
    response = staff_client.post(url, {"file": image_file("bus.jpg", size=size), "alt_text": "Buses at the terminal"})
    assert response.status_code == 302, "the upload should have been accepted"


def add_image(staff_client, size=(1000, 600)):
    """An image uploaded through the admin, as an editor does."""
    upload(staff_client, reverse("admin:articles_image_add"), size)
    return Image.objects.latest("pk")


def fetch(url):
    """The body and Content-Type of `url`, fetched over HTTP as a browser would, without credentials."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers["Content-Type"]


@contextmanager
def s3_requests():
    """The HTTP methods of the requests that the media storage sends to the bucket while the block runs."""
    methods = []

    def record(request, **kwargs):
        methods.append(request.method)

    events = default_storage.connection.meta.client.meta.events
    events.register("before-send.s3", record)
    try:
        yield methods
    finally:
        events.unregister("before-send.s3", record)


def test_the_s3_variables_give_a_working_storage(s3_endpoint, bucket):
    """The S3_* variables alone make the settings store media in the bucket, at addresses under MEDIA_URL
    that the Content-Security-Policy lets pages show."""
    result = run_with_s3_settings(
        s3_endpoint,
        """
import json
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

name = default_storage.save("checks/hello.txt", ContentFile(b"Stored in the bucket"))
with default_storage.open(name) as handle:
    content = handle.read().decode()
print(json.dumps({
    "name": name,
    "content": content,
    "url": default_storage.url(name),
    "media_url": settings.MEDIA_URL,
    "img_src": settings.CONTENT_SECURITY_POLICY["img-src"],
}))
""",
    )

    assert result["content"] == "Stored in the bucket"
    assert keys(bucket) == {"checks/hello.txt"} == {result["name"]}
    assert bucket.head_object(Bucket=BUCKET, Key="checks/hello.txt")["CacheControl"] == CACHED_FOREVER
    assert result["media_url"] == f"{s3_endpoint}/{BUCKET}/"
    assert result["url"] == f"{result['media_url']}checks/hello.txt"
    assert s3_endpoint in result["img_src"]
    assert fetch(result["url"]) == (b"Stored in the bucket", "text/plain")


def test_an_upload_through_the_admin_lands_in_the_bucket_with_its_renditions(staff_client, bucket):
    image = add_image(staff_client, size=(1000, 600))

    assert re.fullmatch(r"images/\d{4}/\d{2}/bus\.jpg", image.file.name)
    assert sorted(image.renditions) == ["480", "800", "card"]
    assert keys(bucket) == {image.file.name, *image.renditions.values()}
    expected = {
        image.file.name: "image/jpeg",
        **dict.fromkeys(image.widths().values(), "image/webp"),
        image.renditions["card"]: "image/jpeg",
    }
    for key, content_type in expected.items():
        stored = bucket.head_object(Bucket=BUCKET, Key=key)
        assert (stored["ContentType"], stored["CacheControl"]) == (content_type, CACHED_FOREVER), key
    body = bucket.get_object(Bucket=BUCKET, Key=image.renditions["480"])["Body"].read()
    with PILImage.open(io.BytesIO(body)) as copy:
        assert (copy.format, copy.size) == ("WEBP", (480, 288))


def test_article_pages_show_the_image_from_the_bucket(client, staff_client, s3_settings):
    image = add_image(staff_client, size=(1000, 600))
    article = make_article(lead_image=image)
    media_url = s3_settings["media_url"]

    content = client.get(article.get_absolute_url()).content.decode()

    src, srcset = re.search(r'<img src="([^"]+)" srcset="([^"]+)"', content).groups()
    assert src == f"{media_url}{image.file.name}"
    # The social card, cropped around the focal point, from the bucket too.
    assert f'<meta property="og:image" content="{media_url}{image.renditions["card"]}">' in content
    candidates = [candidate.rsplit(" ", 1) for candidate in srcset.split(", ")]
    assert candidates == [
        [f"{media_url}{image.renditions['480']}", "480w"],
        [f"{media_url}{image.renditions['800']}", "800w"],
        [src, "1000w"],
    ]
    for url, width in candidates:
        body, content_type = fetch(url)
        with PILImage.open(io.BytesIO(body)) as picture:
            assert f"{picture.width}w" == width
            assert content_type == f"image/{picture.format.lower()}"


def test_the_feed_encloses_the_image_with_its_stored_length(client, staff_client, bucket):
    image = add_image(staff_client, size=(1000, 600))
    make_article(lead_image=image)

    feed = feedparser.parse(client.get(reverse("articles:feed")).content)

    (enclosure,) = feed.entries[0].enclosures
    assert enclosure.href == image.file.url
    assert enclosure.type == "image/jpeg"
    stored_length = bucket.head_object(Bucket=BUCKET, Key=image.file.name)["ContentLength"]
    assert int(enclosure.length) == stored_length == len(fetch(enclosure.href)[0])


def test_rendering_a_feed_asks_the_bucket_nothing(client):
    """The enclosure's length is the size stored with the image when it was uploaded: asking object
    storage would cost one round trip per item each time a feed is rendered."""
    for _ in range(3):
        make_article(lead_image=make_image(file=image_file(size=(64, 48))))

    with s3_requests() as requests:
        response = client.get(reverse("articles:feed"))

    assert len(feedparser.parse(response.content).entries) == 3
    assert all(entry.enclosures[0].length != "0" for entry in feedparser.parse(response.content).entries)
    assert requests == []


def test_replacing_the_file_removes_the_old_renditions_from_the_bucket(staff_client, bucket):
    image = add_image(staff_client, size=(1000, 600))
    old_renditions = set(image.renditions.values())

    upload(staff_client, reverse("admin:articles_image_change", args=[image.pk]), size=(900, 500))

    image.refresh_from_db()
    assert sorted(image.renditions) == ["480", "800", "card"]
    stored = keys(bucket)
    assert {image.file.name, *image.renditions.values()} <= stored
    # The new upload has the same name: it is stored beside the old one, never over it.
    assert old_renditions.isdisjoint(image.renditions.values())
    assert old_renditions.isdisjoint(stored)


def test_renditions_are_remade_from_the_original_in_the_bucket(bucket):
    # Loaded anew, the image holds only the name of its file: the picture has to come from the bucket.
    image = Image.objects.get(pk=make_image(file=image_file(size=(1000, 600))).pk)

    renditions = create_renditions(image)

    assert sorted(renditions) == ["480", "800", "card"]
    assert keys(bucket) == {image.file.name, *renditions.values()}
