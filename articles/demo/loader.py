"""Reads the demo newsroom's content: the TOML files in articles/demo/content/ (docs/demo.md).

Prose is written wrapped, in multi-line strings. Every text is read as one paragraph, its line breaks
and runs of spaces made single spaces, except `body` and `analysis`, which keep their lines: they are
written in the stories' markup (articles/demo/stories.py), blank lines between blocks.
"""

import re
import tomllib
from datetime import timedelta
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"
# Texts whose line breaks mean something: blocks of markup.
MARKUP = frozenset({"body", "analysis"})
# "012-narco-sub.toml" is read as "narco-sub": the number only orders the files of a folder.
ORDER_PREFIX = re.compile(r"^\d+-")


def _paragraphs(value, key=None):
    if isinstance(value, str):
        return value if key in MARKUP else " ".join(value.split())
    if isinstance(value, dict):
        return {name: _paragraphs(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_paragraphs(item, key) for item in value]
    return value


def read(name):
    """The content of one file of the content folder, e.g. `read("sections.toml")`."""
    path = CONTENT / name
    try:
        with path.open("rb") as file:
            return _paragraphs(tomllib.load(file))
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path.relative_to(CONTENT)}: {error}") from error


def read_folder(folder):
    """[(key, content)] of every file in a folder of the content folder, in the order of their names;
    a file's key is its name without the extension and the number in front."""
    paths = sorted((CONTENT / folder).glob("*.toml"))
    return [(ORDER_PREFIX.sub("", path.stem), read(path.relative_to(CONTENT))) for path in paths]


def duration(value):
    """A length of time written as a table, `{ days = 2, hours = 6 }` (negative: ahead); None stays None."""
    return None if value is None else timedelta(**value)


def pair(value):
    """(English, Spanish) of a name written once when both languages share it, else as `{ en, es }`."""
    return (value, value) if isinstance(value, str) else (value["en"], value["es"])
