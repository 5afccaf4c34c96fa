from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    ArticleRedirect,
    Author,
    Correction,
    Country,
    Image,
    Section,
    TaggedArticle,
)
from articles.services import pair_translations
from tests.factories import (
    image_file,
    make_article,
    make_author,
    make_country,
    make_image,
    make_section,
    make_user,
)


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def add_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def management_form(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def article_form_data(*, section, bylines=(), tags=(), links=(), corrections=(), **fields):
    """What the article add or change form posts for an article without existing inline rows.

    `bylines` are (author, position) pairs, `links` are (article, kind, position) triples,
    `corrections` are texts.
    """
    data = {
        "title": "Extortion rings move into the bus terminals",
        "slug": "extortion-rings-bus-terminals",
        "dek": "Gangs charge drivers a weekly fee.",
        "body": "<p>First.</p><p>Second.</p>",
        "analysis": "",
        "section": str(section.pk),
        "language": "en",
        "status": Article.Status.PUBLISHED,
        "publish_at_0": "2014-07-08",
        "publish_at_1": "10:30:00",
        "primary_country": "",
        "countries": [],
        "primary_tag": "",
        "lead_image": "",
        "translation": "",
        "seo_title": "",
        "seo_description": "",
        "republishable": "on",
    }
    data.update(management_form("bylines", len(bylines)))
    for i, (author, position) in enumerate(bylines):
        data[f"bylines-{i}-author"] = str(author.pk)
        data[f"bylines-{i}-position"] = str(position)
    data.update(management_form("tagged_items", len(tags)))
    for i, tag in enumerate(tags):
        data[f"tagged_items-{i}-tag"] = str(tag.pk)
    data.update(management_form("links", len(links)))
    for i, (to_article, kind, position) in enumerate(links):
        data[f"links-{i}-to_article"] = str(to_article.pk)
        data[f"links-{i}-kind"] = kind
        data[f"links-{i}-position"] = str(position)
        data[f"links-{i}-after_paragraph"] = "1"
    data.update(management_form("preview_links"))
    data.update(management_form("partner_links"))
    data.update(management_form("live_updates"))
    data.update(management_form("corrections", len(corrections)))
    for i, text in enumerate(corrections):
        data[f"corrections-{i}-kind"] = Correction.Kind.CORRECTION
        data[f"corrections-{i}-text"] = text
        data[f"corrections-{i}-published_at_0"] = "2014-07-09"
        data[f"corrections-{i}-published_at_1"] = "09:00:00"
    data.update(fields)
    return data


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", is_staff=True, is_superuser=True)

    def setUp(self):
        self.client.force_login(self.editor)


class AdminPagesTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        author = make_author(name="Ana Ruiz")
        article = make_article(title="Extortion in the terminals", authors=[author])
        cls.objects = [
            make_section(name="Briefs"),
            make_country(name="Guatemala"),
            author,
            make_image(alt_text="A bus terminal at night"),
            Tag.objects.create(name="extortion", slug="extortion"),
            ArticleRedirect.objects.create(old_slug="extortion-terminals", article=article),
            article,
        ]

    def test_changelist_add_and_change_pages_load(self):
        for obj in self.objects:
            model = type(obj)
            with self.subTest(model=model.__name__):
                self.assertContains(self.client.get(changelist_url(model)), str(obj))
                self.assertEqual(self.client.get(add_url(model)).status_code, 200)
                self.assertContains(self.client.get(change_url(obj)), str(obj))

    def test_anonymous_users_are_sent_to_the_login_page(self):
        self.client.logout()
        for obj in self.objects:
            for url in (changelist_url(type(obj)), add_url(type(obj)), change_url(obj)):
                with self.subTest(url=url):
                    response = self.client.get(url)
                    self.assertRedirects(response, f"{reverse('admin:login')}?next={url}")

    def test_admin_carries_the_newsroom_name(self):
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, f"{settings.NEWSROOM_NAME} admin")

    def test_article_change_page_links_to_the_public_page(self):
        article = self.objects[-1]
        response = self.client.get(change_url(article))
        self.assertContains(response, 'class="viewsitelink"')
        self.assertEqual(self.client.get(response.context["original"].get_absolute_url()).status_code, 200)


class SectionCountryAuthorImageTagListTests(AdminTestCase):
    def test_section_search(self):
        make_section(name="Briefs", name_es="Breves")
        make_section(name="Investigations", name_es="Investigaciones")

        response = self.client.get(changelist_url(Section), {"q": "breves"})

        self.assertContains(response, "Briefs")
        self.assertNotContains(response, "Investigations")

    def test_sections_are_reordered_from_the_list(self):
        briefs = make_section(name="Briefs", order=1)
        investigations = make_section(name="Investigations", order=2)
        data = {
            **management_form("form", total=2, initial=2),
            "form-0-id": str(briefs.pk),
            "form-0-order": "5",
            "form-1-id": str(investigations.pk),
            "form-1-order": "0",
            "_save": "Save",
        }

        response = self.client.post(changelist_url(Section), data)

        self.assertRedirects(response, changelist_url(Section))
        self.assertEqual(list(Section.objects.values_list("name", flat=True)), ["Investigations", "Briefs"])

    def test_country_search_and_region_filter(self):
        make_country(name="Mexico", name_es="México", iso_code="MX", region=Country.Region.NORTH_AMERICA)
        make_country(name="Colombia", iso_code="CO", region=Country.Region.SOUTH_AMERICA)
        url = changelist_url(Country)

        for params in ({"q": "méxico"}, {"q": "mx"}, {"region__exact": Country.Region.NORTH_AMERICA}):
            with self.subTest(params=params):
                response = self.client.get(url, params)
                self.assertContains(response, "Mexico")
                self.assertNotContains(response, "Colombia")

    def test_author_list_counts_articles_and_searches_role(self):
        ana = make_author(name="Ana Ruiz", role="Senior investigator", user=make_user("ana"))
        make_author(name="Luis Paz", role="Photographer")
        for _ in range(3):
            make_article(authors=[ana])

        response = self.client.get(changelist_url(Author), {"q": "investigator"})

        self.assertContains(response, "Ana Ruiz")
        self.assertNotContains(response, "Luis Paz")
        self.assertContains(response, '<td class="field-user nowrap">ana</td>', html=False)
        self.assertContains(response, '<td class="field-article_count">3</td>', html=True)

    def test_image_list_shows_thumbnail_size_and_escaped_alt_text(self):
        image = make_image(alt_text="Police <b>raid</b> a warehouse", credit="Ana Ruiz / Newsroom")
        make_image(alt_text="A river crossing", credit="Agency")

        response = self.client.get(changelist_url(Image), {"q": "warehouse"})

        thumbnail = f'<img src="{image.file.url}" width="80" height="60" alt="" loading="lazy">'
        self.assertContains(response, thumbnail, html=True)
        self.assertContains(response, "64×48")
        self.assertContains(response, "Police &lt;b&gt;raid&lt;/b&gt; a warehouse")
        self.assertNotContains(response, "A river crossing")

    def test_uploading_an_image_makes_its_renditions(self):
        response = self.client.post(
            add_url(Image),
            {"file": image_file("terminal.jpg", size=(1000, 500)), "alt_text": "A bus terminal", "credit": "AP"},
        )

        self.assertRedirects(response, changelist_url(Image))
        image = Image.objects.get(alt_text="A bus terminal")
        self.assertEqual((image.width, image.height), (1000, 500))
        self.assertEqual(sorted(image.renditions), ["480", "800", "card"])
        smallest = image.file.storage.url(image.renditions["480"])
        response = self.client.get(changelist_url(Image))
        self.assertContains(response, f'<img src="{smallest}" width="80" height="40"')

    def test_image_alt_text_is_required(self):
        response = self.client.post(add_url(Image), {"file": "", "alt_text": ""})
        self.assertEqual(response.status_code, 200)
        self.assertIn("alt_text", response.context["adminform"].form.errors)

    def test_tag_list_counts_articles(self):
        extortion = Tag.objects.create(name="extortion", slug="extortion")
        make_article(tags=[extortion])
        make_article(tags=[extortion])

        response = self.client.get(changelist_url(Tag))

        self.assertContains(response, '<td class="field-article_count">2</td>', html=True)

    def test_a_tag_differing_only_in_case_is_refused(self):
        Tag.objects.create(name="extortion", slug="extortion")

        response = self.client.post(add_url(Tag), {"name": "Extortion", "slug": "extortion-2", "language": "en"})

        self.assertEqual(
            response.context["adminform"].form.errors["name"], ["There is already a tag called “extortion”."]
        )
        self.assertEqual(Tag.objects.count(), 1)

    def test_a_new_tag_gets_a_plain_address_that_article_pages_can_link_to(self):
        response = self.client.post(
            add_url(Tag), {"name": "Trata de niñas", "slug": "trata-de-niñas", "language": "es", "counterpart": ""}
        )

        self.assertEqual(response.status_code, 302)
        tag = Tag.objects.get(name="Trata de niñas")
        self.assertEqual(tag.slug, "trata-de-ninas")
        self.assertEqual(tag.language_info.language, "es")
        article = make_article(language="es", tags=[tag])
        self.assertContains(self.client.get(article.get_absolute_url()), 'href="/es/tags/trata-de-ninas/"')

    def test_a_slug_already_taken_is_refused_next_to_the_field(self):
        Tag.objects.create(name="prisons", slug="prisons")
        response = self.client.post(add_url(Tag), {"name": "Prisons (2)", "slug": "prisons"})
        self.assertIn("already has the address", response.context["adminform"].form.errors["slug"][0])


class SpanishAdminTests(AdminTestCase):
    def test_the_desk_can_work_in_spanish_at_es_admin(self):
        response = self.client.get("/es/admin/")
        self.assertContains(response, '<html lang="es"')
        self.assertContains(response, "Cerrar sesión")
        self.assertContains(self.client.get("/admin/"), "Log out")


class ArticleChangelistTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.briefs = make_section(name="Briefs")
        cls.analysis = make_section(name="Analysis")
        cls.guatemala = make_country(name="Guatemala")
        cls.mexico = make_country(name="Mexico")
        cls.published = make_article(
            title="Bus drivers pay the gangs",
            dek="A weekly fee on every route.",
            section=cls.briefs,
            primary_country=cls.guatemala,
            publish_at=datetime(2014, 7, 8, 12, tzinfo=UTC),
            authors=[make_author(name="Ximena Quiroga"), make_author(name="Ana Ruiz")],
        )
        cls.draft = make_article(
            title="Cárteles y puertos",
            slug="carteles-puertos",
            section=cls.analysis,
            language="es",
            primary_country=cls.mexico,
            published=False,
        )

    def get(self, **params):
        return self.client.get(changelist_url(Article), params)

    def test_lists_the_columns_an_editor_scans(self):
        make_article(title="Port strike next week", publish_at=timezone.now() + timedelta(days=7))

        response = self.get()

        self.assertContains(response, '<td class="field-status_label">Scheduled</td>', html=True)
        self.assertContains(response, '<td class="field-status_label">Published</td>', html=True)
        self.assertContains(response, '<td class="field-status_label">Draft</td>', html=True)
        self.assertContains(response, "Ximena Quiroga, Ana Ruiz")
        self.assertContains(response, "Guatemala")
        self.assertContains(response, "Briefs")
        self.assertContains(response, "Cárteles y puertos")

    def test_search(self):
        for term in ("gangs", "weekly fee", "Quiroga"):
            with self.subTest(term=term):
                response = self.get(q=term)
                self.assertContains(response, "Bus drivers pay the gangs")
                self.assertNotContains(response, "Cárteles y puertos")
        response = self.get(q="carteles-puertos")
        self.assertContains(response, "Cárteles y puertos")
        self.assertNotContains(response, "Bus drivers pay the gangs")

    def test_filters(self):
        july = {
            "publish_at__gte": datetime(2014, 7, 1, tzinfo=UTC).isoformat(),
            "publish_at__lt": datetime(2014, 8, 1, tzinfo=UTC).isoformat(),
        }
        cases = [
            ({"status__exact": "published"}, self.published, self.draft),
            ({"status__exact": "draft"}, self.draft, self.published),
            ({"section__id__exact": self.analysis.pk}, self.draft, self.published),
            ({"language__exact": "es"}, self.draft, self.published),
            ({"primary_country__id__exact": self.guatemala.pk}, self.published, self.draft),
            (july, self.published, self.draft),
            ({"publish_at__isnull": "True"}, self.draft, self.published),
            ({"publish_at__year": "2014"}, self.published, self.draft),
        ]
        for params, shown, hidden in cases:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, shown.title)
                self.assertNotContains(response, hidden.title)

    def test_country_filter_offers_only_countries_that_lead_an_article(self):
        make_country(name="Uruguay")
        response = self.get()
        self.assertContains(response, f"primary_country__id__exact={self.guatemala.pk}")
        self.assertNotContains(response, "Uruguay")

    def _changelist_with(self, articles, authors_each):
        section = make_section()
        country = make_country()
        for _ in range(articles):
            make_article(
                section=section,
                primary_country=country,
                authors=[make_author() for _ in range(authors_each)],
            )

    def test_query_count_does_not_grow_with_articles_or_authors(self):
        """Guards against one query per row for the byline (authors), section or primary country.

        Session, user, section filter, country filter, author filter, result count, full count, rows,
        bylines, and two for the date hierarchy.
        """
        self._changelist_with(articles=2, authors_each=1)
        with self.assertNumQueries(11):
            self.get()
        self._changelist_with(articles=6, authors_each=4)
        with self.assertNumQueries(11):
            response = self.get()
        self.assertEqual(response.context["cl"].result_count, 10)


class ArticleAddTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.section = make_section(name="Briefs")
        cls.guatemala = make_country(name="Guatemala")
        cls.honduras = make_country(name="Honduras")
        cls.ana = make_author(name="Ana Ruiz")
        cls.luis = make_author(name="Luis Paz")
        cls.extortion = Tag.objects.create(name="extortion", slug="extortion")
        cls.buses = Tag.objects.create(name="buses", slug="buses")
        cls.earlier = make_article(title="The first bus strike")

    def test_creates_the_article_with_its_inlines(self):
        data = article_form_data(
            section=self.section,
            primary_country=str(self.guatemala.pk),
            countries=[str(self.honduras.pk)],
            primary_tag=str(self.extortion.pk),
            bylines=[(self.ana, 1), (self.luis, 0)],
            tags=[self.extortion, self.buses],
            links=[(self.earlier, ArticleLink.Kind.SEE_ALSO, 0)],
            corrections=["An earlier version misnamed the terminal."],
        )

        response = self.client.post(add_url(Article), data)

        self.assertRedirects(response, changelist_url(Article))
        article = Article.objects.get(slug="extortion-rings-bus-terminals")
        self.assertEqual(article.byline_authors, [self.luis, self.ana])
        self.assertEqual({tag.name for tag in article.tags.all()}, {"extortion", "buses"})
        self.assertEqual(list(article.links.values_list("to_article", "kind")), [(self.earlier.pk, "see-also")])
        self.assertEqual(article.corrections.get().text, "An earlier version misnamed the terminal.")
        self.assertEqual(set(article.countries.all()), {self.guatemala, self.honduras})
        self.assertEqual(article.publish_at, datetime(2014, 7, 8, 10, 30, tzinfo=UTC))

    def test_the_add_form_offers_the_inlines_with_autocomplete(self):
        response = self.client.get(add_url(Article))
        for prefix, field in (("bylines", "author"), ("tagged_items", "tag"), ("links", "to_article")):
            with self.subTest(prefix=prefix):
                self.assertContains(response, f'name="{prefix}-TOTAL_FORMS"')
                self.assertContains(response, f'data-field-name="{field}"')
        self.assertContains(response, 'name="corrections-TOTAL_FORMS"')
        self.assertNotContains(response, 'name="tags"')


class ArticleTranslationTests(AdminTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.section = make_section()
        cls.english = make_article(title="Gangs tax the buses", section=cls.section)
        cls.spanish = make_article(title="Pandillas cobran a los buses", section=cls.section, language="es")
        cls.other_english = make_article(title="Ports and cartels", section=cls.section)

    def post_change(self, article, **fields):
        fields = {
            "title": article.title,
            "slug": article.slug,
            "language": article.language,
            "edit_token": article.updated_at.isoformat(),
            **fields,
        }
        data = article_form_data(section=self.section, **fields)
        return self.client.post(change_url(article), data)

    def test_choosing_a_translation_pairs_both_articles(self):
        response = self.post_change(self.english, translation=str(self.spanish.pk))

        self.assertRedirects(response, changelist_url(Article))
        self.english.refresh_from_db()
        self.spanish.refresh_from_db()
        self.assertIsNotNone(self.english.translation_key)
        self.assertEqual(self.english.translation_key, self.spanish.translation_key)

    def test_change_page_shows_the_current_translation(self):
        pair_translations(article=self.english, translation=self.spanish)

        response = self.client.get(change_url(self.english))

        self.assertContains(
            response, f'<option value="{self.spanish.pk}" selected>Pandillas cobran a los buses</option>', html=True
        )

    def test_a_same_language_translation_is_refused_and_keeps_what_was_typed(self):
        response = self.post_change(
            self.english, title="Gangs tax the city buses", translation=str(self.other_english.pk)
        )

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.context["adminform"].form.errors["translation"],
            ["“Ports and cartels” is in English too. Choose the version in the other language."],
        )
        self.assertContains(response, 'value="Gangs tax the city buses"')
        self.english.refresh_from_db()
        self.assertEqual(self.english.title, "Gangs tax the buses")
        self.assertIsNone(self.english.translation_key)

    def test_an_article_cannot_be_its_own_translation(self):
        response = self.post_change(self.english, translation=str(self.english.pk))
        self.assertEqual(
            response.context["adminform"].form.errors["translation"], ["An article cannot be its own translation."]
        )

    def test_clearing_the_translation_unpairs_both(self):
        pair_translations(article=self.english, translation=self.spanish)

        self.post_change(self.english, translation="")

        self.english.refresh_from_db()
        self.spanish.refresh_from_db()
        self.assertIsNone(self.english.translation_key)
        self.assertIsNone(self.spanish.translation_key)

    def test_switching_language_and_partner_in_one_save(self):
        # English, paired with a Spanish article, becomes Spanish and pairs with another English one.
        pair_translations(article=self.english, translation=self.spanish)

        response = self.post_change(self.english, language="es", translation=str(self.other_english.pk))

        self.assertRedirects(response, changelist_url(Article))
        for article in (self.english, self.spanish, self.other_english):
            article.refresh_from_db()
        self.assertEqual(self.english.language, "es")
        self.assertEqual(self.english.translation_key, self.other_english.translation_key)
        self.assertIsNone(self.spanish.translation_key)


class ArticleLinkInlineTests(AdminTestCase):
    def test_an_article_cannot_link_to_itself(self):
        article = make_article(title="Gangs tax the buses")
        data = article_form_data(
            section=article.section,
            title=article.title,
            slug=article.slug,
            links=[(article, ArticleLink.Kind.RELATED, 0)],
        )

        response = self.client.post(change_url(article), data)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "An article cannot link to itself.")
        self.assertFalse(ArticleLink.objects.exists())


class AutocompleteTests(AdminTestCase):
    def autocomplete(self, **params):
        response = self.client.get(reverse("admin:autocomplete"), params)
        self.assertEqual(response.status_code, 200)
        return {result["text"] for result in response.json()["results"]}

    def test_translation_field_finds_articles(self):
        make_article(title="Pandillas cobran a los buses", language="es")
        make_article(title="Ports and cartels")

        # The translation field's widget asks as ArticleLink.to_article; see ArticleAdminForm.
        found = self.autocomplete(app_label="articles", model_name="articlelink", field_name="to_article", term="buses")

        self.assertEqual(found, {"Pandillas cobran a los buses"})

    def test_tags_are_found(self):
        Tag.objects.create(name="fentanyl", slug="fentanyl")
        Tag.objects.create(name="extortion", slug="extortion")

        found = self.autocomplete(app_label="articles", model_name="taggedarticle", field_name="tag", term="fent")

        self.assertEqual(found, {"fentanyl"})

    def test_anonymous_users_get_nothing(self):
        self.client.logout()
        response = self.client.get(
            reverse("admin:autocomplete"),
            {"app_label": "articles", "model_name": "taggedarticle", "field_name": "tag", "term": "f"},
        )
        self.assertEqual(response.status_code, 302)


class ArticleChangeFormQueryTests(AdminTestCase):
    def make_full_article(self, size):
        article = make_article(authors=[make_author() for _ in range(size)], tags=[f"topic {n}" for n in range(size)])
        for position in range(size):
            ArticleLink.objects.create(from_article=article, to_article=make_article(), position=position)
            Correction.objects.create(article=article, text="We fixed a name.")
        return article

    def test_query_count_does_not_grow_with_inline_rows(self):
        """Guards against one query per inline row for its autocomplete value (author, tag, linked
        article) or its label (byline, tag, link and correction rows name their article).

        Session, user, article with its section, its bylines (for the list), its countries and section
        (autocomplete values), then one query per inline (preview links, partner links and live updates included).
        """
        # Content types are cached per process after their first use; look them up before counting.
        ContentType.objects.get_for_models(Article, ArticleAuthor, ArticleLink, Correction, TaggedArticle)
        small = self.make_full_article(1)
        with self.assertNumQueries(13):
            self.client.get(change_url(small))
        large = self.make_full_article(5)
        with self.assertNumQueries(13):
            response = self.client.get(change_url(large))
        self.assertEqual(len(response.context["inline_admin_formsets"][0].formset.forms), 6)
