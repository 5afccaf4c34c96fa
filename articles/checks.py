"""Checks before publishing: what a careful editor looks for before an article goes live.

Each check is a function over an article that returns the problems it finds (an empty list when the
article passes). A problem carries the check's code, a message for the editor (translated: the desk
works in English and Spanish) and whether an editor may publish anyway. The change form shows every
problem (articles/admin/articles.py); publishing and scheduling refuse an article with a problem that may not be
overridden, and one with only overridable problems unless the editor ticks "Publish despite the
warnings" (articles/workflow.py checks again, so the list actions obey the same rules).

Checks read the article as it is on the instance, so a form can check what was typed before saving.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from articles.sanitizer import plain_text


@dataclass(frozen=True)
class Check:
    code: str
    # A short name for the check, shown in lists and in the history when an editor overrides it.
    name: str
    # Whether an editor may publish with this problem (a judgement call), or must fix it first.
    overridable: bool


@dataclass(frozen=True)
class Problem:
    check: Check
    message: str
    # The form field to look at, for the link next to the message.
    field: str

    @property
    def code(self):
        return self.check.code

    @property
    def overridable(self):
        return self.check.overridable


LEAD_IMAGE_ALT = Check("lead-image-alt", _("Lead image alt text"), overridable=False)
LEAD_IMAGE_ALT_ES = Check("lead-image-alt-es", _("Spanish alt text"), overridable=True)
INLINE_IMAGE_ALT = Check("inline-image-alt", _("Alt text in the text"), overridable=False)
HEADING_ORDER = Check("heading-order", _("Heading order"), overridable=True)
EMPTY_LINK = Check("empty-link", _("Empty links"), overridable=False)
VAGUE_LINK = Check("vague-link", _("“Click here” links"), overridable=True)
MISSING_DEK = Check("missing-dek", _("Summary (dek)"), overridable=True)
MISSING_TRANSLATION = Check("missing-translation", _("Translation"), overridable=True)
SHORT_BODY = Check("short-body", _("Length"), overridable=True)

CHECKS = [
    LEAD_IMAGE_ALT,
    LEAD_IMAGE_ALT_ES,
    INLINE_IMAGE_ALT,
    HEADING_ORDER,
    EMPTY_LINK,
    VAGUE_LINK,
    MISSING_DEK,
    MISSING_TRANSLATION,
    SHORT_BODY,
]

# Link text that says nothing about where the link goes, once lowercased and stripped of punctuation.
VAGUE_LINK_TEXTS = {
    "click here",
    "click",
    "here",
    "this link",
    "link",
    "read more",
    "more",
    "this",
    "aquí",
    "aqui",
    "acá",
    "haga clic",
    "haga clic aquí",
    "haga click aquí",
    "haz clic",
    "haz clic aquí",
    "clic aquí",
    "click aquí",
    "pulse aquí",
    "pincha aquí",
    "este enlace",
    "enlace",
    "leer más",
    "más",
}
# Phrases that make link text vague wherever they appear in it ("click here for the report").
VAGUE_LINK_PHRASES = ("click here", "haga clic", "haga click", "haz clic", "haz click", "pulse aquí", "clic aquí")


class _Outline(HTMLParser):
    """What the checks need from sanitized HTML: headings, links with their text, images, figures."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.links = []
        self.images_without_alt = 0
        self.figure_images = []
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        elif tag == "a":
            self._link = {"text": "", "image_alt": ""}
            self.links.append(self._link)
        elif tag == "img":
            alt = (attrs.get("alt") or "").strip()
            if not alt:
                self.images_without_alt += 1
            if self._link is not None:
                self._link["image_alt"] += alt
        elif tag == "figure" and attrs.get("data-image"):
            # An image of the library placed in the text: its alt text is the library's.
            self.figure_images.append(attrs["data-image"])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


def _outline(html):
    parser = _Outline()
    parser.feed(html or "")
    parser.close()
    return parser


def _normalized(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def check_lead_image(article):
    image = article.lead_image if article.lead_image_id else None
    if image is None:
        return []
    if not image.alt_text.strip():
        return [Problem(LEAD_IMAGE_ALT, gettext("The lead image has no alt text. Add it under Images."), "lead_image")]
    if article.language == "es" and not image.alt_text_es.strip():
        message = gettext(
            "The lead image has no Spanish alt text: readers of this Spanish article who cannot see it would "
            "hear the English one."
        )
        return [Problem(LEAD_IMAGE_ALT_ES, message, "lead_image")]
    return []


def check_inline_images(article, outlines):
    from articles.models import Image

    missing = sum(outline.images_without_alt for outline in outlines.values())
    ids = {int(value) for outline in outlines.values() for value in outline.figure_images if value.isdigit()}
    if ids:
        described = set(Image.objects.filter(pk__in=ids).exclude(alt_text="").values_list("pk", flat=True))
        missing += sum(
            1 for outline in outlines.values() for value in outline.figure_images if int(value) not in described
        )
    if not missing:
        return []
    message = ngettext(
        "%(count)d image in the text has no alt text.", "%(count)d images in the text have no alt text.", missing
    ) % {"count": missing}
    return [Problem(INLINE_IMAGE_ALT, message, "body")]


def check_heading_order(article, outlines):
    """Headings go down one level at a time: the headline is the page's h1, so the body starts at h2;
    the analysis sits under its own h2, so it may start at h2 or h3."""
    problems = []
    for field, top in (("body", 1), ("analysis", 2)):
        previous = top
        for level in outlines[field].headings:
            if level > previous + 1:
                message = gettext(
                    "A level %(level)d heading follows a level %(previous)d one in the %(part)s: a level is "
                    "skipped, which confuses readers who navigate by headings."
                ) % {"level": level, "previous": previous, "part": _part(field)}
                problems.append(Problem(HEADING_ORDER, message, field))
                break
            previous = level
    return problems


def check_links(article, outlines):
    problems = []
    for field, outline in outlines.items():
        empty = [link for link in outline.links if not link["text"].strip() and not link["image_alt"].strip()]
        if empty:
            message = ngettext(
                "The %(part)s has %(count)d link without text: readers cannot tell where it goes.",
                "The %(part)s has %(count)d links without text: readers cannot tell where they go.",
                len(empty),
            ) % {"part": _part(field), "count": len(empty)}
            problems.append(Problem(EMPTY_LINK, message, field))
        vague = []
        for link in outline.links:
            text = _normalized(link["text"])
            if text and (text in VAGUE_LINK_TEXTS or any(phrase in text for phrase in VAGUE_LINK_PHRASES)):
                vague.append(link["text"].strip())
        if vague:
            message = gettext(
                "Link text that does not say where it goes in the %(part)s: %(texts)s. Link the words that "
                "name the document or page instead."
            ) % {"part": _part(field), "texts": ", ".join(f"“{text}”" for text in vague)}
            problems.append(Problem(VAGUE_LINK, message, field))
    return problems


def check_dek(article):
    if article.dek.strip():
        return []
    message = gettext("There is no summary (dek): search results, feeds and shares will show the first lines instead.")
    return [Problem(MISSING_DEK, message, "dek")]


def translation_wanted(article):
    """Whether the newsroom publishes `article`'s section in both languages (TRANSLATION_REQUIRED_SECTIONS)."""
    wanted = settings.TRANSLATION_REQUIRED_SECTIONS
    return "*" in wanted or (article.section_id is not None and article.section.slug in wanted)


# `translation` when the caller does not know it: the checks look the pairing up.
LOOKUP = object()


def check_translation(article, translation=LOOKUP):
    if not translation_wanted(article):
        return []
    if translation is LOOKUP:
        from articles.models import Article

        translation = Article.objects.translations_of(article).first() if article.pk else None
    if translation is not None:
        return []
    message = gettext(
        "The newsroom publishes %(section)s in both languages, and this article has no translation yet. "
        "Pair it under Translation, or publish now and translate later."
    ) % {"section": article.section.display_name}
    return [Problem(MISSING_TRANSLATION, message, "translation")]


def check_length(article):
    minimum = article.section.minimum_words if article.section_id is not None else 0
    words = len(plain_text(article.body).split())
    if not minimum or words >= minimum:
        return []
    message = ngettext(
        "The body has %(words)d word; %(section)s usually run to at least %(minimum)d.",
        "The body has %(words)d words; %(section)s usually run to at least %(minimum)d.",
        words,
    ) % {"words": words, "section": article.section.display_name, "minimum": minimum}
    return [Problem(SHORT_BODY, message, "body")]


def _part(field):
    return gettext("body") if field == "body" else gettext("analysis")


def run(article, *, translation=LOOKUP):
    """Every problem of `article`, in the order of CHECKS.

    `translation` is the article it is (or is about to be) paired with, or None; by default the stored
    pairing is looked up.
    """
    outlines = {"body": _outline(article.body), "analysis": _outline(article.analysis)}
    problems = [
        *check_lead_image(article),
        *check_inline_images(article, outlines),
        *check_heading_order(article, outlines),
        *check_links(article, outlines),
        *check_dek(article),
        *check_translation(article, translation),
        *check_length(article),
    ]
    order = {check.code: index for index, check in enumerate(CHECKS)}
    return sorted(problems, key=lambda problem: order[problem.code])


def blocking(problems, *, override=False):
    """The problems that stop publication: all of them, or with `override` those that must be fixed."""
    return [problem for problem in problems if not (override and problem.overridable)]


def override_note(problems):
    """What an override skipped, for the article's history: "Published despite: Length, Translation"."""
    names = ", ".join(str(problem.check.name) for problem in problems)
    return gettext("Published despite the checks: %(names)s") % {"names": names}
