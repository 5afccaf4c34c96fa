"""Image renditions: smaller WebP copies made once per upload, so phones never download a poster."""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps

from articles.models import Image

RENDITION_WIDTHS = (480, 800, 1200)
WEBP_QUALITY = 80


def create_renditions(image):
    """Make (or remake) the WebP copies of `image` narrower than the original and record them on it."""
    storage = image.file.storage
    for name in image.renditions.values():
        storage.delete(name)
    renditions = {}
    # Named after the original's path (images/2026/05/bus.jpg -> renditions/images/2026/05/bus-480w.webp),
    # which the storage keeps unique, so two renditions never compete for a name.
    stem = PurePosixPath(image.file.name).with_suffix("")
    with image.file.open("rb") as handle, PILImage.open(handle) as source:
        source = ImageOps.exif_transpose(source)
        if source.mode not in ("RGB", "RGBA"):
            source = source.convert("RGBA" if "transparency" in source.info else "RGB")
        for width in RENDITION_WIDTHS:
            if width >= source.width:
                break
            height = round(source.height * width / source.width)
            buffer = io.BytesIO()
            source.resize((width, height), PILImage.Resampling.LANCZOS).save(buffer, "WEBP", quality=WEBP_QUALITY)
            name = f"renditions/{stem}-{width}w.webp"
            renditions[str(width)] = storage.save(name, ContentFile(buffer.getvalue()))
    Image.objects.filter(pk=image.pk).update(renditions=renditions)
    image.renditions = renditions
    return renditions
