"""Body blocks: figures from the image library, embeds, pull quotes, tables and SEE ALSO callouts; the
sanitizer's allow-list for them against hostile input; the reader page, the republishing HTML, the
editor's endpoints; the focal point; who may change an image that published work shows."""

import io
import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from articles import embeds
from articles.images import create_renditions, crop_box
from articles.models import Article, Image
from articles.roles import assign_role
from articles.sanitizer import clean_html
from tests.factories import (
    CONTENT_VERSION_QUERIES,
    PROMPTS_QUERY,
    SITE_CHROME_QUERIES,
    image_file,
    make_article,
    make_image,
    make_section,
    make_user,
)

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


# The allow-list against hostile input.

HOSTILE_EMBEDS = [
    # Script inside an embed, and handlers on it.
    f'<figure data-embed="youtube" data-url="{YOUTUBE}"><script>alert(1)</script></figure>',
    f'<figure data-embed="youtube" data-url="{YOUTUBE}" onclick="alert(1)" onmouseover="alert(1)"></figure>',
    # Addresses that are not links to content of an allow-listed provider.
    '<figure data-embed="youtube" data-url="javascript:alert(1)//www.youtube.com/watch?v=dQw4w9WgXcQ"></figure>',
    '<figure data-embed="youtube" data-url="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></figure>',
    '<figure data-embed="youtube" data-url="https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"></figure>',
    '<figure data-embed="youtube" data-url="https://evil-youtube.com/watch?v=dQw4w9WgXcQ"></figure>',
    '<figure data-embed="youtube" data-url="https://www.youtube.com@evil.example/watch?v=dQw4w9WgXcQ"></figure>',
    '<figure data-embed="vimeo" data-url="https://vimeo.com.evil.example/76979871"></figure>',
    '<figure data-embed="youtube" data-url="https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ"></figure>',
    '<figure data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&quot;onload=&quot;x"></figure>',
    # Frames, whoever hosts them, and provider HTML pasted as such.
    '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"></iframe>',
    '<iframe src="https://evil.example/"></iframe>',
    '<figure><iframe src="https://player.vimeo.com/video/1"></iframe></figure>',
    '<blockquote class="twitter-tweet"><a href="https://x.com/a/status/1">x</a></blockquote>'
    '<script async src="https://platform.twitter.com/widgets.js"></script>',
    # Ids that are not ids.
    '<figure data-image="1 onerror=alert(1)"></figure>',
    '<figure data-image="javascript:alert(1)"></figure>',
    '<aside data-see-also="-1"></aside>',
    '<aside class="pullquote" style="background:url(javascript:alert(1))" onclick="alert(1)"><p>x</p></aside>',
    '<table onmouseover="alert(1)"><tr><td colspan="2 onclick=alert(1)" style="x">x</td></tr></table>',
]


@pytest.mark.parametrize("markup", HOSTILE_EMBEDS)
def test_hostile_blocks_lose_everything_dangerous(markup):
    cleaned = clean_html(markup)
    lowered = cleaned.lower()
    for needle in ("<script", "<iframe", "javascript:", "data:", "evil", "onclick", "onmouseover", "onload", "style="):
        assert needle not in lowered, cleaned
    assert clean_html(cleaned) == cleaned


def test_blocks_keep_their_one_shape():
    assert clean_html(
        '<figure data-image="12" class="x"><img src="a.jpg" alt=""><figcaption>Old</figcaption></figure>'
    ) == ('<figure data-image="12"></figure>')
    # The provider is the one the link names, whatever the markup says; the link is stored over https.
    assert clean_html('<figure data-embed="vimeo" data-url="http://youtu.be/dQw4w9WgXcQ">x</figure>') == (
        '<figure data-embed="youtube" data-url="https://youtu.be/dQw4w9WgXcQ"></figure>'
    )
    assert clean_html('<aside data-see-also="34"><p>An old title</p></aside>') == '<aside data-see-also="34"></aside>'
    assert (
        clean_html('<aside class="pullquote note"><p>Said.</p></aside>')
        == '<aside class="pullquote"><p>Said.</p></aside>'
    )
    assert clean_html('<table><tr><th colspan="2">H</th></tr></table>') == (
        '<table><tbody><tr><th colspan="2">H</th></tr></tbody></table>'
    )


@pytest.mark.parametrize(
    ("url", "frame"),
    [
        (YOUTUBE, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=42", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://www.documentcloud.org/documents/2005-port-audit",
            "https://embed.documentcloud.org/documents/2005-port-audit/?embed=1&responsive=1&title=1",
        ),
        ("https://www.datawrapper.de/_/dZnJQ/", "https://datawrapper.dwcdn.net/dZnJQ/"),
        ("https://public.flourish.studio/visualisation/1234567/", "https://flo.uri.sh/visualisation/1234567/embed"),
        (
            "https://x.com/newsroom/status/1234567890",
            "https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true",
        ),
        (
            "https://twitter.com/newsroom/status/1234567890",
            "https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true",
        ),
        ("https://www.instagram.com/p/C0dEaBc12/", "https://www.instagram.com/p/C0dEaBc12/embed/"),
        (
            "https://soundcloud.com/newsroom/episode-4",
            "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fnewsroom%2Fepisode-4&visual=false&show_comments=false",
        ),
    ],
)
def test_each_provider_frames_from_its_own_player_host(url, frame):
    embed = embeds.parse(url)
    assert embed.frame_src == frame
    assert f"https://{embed.provider.frame_host}" in embeds.FRAME_HOSTS
    assert embeds.parse(embed.url) == embed


def test_the_reader_pages_frame_src_is_the_allow_list():
    assert settings.CONTENT_SECURITY_POLICY["frame-src"] == embeds.FRAME_HOSTS


# Cleaning twice changes nothing, whatever the input (issue: 51 of 20,000 random inputs did).

# Allowed tags, tags dropped with their content, and tags a browser's parser treats specially (tables,
# select, raw text) whose nesting made a second cleaning differ before.
TAGS = [
    *(
        [
            "p",
            "h2",
            "h3",
            "h4",
            "table",
            "tbody",
            "thead",
            "tr",
            "td",
            "th",
            "ul",
            "ol",
            "li",
            "blockquote",
            "figure",
            "figcaption",
            "aside",
            "a",
            "b",
            "i",
            "em",
            "strong",
        ]
    ),
    *(
        [
            "div",
            "span",
            "script",
            "style",
            "select",
            "option",
            "form",
            "svg",
            "math",
            "br",
            "hr",
            "sub",
            "sup",
            "caption",
            "colgroup",
            "textarea",
        ]
    ),
    *(["title", "noscript", "template", "iframe", "img", "button", "xmp", "pre", "font", "nobr"]),
]
ATTRIBUTES = [
    "",
    ' data-image="3"',
    ' data-see-also="4"',
    f' data-embed="youtube" data-url="{YOUTUBE}"',
    ' data-url="https://vimeo.com/1"',
    ' class="pullquote"',
    ' href="https://example.org/"',
    ' colspan="2"',
    ' onclick="x()"',
]
fragment = st.recursive(
    st.text(alphabet="ab <>&\"'/=", max_size=6),
    lambda inner: st.builds(
        lambda tag, attributes, children, closed: (
            f"<{tag}{attributes}>{''.join(children)}" + (f"</{tag}>" if closed else "")
        ),
        st.sampled_from(TAGS),
        st.sampled_from(ATTRIBUTES),
        st.lists(inner, max_size=3),
        st.booleans(),
    ),
    max_leaves=12,
)


@hypothesis_settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragment, max_size=4).map("".join))
def test_cleaning_is_idempotent(markup):
    cleaned = clean_html(markup)
    assert clean_html(cleaned) == cleaned


def test_the_reported_case_is_stable():
    cleaned = clean_html("<h2>a<table><h2>b</h2></table></h2>")
    assert clean_html(cleaned) == cleaned


# The reader page.


class ReaderPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_section(name="Briefs", slug="briefs")
        cls.photo = make_image(
            file=image_file(size=(1000, 600)),
            alt_text="Trucks at the port gate",
            alt_text_es="Camiones en la puerta del puerto",
            caption="The gate at dawn.",
            caption_es="La puerta al amanecer.",
            credit="Luis Paz",
        )
        create_renditions(cls.photo)
        cls.linked = make_article(title="How the cartel took the cranes", section=cls.section)
        cls.draft = make_article(title="A draft nobody may see", section=cls.section, published=False)
        cls.article = make_article(
            section=cls.section,
            body=(
                "<p>One.</p>"
                f'<figure data-image="{cls.photo.pk}"></figure>'
                f'<figure data-embed="youtube" data-url="{YOUTUBE}"></figure>'
                "<table><tbody><tr><td><p>Cell</p></td></tr></tbody></table>"
                '<aside class="pullquote"><p>Nobody moves without paying.</p></aside>'
            ),
            analysis=(
                f'<p>Two.</p><aside data-see-also="{cls.linked.pk}"></aside>'
                f'<aside data-see-also="{cls.draft.pk}"></aside>'
            ),
        )

    def test_blocks_are_rendered_from_our_templates(self):
        response = self.client.get(self.article.get_absolute_url())
        content = response.content.decode()
        self.assertInHTML('<figcaption>The gate at dawn. <span class="credit">Luis Paz</span></figcaption>', content)
        assert 'alt="Trucks at the port gate"' in content
        assert f"{self.photo.file.url} 1000w" in content and "480w, " in content
        # The embed: our placeholder naming the provider, a link to the original, no frame.
        assert "YouTube" in content and f'href="{YOUTUBE.replace("&", "&amp;")}"' in content
        assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in content
        assert "<iframe" not in content
        assert "js/embeds" in content
        assert '<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>' in content
        assert "Nobody moves without paying." in content
        # The SEE ALSO in the analysis links to the published article only.
        assert "How the cartel took the cranes" in content
        assert "A draft nobody may see" not in content
        assert "data-see-also" not in content and "data-image" not in content

    def test_figures_speak_the_articles_language(self):
        spanish = make_article(
            section=self.section, language="es", body=f'<figure data-image="{self.photo.pk}"></figure>'
        )
        content = self.client.get(spanish.get_absolute_url()).content.decode()
        assert 'alt="Camiones en la puerta del puerto"' in content
        assert "La puerta al amanecer." in content

    def test_blocks_cost_one_query_per_kind_whatever_their_number(self):
        """The figures' images come in one query and the callouts' articles in one more, for any number of
        them (a query per figure is what this guards against); an article without them costs neither. (The
        first page after a change also reads the sections, the organization news and the prompts, which the
        next pages find in the fragment cache: newsroom/fragments.py.)"""
        plain = make_article(section=self.section)
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 7):
            self.client.get(plain.get_absolute_url())
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + 7):
            self.client.get(self.article.get_absolute_url())
        more = [make_image() for _ in range(4)]
        self.article.body += "".join(f'<figure data-image="{image.pk}"></figure>' for image in more)
        self.article.analysis += "".join(
            f'<aside data-see-also="{make_article(section=self.section).pk}"></aside>' for _ in range(3)
        )
        self.article.save()
        with self.assertNumQueries(CONTENT_VERSION_QUERIES + SITE_CHROME_QUERIES + PROMPTS_QUERY + 9):
            response = self.client.get(self.article.get_absolute_url())
        assert response.content.decode().count('class="body-figure"') == 5

    def test_republishing_html_has_plain_figures_and_links(self):
        response = self.client.get(self.article.get_absolute_url())
        republish = response.context["blocks"]
        assert republish.images
        content = response.content.decode()
        start = content.index('id="republish-html"')
        textarea = content[start : content.index("</textarea>", start)]
        assert "&lt;figure&gt;&lt;img src=&quot;http" in textarea
        assert (
            f"YouTube: {YOUTUBE}".replace("&", "&amp;amp;") in textarea
            or "YouTube: https://www.youtube.com" in textarea
        )
        assert "data-embed-src" not in textarea


# The editor's endpoints.


class EditorEndpointTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")

    def setUp(self):
        self.client.force_login(self.writer)

    def test_embed_check_accepts_allow_listed_links_and_refuses_look_alikes(self):
        url = reverse("admin:articles_article_embed_check")
        answer = self.client.get(url, {"url": "https://youtu.be/dQw4w9WgXcQ"}).json()
        assert answer == {"provider": "youtube", "label": "YouTube", "url": "https://youtu.be/dQw4w9WgXcQ"}
        refused = self.client.get(url, {"url": "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ"}).json()
        assert "cannot be embedded" in refused["error"] and "DocumentCloud" in refused["error"]

    def test_picker_finds_images_by_their_words(self):
        wanted = make_image(alt_text="A police checkpoint at night")
        make_image(alt_text="A market in the morning")
        results = self.client.get(reverse("admin:articles_image_picker"), {"q": "checkpoint"}).json()["results"]
        assert [result["id"] for result in results] == [wanted.pk]
        by_id = self.client.get(reverse("admin:articles_image_picker"), {"ids": str(wanted.pk)}).json()["results"]
        assert by_id[0]["alt"] == "A police checkpoint at night"

    def test_upload_checks_the_file_and_keeps_the_words(self):
        url = reverse("admin:articles_image_upload")
        refused = self.client.post(
            url, {"file": image_file(name="x.jpg").__class__("x.jpg", b"<svg></svg>"), "alt_text": "x"}
        )
        assert refused.status_code == 400
        assert "file" in refused.json()["errors"]
        missing_alt = self.client.post(url, {"file": image_file(size=(900, 600))})
        assert "alt_text" in missing_alt.json()["errors"]
        assert not Image.objects.exists()
        created = self.client.post(
            url, {"file": image_file(size=(900, 600)), "alt_text": "A roadblock", "caption": "At noon.", "credit": "AR"}
        )
        assert created.status_code == 201
        image = Image.objects.get()
        assert created.json()["image"]["id"] == image.pk
        assert (image.alt_text, image.caption, image.credit) == ("A roadblock", "At noon.", "AR")
        assert image.renditions

    def test_lookup_finds_articles_by_headline(self):
        wanted = make_article(title="Port gate fees double")
        make_article(title="Something else")
        results = self.client.get(reverse("admin:articles_article_lookup"), {"q": "gate fees"}).json()["results"]
        assert [result["id"] for result in results] == [wanted.pk]

    def test_the_editor_is_handed_the_blocks(self):
        content = self.client.get(reverse("admin:articles_article_add")).content.decode()
        assert "articles/admin/blocks" in content
        config = json.loads(
            content.split('data-django-prose-editor-configurable="', 1)[1].split('"', 1)[0].replace("&quot;", '"')
        )
        assert {"LibraryFigure", "Embed", "PullQuote", "SeeAlso", "Table"} <= set(config["extensions"])
        assert config["extensions"]["LibraryFigure"]["uploadUrl"] == reverse("admin:articles_image_upload")


# The focal point.


@pytest.mark.parametrize("focal", [(0, 0), (100, 100), (90, 10), (50, 50), (13, 87)])
@pytest.mark.parametrize("size", [(1600, 900), (600, 1200), (1000, 1000)])
def test_every_crop_keeps_the_focal_point_in_frame(focal, size):
    left, top, right, bottom = crop_box(*size, 1200 / 630, *focal)
    x, y = size[0] * focal[0] / 100, size[1] * focal[1] / 100
    assert left <= x <= right and top <= y <= bottom
    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    assert abs((right - left) / (bottom - top) - 1200 / 630) < 0.01


def halves(name, size):
    """A picture dark in its top half and light in its bottom half."""
    picture = PILImage.new("RGB", size, (0, 0, 0))
    picture.paste((255, 255, 255), (0, size[1] // 2, size[0], size[1]))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.mark.django_db
def test_the_social_card_is_cropped_around_the_focal_point():
    # A tall picture: the card of a focal point near the bottom shows the light part.
    image = make_image(file=halves("tall.jpg", (800, 1600)), focal_x=50, focal_y=90)
    create_renditions(image)
    with image.file.storage.open(image.renditions["card"]) as handle, PILImage.open(handle) as card:
        assert card.size == (800, 420)
        assert card.convert("L").getpixel((400, 210)) > 200
    article = make_article(lead_image=image)
    content = Client().get(article.get_absolute_url()).content.decode()
    assert (
        f'property="og:image" content="http://testserver{image.card_url}"' in content
        or image.renditions["card"] in content
    )


@pytest.mark.django_db
def test_setting_the_focal_point_in_the_admin_remakes_the_crops(client):
    editor = make_user("editor")
    assign_role(editor, "Editor")
    client.force_login(editor)
    image = make_image(file=halves("port.jpg", (1000, 600)), alt_text="A port", caption="Cap")
    create_renditions(image)
    with image.file.storage.open(image.renditions["card"]) as handle:
        old_card = handle.read()
    url = reverse("admin:articles_image_change", args=[image.pk])
    form = client.get(url).content.decode()
    assert 'class="focal-point"' in form and 'name="focal_x"' in form and "focal_point.js" in form
    data = {"alt_text": "A port", "caption": "Cap", "focal_x": "101", "focal_y": "20"}
    refused = client.post(url, data)
    assert refused.status_code == 200 and "focal_x" in refused.context["adminform"].form.errors
    client.post(url, {**data, "focal_x": "80"})
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (80, 20)
    with image.file.storage.open(image.renditions["card"]) as handle:
        assert handle.read() != old_card


# Who may change an image that published work shows.


class ImagePermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.writer = make_user("writer")
        assign_role(cls.writer, "Writer")
        cls.editor = make_user("editor")
        assign_role(cls.editor, "Editor")
        cls.lead = make_image(alt_text="Lead", caption="Lead caption")
        cls.inline = make_image(alt_text="Inline", caption="Inline caption")
        cls.unused = make_image(alt_text="Unused", caption="Unused caption")
        make_article(title="Port gate fees double", lead_image=cls.lead)
        make_article(analysis=f'<figure data-image="{cls.inline.pk}"></figure>')
        make_article(published=False, body=f'<figure data-image="{cls.unused.pk}"></figure>')

    def post(self, image, **changes):
        data = {"alt_text": image.alt_text, "caption": image.caption, "focal_x": 50, "focal_y": 50, **changes}
        return self.client.post(reverse("admin:articles_image_change", args=[image.pk]), data)

    def test_a_writer_cannot_change_an_image_published_work_shows(self):
        self.client.force_login(self.writer)
        for image in (self.lead, self.inline):
            page = self.client.get(reverse("admin:articles_image_change", args=[image.pk])).content.decode()
            assert 'name="alt_text"' not in page
            assert "only an editor can change or replace it" in page
            assert self.post(image, alt_text="Changed", caption="Changed").status_code == 403
            image.refresh_from_db()
            assert (image.alt_text, image.caption) != ("Changed", "Changed")
            response = self.client.post(
                reverse("admin:articles_image_change", args=[image.pk]),
                {"file": image_file(), "alt_text": image.alt_text, "focal_x": 50, "focal_y": 50},
            )
            assert response.status_code == 403

    def test_the_image_page_names_the_articles_that_show_it(self):
        self.client.force_login(self.editor)
        page = self.client.get(reverse("admin:articles_image_change", args=[self.lead.pk])).content.decode()
        assert "Port gate fees double" in page
        unused = make_image()
        page = self.client.get(reverse("admin:articles_image_change", args=[unused.pk])).content.decode()
        assert "No article shows this image yet." in page

    def test_a_writer_may_change_an_image_only_drafts_show(self):
        self.client.force_login(self.writer)
        self.post(self.unused, alt_text="Better alt text")
        self.unused.refresh_from_db()
        assert self.unused.alt_text == "Better alt text"

    def test_an_editor_may_change_any_image(self):
        self.client.force_login(self.editor)
        self.post(self.lead, alt_text="Corrected alt text")
        self.lead.refresh_from_db()
        assert self.lead.alt_text == "Corrected alt text"


def test_scheduled_work_counts_as_published_for_images(db):
    from datetime import timedelta

    from django.utils import timezone

    from articles import workflow

    writer = make_user("writer")
    assign_role(writer, "Writer")
    image = make_image()
    make_article(status=Article.Status.PUBLISHED, publish_at=timezone.now() + timedelta(days=1), lead_image=image)
    writer = type(writer).objects.get(pk=writer.pk)
    assert not workflow.can_change_image(writer, image)
