"""The import of a bilingual newsroom's WordPress export: what it brings in, how, what it reports, and
that a second run changes nothing."""

import re
from datetime import UTC, datetime

from django.test import TestCase
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Author, Image, LegacyAddress, Section, TaggedArticle, TagLanguage
from articles.wordpress.importer import Categories, WordPressImport
from tests.articles.wordpress.old_site import EXPORT, SITE, OldSite, OldSiteFetcher
from tests.factories import make_article, make_author

ROWS = (Article, Author, Image, LegacyAddress, Section, Tag, TagLanguage, TaggedArticle)


def run_import(origin, **options):
    fetcher = OldSiteFetcher(origin)
    report = WordPressImport(EXPORT, fetcher=fetcher, **options).run()
    return report, fetcher


def by_post(post_id):
    return LegacyAddress.objects.get(path=f"/?p={post_id}").article


def messages(report):
    return [f"{problem.post_id}: {problem.message}" for problem in report.problems]


class ImportTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.old_site = OldSite().start()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.old_site.stop()

    @classmethod
    def setUpTestData(cls):
        # Already on the site before the import: an author of the same name, and an article with the slug
        # that one of the old posts has.
        cls.staff_author = make_author(name="Javier Reyes", slug="javier-reyes")
        cls.earlier = make_article(title="The ledgers", slug="the-ledgers")
        cls.report, cls.fetcher = run_import(cls.old_site.origin)

    def test_posts_come_in_with_their_status(self):
        self.assertEqual(dict(self.report.imported), {"published": 5, "scheduled": 1, "draft": 3, "in review": 1})
        self.assertEqual(by_post(101).status, Article.Status.PUBLISHED)
        self.assertEqual(by_post(101).publish_at, datetime(2024, 3, 12, 14, 30, tzinfo=UTC))
        scheduled = by_post(103)
        self.assertTrue(scheduled.is_scheduled)
        self.assertEqual(scheduled.publish_at, datetime(2099, 1, 15, 13, 0, tzinfo=UTC))
        self.assertEqual(by_post(104).status, Article.Status.DRAFT)
        self.assertIsNone(by_post(104).publish_at)
        self.assertEqual(by_post(106).status, Article.Status.IN_REVIEW)
        # A private post and a password-protected one are not for readers: drafts, and said so.
        self.assertEqual(by_post(107).status, Article.Status.DRAFT)
        self.assertEqual(by_post(108).status, Article.Status.DRAFT)
        self.assertIn("107: It was private on the old site: brought in as a draft.", messages(self.report))
        self.assertIn(
            "108: It was protected by a password on the old site: brought in as a draft.", messages(self.report)
        )

    def test_what_is_not_brought_in_is_reported(self):
        self.assertEqual(
            dict(self.report.not_imported),
            {
                "pages": 1,
                "posts in other languages": 1,
                "trashed posts and automatic drafts": 1,
                "reader comments": 2,
            },
        )
        self.assertFalse(LegacyAddress.objects.filter(path="/?p=109").exists())
        self.assertFalse(Article.objects.filter(title__startswith="Les chauffeurs").exists())
        self.assertFalse(Article.objects.filter(title="About us").exists())

    def test_words_and_addresses(self):
        article = by_post(113)
        # Entities decoded, the percent-encoded slug readable, the bylines of Co-Authors Plus in order.
        self.assertEqual(article.title, "“Plata o plomo”: the choice given to bus owners")
        self.assertEqual(article.slug, "plata-o-plomo-la-eleccion-del-dueno")
        self.assertEqual([author.name for author in article.byline_authors], ["María López", "Javier Reyes"])
        # An article of the site already had "the-ledgers".
        self.assertEqual(by_post(105).slug, "the-ledgers-2")
        self.assertEqual(self.earlier.pk, Article.objects.get(slug="the-ledgers").pk)
        first = by_post(101)
        self.assertEqual(
            first.dek, "Drivers on 14 routes pay a weekly sum to the gang that controls the neighbourhood."
        )
        self.assertEqual(first.seo_description, "How a weekly payment decides who may drive a bus in San Pedro Sula.")
        # Yoast's title template is not a title.
        self.assertEqual(first.seo_title, "")
        # Drafts without a slug get the headline's.
        self.assertEqual(by_post(104).slug, "calls-from-the-prison")

    def test_authors_are_found_or_made_without_their_private_address(self):
        self.assertEqual(by_post(102).byline_authors, [self.staff_author])
        maria = Author.objects.get(slug="maria-lopez")
        self.assertEqual(maria.name, "María López")
        self.assertEqual(maria.email, "")
        self.assertEqual(self.report.authors, 1)

    def test_language_pairs(self):
        english, spanish = by_post(101), by_post(102)
        self.assertEqual((english.language, spanish.language), ("en", "es"))
        self.assertIsNotNone(english.translation_key)
        self.assertEqual(english.translation_key, spanish.translation_key)
        self.assertEqual(self.report.pairs, 1)
        response = self.client.get(english.get_absolute_url())
        # The language switch leads to the other version.
        self.assertContains(response, f'<a href="{spanish.get_absolute_url()}" hreflang="es" lang="es"')
        # A post without a pair stays alone.
        self.assertIsNone(by_post(105).translation_key)

    def test_categories_become_sections_in_both_languages(self):
        investigations = Section.objects.get(slug="investigations")
        self.assertEqual(investigations.name, "Investigations")
        self.assertEqual(investigations.name_es, "Investigaciones")
        self.assertEqual(investigations.description_es, "Reportajes de largo aliento sobre redes criminales.")
        # Yoast's primary category decides; the Spanish category is the same section.
        self.assertEqual(by_post(101).section, investigations)
        self.assertEqual(by_post(102).section, investigations)
        self.assertEqual(by_post(106).section.slug, "news")
        self.assertEqual(by_post(106).section.name_es, "Noticias")
        # A post only in "Uncategorized" goes to the default section.
        self.assertEqual(by_post(114).section.slug, "archive")
        # The post's other category is kept as a topic.
        self.assertEqual(sorted(by_post(101).tags.values_list("name", flat=True)), ["Buses", "Extortion", "Transport"])

    def test_tags_have_a_language_and_their_pairs(self):
        extortion = TagLanguage.objects.get(tag__slug="extortion")
        extorsion = TagLanguage.objects.get(tag__slug="extorsion")
        self.assertEqual((extortion.language, extorsion.language), ("en", "es"))
        self.assertIsNotNone(extortion.translation_key)
        self.assertEqual(extortion.translation_key, extorsion.translation_key)
        self.assertEqual(TagLanguage.objects.get(tag__slug="transporte").language, "es")
        self.assertEqual(list(by_post(102).tags.values_list("name", flat=True)), ["Extorsión"])

    def test_pictures_with_alt_text_caption_and_credit(self):
        lead = by_post(101).lead_image
        self.assertEqual(lead.alt_text, "Buses parked at a depot in San Pedro Sula")
        self.assertEqual(lead.caption, "The depot where drivers hand over the weekly payment.")
        self.assertEqual(lead.credit, "Ana Castillo")
        self.assertEqual((lead.width, lead.height), (960, 640))
        self.assertTrue(lead.renditions)
        # One library image per picture, whichever post and size shows it: the Spanish post's too.
        self.assertEqual(by_post(102).lead_image, lead)
        self.assertIn(f'<figure data-image="{lead.pk}"></figure>', by_post(101).body)
        self.assertIn(f'<figure data-image="{lead.pk}"></figure>', by_post(102).body)
        self.assertEqual(Image.objects.count(), 2)
        self.assertEqual(self.fetcher.asked.count(f"{SITE}/wp-content/uploads/2024/03/bus-depot.jpg"), 1)

    def test_pictures_that_could_not_come_are_left_out_and_reported(self):
        ledger = Image.objects.get(file__contains="ledger")
        body = by_post(105).body
        # A resized copy in the text is the library's original picture.
        self.assertIn(f'<figure data-image="{ledger.pk}"></figure>', body)
        self.assertEqual(body.count("<figure"), 1)
        # No alt text in WordPress: the picture's title stands in, and the desk is told.
        self.assertEqual(ledger.alt_text, "Extortion ledger")
        problems = "\n".join(messages(self.report))
        missing = f"{SITE}/wp-content/uploads/2024/03/missing-page.jpg"
        self.assertIn("Picture without alt text on the old site, given “Extortion ledger”", problems)
        self.assertIn(f"Picture not fetched: {missing}: the old site answered 404", problems)
        self.assertIn("Picture not fetched: https://cdn.elsewhere.example/chart.jpg", problems)
        self.assertIn(f"105: A picture could not be brought in and was left out: {missing}", problems)
        # Documents are not pictures: the link stays, and the desk is told.
        indictment = f"{SITE}/wp-content/uploads/2024/03/indictment.pdf"
        self.assertIn(f"105: It links to a file on the old site, which was not brought in: {indictment}", problems)
        self.assertIn(f'<a href="{indictment}" rel="noopener">the indictment</a>', by_post(105).body)

    def test_hostile_and_odd_markup_is_cleaned(self):
        body = by_post(101).body
        for hostile in ("<script", "onclick", "<iframe", "document.write", "steal()", "ads.example"):
            self.assertNotIn(hostile, body)
        self.assertIn("<p>The transport ministry did not answer our questions.</p>", body)
        # The headline is the page's one h1.
        self.assertIn("<h2>How the payments work</h2>", body)
        self.assertNotIn("<h1", body)
        # Classic editor text gets its paragraphs and line breaks, as WordPress showed it.
        self.assertIn("<p>Each driver pays the equivalent of a day's earnings.", body)
        self.assertIn("by the number of buses they run.<br>", body)
        self.assertNotIn("&nbsp;", body)
        self.assertNotIn("style=", by_post(105).body)
        self.assertIn("<td>L 300</td>", by_post(105).body)

    def test_embeds_and_shortcodes(self):
        self.assertIn(
            '<figure data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></figure>',
            by_post(101).body,
        )
        self.assertIn('<figure data-embed="vimeo" data-url="https://vimeo.com/76979871"></figure>', by_post(102).body)
        draft = by_post(104).body
        # The page builder's text stays, the gallery is one figure per picture, the form goes.
        self.assertIn("The prison's phone records show hundreds of calls a week", draft)
        self.assertEqual(len(re.findall(r'<figure data-image="\d+"></figure>', draft)), 2)
        self.assertNotIn("contact-form", draft)
        self.assertNotIn("vc_", draft)
        self.assertIn("what you know [sic] through", draft)
        self.assertIn("104: The shortcode [contact-form-7] was left out", "\n".join(messages(self.report)))

    def test_links_between_posts_lead_to_the_new_addresses(self):
        body = by_post(101).body
        self.assertIn(f'<a href="{by_post(105).get_absolute_url()}" rel="noopener">our report on the ledgers</a>', body)
        # A post that was not in the export keeps its old address, which may answer elsewhere.
        self.assertIn(f'href="{SITE}/2024/02/02/no-such-post/"', body)

    def test_search_finds_articles_by_their_words_topics_and_authors(self):
        """The search index holds each imported article with its tags and bylines, however it was filled."""

        def found(query, language="en"):
            return {article.pk for article in Article.objects.search(query, language=language)[:10]}

        # Her published English posts: only the byline says so.
        self.assertEqual(found("María López"), {by_post(post_id).pk for post_id in (101, 105, 113, 114)})
        self.assertEqual(found("Transport"), {by_post(101).pk, by_post(114).pk})
        self.assertEqual(found("extorsión", "es"), {by_post(102).pk})
        self.assertEqual(found("depot gate"), {by_post(101).pk})

    def test_history_records_the_import(self):
        version = by_post(101).history.get()
        self.assertEqual(version.history_change_reason, "Imported from WordPress")

    def test_running_it_again_changes_nothing(self):
        before = {model: model.objects.count() for model in ROWS}
        articles = list(Article.objects.values().order_by("pk"))

        report, fetcher = run_import(self.old_site.origin)

        self.assertEqual({model: model.objects.count() for model in ROWS}, before)
        self.assertEqual(list(Article.objects.values().order_by("pk")), articles)
        self.assertEqual(sum(report.imported.values()), 0)
        self.assertEqual(report.already_imported, 10)
        self.assertEqual((report.images, report.addresses, report.sections, report.tags), (0, 0, 0, 0))
        # Pictures already in the library are not fetched again.
        self.assertNotIn(f"{SITE}/wp-content/uploads/2024/03/bus-depot.jpg", fetcher.asked)

    def test_an_edit_made_here_survives_a_second_run(self):
        article = by_post(105)
        article.title = "The ledgers, corrected"
        article.save()

        run_import(self.old_site.origin)

        self.assertEqual(by_post(105).title, "The ledgers, corrected")

    def test_a_deleted_article_comes_back_on_the_next_run(self):
        by_post(114).delete()

        report, _fetcher = run_import(self.old_site.origin)

        self.assertEqual(dict(report.imported), {"published": 1})
        self.assertEqual(by_post(114).title, "Transport strike called off")


class CategoriesAsTagsTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.old_site = OldSite().start()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.old_site.stop()

    def test_every_category_is_a_tag_and_posts_go_to_the_given_section(self):
        report, _fetcher = run_import(
            self.old_site.origin, categories=Categories.TAGS, default_section="archive", fetch_images=False
        )

        self.assertEqual(set(Section.objects.values_list("slug", flat=True)), {"archive"})
        self.assertEqual(
            sorted(by_post(101).tags.values_list("name", flat=True)),
            ["Buses", "Extortion", "Investigations", "Transport"],
        )
        self.assertEqual(Image.objects.count(), 0)
        self.assertIsNone(by_post(101).lead_image)
        self.assertIn("101: Its featured image could not be brought in.", messages(report))
        # The old category page leads to the tag now.
        self.assertRedirects(
            self.client.get("/category/investigations/"), "/tags/investigations/", 301, fetch_redirect_response=False
        )


class PageCacheTests(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.old_site = OldSite().start()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.old_site.stop()

    def test_pages_show_the_archive_as_soon_as_it_is_in(self):
        self.assertNotContains(self.client.get("/"), "Transport strike called off")

        with self.captureOnCommitCallbacks(execute=True):
            run_import(self.old_site.origin, fetch_images=False)

        self.assertContains(self.client.get("/"), "Transport strike called off")
        self.assertGreater(timezone.now(), by_post(114).publish_at)
