"""Writes that touch more than one row."""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, PartnerAccess
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
