from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, ArticleLink, Correction
from articles.services import pair_translations, unpair_translation
from tests.factories import make_article, make_author, make_country, make_section

pytestmark = pytest.mark.django_db


class TestPublishedRule:
    def test_only_published_articles_whose_time_has_come(self):
        live = make_article(title="Live")
        make_article(title="Draft", published=False)
        make_article(title="In review", status=Article.Status.IN_REVIEW)
        make_article(title="Scheduled", publish_at=timezone.now() + timedelta(hours=2))

        assert list(Article.objects.published()) == [live]

    def test_scheduled_article_goes_live_at_its_time_with_nothing_else_running(self, monkeypatch):
        scheduled = make_article(publish_at=timezone.now() + timedelta(minutes=30))
        assert scheduled not in Article.objects.published()
        assert scheduled.is_scheduled and not scheduled.is_published

        later = timezone.now() + timedelta(minutes=31)
        monkeypatch.setattr(timezone, "now", lambda: later)

        assert scheduled in Article.objects.published()

    def test_published_status_needs_a_publish_time_in_the_database(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            make_article(status=Article.Status.PUBLISHED, publish_at=None)

    def test_published_status_needs_a_publish_time_in_forms(self):
        article = make_article(published=False)
        article.status = Article.Status.PUBLISHED
        with pytest.raises(ValidationError) as error:
            article.full_clean()
        assert "publish_at" in error.value.message_dict


class TestSlugs:
    def test_slug_is_made_from_the_headline_when_empty(self):
        article = make_article(title="Extortion Rings Move Into Bus Routes", slug="")
        assert article.slug == "extortion-rings-move-into-bus-routes"

    def test_two_articles_cannot_share_a_slug(self):
        make_article(slug="same")
        with pytest.raises(IntegrityError), transaction.atomic():
            make_article(slug="same")

    def test_section_country_and_author_slugs_are_unique(self):
        make_section(slug="briefs")
        make_country(slug="mexico")
        make_author(slug="ana-ruiz")
        for factory, slug in [(make_section, "briefs"), (make_country, "mexico"), (make_author, "ana-ruiz")]:
            with pytest.raises(IntegrityError), transaction.atomic():
                factory(slug=slug)


class TestLinks:
    def test_an_article_never_links_to_itself(self):
        article = make_article()
        with pytest.raises(IntegrityError), transaction.atomic():
            ArticleLink.objects.create(from_article=article, to_article=article)

    def test_self_link_is_a_form_error_too(self):
        article = make_article()
        link = ArticleLink(from_article=article, to_article=article)
        with pytest.raises(ValidationError) as error:
            link.full_clean()
        assert "to_article" in error.value.message_dict

    def test_the_same_link_is_stored_once_per_kind(self):
        one, two = make_article(), make_article()
        ArticleLink.objects.create(from_article=one, to_article=two, kind=ArticleLink.Kind.RELATED)
        ArticleLink.objects.create(from_article=one, to_article=two, kind=ArticleLink.Kind.SEE_ALSO)
        with pytest.raises(IntegrityError), transaction.atomic():
            ArticleLink.objects.create(from_article=one, to_article=two, kind=ArticleLink.Kind.RELATED)


class TestTranslations:
    def test_pairing_links_both_ways(self):
        english = make_article(language="en")
        spanish = make_article(language="es")

        pair_translations(article=english, translation=spanish)

        assert list(Article.objects.translations_of(english)) == [spanish]
        assert list(Article.objects.translations_of(spanish)) == [english]

    def test_a_pair_must_be_two_languages(self):
        one, two = make_article(language="en"), make_article(language="en")
        with pytest.raises(ValidationError):
            pair_translations(article=one, translation=two)
        with pytest.raises(ValidationError):
            pair_translations(article=one, translation=one)

    def test_the_database_refuses_two_articles_of_one_language_in_a_pair(self):
        english = make_article(language="en")
        spanish = make_article(language="es")
        pair_translations(article=english, translation=spanish)
        intruder = make_article(language="en")
        with pytest.raises(IntegrityError), transaction.atomic():
            Article.objects.filter(pk=intruder.pk).update(translation_key=english.translation_key)

    def test_re_pairing_unpairs_the_old_partner(self):
        english = make_article(language="en")
        old_spanish, new_spanish = make_article(language="es"), make_article(language="es")
        pair_translations(article=english, translation=old_spanish)

        pair_translations(article=english, translation=new_spanish)

        assert list(Article.objects.translations_of(english)) == [new_spanish]
        old_spanish.refresh_from_db()
        assert old_spanish.translation_key is None

    def test_unpairing_leaves_both_alone(self):
        english, spanish = make_article(language="en"), make_article(language="es")
        pair_translations(article=english, translation=spanish)

        unpair_translation(article=spanish)

        english.refresh_from_db()
        assert not Article.objects.translations_of(english).exists()


class TestRichText:
    def test_body_and_analysis_are_sanitized_on_save(self):
        article = make_article(
            body='<p onclick="steal()">Fact<script>alert(1)</script></p><p><a href="javascript:alert(1)">x</a></p>',
            analysis='<p>Reading<iframe src="https://evil.example"></iframe></p><p style="color:red">Bold</p>',
        )
        article.refresh_from_db()
        assert "script" not in article.body and "onclick" not in article.body and "javascript" not in article.body
        assert "iframe" not in article.analysis and "style" not in article.analysis
        assert "<p>Fact</p>" in article.body

    def test_allowed_markup_survives(self):
        body = (
            '<h2>Who</h2><p>A <strong>strong</strong> and <em>calm</em> <a href="https://example.org/x">link</a>.</p>'
        )
        article = make_article(body=body)
        assert "<h2>Who</h2>" in article.body
        assert "<strong>strong</strong>" in article.body
        assert 'href="https://example.org/x"' in article.body


def test_the_primary_country_is_always_among_the_countries():
    guatemala = make_country()
    article = make_article(primary_country=guatemala)
    assert list(article.countries.all()) == [guatemala]
    article.countries.clear()
    article.save()
    assert list(article.countries.all()) == [guatemala]


def test_urls_and_names():
    section = make_section(slug="briefs", name="Briefs")
    english = make_article(section=section, slug="gangs-tax-buses", language="en")
    spanish = make_article(section=section, slug="pandillas-cobran-buses", language="es")
    correction = Correction.objects.create(article=english, text="We misspelled a name.")

    assert english.get_absolute_url() == "/news/briefs/gangs-tax-buses/"
    assert spanish.get_absolute_url() == "/es/news/briefs/pandillas-cobran-buses/"
    assert correction.get_absolute_url() == "/news/briefs/gangs-tax-buses/#corrections"
    assert section.get_absolute_url() == "/news/briefs/"
    assert str(section) == "Briefs" and str(english) == english.title
