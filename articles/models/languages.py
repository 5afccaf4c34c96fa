"""The newsroom's two languages, and where an article's translation stands."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def localized(obj, field):
    """`obj.<field>_es` when the active language is Spanish and that text is filled in, else `obj.<field>`."""
    if translation.get_language() == "es":
        spanish = getattr(obj, f"{field}_es", "")
        if spanish:
            return spanish
    return getattr(obj, field)


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


def other_language(language):
    """The newsroom's other language: Spanish for English, English for Spanish."""
    return Language.SPANISH if language == Language.ENGLISH else Language.ENGLISH


class TranslationState(models.TextChoices):
    """Where an article's translation stands, derived from the pair (never typed; see Article.revision)."""

    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in-progress", _("In progress")
    OUTDATED = "outdated", _("Outdated")
    UP_TO_DATE = "up-to-date", _("Up to date")
