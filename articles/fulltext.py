"""Full-text search on SQLite: the words of an article and of a query as the search index holds them.

PostgreSQL stems and folds accents itself (the text search configurations of migration 0008). SQLite's FTS5
folds accents but only stems English, so on SQLite both the indexed text and the reader's query go through
`search_words()`: HTML dropped, lower case, accents folded, each word reduced to its stem by the Snowball
stemmer of the article's language ("cocaína", "cocaina" and "cocainas" all become "cocain"). The FTS5 table
`articles_search` (migration 0015) is filled by triggers that call `search_words()`, registered with every
SQLite connection as the SQL function `newsroom_search_words` (ArticlesConfig.ready).
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from articles.sanitizer import plain_text

STEMMERS = {"en": "english", "es": "spanish"}
WORD = re.compile(r"\w+")
TAG = re.compile(r"<[^>]*>")


@lru_cache(maxsize=4)
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


def fold(text):
    """`text` in lower case without accents: "Cocaína" -> "cocaina"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Words stemmed, per language. Stemming is most of what indexing an article costs on SQLite, and the
# triggers index an article again for each tag and byline added; a text's words are mostly the same few
# thousand, so a bounded cache saves most of it (an archive imported at once, a demo seeded).
STEM_CACHE_WORDS = 200_000


@lru_cache(maxsize=STEM_CACHE_WORDS)
def _stem(language, word):
    return _stemmer(language).stemWord(word)


def stems(text, language):
    """The stem of each word of plain `text`, in order."""
    return [_stem(language, word) for word in WORD.findall(fold(text))]


def search_words(language, *parts):
    """The searchable words of `parts` (text or HTML, None for nothing) in `language`, as one string."""
    text = " ".join(html.unescape(TAG.sub(" ", part)) for part in parts if part)
    return " ".join(stems(text, language))


def match_expression(query, language):
    """An FTS5 MATCH expression that wants every word of `query`, or "" when it has none."""
    return " ".join(f'"{stem}"' for stem in stems(query, language))


def snippet(text, query, language, *, start, stop, words=35):
    """A passage of about `words` words of plain `text` around the first match of `query`, its matching
    words between `start` and `stop`; the opening of `text` when nothing matches."""
    wanted = set(stems(query, language))
    tokens = plain_text(text).split()
    stemmer = _stemmer(language)
    hits = [index for index, token in enumerate(tokens) if set(stemmer.stemWords(WORD.findall(fold(token)))) & wanted]
    first = max(hits[0] - words // 3, 0) if hits else 0
    marked = set(hits)
    shown = []
    for index in range(first, min(first + words, len(tokens))):
        token = tokens[index]
        shown.append(f"{start}{token}{stop}" if index in marked else token)
    passage = " ".join(shown)
    if first > 0:
        passage = "… " + passage
    if first + words < len(tokens):
        passage += " …"
    return passage
