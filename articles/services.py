"""Writes that touch more than one row: translation pairs of articles and tags, the Translate action,
marking a translation up to date, translated corrections, partner link visits."""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from unidecode import unidecode

from articles import machine_translation, workflow
from articles.models import (
    Article,
    ArticleAuthor,
    ArticleLink,
    Correction,
    PartnerAccess,
    TaggedArticle,
    TagLanguage,
    other_language,
    tag_counterparts,
)
from newsroom import pagecache


@transaction.atomic
def pair_translations(*, article, translation):
    """Make `article` and `translation` each other's translation.

    Any earlier partner of either is unpaired first, so a pair is always exactly two articles,
    one per language (the database refuses anything else).
    """
    if article.pk == translation.pk:
        raise ValidationError(_("An article cannot be its own translation."), code="self_translation")
    if article.language == translation.language:
        raise ValidationError(_("A translation must be in the other language."), code="same_language_translation")
    key = article.translation_key or translation.translation_key or uuid.uuid4()
    partners = Article.objects.filter(
        translation_key__in=[k for k in (article.translation_key, translation.translation_key) if k]
    )
    partners.exclude(pk__in=[article.pk, translation.pk]).update(translation_key=None)
    Article.objects.filter(pk__in=[article.pk, translation.pk]).update(translation_key=key)
    article.translation_key = translation.translation_key = key
    # Each article page links to its translation.
    pagecache.content_changed()


@transaction.atomic
def unpair_translation(*, article):
    """Remove `article` from its translation pair; its former partner is left unpaired too."""
    if article.translation_key is None:
        return
    Article.objects.filter(translation_key=article.translation_key).update(translation_key=None)
    article.translation_key = None
    pagecache.content_changed()


@transaction.atomic
def record_partner_access(*, link, outcome):
    """Log a visit of partner `link`: its partner, the time and `outcome` (a PartnerAccess.Outcome). Not a
    change readers see: the page cache is left alone."""
    return PartnerAccess.objects.create(link=link, partner=link.partner, outcome=outcome)


def pair_tags(*, tag, counterpart):
    """Make `tag` and `counterpart` (tags in the two languages) each other's translation.

    Any earlier counterpart of either is unpaired first, as with articles. Each tag needs its language
    recorded (TagLanguage) first.
    """
    with transaction.atomic():
        infos = {
            info.tag_id: info for info in TagLanguage.objects.select_for_update().filter(tag__in=[tag, counterpart])
        }
        first, second = infos.get(tag.pk), infos.get(counterpart.pk)
        if tag.pk == counterpart.pk:
            raise ValidationError(_("A tag cannot be its own translation."), code="self_translation")
        if first is None or second is None or first.language == second.language:
            raise ValidationError(_("A tag's counterpart must be in the other language."), code="same_language_tag")
        key = first.translation_key or second.translation_key or uuid.uuid4()
        old_keys = [k for k in (first.translation_key, second.translation_key) if k]
        TagLanguage.objects.filter(translation_key__in=old_keys).exclude(tag__in=[tag, counterpart]).update(
            translation_key=None
        )
        TagLanguage.objects.filter(tag__in=[tag, counterpart]).update(translation_key=key)
        # Tag pages' language switches and the sitemap's alternates point to the counterpart.
        pagecache.content_changed()


def unpair_tag(*, tag):
    """Remove `tag` from its pair; its former counterpart is left unpaired too."""
    with transaction.atomic():
        info = TagLanguage.objects.filter(tag=tag).exclude(translation_key=None).first()
        if info is None:
            return
        TagLanguage.objects.filter(translation_key=info.translation_key).update(translation_key=None)
        pagecache.content_changed()


@dataclass
class Translated:
    """What translate_article() made, and what it could not carry over, for the message to the desk."""

    draft: Article
    untranslated_tags: list = field(default_factory=list)
    unlinked: list = field(default_factory=list)
    machine: str = ""
    machine_error: str = ""


def unique_slug(title, language, *, exclude=None):
    """A slug for `title` that no other article has: the headline's, else with the language added."""
    base = slugify(unidecode(title))[:190] or "article"
    taken = set(Article.objects.filter(slug__startswith=base).exclude(pk=exclude).values_list("slug", flat=True))
    for candidate in (base, f"{base}-{language}", *(f"{base}-{language}-{n}" for n in range(2, 1000))):
        if candidate not in taken:
            return candidate
    return f"{base}-{uuid.uuid4().hex[:8]}"


def _machine_words(article, target):
    """The article's words and corrections translated by the configured provider.

    Returns (words, correction texts, provider name, error): ({}, [], "", "") when machine translation is
    off; the error message and nothing else when the provider failed. Called outside any transaction:
    nothing is held open while the network answers.
    """
    engine = machine_translation.provider()
    if engine is None:
        return {}, [], "", ""
    plain_fields = [name for name in ("title", "dek", "seo_title", "seo_description") if getattr(article, name)]
    html_fields = [name for name in ("body", "analysis") if getattr(article, name)]
    corrections = [correction.text for correction in article.corrections.all()]
    try:
        plain = engine.translate(
            [getattr(article, name) for name in plain_fields] + corrections, source=article.language, target=target
        )
        html = engine.translate(
            [getattr(article, name) for name in html_fields], source=article.language, target=target, html=True
        )
    except machine_translation.MachineTranslationError as error:
        return {}, [], engine.name, str(error)
    words = dict(zip(plain_fields, plain[: len(plain_fields)], strict=True))
    words.update(zip(html_fields, html, strict=True))
    return words, plain[len(plain_fields) :], engine.name, ""


def translate_article(*, article, user, machine=True):
    """Create `article`'s version in the other language as a draft paired with it, and return a Translated.

    Filled in with everything that needs no translator: section, countries, authors, lead image (its
    Spanish alt text and caption are the image's own), republishing, SEE ALSO and related links pointed to
    the linked articles' own translations, tags and label through their counterparts (TagLanguage). The
    words (headline, dek, body, analysis, corrections) are the original's, as a structure to translate
    over, or the configured machine translation's, in which case the draft needs a person's review before
    it can be published. The draft records the original's revision, so it shows as outdated if the
    original changes before the translation is brought up to date.

    Raises ValidationError when the article already has a translation.
    """
    if Article.objects.translations_of(article).exists():
        raise ValidationError(
            _("“%(title)s” already has a translation."), code="already_translated", params={"title": article.title}
        )
    target = other_language(article.language)
    words, correction_texts, engine, error = _machine_words(article, target) if machine else ({}, [], "", "")
    with transaction.atomic():
        source = Article.objects.select_for_update().get(pk=article.pk)
        if Article.objects.translations_of(source).exists():
            raise ValidationError(
                _("“%(title)s” already has a translation."), code="already_translated", params={"title": source.title}
            )
        if source.translation_key is None:
            source.translation_key = uuid.uuid4()
            Article.objects.filter(pk=source.pk).update(translation_key=source.translation_key)
        tags = list(source.tags.all())
        counterparts = tag_counterparts([tag.pk for tag in tags], target)
        title = words.get("title", source.title)
        draft = Article(
            title=title,
            slug=unique_slug(title, target),
            section=source.section,
            language=target,
            translation_key=source.translation_key,
            dek=words.get("dek", source.dek),
            body=words.get("body", source.body),
            analysis=words.get("analysis", source.analysis),
            seo_title=words.get("seo_title", source.seo_title),
            seo_description=words.get("seo_description", source.seo_description),
            status=Article.Status.DRAFT,
            primary_country=source.primary_country,
            primary_tag=counterparts.get(source.primary_tag_id),
            lead_image=source.lead_image,
            republishable=source.republishable,
            created_by=user,
            source_revision=source.revision,
            needs_review=bool(words),
        )
        draft._history_user = user
        draft.save()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=draft, author_id=byline.author_id, position=byline.position)
            for byline in source.bylines.all()
        )
        draft.countries.add(*source.countries.all())
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=draft, tag=counterparts[tag.pk]) for tag in tags if tag.pk in counterparts
        )
        links = list(source.links.select_related("to_article"))
        translated_links = {
            linked.translation_key: linked
            for linked in Article.objects.filter(
                translation_key__in=[
                    link.to_article.translation_key for link in links if link.to_article.translation_key
                ],
                language=target,
            )
        }
        new_links, unlinked = [], []
        for link in links:
            linked = translated_links.get(link.to_article.translation_key) if link.to_article.translation_key else None
            if linked is None:
                unlinked.append(link.to_article.title)
                continue
            new_links.append(
                ArticleLink(
                    from_article=draft,
                    to_article=linked,
                    kind=link.kind,
                    position=link.position,
                    after_paragraph=link.after_paragraph,
                )
            )
        ArticleLink.objects.bulk_create(new_links, ignore_conflicts=True)
        corrections = list(source.corrections.all())
        Correction.objects.bulk_create(
            Correction(
                article=draft,
                kind=correction.kind,
                text=correction_texts[index] if index < len(correction_texts) else correction.text,
                published_at=correction.published_at,
                translation_of=correction,
            )
            for index, correction in enumerate(corrections)
        )
        pagecache.content_changed()
    return Translated(
        draft=draft,
        untranslated_tags=[tag.name for tag in tags if tag.pk not in counterparts],
        unlinked=unlinked,
        machine=engine if words else "",
        machine_error=error,
    )


def mark_up_to_date(*, article, user):
    """Record, as `user`'s explicit act, that `article` (a translation) is brought up to date with its
    original as the original is now, and that a person has reviewed any machine text in it.

    In a pair made by hand where neither side recorded this yet, `article` becomes the translated side.
    Raises PermissionDenied when `user` may not edit `article`, ValidationError when it has no
    translation or is the original of its pair.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        source = Article.objects.translations_of(article).first()
        if not workflow.can_edit(user, article):
            raise PermissionDenied
        if source is None:
            raise ValidationError(_("This article has no translation to be up to date with."), code="no_translation")
        if not article.is_translation_of(source):
            raise ValidationError(
                _("This is the original; mark its translation “%(title)s” up to date instead."),
                code="original_of_pair",
                params={"title": source.title},
            )
        article.source_revision, article.needs_review = source.revision, False
        article._history_user = user
        article._change_reason = gettext("Marked up to date with revision %(revision)s of the original") % {
            "revision": source.revision
        }
        article.save(update_fields=["source_revision", "needs_review"])
        pagecache.content_changed()
    return article


def translate_correction(*, correction, text, user):
    """Add to the other-language version of `correction.article` the translation of `correction`, with
    the same kind and date. Raises PermissionDenied when `user` may not edit that version, ValidationError
    when it does not exist or already has it."""
    with transaction.atomic():
        partner = Article.objects.translations_of(correction.article).first()
        if partner is None:
            raise ValidationError(_("This article has no translation."), code="no_translation")
        if not workflow.can_edit(user, partner):
            raise PermissionDenied
        if correction.translations.filter(article=partner).exists():
            raise ValidationError(_("This correction is already translated."), code="already_translated")
        translated = Correction(
            article=partner,
            kind=correction.kind,
            text=text,
            published_at=correction.published_at,
            translation_of=correction,
        )
        translated.full_clean()
        translated.save()
    return translated
