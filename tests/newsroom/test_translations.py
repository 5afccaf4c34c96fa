"""The interface catalogs are complete and compiled, and the Spanish pages really speak Spanish.

The catalog checks read the .po files with the small parser below and compare them with the compiled
.mo files, so an entry left empty or fuzzy, or a catalog edited without compiling it again, fails here
rather than showing English (or an old wording) to Spanish readers.
"""

import gettext
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[2]
SPANISH_CATALOG = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
CATALOGS = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))

# A few counts for each plural form: one, multiples of a million (Spanish has a form for them) and others.
PLURAL_SAMPLES = (0, 1, 2, 5, 21, 1_000_000)


# The .po reader.

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[(\d+)\])\s+(".*")$')


def _unquote(literal):
    """The text of one quoted PO string, with its backslash escapes resolved."""
    if len(literal) < 2 or not (literal.startswith('"') and literal.endswith('"')):
        raise ValueError(f"not a quoted string: {literal!r}")

    def unescape(match):
        if match.group(1) not in _ESCAPES:
            raise ValueError(f"unknown escape \\{match.group(1)} in {literal!r}")
        return _ESCAPES[match.group(1)]

    return re.sub(r"\\(.)", unescape, literal[1:-1])


class Entry:
    def __init__(self, line_number):
        self.line_number = line_number
        self.context = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = None
        self.plural_forms = {}
        self.flags = set()

    @property
    def is_plural(self):
        return self.msgid_plural is not None

    @property
    def translations(self):
        """Every translated form: the one msgstr, or the msgstr[n] in order."""
        if self.is_plural:
            return [self.plural_forms[index] for index in sorted(self.plural_forms)]
        return [self.msgstr]

    def __repr__(self):
        return f"line {self.line_number}: {self.msgid!r}"


def parse_po(path):
    """The header's text and the live entries of the catalog at `path` (obsolete #~ entries are left out)."""
    entries = []
    entry = None
    field = None

    def finish():
        nonlocal entry, field
        if entry is not None and entry.msgid is not None:
            entries.append(entry)
        entry, field = None, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#~"):
            continue
        if line.startswith("#"):
            # A comment after a complete entry starts the next one, blank line or not.
            if entry is not None and entry.msgid is not None and field is not None and field[0] == "msgstr":
                finish()
            entry = entry or Entry(number)
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        if line.startswith('"'):
            if entry is None or field is None:
                raise ValueError(f"{path}:{number}: a continued string with nothing to continue")
            _append(entry, field, _unquote(line))
            continue
        match = _KEYWORD.match(line)
        if match is None:
            raise ValueError(f"{path}:{number}: cannot read {line!r}")
        keyword, index, literal = match.groups()
        if keyword in ("msgctxt", "msgid") and entry is not None and field is not None and field[0] == "msgstr":
            finish()
        entry = entry or Entry(number)
        if keyword.startswith("msgstr["):
            field = ("msgstr", int(index))
            entry.plural_forms[int(index)] = ""
        elif keyword == "msgstr":
            field = ("msgstr", None)
            entry.msgstr = ""
        else:
            field = (keyword, None)
            setattr(entry, "context" if keyword == "msgctxt" else keyword, "")
        _append(entry, field, _unquote(literal))
    finish()

    headers = [entry for entry in entries if entry.msgid == "" and entry.context is None]
    if len(headers) != 1:
        raise ValueError(f"{path}: expected one header entry, found {len(headers)}")
    return headers[0].msgstr, [entry for entry in entries if entry is not headers[0]]


def _append(entry, field, text):
    name, index = field
    if name == "msgstr" and index is not None:
        entry.plural_forms[index] += text
    elif name == "msgstr":
        entry.msgstr += text
    elif name == "msgctxt":
        entry.context += text
    else:
        setattr(entry, name, getattr(entry, name) + text)


def plural_rule(header):
    """(nplurals, function from a count to the index of its msgstr[n]) from the header's Plural-Forms."""
    match = re.search(r"^Plural-Forms:\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*$", header, re.MULTILINE)
    assert match, "the header has no Plural-Forms line"
    return int(match.group(1)), gettext.c2py(match.group(2))


@pytest.fixture(scope="module", params=CATALOGS, ids=lambda path: path.parents[1].name)
def catalog(request):
    header, entries = parse_po(request.param)
    return request.param, header, entries


# The catalogs.


def test_the_spanish_catalog_is_checked():
    assert SPANISH_CATALOG in CATALOGS


def test_the_reader_finds_the_entries(catalog):
    path, header, entries = catalog
    assert "Language:" in header
    live_msgids = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("msgid ")]
    # Every live msgid line but the header's is one entry.
    assert len(entries) == len(live_msgids) - 1
    assert all(entry.msgid for entry in entries)


def test_every_entry_is_translated(catalog):
    _path, header, entries = catalog
    nplurals, _rule = plural_rule(header)
    untranslated = [entry for entry in entries if not all(entry.translations)]
    assert untranslated == []
    wrong_form_count = [
        entry for entry in entries if entry.is_plural and sorted(entry.plural_forms) != list(range(nplurals))
    ]
    assert wrong_form_count == []


def test_no_entry_is_fuzzy(catalog):
    _path, _header, entries = catalog
    # msgfmt leaves fuzzy entries out of the .mo, so their readers would get the English.
    assert [entry for entry in entries if "fuzzy" in entry.flags] == []


def test_the_compiled_catalog_is_up_to_date(catalog):
    path, header, entries = catalog
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: compile the catalog"
    with compiled.open("rb") as file:
        mo = gettext.GNUTranslations(file)
    _nplurals, rule = plural_rule(header)

    stale = []
    for entry in entries:
        if entry.is_plural:
            for count in PLURAL_SAMPLES:
                if entry.context is None:
                    got = mo.ngettext(entry.msgid, entry.msgid_plural, count)
                else:
                    got = mo.npgettext(entry.context, entry.msgid, entry.msgid_plural, count)
                if got != entry.plural_forms[rule(count)]:
                    stale.append((entry, count, got))
        else:
            got = mo.gettext(entry.msgid) if entry.context is None else mo.pgettext(entry.context, entry.msgid)
            if got != entry.msgstr:
                stale.append((entry, got))
    assert stale == [], f"{compiled} does not match {path.name}: compile the catalog again"


# The pages.


class _TextCollector(HTMLParser):
    """The text of every element with one of `tags`, with its attributes, in document order."""

    def __init__(self, tags):
        super().__init__()
        self.tags = set(tags)
        self.open = []
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in self.tags:
            element = {"tag": tag, "attrs": dict(attrs), "text": []}
            self.open.append(element)
            self.found.append(element)

    def handle_endtag(self, tag):
        for position in range(len(self.open) - 1, -1, -1):
            if self.open[position]["tag"] == tag:
                del self.open[position:]
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"].append(data)


def elements(html, *tags):
    collector = _TextCollector(tags)
    collector.feed(html)
    collector.close()
    return [
        {"tag": element["tag"], "attrs": element["attrs"], "text": " ".join("".join(element["text"]).split())}
        for element in collector.found
    ]


def link_text(links, **attrs):
    """The texts of the links whose attributes include `attrs` (a class is matched as one of the classes)."""
    texts = []
    for link in links:
        classes = (link["attrs"].get("class") or "").split()
        if all(
            (value in classes) if name == "class_" else link["attrs"].get(name) == value
            for name, value in attrs.items()
        ):
            texts.append(link["text"])
    return texts


HOME_WORDS = {
    "en": {"skip": "Skip to content", "search": "Search", "donate": "Donate", "corrections": "Corrections"},
    "es": {"skip": "Ir al contenido", "search": "Buscar", "donate": "Donar", "corrections": "Correcciones"},
}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_the_home_page_interface_is_in_its_language(client, language, other):
    with translation.override(language):
        home = reverse("articles:home")
        corrections = reverse("articles:correction-list")
    assert home == ("/es/" if language == "es" else "/")

    response = client.get(home)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    links = elements(html, "a")
    words = HOME_WORDS[language]
    assert link_text(links, class_="skip-link") == [words["skip"]]
    assert link_text(links, class_="site-search-link") == [words["search"]]
    donate_buttons = link_text(links, class_="button--donate")
    assert donate_buttons, "no donate button"
    assert set(donate_buttons) == {words["donate"]}
    assert link_text(links, href=corrections) == [words["corrections"]]
    # And none of those links is left in the other language.
    assert set(HOME_WORDS[other].values()).isdisjoint(link["text"] for link in links)


ARTICLE_HEADINGS = {
    "en": {
        "analysis-heading": f"{settings.NEWSROOM_NAME} Analysis",
        "share-heading": "Share",
        "republish-heading": "Republish this article",
    },
    "es": {
        "analysis-heading": f"Análisis de {settings.NEWSROOM_NAME}",
        "share-heading": "Compartir",
        "republish-heading": "Republicar este artículo",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_the_article_page_headings_are_in_the_article_language(client, language, other):
    article = make_article(
        language=language,
        title="La extorsión golpea a los comerciantes" if language == "es" else "Extortion hits shopkeepers",
        analysis="<p>Una lectura de la noticia.</p>" if language == "es" else "<p>A reading of the news.</p>",
        republishable=True,
    )
    url = article.get_absolute_url()
    assert url.startswith("/es/") == (language == "es")

    response = client.get(url)

    assert response.status_code == 200
    headings = {heading["attrs"].get("id"): heading["text"] for heading in elements(response.content.decode(), "h2")}
    expected = ARTICLE_HEADINGS[language]
    assert {key: headings.get(key) for key in expected} == expected
    assert set(ARTICLE_HEADINGS[other].values()).isdisjoint(headings.values())
