"""The history of an article that people can read: what changed between two versions, word by word.

Every save of an article is a version (django-simple-history). A version also records, by name, the
byline, tags, countries, links and corrections the article had when it was saved (`related`, written by
`record_related` once the admin has saved the inlines), so that the history can say "Tags: + extortion"
rather than show a row where nothing seems to have changed.

`word_diff` compares two texts with difflib on word tokens and returns escaped HTML in which removed
words are in <del> and added ones in <ins>; rich text is read as the reader sees it (paragraphs, list
items, link targets and images by their alt text), so a diff never shows markup.
"""

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# The texts compared word by word, in the order the comparison page shows them.
TEXT_FIELDS = ["title", "dek", "body", "analysis"]
# The other fields of an article that a person edits, compared as whole values.
VALUE_FIELDS = [
    "slug",
    "section",
    "language",
    "primary_country",
    "primary_tag",
    "lead_image",
    "seo_title",
    "seo_description",
    "republishable",
]
# The workflow's fields: shown, and never put back by restoring a version (nor are RESTORE_KEEPS).
STATE_FIELDS = ["status", "publish_at", "published_by", "published_on"]
RESTORE_KEEPS = [
    *STATE_FIELDS,
    "status_changed_at",
    "status_changed_by",
    "planned_date",
    "translation_key",
    "created_by",
    "created_at",
]
# What `related` holds, in the order the comparison shows it.
RELATED_PARTS = {
    "authors": _("Byline"),
    "tags": _("Tags"),
    "countries": _("Countries"),
    "links": _("Links to other articles"),
    "corrections": _("Corrections and updates"),
}


def snapshot(article):
    """The byline, tags, countries, links and corrections of `article` as stored, by name."""
    from articles.models import ArticleLink

    links = article.links.select_related("to_article").order_by("kind", "position", "pk")
    return {
        "authors": [byline.author.name for byline in article.bylines.select_related("author")],
        "tags": sorted(tag.name for tag in article.tags.all()),
        "countries": sorted(country.name for country in article.countries.all()),
        "links": [
            {"kind": link.kind, "title": link.to_article.title, "id": link.to_article_id}
            | ({"after": link.after_paragraph} if link.kind == ArticleLink.Kind.SEE_ALSO else {})
            for link in links
        ],
        "corrections": [
            {"kind": correction.kind, "date": correction.published_at.isoformat(), "text": correction.text}
            for correction in article.corrections.all()
        ],
    }


def record_related(article):
    """Store `article`'s related rows on its newest version (call after saving them)."""
    latest = article.history.order_by("-history_date", "-history_id").values_list("history_id", flat=True).first()
    if latest is not None:
        article.history.filter(history_id=latest).update(related=snapshot(article))


# Reading rich text as words ---------------------------------------------------------------------------

BLOCKS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figure", "figcaption", "tr", "hr", "pre"}
PARAGRAPH = "\n"


class _Reader(HTMLParser):
    """Sanitized HTML as a reader sees it: text, one line per block, link targets after their text
    in brackets and images by their alt text, so that changing a link or a picture shows in a diff."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hrefs = []

    def _break(self):
        if self.parts and self.parts[-1] != PARAGRAPH:
            self.parts.append(PARAGRAPH)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in BLOCKS:
            self._break()
        if tag == "li":
            self.parts.append("• ")
        elif tag in {"h2", "h3", "h4", "h5", "h6"}:
            self.parts.append("#" * int(tag[1]) + " ")
        elif tag == "br":
            self._break()
        elif tag == "a":
            self.hrefs.append(attrs.get("href") or "")
        elif tag == "img":
            self.parts.append(f" [{gettext('image')}: {attrs.get('alt') or ''}] ")
        elif tag == "figure":
            for name in ("data-image", "data-embed", "data-url"):
                if attrs.get(name):
                    self.parts.append(f" [{name[5:]}: {attrs[name]}] ")

    def handle_endtag(self, tag):
        if tag == "a" and self.hrefs:
            href = self.hrefs.pop()
            if href:
                self.parts.append(f" [{href}]")
        if tag in BLOCKS:
            self._break()

    def handle_data(self, data):
        self.parts.append(data)


def readable_text(value, *, rich):
    """`value` as the words a reader reads: rich text unwrapped, paragraphs apart by a blank line."""
    if not rich:
        return value or ""
    reader = _Reader()
    reader.feed(value or "")
    reader.close()
    lines = [" ".join(line.split()) for line in "".join(reader.parts).split(PARAGRAPH)]
    # A blank line between paragraphs, as they read on the page.
    return (PARAGRAPH * 2).join(line for line in lines if line)


# Words, runs of spaces and line breaks, each its own token: a diff keeps the text's own spacing.
TOKENS = re.compile(r"\n|[^\S\n]+|[^\s]+")


def word_diff(old, new):
    """The words of `new` against those of `old`: escaped HTML with <del> and <ins> around the changes.

    Line breaks (between paragraphs) are kept as "\\n"; show the result with `white-space: pre-line`.
    """
    old_tokens, new_tokens = TOKENS.findall(old or ""), TOKENS.findall(new or "")
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    out = []
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            out.append(escape("".join(old_tokens[old_start:old_end])))
            continue
        if operation in ("delete", "replace"):
            out.append(_marked("del", old_tokens[old_start:old_end]))
        if operation in ("insert", "replace"):
            out.append(_marked("ins", new_tokens[new_start:new_end]))
    return mark_safe("".join(out))


def _marked(tag, tokens):
    """`tokens` inside <tag>, one element per line so that no element spans a paragraph break."""
    pieces = []
    for index, line in enumerate("".join(tokens).split(PARAGRAPH)):
        if index:
            pieces.append(PARAGRAPH)
        if line:
            pieces.append(f"<{tag}>{escape(line)}</{tag}>")
    return "".join(pieces)


# Comparing two versions --------------------------------------------------------------------------------


@dataclass
class Comparison:
    """What changed from version `old` to version `new` of an article."""

    texts: list = field(default_factory=list)  # (label, diff HTML) for each changed text
    values: list = field(default_factory=list)  # (label, old, new) for each other changed field
    related: list = field(default_factory=list)  # (label, removed names, added names) per related part
    related_unknown: bool = False  # a version saved before related rows were recorded

    @property
    def empty(self):
        return not (self.texts or self.values or self.related)

    def summary(self):
        """The names of what changed, for one line of the history list: "Headline, Body, Tags"."""
        return [label for label, *_ in self.texts + self.values + self.related]


def _label(model, name):
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _display(record, name):
    from articles.models import Article

    model_field = Article._meta.get_field(name)
    value = getattr(record, model_field.attname)
    if value is None or value == "":
        return "–"
    if model_field.is_relation:
        related = getattr(record, name, None)
        return str(related) if related is not None else f"#{value}"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if hasattr(value, "tzinfo"):
        from django.utils import timezone

        return date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return str(value)


def related_names(related, part):
    """The entries of one part of a version's `related` record, as people read them."""
    from articles.models import ArticleLink, Correction

    names = []
    for entry in (related or {}).get(part, []):
        if part == "links":
            kind = dict(ArticleLink.Kind.choices).get(entry["kind"], entry["kind"])
            where = (
                " " + gettext("(after paragraph %(number)s)") % {"number": entry["after"]} if "after" in entry else ""
            )
            names.append(f"{kind}: {entry['title']}{where}")
        elif part == "corrections":
            from django.utils.dateparse import parse_datetime
            from django.utils.timezone import localtime

            kind = dict(Correction.Kind.choices).get(entry["kind"], entry["kind"])
            when = parse_datetime(entry["date"])
            names.append(f"{kind}, {date_format(localtime(when))}: {entry['text']}")
        else:
            names.append(entry)
    return names


def compare(old, new, *, include_state=False):
    """What changed from historical record `old` to `new` (either may be None: nothing before)."""
    from articles.models import Article

    result = Comparison()
    for name in TEXT_FIELDS:
        rich = name in ("body", "analysis")
        before = readable_text(getattr(old, name, "") if old else "", rich=rich)
        after = readable_text(getattr(new, name, ""), rich=rich)
        if before != after:
            result.texts.append((_label(Article, name), word_diff(before, after)))
    for name in VALUE_FIELDS + (STATE_FIELDS if include_state else []):
        attname = Article._meta.get_field(name).attname
        if old is None or getattr(old, attname) != getattr(new, attname):
            before = _display(old, name) if old else "–"
            after = _display(new, name)
            if before != after:
                result.values.append((_label(Article, name), before, after))
    if new.related is None or (old is not None and old.related is None):
        result.related_unknown = True
        return result
    for part, label in RELATED_PARTS.items():
        before = related_names(old.related if old else {}, part)
        after = related_names(new.related, part)
        removed = [name for name in before if name not in after]
        added = [name for name in after if name not in before]
        if part == "authors" and not (removed or added) and before != after:
            # Same people, another order: the byline reads differently.
            removed, added = [", ".join(before)], [", ".join(after)]
        if removed or added:
            result.related.append((str(label), removed, added))
    return result
