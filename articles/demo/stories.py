"""Story templates and the stories made from them.

A template is one kind of news event written once in English and once in Spanish, with slots that each
story fills in; each is a file in articles/demo/content/stories/ (docs/demo.md). The demo's own 100
stories come from a fixed plan (articles/demo/plan.py);
`synthetic_stories()` makes as many more as a large data set needs, each a new combination of the same
templates, so that even a hundred thousand articles read like news.

Template text is written in a small markup: blank lines between blocks, `## ` for a subheading, `> ` for
a quotation, `- ` for list items, inline HTML for links and emphasis. It is turned into HTML and run
through the sanitizer once per template and language: filling slots with escaped plain text cannot make
clean HTML dirty, so every story's HTML is exactly what `Article.save()` would store, and bulk inserts that
skip `save()` stay safe.

Slots: `{country}` (as it reads in a sentence: "the Dominican Republic"; `{Country}` to start one),
`{country_name}`, `{city}`, `{city2}`, `{port}` (a seaport of the country), `{region}` (in Spanish after
"de": `{de_region}`); another country of the story, drawn from the template's `partners`: `{partner}`,
`{partner_city}`, `{partner_port}`; `{group}` (an invented criminal group); `{official}` and `{expert}`
(invented people); `{newsroom}` (not in headlines) and the template's `figures`. For Spanish grammar each
person also has `{official_el}`/`{official_El}` ("el" or "la"), `{official_del}` ("del" or "de la"),
`{official_a}` ("" or "a", as in "director{official_a}") and `{official_o}` ("o" or "a", as in
"ministr{official_o}"); the same for `expert`.
"""

import random
import string
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.text import slugify

from articles.demo import reference
from articles.sanitizer import clean_html

# Stable translation keys: rerunning the command must find the same pairs.
TRANSLATION_NAMESPACE = uuid.UUID("6f1c6b0e-3d7e-4d55-9a56-1c2f0f8e4b7a")

# How often each section comes up among synthetic stories.
SECTION_WEIGHTS = {"briefs": 80, "analysis": 9, "investigations": 4, "explainers": 7}

BRIEF_PARAGRAPHS = (4, 7)
ANALYSIS_PARAGRAPHS = (2, 3)


@dataclass(frozen=True)
class Text:
    """One language's version of a template."""

    titles: tuple
    dek: str
    body: str
    analysis: str = ""
    seo_title: str = ""


@dataclass(frozen=True)
class Template:
    """A kind of story, set in one of `countries`, tagged with `topics` (the first is the teaser label)."""

    key: str
    section: str
    topics: tuple
    countries: tuple
    en: Text
    es: Text
    # Other countries the story may also cover (ISO codes), beyond the one it is set in.
    partners: tuple = ()
    # name -> (low, high): a random number in that range; floats give one decimal. Or name -> a list of
    # options, each {slot: (English, Spanish)}, one of which fills those slots (words that go together,
    # like "rise" and "an increase").
    figures: dict = field(default_factory=dict)
    # Body blocks every story keeps; the rest are trimmed from the end at random, for varied lengths.
    # None keeps every block (longer pieces, whose subheads, quotes and lists all belong).
    min_body: int | None = None
    # How many stories of the demo's plan come from this template.
    copies: int = 1
    # A fixed byline (author slugs), instead of reporters picked by the story's region.
    authors: tuple = ()
    republishable: bool = True


TEMPLATE_FIELDS = {
    "section",
    "topics",
    "countries",
    "partners",
    "figures",
    "min_body",
    "copies",
    "authors",
    "republishable",
    "en",
    "es",
}
TEXT_FIELDS = {"titles", "dek", "body", "analysis", "seo_title"}


def template_from_content(key, content):
    """The template written in a file of articles/demo/content/stories/, whose name gives its `key`."""
    unknown = set(content) - TEMPLATE_FIELDS
    for language in ("en", "es"):
        unknown |= {f"{language}.{name}" for name in set(content.get(language, {})) - TEXT_FIELDS}
    if unknown:
        raise ValueError(f"Story template {key}: unknown fields {', '.join(sorted(unknown))}.")
    figures = {}
    for name, spec in content.get("figures", {}).items():
        if spec and isinstance(spec[0], dict):
            figures[name] = [{slot: tuple(words) for slot, words in option.items()} for option in spec]
        else:
            figures[name] = tuple(spec)

    def text(language):
        version = content[language]
        return Text(
            titles=tuple(version["titles"]),
            dek=version["dek"],
            body=version["body"],
            analysis=version.get("analysis", ""),
            seo_title=version.get("seo_title", ""),
        )

    return Template(
        key=key,
        section=content["section"],
        topics=tuple(content["topics"]),
        countries=tuple(content["countries"]),
        en=text("en"),
        es=text("es"),
        partners=tuple(content.get("partners", ())),
        figures=figures,
        min_body=content.get("min_body"),
        copies=content.get("copies", 1),
        authors=tuple(content.get("authors", ())),
        republishable=content.get("republishable", True),
    )


def _block_html(block):
    lines = [line.strip() for line in block.strip().splitlines()]
    if lines[0].startswith("## "):
        return f"<h2>{' '.join(lines)[3:]}</h2>"
    if lines[0].startswith("### "):
        return f"<h3>{' '.join(lines)[4:]}</h3>"
    if lines[0].startswith("> "):
        return f"<blockquote>{' '.join(line.removeprefix('> ') for line in lines)}</blockquote>"
    if lines[0].startswith("- "):
        items, item = [], []
        for line in lines:
            if line.startswith("- ") and item:
                items.append(" ".join(item))
                item = []
            item.append(line.removeprefix("- "))
        items.append(" ".join(item))
        return "<ul>" + "".join(f"<li>{text}</li>" for text in items) + "</ul>"
    return f"<p>{' '.join(lines)}</p>"


def compile_blocks(markup):
    """The sanitized HTML blocks of some template markup."""
    blocks = [block for block in markup.strip().split("\n\n") if block.strip()]
    return [clean_html(_block_html(block)) for block in blocks]


@dataclass(frozen=True)
class Compiled:
    titles: tuple
    dek: str
    body: list
    analysis: list
    seo_title: str

    @property
    def paragraph_ends(self):
        """For each number of body blocks kept, how many paragraphs that body has."""
        counts, total = [0], 0
        for block in self.body:
            total += block.count("</p>")
            counts.append(total)
        return counts


_compiled = {}


def compiled(template, language):
    """`template`'s text in `language`, as sanitized HTML blocks; compiled once per process."""
    cache_key = (template.key, language)
    if cache_key not in _compiled:
        text = template.en if language == "en" else template.es
        _compiled[cache_key] = Compiled(
            titles=text.titles,
            dek=text.dek,
            body=compile_blocks(text.body),
            analysis=compile_blocks(text.analysis) if text.analysis.strip() else [],
            seo_title=text.seo_title,
        )
    return _compiled[cache_key]


@dataclass
class Version:
    """A story in one language, ready to store."""

    language: str
    title: str
    slug: str
    dek: str
    body: str
    analysis: str
    seo_title: str = ""


@dataclass
class Story:
    """A story in both languages with everything the seeding needs; all choices already made."""

    key: str
    section: str
    topics: list  # topic keys; the first is the teaser label when `labelled`
    countries: list  # ISO codes; the first is the primary country
    en: Version
    es: Version
    authors: list  # author slugs in byline order
    # When the English version goes live, before the seeding's "now" (negative: scheduled ahead);
    # None for a story that is not published (a draft, or in review).
    age: timedelta | None
    # How much later than the English version the Spanish one goes live.
    translation_delay: timedelta
    translation_key: uuid.UUID | None = None
    image: str | None = None  # key of a generated lead image (articles/demo/pictures.py)
    labelled: bool = True
    status: str = "published"
    # For a draft or a piece in review: in how many days it is planned (the calendar's planned date).
    planned_in: int | None = None
    republishable: bool = True
    paragraphs: int = 0  # paragraphs in the body, for placing SEE ALSO callouts
    see_also: list = field(default_factory=list)  # [(story key, after paragraph)]
    related: list = field(default_factory=list)  # story keys, in order
    corrections: list = field(default_factory=list)  # [(index into reference.CORRECTIONS, delay after publishing)]
    # Where the Spanish translation stands (articles/demo/translations.py): "" up to date, "draft" in
    # progress, "machine" an unreviewed machine draft, "outdated" the English text changed since.
    translation: str = ""
    update: int = 0  # for "outdated": which of translations.UPDATES was added to the English text

    def version(self, language):
        return self.en if language == "en" else self.es

    def publish_times(self, now):
        """(English, Spanish) publish times, or (None, None) for a story that is not published."""
        if self.age is None:
            return None, None
        english = now - self.age
        if self.status == "embargoed":
            # Embargoes lift on the hour, in both languages at once.
            english = english.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
            return english, english
        delay = self.translation_delay
        if self.age > timedelta(0):
            # A translation of a story already live is live too, never scheduled.
            delay = min(delay, self.age / 2)
        return english, english + delay


def _format_number(value, language):
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    if language == "es":
        text = text.translate(str.maketrans(",.", ".,"))
    return text


def _html_text(value):
    # What the sanitizer's serializer escapes in text, and nothing more: the filled-in HTML stays a fixed
    # point of clean_html(), byte for byte.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _draw_slots(template, rng, country_iso):
    """The language-neutral choices of one story: where it happens, who speaks, the numbers."""
    place = reference.PLACES[country_iso]
    cities = rng.sample(range(len(place.cities)), 2)
    partners = [iso for iso in template.partners if iso != country_iso]
    figures = {}
    for name, spec in template.figures.items():
        if isinstance(spec, list):
            figures[name] = rng.choice(spec)
        elif isinstance(spec[0], float):
            figures[name] = round(rng.uniform(*spec), 1)
        else:
            figures[name] = rng.randint(*spec)
    return {
        "place": place,
        "cities": cities,
        "partner": reference.PLACES[rng.choice(partners)] if partners else None,
        "port": rng.randrange(len(place.ports)) if place.ports else None,
        "group": rng.choice(reference.GROUPS),
        "official": rng.choice(reference.OFFICIALS),
        "expert": rng.choice(reference.EXPERTS),
        "figures": figures,
        "title": rng.randrange(len(template.en.titles)),
    }


def _slots(draw, language, newsroom):
    """The plain-text value of every slot of one story in `language`."""
    place, partner = draw["place"], draw["partner"]
    es = language == "es"
    city, city2 = (place.cities[index][1 if es else 0] for index in draw["cities"])
    region = reference.REGION_NAMES[place.region][1 if es else 0]
    slots = {
        "country": place.text_es if es else place.text_en,
        "country_name": place.name_es if es else place.name,
        # At the start of a sentence: "The Dominican Republic".
        "Country": (place.text_es if es else place.text_en)[:1].upper() + (place.text_es if es else place.text_en)[1:],
        "city": city,
        "city2": city2,
        "region": region,
        # "de Centroamérica" but "del Caribe".
        "de_region": f"de {region}".replace("de el ", "del ") if es else f"of {region}",
        "partner": (partner.text_es if es else partner.text_en) if partner else "",
        "partner_city": partner.cities[0][1 if es else 0] if partner else "",
        "port": place.ports[draw["port"]][1 if es else 0] if place.ports else city,
        "partner_port": (partner.ports or partner.cities)[0][1 if es else 0] if partner else "",
        "group": draw["group"],
        "newsroom": newsroom,
    }
    for role in ("official", "expert"):
        name, gender = draw[role]
        female = gender == "f"
        slots[role] = name
        slots[f"{role}_el"] = "la" if female else "el"
        slots[f"{role}_El"] = "La" if female else "El"
        slots[f"{role}_del"] = "de la" if female else "del"
        slots[f"{role}_a"] = "a" if female else ""
        slots[f"{role}_o"] = "a" if female else "o"
    for name, value in draw["figures"].items():
        if isinstance(value, dict):
            slots.update({slot: words[1 if es else 0] for slot, words in value.items()})
        else:
            slots[name] = _format_number(value, language)
    return slots


def render(template, draw, language, *, newsroom, blocks, suffix=""):
    """One language's version of a story; `blocks` is how many (body, analysis) blocks it keeps."""
    text = compiled(template, language)
    plain = _slots(draw, language, newsroom)
    html = {name: _html_text(value) for name, value in plain.items()}
    title = text.titles[draw["title"] % len(text.titles)].format_map(plain)
    body_count, analysis_count = blocks
    slug = slugify(title)[:180].rstrip("-")
    return Version(
        language=language,
        title=title,
        slug=f"{slug}-{suffix}" if suffix else slug,
        dek=text.dek.format_map(plain),
        body="".join(text.body[:body_count]).format_map(html),
        analysis="".join(text.analysis[:analysis_count]).format_map(html),
        seo_title=text.seo_title.format_map(plain),
    )


def _block_counts(template, rng):
    text = compiled(template, "en")
    body, analysis = len(text.body), len(text.analysis)
    least = body if template.min_body is None else min(template.min_body, body)
    return rng.randint(least, body), rng.randint(min(ANALYSIS_PARAGRAPHS[0], analysis), analysis)


def _authors(template, place, rng):
    if template.authors:
        return list(template.authors)
    reporters = [person for person in reference.AUTHORS if person.beats]
    local = [person for person in reporters if place.region in person.beats] or reporters
    first = rng.choice(local)
    least, most = (2, 3) if template.section == "investigations" else (1, 2)
    count = rng.choices(range(least, most + 1), weights=(3, 1))[0]
    others = rng.sample([person for person in reporters if person is not first], count - 1)
    return [person.slug for person in (first, *others)]


def _topics(template, rng):
    extra = template.topics[2:]
    return [*template.topics[:2], *rng.sample(extra, rng.randint(0, len(extra)))]


def _countries(draw, rng):
    countries = [draw["place"].iso]
    if draw["partner"] is not None:
        countries.append(draw["partner"].iso)
    neighbours = [
        place.iso
        for place in reference.COUNTRIES
        if place.region == draw["place"].region and place.iso not in countries and place.iso in reference.LATIN_AMERICA
    ]
    if neighbours and len(countries) < 3 and rng.random() < 0.25:
        countries.append(rng.choice(neighbours))
    return countries


def pick_image(topics, rng, pictures):
    """A lead image for a story on `topics`: one drawn on a shared topic when there is one.

    `pictures` is a sequence of (key, topics) pairs.
    """
    if not pictures:
        return None
    fitting = [key for key, picture_topics in pictures if set(picture_topics) & set(topics)]
    return rng.choice(fitting or [key for key, _ in pictures])


def make_story(template, rng, *, key, country_iso, newsroom, age, suffix="", pictures=(), image_share=0.9):
    """A story from `template` set in `country_iso`, every random choice taken from `rng`."""
    draw = _draw_slots(template, rng, country_iso)
    blocks = _block_counts(template, rng)
    topics = _topics(template, rng)
    return Story(
        key=key,
        section=template.section,
        topics=topics,
        countries=_countries(draw, rng),
        en=render(template, draw, "en", newsroom=newsroom, blocks=blocks, suffix=suffix),
        es=render(template, draw, "es", newsroom=newsroom, blocks=blocks, suffix=suffix),
        authors=_authors(template, draw["place"], rng),
        age=age,
        translation_delay=timedelta(minutes=rng.randint(20, 300)),
        translation_key=uuid.uuid5(TRANSLATION_NAMESPACE, key),
        image=pick_image(topics, rng, pictures) if rng.random() < image_share else None,
        # The organization's own news is labelled with its section, not a crime topic.
        labelled=rng.random() < 0.85 and template.section != reference.ORGANIZATION,
        republishable=template.republishable,
        paragraphs=compiled(template, "en").paragraph_ends[blocks[0]],
    )


def synthetic_key(number):
    return f"story-{number}"


def synthetic_translation_key(number):
    return uuid.uuid5(TRANSLATION_NAMESPACE, synthetic_key(number))


def synthetic_stories(templates, numbers, *, newsroom, pictures, oldest_days):
    """More stories, one per number in `numbers`: the same templates with new places, people and numbers.

    Deterministic: story number n is the same on every run, so the command can tell what already exists.
    Their slugs end in the story number, which keeps them unique; they went live before the demo's own
    stories, spread over the nine years before `oldest_days` ago.
    """
    by_section = {}
    for template in templates:
        if template.section in SECTION_WEIGHTS:
            by_section.setdefault(template.section, []).append(template)
    sections = [section for section in SECTION_WEIGHTS if section in by_section]
    weights = [SECTION_WEIGHTS[section] for section in sections]
    for number in numbers:
        rng = random.Random(f"story-{number}")
        template = rng.choice(by_section[rng.choices(sections, weights)[0]])
        yield make_story(
            template,
            rng,
            key=synthetic_key(number),
            country_iso=rng.choice(template.countries),
            newsroom=newsroom,
            age=timedelta(days=oldest_days + rng.uniform(0, 9 * 365)),
            suffix=str(number),
            pictures=pictures,
        )


def check_template(template):
    """The problems of `template` that would make broken stories: a list of messages, empty when fine."""
    problems = []
    known_topics = {topic[0] for topic in reference.TOPICS}
    if not 2 <= len(template.topics) <= 5 or set(template.topics) - known_topics:
        problems.append("needs 2 to 5 known topics")
    if set(template.countries) - set(reference.PLACES) or set(template.partners) - set(reference.PLACES):
        problems.append("names an unknown country")
    if template.copies > len(template.countries):
        problems.append("has more copies than countries to set them in")
    en, es = compiled(template, "en"), compiled(template, "es")
    if (len(en.titles), len(en.body), len(en.analysis)) != (len(es.titles), len(es.body), len(es.analysis)):
        problems.append("English and Spanish differ in titles, body blocks or analysis blocks")
    for index, (block_en, block_es) in enumerate(zip(en.body, es.body, strict=False)):
        if block_en.split(">", 1)[0] != block_es.split(">", 1)[0]:
            problems.append(f"body block {index + 1} is not the same kind of block in both languages")
    if template.section == "briefs":
        low, high = BRIEF_PARAGRAPHS
        least = len(en.body) if template.min_body is None else template.min_body
        if en.paragraph_ends[least] < low or en.paragraph_ends[-1] > high or len(en.body) != en.paragraph_ends[-1]:
            problems.append(f"a brief needs {low} to {high} paragraphs and nothing else")
    if en.analysis and not ANALYSIS_PARAGRAPHS[0] <= len(en.analysis) <= ANALYSIS_PARAGRAPHS[1]:
        problems.append("the analysis needs 2 or 3 paragraphs")
    draw = _draw_slots(template, random.Random(0), template.countries[0])
    for language, text in (("en", en), ("es", es)):
        slots = _slots(draw, language, "Newsroom")
        for part in [*text.titles, text.dek, text.seo_title, *text.body, *text.analysis]:
            try:
                names = {name for _, name, _, _ in string.Formatter().parse(part) if name is not None}
            except ValueError:
                problems.append(f"a stray brace in {language}: {part[:60]}")
                continue
            problems.extend(f"unknown slot {{{name}}} in {language}" for name in sorted(names - set(slots)))
        if not template.partners and "{partner" in "".join([*text.titles, text.dek, *text.body, *text.analysis]):
            problems.append("uses {partner} without partners to draw it from")
        if "{port}" in "".join([*text.titles, *text.body]) and not all(
            reference.PLACES[iso].ports for iso in template.countries
        ):
            problems.append("uses {port} but is set in a landlocked country")
        if any("{newsroom}" in title for title in text.titles):
            problems.append("a title names the newsroom, so its slug would change with the name")
    if problems:
        return problems
    # Every country and title with the longest names and numbers must fit the article's fields.
    for iso in template.countries:
        for title in range(len(template.en.titles)):
            draw = {**_draw_slots(template, random.Random(iso), iso), "title": title}
            for language in ("en", "es"):
                version = render(template, draw, language, newsroom="Newsroom", blocks=(len(en.body), 0))
                if len(version.title) > 200 or len(version.dek) > 300 or len(version.seo_title) > 70:
                    problems.append(f"a headline, dek or SEO title is too long in {language}: {version.title}")
    return problems
