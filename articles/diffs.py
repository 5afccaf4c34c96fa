"""Word by word differences between two versions of an article's text, for the translator's side-by-side view."""

import difflib
import re

from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from articles.sanitizer import plain_text

# Paragraph and other block ends, kept as breaks when HTML is read as words.
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote)\s*>|<br\s*/?>", re.IGNORECASE)
PARAGRAPH = "\n"


def words(html):
    """The words of `html`, with a PARAGRAPH token where a block ends."""
    tokens = []
    for block in BLOCK_END.split(html or ""):
        block_words = plain_text(block).split()
        if block_words:
            tokens += [*block_words, PARAGRAPH]
    return tokens


def _render(tokens, mark=None):
    html, run = [], []

    def flush():
        if run:
            text = escape(" ".join(run))
            html.append(f"<{mark}>{text}</{mark}>" if mark else text)
            run.clear()

    for token in tokens:
        if token == PARAGRAPH:
            flush()
            html.append("<br>")
        else:
            run.append(token)
    flush()
    return " ".join(html).replace(" <br> ", "<br>").replace("<br> ", "<br>")


def side_by_side(before, after):
    """(before, after) as safe HTML, words removed marked <del> in the first and words added <ins> in the
    second; None when the two read the same."""
    old, new = words(before), words(after)
    if old == new:
        return None
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(_render(old[i1:i2]))
            right.append(_render(new[j1:j2]))
            continue
        if i2 > i1:
            left.append(_render(old[i1:i2], "del"))
        if j2 > j1:
            right.append(_render(new[j1:j2], "ins"))
    return mark_safe(" ".join(left)), mark_safe(" ".join(right))  # noqa: S308 - every word escaped


def plain(html):
    """`html` as escaped text with its paragraph breaks, for the translation's column."""
    return format_html_join(mark_safe("<br>"), "{}", ((" ".join(p),) for p in _paragraphs(words(html))))


def _paragraphs(tokens):
    paragraph = []
    for token in tokens:
        if token == PARAGRAPH:
            if paragraph:
                yield paragraph
            paragraph = []
        else:
            paragraph.append(token)
    if paragraph:
        yield paragraph
