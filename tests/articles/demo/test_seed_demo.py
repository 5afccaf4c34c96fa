"""`manage.py seed_demo`: what it builds, that it can run again, its accounts, and large data sets.

The command runs twice for the whole class (drawing the pictures is the slow part), and the tests
read what the second run left, compared with what the first one built.
"""

import re
from collections import Counter, defaultdict
from datetime import timedelta
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.demo import packaging, pictures, plan, reference, translations
from articles.demo.seeding import DEMO_ARTICLES
from articles.demo.stories import check_template
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    Author,
    Correction,
    Country,
    Image,
    LiveUpdate,
    Section,
    Series,
    TaggedArticle,
    TagLanguage,
    TranslationState,
)
from articles.sanitizer import clean_html

ALLOWED_BODY_TAGS = {"p", "h2", "h3", "ul", "li", "blockquote", "a", "strong", "em"}


def admin_login(client, username, password):
    """Sign in through the admin's login form, as staff do (brute-force protection needs the request)."""
    client.post(reverse("admin:login"), {"username": username, "password": password})
    return "_auth_user_id" in client.session


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def printed_passwords(output):
    """The {username: password} lines printed under the accounts heading."""
    _, heading, accounts = output.partition("Demo accounts (new passwords on every run):")
    assert heading, output
    return dict(re.findall(r"^\s+(\w+)\s+(\S+)$", accounts, re.MULTILINE))


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def paragraphs(html):
    return html.count("<p>")


class SeedDemoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first_output = seed()
        cls.first_counts = row_counts()
        cls.first_images = dict(Image.objects.values_list("pk", "file"))
        cls.first_articles = dict(Article.objects.values_list("pk", "slug"))
        # As pictures stored before images had Spanish words: the next run fills them in, drawing nothing.
        Image.objects.update(alt_text_es="", caption_es="", credit_es="")
        cls.output = seed()

    def setUp(self):
        self.now = timezone.now()

    def test_running_again_leaves_the_same_rows(self):
        self.assertEqual(row_counts(), self.first_counts)
        self.assertEqual(dict(Article.objects.values_list("pk", "slug")), self.first_articles)

    def test_running_again_keeps_the_pictures(self):
        self.assertEqual(dict(Image.objects.values_list("pk", "file")), self.first_images)
        self.assertIn("Drew 26 pictures.", self.first_output)
        self.assertNotIn("Drew", self.output)

    def test_sections_in_both_languages(self):
        sections = Section.objects.all()
        self.assertEqual(len(sections), len(reference.SECTIONS))
        self.assertIn("organization", [section.slug for section in sections])
        for section in sections:
            self.assertTrue(section.name and section.name_es and section.description and section.description_es)
            self.assertNotEqual(section.description, section.description_es)

    def test_countries_authors_and_tags(self):
        self.assertEqual(Country.objects.count(), 30)
        self.assertEqual(Country.objects.filter(articles__isnull=False).distinct().count(), 30)
        authors = Author.objects.all()
        self.assertEqual(len(authors), 15)
        for author in authors:
            self.assertTrue(author.role and author.role_es and author.bio and author.bio_es)
        self.assertGreaterEqual(sum(bool(author.website) for author in authors), 2)
        self.assertGreaterEqual(sum(bool(author.x_handle) for author in authors), 2)
        self.assertGreaterEqual(sum(bool(author.email) for author in authors), 2)
        self.assertGreaterEqual(sum(author.photo_id is not None for author in authors), 3)
        self.assertEqual(ArticleAuthor.objects.values("author").distinct().count(), 15)
        self.assertEqual(Tag.objects.count(), 60)
        self.assertEqual(TaggedArticle.objects.values("tag").distinct().count(), 60)

    def test_two_hundred_articles_and_the_packaged_ones_paired_by_language(self):
        articles = list(Article.objects.exclude(slug__in=[brief.slug for brief in translations.UNTRANSLATED]))
        # The plan's hundred stories, and the series parts and live story of articles/demo/packaging.py.
        self.assertEqual(len(articles), 200 + packaging.ARTICLES)
        self.assertEqual(DEMO_ARTICLES, len(articles) + len(translations.UNTRANSLATED))
        pairs = defaultdict(dict)
        for article in articles:
            pairs[article.translation_key][article.language] = article
        self.assertEqual(len(pairs), len(articles) // 2)
        in_progress = 0
        for pair in pairs.values():
            self.assertEqual(set(pair), {"en", "es"})
            english, spanish = pair["en"], pair["es"]
            self.assertEqual(english.section_id, spanish.section_id)
            self.assertNotEqual(english.title, spanish.title)
            # The Spanish side is the translation; where it is still a draft, the English one is live.
            self.assertIsNone(english.source_revision)
            self.assertEqual(spanish.source_revision, 1)
            if english.status != spanish.status:
                in_progress += 1
                self.assertEqual((english.status, spanish.status), ("published", "draft"))
        self.assertEqual(in_progress, translations.IN_PROGRESS)

    def test_pairs_in_every_translation_state(self):
        states = Counter(
            Article.objects.with_translation_state().filter(language="en").values_list("translation_state", flat=True)
        )
        self.assertEqual(states[TranslationState.MISSING], len(translations.UNTRANSLATED))
        self.assertEqual(states[TranslationState.OUTDATED], translations.OUTDATED)
        self.assertGreaterEqual(states[TranslationState.IN_PROGRESS], translations.IN_PROGRESS)
        self.assertGreater(states[TranslationState.UP_TO_DATE], 80)
        self.assertEqual(Article.objects.filter(needs_review=True, language="es", status="draft").count(), 1)
        for article in Article.objects.filter(language="en", revision=2):
            # The translator's comparison has the first revision to compare with.
            first = article.history.get(revision=1)
            self.assertIn("Update:", article.body)
            self.assertNotIn("Update:", first.body)
        for brief in translations.UNTRANSLATED:
            article = Article.objects.get(slug=brief.slug)
            self.assertTrue(article.is_published)
            self.assertEqual(article.tags.count(), len(brief.topics))

    def test_every_topic_is_paired_with_its_translation(self):
        for _key, _name, slug, _name_es, slug_es in reference.TOPICS:
            english = TagLanguage.objects.get(tag__slug=slug)
            spanish = TagLanguage.objects.get(tag__slug=slug_es)
            self.assertEqual((english.language, spanish.language), ("en", "es"))
            self.assertIsNotNone(english.translation_key)
            self.assertEqual(english.translation_key, spanish.translation_key)
        for tagged in TaggedArticle.objects.select_related("tag__language_info", "content_object"):
            self.assertEqual(tagged.tag.language_info.language, tagged.content_object.language)

    def test_sections_mix(self):
        per_section = Counter(Article.objects.values_list("section__slug", flat=True))
        self.assertGreaterEqual(per_section["briefs"], 140)
        for slug in ("analysis", "investigations", "explainers", "organization"):
            self.assertGreaterEqual(per_section[slug], 4, slug)

    def test_every_article_has_byline_countries_tags_and_dek(self):
        articles = Article.objects.prefetch_related("bylines", "countries", "tags")
        english_tags = {name for _, name, _, _, _ in reference.TOPICS}
        spanish_tags = {name for _, _, _, name, _ in reference.TOPICS}
        for article in articles:
            positions = [byline.position for byline in article.bylines.all()]
            self.assertEqual(sorted(positions), list(range(len(positions))), article.slug)
            self.assertTrue(1 <= len(positions) <= 3, article.slug)
            countries = {country.pk for country in article.countries.all()}
            self.assertIn(article.primary_country_id, countries)
            self.assertLessEqual(len(countries), 3)
            tags = {tag.name for tag in article.tags.all()}
            self.assertTrue(2 <= len(tags) <= 5, article.slug)
            self.assertLessEqual(tags, english_tags if article.language == "en" else spanish_tags)
            if article.primary_tag_id:
                self.assertIn(article.primary_tag.name, tags)
            self.assertTrue(article.dek)
        self.assertGreater(Article.objects.filter(primary_tag__isnull=False).count(), 140)

    def test_briefs_have_paragraphs_and_analysis(self):
        briefs = Article.objects.filter(section__slug="briefs")
        for article in briefs:
            self.assertTrue(4 <= paragraphs(article.body) <= 7, article.slug)
            self.assertTrue(2 <= paragraphs(article.analysis) <= 3, article.slug)
            self.assertNotIn("<h2>", article.body)

    def test_longer_pieces_have_subheads_quotes_and_lists(self):
        longer = Article.objects.filter(section__slug__in=["analysis", "investigations", "explainers"])
        self.assertGreaterEqual(len(longer), 20)
        for article in longer:
            for tag in ("<h2>", "<blockquote>", "<ul>"):
                self.assertIn(tag, article.body, article.slug)
        self.assertTrue(any('<a href="https://' in article.body for article in longer))

    def test_text_is_clean_and_fully_filled_in(self):
        for article in Article.objects.all():
            for html in (article.body, article.analysis):
                self.assertEqual(clean_html(html), html, article.slug)
                self.assertLessEqual(set(re.findall(r"<(\w+)", html)), ALLOWED_BODY_TAGS, article.slug)
            for text in (article.title, article.dek, article.body, article.analysis, article.seo_title):
                self.assertNotRegex(text, r"[{}]", article.slug)

    def test_publish_times_spread_over_eighteen_months(self):
        live = Article.objects.published()
        newest = live.order_by("-publish_at").first().publish_at
        oldest = live.order_by("publish_at").first().publish_at
        self.assertGreater(newest, self.now - timedelta(days=1))
        self.assertLess(oldest, self.now - timedelta(days=365))
        self.assertGreater(oldest, self.now - timedelta(days=19 * 31))
        for article in live:
            self.assertLessEqual(article.updated_at, self.now)
            self.assertGreaterEqual(article.updated_at, article.publish_at)

    def test_drafts_review_and_scheduled(self):
        status = Article.Status
        self.assertGreaterEqual(Article.objects.filter(status=status.DRAFT).count(), 4)
        self.assertGreaterEqual(Article.objects.filter(status=status.IN_REVIEW).count(), 4)
        scheduled = Article.objects.filter(status=status.PUBLISHED, publish_at__gt=self.now)
        self.assertGreaterEqual(len(scheduled), 4)
        for article in scheduled:
            self.assertTrue(self.now + timedelta(minutes=59) < article.publish_at < self.now + timedelta(days=7))

    def test_an_embargoed_investigation_shared_with_partners(self):
        embargoed = list(Article.objects.filter(status=Article.Status.EMBARGOED).select_related("section"))
        self.assertEqual(sorted(article.language for article in embargoed), ["en", "es"])
        self.assertEqual(len({article.translation_key for article in embargoed}), 1)
        self.assertEqual(len({article.publish_at for article in embargoed}), 1)
        for article in embargoed:
            with self.subTest(language=article.language):
                self.assertEqual(article.section.slug, "investigations")
                self.assertTrue(self.now + timedelta(days=2) < article.publish_at < self.now + timedelta(days=4))
                self.assertEqual((article.publish_at.minute, article.publish_at.second), (0, 0))
                link = article.partner_links.get()
                self.assertTrue(link.partner)
                self.assertGreaterEqual(link.accesses.count(), 1)
                self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
                self.assertContains(self.client.get(link.get_absolute_url()), article.title)

    def test_planned_drafts_fill_the_next_two_weeks_of_the_calendar(self):
        planned = Article.objects.exclude(planned_date=None)
        self.assertGreaterEqual(planned.count(), 12)
        self.assertEqual({article.language for article in planned}, {"en", "es"})
        today = timezone.localdate()
        for article in planned:
            self.assertIn(article.status, (Article.Status.DRAFT, Article.Status.IN_REVIEW))
            self.assertTrue(today < article.planned_date <= today + timedelta(days=14))

    def test_see_also_and_related_links_stay_in_one_language(self):
        links = ArticleLink.objects.select_related("from_article", "to_article")
        kinds = Counter(link.kind for link in links)
        self.assertGreaterEqual(kinds[ArticleLink.Kind.SEE_ALSO], 40)
        self.assertGreaterEqual(kinds[ArticleLink.Kind.RELATED], 40)
        live = set(Article.objects.published().values_list("pk", flat=True))
        for link in links:
            self.assertEqual(link.from_article.language, link.to_article.language)
            self.assertIn(link.to_article_id, live)
            if link.kind == ArticleLink.Kind.SEE_ALSO:
                self.assertTrue(1 <= link.after_paragraph <= 3)
                self.assertLess(link.after_paragraph, paragraphs(link.from_article.body))

    def test_corrections_in_both_languages(self):
        corrections = Correction.objects.select_related("article")
        self.assertGreaterEqual(len(corrections), 8)
        languages = Counter(correction.article.language for correction in corrections)
        self.assertEqual(languages["en"], languages["es"])
        spanish_texts = {text for _, _, text in reference.CORRECTIONS}
        for correction in corrections:
            self.assertEqual(correction.text in spanish_texts, correction.article.language == "es")
            self.assertLess(correction.published_at, self.now)
            self.assertGreater(correction.published_at, correction.article.publish_at)

    def test_lead_images_exist_with_renditions_and_words(self):
        leads = Image.objects.filter(pk__in=Article.objects.values("lead_image"))
        self.assertEqual(len(leads), len(pictures.PICTURES))
        for image in Image.objects.all():
            storage = image.file.storage
            self.assertTrue(storage.exists(image.file.name), image.file.name)
            self.assertTrue(image.renditions, image.file.name)
            for name in image.renditions.values():
                self.assertTrue(storage.exists(name), name)
            self.assertTrue(image.alt_text and image.credit)
            self.assertTrue(image.alt_text_es, image.file.name)
            self.assertNotEqual(image.alt_text_es, image.alt_text)
            self.assertTrue(image.credit_es.startswith("Ilustración:"), image.file.name)
        for image in leads:
            self.assertEqual((image.width, image.height), (1600, 900))
            self.assertTrue(image.caption)
            self.assertTrue(image.caption_es, image.file.name)
        with_image = Article.objects.filter(lead_image__isnull=False).count()
        self.assertGreater(with_image, 160)

    def test_the_desk_has_work_in_every_queue(self):
        editor = get_user_model().objects.get(username="editor")
        self.client.force_login(editor)
        blocks = {block.key: block for block in self.client.get("/admin/").context["blocks"]}
        for key in ("in-review", "scheduled", "recently-published", "stale-drafts"):
            self.assertTrue(blocks[key].items, key)
        for article in blocks["in-review"].items:
            self.assertEqual(article.status_changed_by.username, "writer")

    def test_a_story_with_versions_to_compare_and_a_draft_that_the_checks_stop(self):
        from articles import checks, history

        # The story in review that the writer drafted twice before submitting (articles/demo/desk.py).
        versioned = Article.objects.filter(pk__in=Article.history.values("id"), status=Article.Status.IN_REVIEW)
        self.assertEqual({article.language for article in versioned}, {"en", "es"})
        for article in versioned:
            versions = list(article.history.all())
            self.assertEqual([version.status for version in versions], ["review", "draft", "draft"])
            comparison = history.compare(versions[-1], versions[0])
            labels = comparison.summary()
            self.assertIn("Body", labels)
            self.assertIn("Tags", labels)
            self.assertIn("<ins>", "".join(diff for _label, diff in comparison.texts))
        stopped = [
            article
            for article in Article.objects.filter(status=Article.Status.DRAFT).select_related("section", "lead_image")
            if checks.run(article)
        ]
        self.assertEqual({article.language for article in stopped}, {"en", "es"})
        self.assertEqual({problem.code for article in stopped for problem in checks.run(article)}, {"vague-link"})
        # Nothing published is flagged: the minimum lengths suit the demo's sections.
        published = Article.objects.published().select_related("section", "lead_image")
        self.assertFalse([article.slug for article in published if checks.run(article, translation=None)])

    def test_two_series_one_still_being_published_in_both_languages(self):
        self.assertEqual(Series.objects.count(), 2)
        for language, prefix in (("en", ""), ("es", "/es")):
            index = self.client.get(f"{prefix}/series/")
            for series in Series.objects.all():
                with self.subTest(series=series.slug, language=language):
                    self.assertTrue(series.title_es and series.summary_es and series.lead_image_id)
                    self.assertContains(index, f'href="{prefix}/series/{series.slug}/"')
                    parts = Article.objects.filter(series_part__series=series, language=language)
                    self.assertGreaterEqual(parts.count(), 3)
                    page = self.client.get(f"{prefix}/series/{series.slug}/")
                    for part in parts:
                        if part.is_published:
                            self.assertContains(page, part.title)
                        else:
                            self.assertNotContains(page, part.title)
        ongoing = Series.objects.get(slug="prison-empires")
        parts = Article.objects.filter(series_part__series=ongoing)
        self.assertTrue(any(part.is_scheduled for part in parts))
        self.assertTrue(any(part.status == Article.Status.IN_REVIEW for part in parts))
        self.assertGreater(ongoing.planned_parts, parts.filter(pk__in=Article.objects.published()).count() // 2)
        self.assertContains(self.client.get("/series/prison-empires/"), "Ongoing series")

    def test_one_live_story_in_both_languages(self):
        live = Article.objects.published().filter(live_started_at__isnull=False)
        self.assertEqual({article.language for article in live}, {"en", "es"})
        for article in live:
            self.assertTrue(article.is_live_now)
            updates = LiveUpdate.objects.filter(article=article)
            self.assertGreaterEqual(updates.count(), 6)
            self.assertTrue(updates.filter(pinned=True).exists())
            self.assertTrue(all(update.published_at < self.now for update in updates))
            self.assertTrue(all(update.published_at >= article.live_started_at for update in updates))
            response = self.client.get(article.get_absolute_url())
            self.assertContains(response, "live.js")
            self.assertContains(response, updates.first().body, html=True)

    def test_printed_accounts_log_in_to_the_admin(self):
        passwords = printed_passwords(self.output)
        self.assertEqual(set(passwords), {"editor", "writer"})
        for username, password in passwords.items():
            self.assertTrue(admin_login(self.client, username, password), username)
            response = self.client.get("/admin/")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "/admin/articles/article/")
            self.client.logout()

    def test_passwords_change_on_every_run(self):
        old, new = printed_passwords(self.first_output), printed_passwords(self.output)
        for username in ("editor", "writer"):
            self.assertNotEqual(old[username], new[username])
            self.assertFalse(admin_login(self.client, username, old[username]))

    def test_account_permissions(self):
        users = get_user_model().objects
        editor, writer = users.get(username="editor"), users.get(username="writer")
        self.assertFalse(users.filter(is_superuser=True).exists())
        self.assertTrue(editor.is_staff and writer.is_staff)
        self.assertEqual(set(editor.groups.values_list("name", flat=True)), {"Editor", "Fundraising", "Moderator"})
        self.assertEqual(set(writer.groups.values_list("name", flat=True)), {"Writer"})
        for permission in ("articles.publish_article", "taggit.delete_tag", "donations.export_donation"):
            self.assertTrue(editor.has_perm(permission), permission)
        for permission in ("articles.add_article", "articles.change_image", "taggit.add_tag", "articles.view_country"):
            self.assertTrue(writer.has_perm(permission), permission)
        for permission in ("articles.publish_article", "articles.change_author", "donations.view_donation"):
            self.assertFalse(writer.has_perm(permission), permission)
        self.assertEqual(editor.author.slug, "tomas-echeverria")
        self.assertEqual(writer.author.slug, "andres-penaloza")

    def test_newsletters_subscribers_and_prompts(self):
        from donations.newsletters.models import NewsletterList, Subscription
        from donations.prompts.models import Prompt

        self.assertEqual(NewsletterList.objects.count(), 2)
        statuses = set(Subscription.objects.values_list("status", "language"))
        self.assertLessEqual({("confirmed", "en"), ("confirmed", "es"), ("pending", "en"), ("pending", "es")}, statuses)
        live = Prompt.objects.live()
        self.assertEqual({prompt.placement for prompt in live}, set(Prompt.Placement.values))
        for prompt in live:
            prompt.full_clean()
            self.assertTrue(prompt.text and prompt.text_es, prompt.name)
        # A reader sees them: the banner on the home page, the in-article prompt in a long enough article.
        self.assertContains(self.client.get("/es/"), "hasta el 31 de diciembre")
        self.assertRegex(self.output, r"Prompts:\s+4\n")

    def test_prints_a_summary(self):
        self.assertRegex(self.output, rf"Articles:\s+{DEMO_ARTICLES}\n")
        self.assertRegex(self.output, r"Series:\s+2\n")
        self.assertRegex(self.output, r"Tags:\s+60\n")

    def test_more_articles_on_request_keep_pairs_intact(self):
        output = seed("--articles", "500")

        self.assertEqual(Article.objects.count(), 500)
        self.assertIn("\rSynthetic articles [", output)
        synthetic = 500 - DEMO_ARTICLES
        self.assertIn(f"{synthetic}/{synthetic}\n", output)
        languages = defaultdict(set)
        for key, language in Article.objects.exclude(translation_key=None).values_list("translation_key", "language"):
            languages[key].add(language)
        self.assertEqual(len(languages), 249)
        self.assertTrue(all(pair == {"en", "es"} for pair in languages.values()))
        synthetic = Article.objects.exclude(pk__in=self.first_articles).prefetch_related("bylines", "countries", "tags")
        for article in synthetic:
            self.assertTrue(article.is_published)
            self.assertTrue(article.bylines.all() and article.tags.all())
            self.assertIn(article.primary_country, article.countries.all())
            self.assertEqual(clean_html(article.body), article.body)
        self.assertTrue(ArticleLink.objects.filter(from_article__in=synthetic).exists())

        # Asking again, or for fewer, adds and removes nothing.
        seed("--articles", "400")
        self.assertEqual(Article.objects.count(), 500)


@pytest.mark.parametrize("template", plan.TEMPLATES, ids=lambda template: template.key)
def test_templates_are_sound(template):
    assert check_template(template) == []


def test_the_plan_has_a_hundred_stories_with_unique_slugs():
    keys = [template.key for template in plan.TEMPLATES]
    assert len(set(keys)) == len(keys)
    stories = plan.demo_stories(newsroom="Newsroom")
    assert len(stories) == 100
    slugs = [story.version(language).slug for story in stories for language in ("en", "es")]
    assert len(set(slugs)) == 200


class SeedDemoBodyBlockTests(TestCase):
    """The demo shows the body blocks: inline figures, a table, a pull quote, embeds of at least three
    providers and a SEE ALSO inside an analysis, in both languages, on published pages."""

    @classmethod
    def setUpTestData(cls):
        seed()

    def test_blocks_in_both_languages(self):
        from articles import blocks

        for language in ("en", "es"):
            articles = list(Article.objects.published().filter(language=language))
            texts = [text for article in articles for text in (article.body, article.analysis)]
            assert len({article.pk for article in articles if blocks.image_ids(article.body)}) >= 3
            assert sum("<table>" in text for text in texts) >= 1
            assert sum('class="pullquote"' in text for text in texts) >= 1
            assert len({provider for provider, _url in blocks.embed_links(*texts)}) >= 3
            with_see_also = [article for article in articles if blocks.see_also_ids(article.analysis)]
            assert with_see_also
            page = self.client.get(with_see_also[0].get_absolute_url()).content.decode()
            assert 'class="see-also"' in page.split('class="analysis', 1)[1]
