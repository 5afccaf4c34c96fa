"""Body blocks in real Chromium: a writer puts an image, an embed and a table in a brief with the editor's
buttons and submits it, in the English and the Spanish admin; a reader's page with figures, embeds, a
table, a pull quote and a SEE ALSO in the analysis passes axe and the Nu Html Checker, and loads nothing
from a provider until the reader asks."""

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from articles.images import create_renditions
from articles.models import Article, Image
from articles.roles import assign_role
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_editorial import PASSWORD, choose, sign_in, sign_out
from tests.browser.test_reader import assert_accessible
from tests.factories import image_file, make_article, make_author, make_image, make_section, make_user

pytestmark = pytest.mark.django_db(transaction=True)

VNU = Path("/work/tools/node_modules/vnu-jar/build/dist/vnu.jar")

# What the writer's task reads in each admin language: the buttons' names are the admin's.
ADMIN = {
    "en": {
        "prefix": "",
        "image": "Insert an image",
        "embed": "Embed a video, document, chart or post",
        "table": "Insert a table",
        "upload": "Upload and insert",
        "insert": "Insert",
        "insert_table": "Insert Table",
        "submitted": "is now in review",
        "not_embeddable": "This link cannot be embedded",
        "see_also": "Insert a SEE ALSO callout",
        "add_row": "Add a row",
        "pull_quote": "Pull quote",
        "saved": "was changed successfully",
    },
    "es": {
        "prefix": "/es",
        "image": "Insertar una imagen",
        "embed": "Insertar un vídeo, documento, gráfico o publicación",
        "table": "Insertar una tabla",
        "upload": "Subir e insertar",
        "insert": "Insertar",
        "insert_table": "Insertar tabla",
        "submitted": "en revisión",
        "not_embeddable": "Este enlace no se puede insertar",
        "see_also": "Insertar un VEA TAMBIÉN",
        "add_row": "Añadir una fila",
        "pull_quote": "Cita destacada",
        "saved": "se cambió correctamente",
    },
}


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.mark.parametrize("language", ["en", "es"])
def test_writer_puts_an_image_an_embed_and_a_table_in_a_brief(live_server, page, language, tmp_path):
    words = ADMIN[language]
    make_section(name="Briefs", slug="briefs")
    writer = make_user("writer", password=PASSWORD, first_name="Ana", last_name="Ruiz")
    assign_role(writer, "Writer")
    make_author(name="Ana Ruiz", slug="ana-ruiz", user=writer)
    earlier = make_article(title="How the port cartel took the cranes", slug="port-cranes")
    photo = tmp_path / "checkpoint.jpg"
    photo.write_bytes(image_file(size=(900, 600)).read())

    page.goto(f"{live_server.url}{words['prefix']}/admin/login/")
    page.fill("#id_username", "writer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#desk-queues")).to_be_visible()
    page.goto(f"{live_server.url}{words['prefix']}/admin/articles/article/add/")
    page.fill("#id_title", "Checkpoints multiply on the border road")
    page.fill("#id_dek", "Drivers count eleven in one day.")
    choose(page, "section", "Briefs")

    body = page.locator(".field-body .prose-editor")
    body.locator("[contenteditable=true]").click()
    page.keyboard.type("Drivers counted eleven checkpoints between the border and the port.")
    page.keyboard.press("Enter")

    # 1. An image, uploaded from the editor with its words.
    body.get_by_role("button", name=words["image"]).click()
    dialog = page.locator("dialog.newsroom-dialog")
    dialog.locator("input[name=file]").set_input_files(str(photo))
    dialog.locator("input[name=alt_text]").fill("A soldier checks a truck at a roadblock")
    dialog.locator("input[name=caption]").fill("A checkpoint on the border road, March 2026.")
    dialog.locator("input[name=credit]").fill("Ana Ruiz / Newsroom")
    dialog.get_by_role("button", name=words["upload"]).click()
    expect(body.locator(".newsroom-block--figure img")).to_be_visible()
    expect(body.locator(".newsroom-block--figure")).to_contain_text("A soldier checks a truck at a roadblock")

    # 2. An embed, by pasting a link; a look-alike host is refused with a message.
    body.get_by_role("button", name=words["embed"]).click()
    dialog = page.locator("dialog.newsroom-dialog")
    dialog.locator("input[name=url]").fill("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ")
    dialog.get_by_role("button", name=words["insert"], exact=True).click()
    expect(dialog.locator(".newsroom-error")).to_contain_text(words["not_embeddable"])
    dialog.locator("input[name=url]").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    dialog.get_by_role("button", name=words["insert"], exact=True).click()
    expect(body.locator(".newsroom-block--embed")).to_contain_text("YouTube")

    # 3. A table of two columns and two rows with a header row, filled in by typing.
    body.get_by_role("button", name=words["table"]).click()
    dialog = page.locator("dialog.prose-editor-dialog")
    dialog.locator("input[name=rows]").fill("2")
    dialog.locator("input[name=cols]").fill("2")
    dialog.locator("select[name=withHeaderRow]").select_option("Yes")
    dialog.get_by_role("button", name=words["insert_table"]).click()
    cells = body.locator("table th, table td")
    expect(cells).to_have_count(4)
    cells.nth(0).click()
    # The table's own buttons speak the admin's language.
    expect(body.get_by_role("button", name=words["add_row"])).to_be_visible()
    cells.nth(0).click()
    page.keyboard.type("Day")
    page.keyboard.press("Tab")
    page.keyboard.type("Checkpoints")
    page.keyboard.press("Tab")
    page.keyboard.type("Monday")
    page.keyboard.press("Tab")
    page.keyboard.type("11")

    # 4. In the analysis: a SEE ALSO callout found by its headline, then a pull quote.
    analysis = page.locator(".field-analysis .prose-editor")
    analysis.locator("[contenteditable=true]").click()
    page.keyboard.type("The pattern repeats in other ports.")
    page.keyboard.press("Enter")
    analysis.get_by_role("button", name=words["see_also"]).click()
    dialog = page.locator("dialog.newsroom-dialog")
    dialog.locator("input[name=article-search]").fill("port cartel")
    dialog.locator(".newsroom-article-choice", has_text="How the port cartel took the cranes").click()
    expect(analysis.locator(".newsroom-block--see-also")).to_contain_text("How the port cartel took the cranes")
    page.keyboard.type("Nobody moves a container without paying.")
    analysis.get_by_role("button", name=words["pull_quote"]).click()

    page.locator("button[name=_transition][value=submit]").click()
    expect(page.locator(".messagelist")).to_contain_text(words["submitted"])

    article = Article.objects.get(slug="checkpoints-multiply-on-the-border-road")
    image = Image.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert (image.alt_text, image.caption, image.credit) == (
        "A soldier checks a truck at a roadblock",
        "A checkpoint on the border road, March 2026.",
        "Ana Ruiz / Newsroom",
    )
    assert image.renditions, "the upload got its smaller copies"
    assert f'<figure data-image="{image.pk}"></figure>' in article.body
    assert (
        '<figure data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></figure>' in article.body
    )
    assert re.search(r"<table><tbody><tr><th[^>]*><p>Day</p></th><th[^>]*><p>Checkpoints</p></th></tr>", article.body)
    assert re.search(r"<tr><td[^>]*><p>Monday</p></td><td[^>]*><p>11</p></td></tr></tbody></table>", article.body)
    assert article.analysis == (
        f'<p>The pattern repeats in other ports.</p><aside data-see-also="{earlier.pk}"></aside>'
        '<aside class="pullquote"><p>Nobody moves a container without paying.</p></aside>'
    )

    # Opened again and saved, the blocks come back as they were.
    body_before, analysis_before = article.body, article.analysis
    page.goto(f"{live_server.url}{words['prefix']}/admin/articles/article/{article.pk}/change/")
    expect(body.locator(".newsroom-block--figure img")).to_be_visible()
    expect(page.locator(".field-analysis .newsroom-block--see-also")).to_contain_text("How the port cartel")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text(words["saved"])
    article.refresh_from_db()
    assert (article.body, article.analysis) == (body_before, analysis_before)
    sign_out(page)


@pytest.fixture
def article_with_blocks():
    section = make_section(name="Briefs", slug="briefs")
    photo = make_image(
        file=image_file(size=(1600, 1000)),
        alt_text="Trucks wait in line at the port gate",
        caption="The port gate at dawn.",
        credit="Luis Paz / Newsroom",
    )
    create_renditions(photo)
    linked = make_article(title="How the port cartel took the cranes", section=section)
    body = (
        "<p>Ships wait for days.</p>"
        f'<figure data-image="{photo.pk}"></figure>'
        '<aside class="pullquote"><p>“Nobody moves a container without paying.”</p></aside>'
        '<figure data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></figure>'
        '<figure data-embed="datawrapper" data-url="https://datawrapper.dwcdn.net/dZnJQ/3/"></figure>'
        "<table><tbody><tr><th><p>Month</p></th><th><p>Seizures</p></th></tr>"
        "<tr><td><p>January</p></td><td><p>4</p></td></tr></tbody></table>"
        "<p>The company declined to comment.</p>"
    )
    analysis = (
        "<p>The pattern repeats in other ports.</p>"
        f'<aside data-see-also="{linked.pk}"></aside>'
        '<figure data-embed="documentcloud" data-url="https://www.documentcloud.org/documents/2005-port-audit"></figure>'
    )
    return make_article(
        title="Port gate fees double", slug="port-gate-fees-double", section=section, body=body, analysis=analysis
    )


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
def test_reader_page_with_blocks_is_valid_accessible_and_loads_embeds_on_request(
    live_server, page, article_with_blocks, viewport, tmp_path
):
    origin = urlsplit(live_server.url).netloc
    foreign = []
    page.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).netloc != origin else None)
    response = page.goto(f"{live_server.url}{article_with_blocks.get_absolute_url()}")
    policy = response.headers["content-security-policy"]
    assert "frame-src https://datawrapper.dwcdn.net" in policy
    assert "'unsafe-inline'" not in policy

    expect(page.locator(".body-figure img")).to_have_attribute("alt", "Trucks wait in line at the port gate")
    expect(page.locator(".body-figure figcaption")).to_contain_text("The port gate at dawn.")
    expect(page.locator(".analysis .see-also")).to_contain_text("How the port cartel took the cranes")
    expect(page.locator("aside.pullquote")).to_contain_text("Nobody moves a container")
    expect(page.locator(".table-scroll table td").first).to_have_text("January")
    embeds = page.locator("figure.embed")
    expect(embeds).to_have_count(3)
    expect(embeds.nth(0)).to_contain_text("YouTube")
    expect(page.locator("iframe")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    assert foreign == [], "nothing loads from a provider before the reader asks"

    assert_accessible(page)

    html = tmp_path / "article.html"
    html.write_text(response.text())
    checked = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", str(html)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stderr

    # The reader asks for the video: a frame from the privacy-enhanced host, named for screen readers.
    page.route(re.compile(r"https://.*"), lambda route: route.fulfill(status=200, body="<p>video</p>"))
    embeds.nth(0).get_by_role("button").click()
    frame = page.locator("figure.embed iframe")
    expect(frame).to_have_count(1)
    expect(frame).to_have_attribute("src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")
    expect(frame).to_have_attribute("title", re.compile("YouTube"))


def test_editor_sets_the_focal_point_with_a_click(live_server, page):
    editor = make_user("editor", password=PASSWORD)
    assign_role(editor, "Editor")
    image = make_image(file=image_file(size=(1000, 600)), alt_text="A port at dawn")
    create_renditions(image)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/image/{image.pk}/change/")

    picture = page.locator(".focal-point img")
    box = picture.bounding_box()
    picture.click(position={"x": box["width"] * 0.8, "y": box["height"] * 0.25})
    expect(page.locator("#id_focal_x")).to_have_value("80")
    expect(page.locator("#id_focal_y")).to_have_value("25")
    expect(page.locator(".focal-point__marker")).to_be_visible()
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (80, 25)
