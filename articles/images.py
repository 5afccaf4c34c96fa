"""Uploaded images: checked and cleaned on the way in, then smaller WebP copies made once per upload,
so phones never download a poster."""

import io
import re
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps

from articles.models import Image
from newsroom import pagecache

# What a photo desk uploads, and what every browser shows. Pillow names the format from the bytes.
ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Markup that has no business in a picture: a file that holds it is a polyglot, an image that a
# browser or a careless server could also read as a page or a script.
MARKUP = re.compile(rb"<(?:script|html|body|svg|iframe|object|embed|!doctype|\?php)\b", re.IGNORECASE)
JPEG_QUALITY = 88
# Pillow's own guard: it refuses to open a picture of more than twice this many pixels, anywhere in
# the site. Uploads are held to IMAGE_MAX_PIXELS itself by prepare_upload.
PILImage.MAX_IMAGE_PIXELS = settings.IMAGE_MAX_PIXELS


def prepare_upload(upload):
    """Check an uploaded file and return it cleaned, as a new file to store instead.

    Refused with a ValidationError saying why: too many bytes, not a JPEG, PNG or WebP picture by
    its content (whatever its name says: SVG and other formats included), too many pixels (read from
    the header, before anything is decoded, so a decompression bomb costs no memory), or a polyglot.
    The picture is then decoded once, turned upright by its EXIF orientation and saved again without
    its metadata (camera, GPS position) or anything hidden after it, under the right extension.
    """
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; the largest accepted is %(limit)s. Export a smaller copy."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(settings.IMAGE_MAX_BYTES)},
        )
    upload.seek(0)
    data = upload.read()
    if re.match(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+)?svg\b", data[:4096], re.I | re.S):
        raise ValidationError(
            _("SVG files are not accepted: they can carry scripts. Upload a PNG export instead."), code="svg"
        )
    if MARKUP.search(data):
        raise ValidationError(
            _("This file holds web page or script code as well as a picture, so it is refused."), code="polyglot"
        )
    not_an_image = ValidationError(
        _("This file is not a JPEG, PNG or WebP picture (whatever its name says)."), code="not_an_image"
    )
    try:
        # Opening reads the header only; the pixels are counted before anything is decoded.
        with PILImage.open(io.BytesIO(data)) as source:
            if source.format not in ACCEPTED_FORMATS:
                raise not_an_image
            _check_pixels(source.width * source.height)
            _bound_decoding(source)
            picture = _upright_copy(source)
            image_format = source.format
            icc_profile = source.info.get("icc_profile")
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - Pillow raises many kinds for broken or foreign files
        raise not_an_image from error
    buffer = io.BytesIO()
    options = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif image_format == "WEBP":
        options.update(quality=JPEG_QUALITY)
    picture.save(buffer, image_format, **options)
    stem = PurePosixPath(upload.name or "image").stem or "image"
    return ContentFile(buffer.getvalue(), name=f"{stem}.{ACCEPTED_FORMATS[image_format]}")


def _bound_decoding(source):
    """Keep what decoding `source` costs in memory small, whatever its size on disk (a plain 7,000 x 7,000
    picture is 150 KB as a file and 150 MB decoded, several times over while it is turned and copied).

    A JPEG is decoded at a fraction of its size (1/2, 1/4 or 1/8: the format allows it at no cost), the
    smallest that keeps at least half of IMAGE_MAX_SIDE on its longest side. PNG and WebP have no
    such way, so one that would take more than IMAGE_MAX_DECODED_PIXELS to decode is refused before it is.
    """
    if source.format == "JPEG":
        longest = max(source.size)
        scale = next((s for s in (8, 4, 2) if longest // s >= settings.IMAGE_MAX_SIDE // 2), 1)
        if scale > 1:
            source.draft(source.mode, (source.width // scale, source.height // scale))
    elif source.width * source.height > settings.IMAGE_MAX_DECODED_PIXELS:
        raise ValidationError(
            _(
                "This PNG or WebP picture has too many pixels to be processed (at most %(limit)s million). "
                "Export a smaller copy, or a JPEG."
            ),
            code="too_many_pixels_to_decode",
            params={"limit": settings.IMAGE_MAX_DECODED_PIXELS // 1_000_000},
        )


def _check_pixels(pixels):
    if pixels > settings.IMAGE_MAX_PIXELS:
        raise _too_many_pixels()


def _too_many_pixels():
    return ValidationError(
        _("This picture has too many pixels (at most %(limit)s million). Export a smaller copy."),
        code="too_many_pixels",
        params={"limit": settings.IMAGE_MAX_PIXELS // 1_000_000},
    )


def _upright_copy(source):
    """The first frame of `source`, decoded, turned upright, with no metadata left attached."""
    source.seek(0)
    source.load()
    # In place: a copy of a large picture is as large again.
    ImageOps.exif_transpose(source, in_place=True)
    upright = source
    # The stored original is the largest copy any page needs, no more.
    upright.thumbnail((settings.IMAGE_MAX_SIDE, settings.IMAGE_MAX_SIDE), PILImage.Resampling.LANCZOS)
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):
        upright = upright.convert("RGBA" if "transparency" in upright.info or "A" in upright.mode else "RGB")
    # A fresh image: the pixels only, none of the original's info (EXIF, XMP, comments, text chunks).
    clean = PILImage.new(upright.mode, upright.size)
    clean.paste(upright)
    if source.format == "JPEG" and clean.mode in ("RGBA", "LA"):
        clean = clean.convert("RGB")
    return clean


RENDITION_WIDTHS = (480, 800, 1200)
WEBP_QUALITY = 80
# Social cards (og:image): the size Facebook, X and LinkedIn show without cropping again.
CARD_SIZE = (1200, 630)


def crop_box(width, height, ratio, focal_x, focal_y):
    """The largest box of aspect `ratio` (width / height) inside a `width` × `height` picture, as
    (left, top, right, bottom), centred on the focal point (percent of width and height) as far as the
    edges allow, so the focal point is always inside it."""
    crop_width, crop_height = width, height
    if width / height > ratio:
        crop_width = max(1, round(height * ratio))
    else:
        crop_height = max(1, round(width / ratio))
    centre_x, centre_y = width * focal_x / 100, height * focal_y / 100
    left = min(max(round(centre_x - crop_width / 2), 0), width - crop_width)
    top = min(max(round(centre_y - crop_height / 2), 0), height - crop_height)
    return left, top, left + crop_width, top + crop_height


def create_renditions(image):
    """Make (or remake) the copies of `image` and record them on it: WebP copies narrower than the
    original, and a social card cropped around the focal point."""
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
        # The social card: cropped around the focal point, never enlarged.
        card_width, card_height = CARD_SIZE
        box = crop_box(source.width, source.height, card_width / card_height, image.focal_x, image.focal_y)
        card = source.crop(box)
        if card.width > card_width:
            card = card.resize(CARD_SIZE, PILImage.Resampling.LANCZOS)
        buffer = io.BytesIO()
        card.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        renditions["card"] = storage.save(f"renditions/{stem}-card.jpg", ContentFile(buffer.getvalue()))
    Image.objects.filter(pk=image.pk).update(renditions=renditions)
    image.renditions = renditions
    # Pages showing the image now offer the new sizes.
    pagecache.content_changed()
    return renditions
