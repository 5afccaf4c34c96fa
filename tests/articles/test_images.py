import pytest
from PIL import Image as PILImage

from articles.images import create_renditions
from tests.factories import image_file, make_article, make_image

pytestmark = pytest.mark.django_db


def test_renditions_are_webp_copies_narrower_than_the_original():
    image = make_image(file=image_file(size=(1000, 500)))

    renditions = create_renditions(image)

    assert sorted(renditions, key=int) == ["480", "800"]
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
    assert len(leftovers) == 2


def test_a_small_image_has_no_renditions_and_serves_itself():
    image = make_image(file=image_file(size=(300, 200)))
    assert create_renditions(image) == {}
    assert image.srcset == f"{image.file.url} 300w"


def test_pages_offer_every_size_to_the_browser(client):
    image = make_image(file=image_file(size=(1000, 500)))
    create_renditions(image)
    article = make_article(lead_image=image)

    for url in ("/", article.get_absolute_url()):
        content = client.get(url).content.decode()
        assert "480w, " in content and "800w, " in content and f"{image.file.url} 1000w" in content
        assert 'width="1000" height="500"' in content
