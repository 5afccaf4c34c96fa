"""The demo newsroom's identity and its own pages, read from data files in articles/demo/content/
(articles/demo/loader.py): identity.toml and one pages/<key>.toml per page, each with an [en] and an [es]
table. Adding a demo page is adding a file. "{newsroom}" in the texts stands for the name in the
NEWSROOM_NAME setting."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from articles.demo.loader import read, read_folder
from articles.models import Page, SiteIdentity

PAGE_FIELDS = ("title", "summary", "body")
IDENTITY_TEXTS = ("tagline", "footer_note")
LOGO_SIZE = (480, 120)
INK = (26, 26, 26, 255)


def _with_name(value, newsroom):
    """`value` with "{newsroom}" replaced by the newsroom's name in every text."""
    if isinstance(value, str):
        return value.replace("{newsroom}", newsroom).strip()
    if isinstance(value, dict):
        return {key: _with_name(item, newsroom) for key, item in value.items()}
    return value


def demo_pages(newsroom):
    """The demo's pages as Page field values, from articles/demo/content/pages/, in footer order."""
    pages = []
    for _key, content in read_folder("pages"):
        data = _with_name(content, newsroom)
        english, spanish = data.pop("en"), data.pop("es")
        fields = {**data, **{name: english.get(name, "") for name in PAGE_FIELDS}}
        fields.update({f"{name}_es": spanish.get(name, "") for name in PAGE_FIELDS})
        pages.append(fields)
    return sorted(pages, key=lambda fields: fields.get("position", 0))


def draw_logo(name, color):
    """A wordmark for the demo: the name in bold ink beside a square in the accent colour, on transparency."""
    picture = PILImage.new("RGBA", LOGO_SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    accent = tuple(int(color[index : index + 2], 16) for index in (1, 3, 5)) + (255,)
    draw.rectangle((0, 16, 88, 104), fill=accent)
    draw.text((44, 60), name[:1].upper(), fill=(255, 255, 255, 255), font=ImageFont.load_default(64), anchor="mm")
    font = ImageFont.load_default(56)
    text = name.upper()
    while draw.textlength(text, font=font) > LOGO_SIZE[0] - 112 and font.size > 20:
        font = ImageFont.load_default(font.size - 4)
    draw.text((108, 60), text, fill=INK, font=font, anchor="lm")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return ContentFile(buffer.getvalue(), name="demo-logo.png")


def seed_site(*, newsroom):
    """Set the demo identity and write its pages; running it again brings them back to the files. Returns
    the number of pages."""
    data = _with_name(read("identity.toml"), newsroom)
    english, spanish = data.pop("en"), data.pop("es")
    fields = {**data, "name": newsroom, "name_es": "", "name_beside_logo": False}
    fields["postal_address"] = "\n".join(data["postal_address"])
    fields.update({name: english.get(name, "") for name in IDENTITY_TEXTS})
    fields.update({f"{name}_es": spanish.get(name, "") for name in IDENTITY_TEXTS})
    identity = SiteIdentity.objects.filter(pk=SiteIdentity.SINGLETON).first() or SiteIdentity()
    for name, value in fields.items():
        setattr(identity, name, value)
    identity.full_clean(exclude=["logo"])
    if not identity.logo or not identity.logo.storage.exists(identity.logo.name):
        identity.logo.save("demo-logo.png", draw_logo(newsroom, identity.accent_color), save=False)
    identity.save()

    wanted = demo_pages(newsroom)
    for fields in wanted:
        page = Page.objects.filter(slug=fields["slug"]).first() or Page()
        for name, value in {**fields, "published": True, "in_footer": True}.items():
            setattr(page, name, value)
        page.full_clean()
        page.save()
    return len(wanted)
