"""The bilingual desk in real Chromium: an editor writes a new English brief, makes its Spanish pair with
Translate, translates the words and publishes both in one step; a reader crosses between the two, and the
tag pages' language switch lands on the tag's counterpart. Checked by axe-core along the way.

The Spanish version takes five actions here (Translate, headline, dek, text, Publish both now), the
count docs/editorial.md gives."""

import re

import pytest
from playwright.sync_api import expect
from taggit.models import Tag

from articles.models import Article, TagLanguage, TranslationState
from articles.roles import assign_role
from articles.services import pair_tags
from tests.browser.test_editorial import PASSWORD, choose, sign_in
from tests.browser.test_reader import assert_accessible
from tests.factories import make_author, make_country, make_section, make_user

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    # The live server speaks plain HTTP; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def test_translate_a_new_brief_and_publish_both(live_server, page):
    make_section(name="Briefs", name_es="Breves", slug="briefs")
    make_country(name="Honduras", slug="honduras", iso_code="HN")
    editor = make_user("editor", password=PASSWORD, first_name="Luis", last_name="Paz")
    assign_role(editor, "Editor")
    make_author(name="Luis Paz", slug="luis-paz", user=editor)
    extortion, extorsion = (
        Tag.objects.create(name="Extortion", slug="extortion"),
        Tag.objects.create(name="Extorsión", slug="extorsion"),
    )
    TagLanguage.objects.create(tag=extortion, language="en")
    TagLanguage.objects.create(tag=extorsion, language="es")
    pair_tags(tag=extortion, counterpart=extorsion)

    # The English brief, as the editor writes it.
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Gangs tax the night buses")
    page.fill("#id_dek", "Drivers now pay twice a week.")
    choose(page, "section", "Briefs")
    choose(page, "primary_country", "Honduras")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("Drivers on the night routes pay twice a week.")
    page.locator("#tagged_items-group .add-row a").click()
    choose(page, "tagged_items-0-tag", "Extortion")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    english = Article.objects.get(slug="gangs-tax-the-night-buses")

    # The Spanish version: five actions.
    page.get_by_role("button", name="Translate into Spanish").click()  # 1
    expect(page.locator(".messagelist")).to_contain_text("now has its spanish draft")
    expect(page.locator("#id_language")).to_have_value("es")
    page.fill("#id_title", "Las pandillas cobran a los buses nocturnos")  # 2
    page.fill("#id_dek", "Los choferes ahora pagan dos veces por semana.")  # 3
    body = page.locator(".field-body [contenteditable=true]")
    body.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Los choferes de las rutas nocturnas pagan dos veces por semana.")  # 4
    page.locator("button[name=_transition][value=publish-pair]").click()  # 5
    expect(page.locator(".messagelist")).to_contain_text(
        "“Las pandillas cobran a los buses nocturnos” is now published"
    )
    expect(page.locator(".messagelist")).to_contain_text("“Gangs tax the night buses” is now published")

    english.refresh_from_db()
    spanish = Article.objects.translations_of(english).get()
    assert english.is_published and spanish.is_published
    assert spanish.slug == "las-pandillas-cobran-a-los-buses-nocturnos"
    assert list(spanish.tags.all()) == [extorsion]
    assert spanish.primary_country.slug == "honduras"
    assert spanish.byline_authors == english.byline_authors
    assert Article.objects.with_translation_state().get(pk=english.pk).translation_state == TranslationState.UP_TO_DATE

    # A reader crosses from one to the other, and between the tag pages.
    reader = page.context.browser.new_context()
    try:
        reader_page = reader.new_page()
        reader_page.goto(f"{live_server.url}{english.get_absolute_url()}")
        reader_page.locator(".meta a[hreflang=es]").click()
        expect(reader_page.locator("h1")).to_have_text("Las pandillas cobran a los buses nocturnos")
        reader_page.locator(".tag-list a", has_text="Extorsión").click()
        expect(reader_page).to_have_url(re.compile(r"/es/tags/extorsion/$"))
        assert_accessible(reader_page)
        reader_page.locator(".lang-switch a[hreflang=en]").click()
        expect(reader_page).to_have_url(re.compile(r"/tags/extortion/$"))
        expect(reader_page.locator(".teaser-list")).to_contain_text("Gangs tax the night buses")
        reader_page.locator(".lang-switch a[hreflang=es]").click()
        expect(reader_page).to_have_url(re.compile(r"/es/tags/extorsion/$"))
        # A tag page asked for in the wrong language lands on its counterpart.
        reader_page.goto(f"{live_server.url}/es/tags/extortion/")
        expect(reader_page).to_have_url(re.compile(r"/es/tags/extorsion/$"))
    finally:
        reader.close()


def test_a_topic_only_in_english_says_so_in_spanish(live_server, page):
    from tests.factories import make_article

    make_article(title="Only in English", tags=["Buses"], section=make_section(name="Briefs", slug="briefs"))
    response = page.goto(f"{live_server.url}/es/tags/buses/")
    assert response.status == 404
    expect(page.locator(".empty")).to_contain_text("Todavía no hay nada en español aquí.")
    assert_accessible(page)
    page.locator(".empty a[hreflang=en]").click()
    expect(page.locator(".teaser-list")).to_contain_text("Only in English")
