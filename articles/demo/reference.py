"""The demo's reference data: sections, countries, topics, authors and the invented names the stories use,
read from articles/demo/content/ (docs/demo.md).

Every person and criminal group there is invented. Countries and public institutions are real.
"""

from dataclasses import dataclass

from articles.demo.loader import pair, read, read_folder
from articles.models import Country

ORGANIZATION = "organization"

# slug, English name, Spanish name, English description, Spanish description.
_sections = read("sections.toml")["sections"]
SECTIONS = [
    (
        section["slug"],
        section["en"]["name"],
        section["es"]["name"],
        section["en"]["description"],
        section["es"]["description"],
    )
    for section in _sections
]
# Words a body of each section usually has at least (Section.minimum_words): shorter ones are flagged
# before publishing.
MINIMUM_WORDS = {section["slug"]: section["minimum_words"] for section in _sections}


@dataclass(frozen=True)
class Place:
    iso: str
    name: str
    name_es: str
    region: str
    # How the name reads inside a sentence ("in the Dominican Republic", "en los Países Bajos").
    text_en: str
    text_es: str
    # (English, Spanish) city names; stories pick from these.
    cities: tuple
    # (English, Spanish) names of its main seaports, for stories set on the docks; none when landlocked.
    ports: tuple = ()


def _place(country):
    en, es = country["en"], country["es"]
    return Place(
        iso=country["iso"],
        name=en["name"],
        name_es=es["name"],
        region=Country.Region(country["region"]),
        text_en=en.get("in_sentence", en["name"]),
        text_es=es.get("in_sentence", es["name"]),
        cities=tuple(pair(city) for city in country["cities"]),
        ports=tuple(pair(port) for port in country.get("ports", ())),
    )


COUNTRIES = [_place(country) for country in read("countries.toml")["countries"]]
PLACES = {place.iso: place for place in COUNTRIES}
# (English, Spanish) names of each region, as the stories use them in a sentence.
REGION_NAMES = {Country.Region(region): pair(names) for region, names in read("regions.toml").items()}
LATIN_AMERICA = tuple(
    place.iso
    for place in COUNTRIES
    if place.region in (Country.Region.CENTRAL_AMERICA, Country.Region.CARIBBEAN, Country.Region.SOUTH_AMERICA)
    or place.iso == "MX"
)

# key, English name, English slug, Spanish name, Spanish slug. English stories get English tags and
# Spanish stories their Spanish equivalents, so each topic is two tags.
TOPICS = [
    (key, topic["en"]["name"], topic["en"]["slug"], topic["es"]["name"], topic["es"]["slug"])
    for key, topic in read("topics.toml").items()
]


@dataclass(frozen=True)
class Person:
    slug: str
    name: str
    role: str
    role_es: str
    bio: str
    bio_es: str
    # Where they report from: stories set in these regions prefer them in the byline.
    beats: tuple = ()
    email: str = ""
    website: str = ""
    x_handle: str = ""
    photo: bool = False
    # The demo staff account that writes as this author, if any.
    account: str = ""


PERSON_FIELDS = {"name", "beats", "email", "website", "x_handle", "photo", "account", "en", "es"}


def _person(slug, person):
    unknown = set(person) - PERSON_FIELDS
    if unknown:
        raise ValueError(f"Person {slug}: unknown fields {', '.join(sorted(unknown))}.")
    return Person(
        slug=slug,
        name=person["name"],
        role=person["en"]["role"],
        role_es=person["es"]["role"],
        bio=person["en"]["bio"],
        bio_es=person["es"]["bio"],
        beats=tuple(Country.Region(region) for region in person.get("beats", ())),
        email=person.get("email", ""),
        website=person.get("website", ""),
        x_handle=person.get("x_handle", ""),
        photo=person.get("photo", False),
        account=person.get("account", ""),
    )


# In masthead order (the order of the files' names).
AUTHORS = [_person(slug, person) for slug, person in read_folder("people")]

_names = read("names.toml")
# Invented names for the officials and researchers quoted in the stories: (name, gender) so the Spanish
# text can say "el fiscal" or "la fiscal".
OFFICIALS = [(person["name"], person["gender"]) for person in _names["officials"]]
EXPERTS = [(person["name"], person["gender"]) for person in _names["experts"]]
# Invented criminal groups, named the way such groups name themselves.
GROUPS = list(_names["groups"])

# (kind, English, Spanish) notes attached to a few stories; written to fit any of them.
CORRECTIONS = [(note["kind"], note["en"], note["es"]) for note in read("corrections.toml")["corrections"]]
