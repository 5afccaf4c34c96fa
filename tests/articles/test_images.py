import io
import struct
import subprocess
import sys
import tracemalloc
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

from articles.images import create_renditions
from articles.models import Image
from tests.factories import image_file, make_article, make_image, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_renditions_are_webp_copies_narrower_than_the_original():
    image = make_image(file=image_file(size=(1000, 500)))

    renditions = create_renditions(image)

    assert sorted(renditions) == ["480", "800", "card"]
    with image.file.storage.open(renditions["480"]) as handle, PILImage.open(handle) as copy:
        assert copy.format == "WEBP"
        assert copy.size == (480, 240)
    image.refresh_from_db()
    assert image.renditions == renditions


def test_remaking_renditions_replaces_the_old_files():
    image = make_image(file=image_file(size=(900, 600)))
    create_renditions(image)
    renditions = create_renditions(image)

    storage = image.file.storage
    folder, original = image.file.name.rsplit("/", 1)
    stem = original.rsplit(".", 1)[0]
    leftovers = [name for name in storage.listdir(f"renditions/{folder}")[1] if name.startswith(f"{stem}-")]
    assert sorted(leftovers) == sorted(name.rsplit("/", 1)[1] for name in renditions.values())
    assert len(leftovers) == 3


def test_a_small_image_has_no_renditions_and_serves_itself():
    image = make_image(file=image_file(size=(300, 200)))
    assert list(create_renditions(image)) == ["card"]
    assert image.srcset == f"{image.file.url} 300w"


def test_pages_offer_every_size_to_the_browser(client):
    image = make_image(file=image_file(size=(1000, 500)))
    create_renditions(image)
    article = make_article(lead_image=image)

    for url in ("/", article.get_absolute_url()):
        content = client.get(url).content.decode()
        assert "480w, " in content and "800w, " in content and f"{image.file.url} 1000w" in content
        assert 'width="1000" height="500"' in content


# Uploads through the admin: checked by content, limited, cleaned.


def png_with_header(width, height):
    """A tiny PNG file whose header announces `width` × `height` pixels: a decompression bomb's shape."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 4096, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture
def upload(client):
    client.force_login(make_user("photo-editor", is_staff=True, is_superuser=True))

    def post(name, content, **fields):
        data = {"file": SimpleUploadedFile(name, content), "alt_text": "A bus terminal", **fields}
        return client.post(reverse("admin:articles_image_add"), data)

    return post


def file_errors(response):
    assert response.status_code == 200, "the upload should have been refused"
    assert not Image.objects.exists()
    return response.context["adminform"].form.errors["file"]


def test_a_file_that_is_no_image_is_refused_whatever_its_name(upload):
    errors = file_errors(upload("photo.jpg", b"This is a plain text file, not a photo."))
    assert errors == ["This file is not a JPEG, PNG or WebP picture (whatever its name says)."]


def test_a_gif_is_refused(upload):
    errors = file_errors(upload("photo.gif", image_file(image_format="GIF").read()))
    assert errors == ["This file is not a JPEG, PNG or WebP picture (whatever its name says)."]


def test_svg_is_refused(upload):
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'
    errors = file_errors(upload("logo.png", svg))
    assert errors == ["SVG files are not accepted: they can carry scripts. Upload a PNG export instead."]


def test_a_polyglot_is_refused(upload):
    jpeg = image_file().read() + b"<script>alert(document.cookie)</script>"
    errors = file_errors(upload("photo.jpg", jpeg))
    assert errors == ["This file holds web page or script code as well as a picture, so it is refused."]


@pytest.mark.parametrize("size", [(10_000, 10_000), (60_000, 60_000)])
def test_a_decompression_bomb_is_refused_without_decoding_it(upload, size):
    bomb = png_with_header(*size)
    assert len(bomb) < 1000
    tracemalloc.start()
    try:
        errors = file_errors(upload("bomb.png", bomb))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert errors == ["This picture has too many pixels (at most 50 million). Export a smaller copy."]
    # Decoding even the smaller one would take 300 MB.
    assert peak < 30 * 1024 * 1024


def test_an_oversized_file_is_refused(upload, settings):
    settings.IMAGE_MAX_BYTES = 2048
    jpeg = image_file().read()
    content = jpeg + b"\0" * (5 * 1024 - len(jpeg))
    errors = file_errors(upload("big.jpg", content))
    assert errors == ["This file is 5.0\xa0KB; the largest accepted is 2.0\xa0KB. Export a smaller copy."]


def test_alt_text_is_required(upload):
    response = upload("photo.jpg", image_file().read(), alt_text="")
    assert response.context["adminform"].form.errors["alt_text"] == ["This field is required."]


def test_an_upload_is_turned_upright_and_stripped_of_its_metadata(upload):
    exif = PILImage.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned; show rotated 90° clockwise.
    exif[0x010F] = "Phone maker"
    exif[0x8825] = {2: (14.0, 38.0, 0.0)}  # A GPS position.
    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 80), (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes(), comment=b"secret")

    response = upload("IMG_0001.JPG", buffer.getvalue(), caption="Drivers wait", credit="Ana Ruiz / Newsroom")

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (80, 120)
    assert (image.caption, image.credit) == ("Drivers wait", "Ana Ruiz / Newsroom")
    assert image.file.name.endswith(".jpg")
    with image.file.open("rb") as handle, PILImage.open(handle) as stored:
        assert stored.size == (80, 120)
        assert not stored.getexif()
        assert "exif" not in stored.info and "comment" not in stored.info


def test_an_image_is_stored_under_the_extension_of_its_real_format(upload):
    response = upload("chart.jpg", image_file(image_format="PNG").read())
    assert response.status_code == 302
    image = Image.objects.get()
    assert image.file.name.endswith(".png")
    with image.file.open("rb") as handle, PILImage.open(handle) as stored:
        assert stored.format == "PNG"


# What an upload costs a worker in memory, measured in a process of its own (Pillow's memory is not
# Python's, so only the process's peak size tells).
MEASURE_UPLOAD = """
import os, resource, sys
import django
os.environ["DJANGO_SETTINGS_MODULE"] = "newsroom.test_settings"
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from articles.images import prepare_upload
with open(sys.argv[1], "rb") as handle:
    upload = SimpleUploadedFile(os.path.basename(sys.argv[1]), handle.read())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
stored = prepare_upload(upload)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with PILImage.open(stored) as picture:
    print((after - before) // 1024, max(picture.size))
"""


def test_a_huge_but_small_jpeg_is_taken_without_decoding_it_whole(tmp_path):
    """A 7,000 x 7,000 photo of a wall is under 1 MB as a file and 147 MB decoded: it is decoded at a quarter
    of its size and stored at that size, and the worker grows by a fraction of what decoding it whole takes
    (today 33 MB; 560 MB before)."""
    path = tmp_path / "wall.jpg"
    # Made in a process of its own too: making it costs the memory that taking it must not.
    subprocess.run(
        [
            sys.executable,
            "-c",
            f"from PIL import Image; Image.new('RGB', (7000, 7000), (90, 90, 80)).save({str(path)!r})",
        ],
        check=True,
    )
    assert path.stat().st_size < 1_000_000
    result = subprocess.run(
        [sys.executable, "-c", MEASURE_UPLOAD, str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    grown_mb, longest_side = map(int, result.stdout.split())
    assert longest_side == 1750
    assert grown_mb < 60, f"the worker grew by {grown_mb} MB"


def test_a_png_too_large_to_decode_is_refused_with_a_clear_message(upload, settings):
    settings.IMAGE_MAX_DECODED_PIXELS = 1_000_000
    errors = file_errors(upload("chart.png", image_file(size=(1200, 1000), image_format="PNG").read()))
    assert errors == [
        "This PNG or WebP picture has too many pixels to be processed (at most 1 million). "
        "Export a smaller copy, or a JPEG."
    ]


def test_a_picture_larger_than_any_page_needs_is_stored_smaller(upload, settings):
    settings.IMAGE_MAX_SIDE = 1000
    upload("wide.png", image_file(size=(2400, 600), image_format="PNG").read())
    with PILImage.open(Image.objects.get().file) as stored:
        assert stored.size == (1000, 250)
