"""The demo's translation desk: stories whose translation is missing, in progress or outdated.

Most demo stories are pairs that are up to date. These show the other states: fresh English briefs
nobody has translated yet (articles/demo/content/untranslated/, one file each, named by slug), and the
words that make published originals outdated (an update added to the English text after the Spanish
version was brought up to date: articles/demo/content/translation-updates.toml).
"""

from dataclasses import dataclass

from articles.demo.loader import read, read_folder
from articles.demo.stories import compile_blocks

# How many published pairs of the plan have a Spanish version still in progress (the first of them a
# machine draft no one has reviewed), and how many have an original that changed since.
IN_PROGRESS = 2
OUTDATED = 2


@dataclass(frozen=True)
class Untranslated:
    slug: str
    title: str
    dek: str
    body: str
    country: str  # ISO code
    topics: tuple  # topic keys (reference.TOPICS), the first is the label
    author: str  # author slug
    hours_ago: int
    analysis: str = ""


def _html(markup):
    return "".join(compile_blocks(markup))


UNTRANSLATED = [
    Untranslated(
        slug=slug,
        title=brief["title"],
        dek=brief["dek"],
        body=_html(brief["body"]),
        country=brief["country"],
        topics=tuple(brief["topics"]),
        author=brief["author"],
        hours_ago=brief["hours_ago"],
        analysis=_html(brief.get("analysis", "")),
    )
    for slug, brief in read_folder("untranslated")
]

# Added to the English text of an outdated original after its translation was brought up to date: what
# the comparison view shows the translator.
UPDATES = [_html(update["body"]) for update in read("translation-updates.toml")["updates"]]
