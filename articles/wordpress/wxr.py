"""Reads a WordPress export (WXR: RSS 2.0 with WordPress's own elements) as a stream.

The file is parsed with expat a chunk at a time, and each top-level element of the channel (an item, an
author, a category, a tag, a term) is handed on as soon as it is complete and then forgotten: the reading
holds one at a time, whatever the size of the file.

The file comes from elsewhere and is treated as hostile: a document type declaration is refused
outright, and with it every entity declaration (internal entities, the "billion laughs", and external
ones, which would read files or addresses of this server). WordPress never writes one.
"""

import re
import xml.parsers.expat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element

CHUNK_BYTES = 1 << 16
# Namespaces by what they are, whatever version of WXR (1.0 to 1.2) wrote them.
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
WP_NS_PREFIX = "http://wordpress.org/export/"


class WXRError(Exception):
    """The file is not a WordPress export this importer can read, or it is refused as hostile."""


def _short_name(name):
    """'uri local' (expat's namespaced name) as 'prefix:local': wp:, excerpt:, content:, dc: or none."""
    uri, _, local = name.rpartition(" ")
    if not uri:
        return local
    if uri.startswith(WP_NS_PREFIX):
        return f"excerpt:{local}" if uri.rstrip("/").endswith("excerpt") else f"wp:{local}"
    if uri == CONTENT_NS:
        return f"content:{local}"
    if uri == DC_NS:
        return f"dc:{local}"
    return f"{{{uri}}}{local}"


@dataclass
class Channel:
    """What the export says of the site as a whole."""

    title: str = ""
    link: str = ""
    language: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""


@dataclass
class Author:
    id: str
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass
class Term:
    """A category, a tag, or a term of another taxonomy (Polylang's languages and translation groups)."""

    taxonomy: str
    term_id: str
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class ItemTerm:
    """One of an item's terms: `<category domain="post_tag" nicename="extortion">Extortion</category>`."""

    domain: str
    slug: str
    name: str


@dataclass
class Item:
    """A post, page, attachment or any other post type."""

    post_id: str
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    status: str = ""
    post_name: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    pub_date: str = ""
    parent: str = ""
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: int = 0

    def terms_in(self, domain):
        return [term for term in self.terms if term.domain == domain]

    @property
    def published_at(self):
        """The publication time in UTC, or None (a draft that never had one)."""
        when = _parse_wp_date(self.post_date_gmt)
        if when is None and self.pub_date:
            try:
                when = parsedate_to_datetime(self.pub_date)
            except (TypeError, ValueError):
                when = None
            if when is not None and when.year < 1971:
                when = None
        return when.astimezone(UTC) if when is not None else None

    @property
    def local_date(self):
        """The publication time as the old site showed it (no time zone), or None."""
        return _parse_wp_date(self.post_date, aware=False)


def _parse_wp_date(text, *, aware=True):
    """WordPress's "2014-07-08 14:30:00" (UTC when `aware`), or None for its empty "0000-00-00 00:00:00"."""
    text = (text or "").strip()
    if not text or text.startswith("0000"):
        return None
    try:
        when = datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if aware else when


class _StreamBuilder:
    """expat handlers that build each top-level element of the channel and queue it when complete."""

    def __init__(self):
        self.stack = []
        self.texts = []
        self.done = []
        self.channel = Channel()
        self.seen_rss = False

    def start(self, name, attributes):
        tag = _short_name(name)
        depth = len(self.stack)
        if depth == 0:
            if tag != "rss":
                raise WXRError(f"This is not a WordPress export: its root element is <{tag}>, not <rss>.")
            self.seen_rss = True
        self._flush_text()
        element = Element(tag, {_short_name(key): value for key, value in attributes.items()})
        if self.stack:
            self.stack[-1].append(element)
        self.stack.append(element)

    def end(self, name):
        self._flush_text()
        element = self.stack.pop()
        depth = len(self.stack)
        if depth == 2:
            # rss > channel > this: a whole item, author, category, tag or term, or a field of the channel.
            if element.tag in ("item", "wp:author", "wp:category", "wp:tag", "wp:term"):
                self.done.append(element)
            else:
                self._channel_field(element)
            # Free what has been handed on: the channel keeps no children.
            self.stack[-1].remove(element)

    def text(self, data):
        self.texts.append(data)

    def _flush_text(self):
        if not self.texts:
            return
        data = "".join(self.texts)
        self.texts = []
        if not self.stack:
            return
        current = self.stack[-1]
        if len(current):
            current[-1].tail = (current[-1].tail or "") + data
        else:
            current.text = (current.text or "") + data

    def _channel_field(self, element):
        names = {
            "title": "title",
            "link": "link",
            "language": "language",
            "wp:base_site_url": "base_site_url",
            "wp:base_blog_url": "base_blog_url",
            "wp:wxr_version": "wxr_version",
        }
        if element.tag in names:
            setattr(self.channel, names[element.tag], (element.text or "").strip())


def _refuse(*_args):
    raise WXRError("The file declares a document type or entities: refused, as WordPress never writes them.")


def stream(path):
    """Yield the channel's items, authors and terms as Item, Author and Term, in file order, then the
    Channel last (its fields may come anywhere before the items, but only the whole file is sure)."""
    builder = _StreamBuilder()
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.text
    parser.buffer_text = True
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(CHUNK_BYTES)
            try:
                parser.Parse(chunk, not chunk)
            except xml.parsers.expat.ExpatError as error:
                raise WXRError(f"The file is not well-formed XML: {error}.") from error
            for element in builder.done:
                parsed = _parse(element)
                if parsed is not None:
                    yield parsed
            builder.done = []
            if not chunk:
                break
    if not builder.seen_rss:
        raise WXRError("The file is empty.")
    if not builder.channel.wxr_version and not builder.channel.base_site_url:
        raise WXRError("This is an RSS feed, not a WordPress export (it has no wp:wxr_version).")
    yield builder.channel


def _text(element, tag):
    child = element.find(tag)
    return (child.text or "") if child is not None else ""


def _parse(element):
    if element.tag == "item":
        return _parse_item(element)
    if element.tag == "wp:author":
        return Author(
            id=_text(element, "wp:author_id").strip(),
            login=_text(element, "wp:author_login").strip(),
            email=_text(element, "wp:author_email").strip(),
            display_name=_text(element, "wp:author_display_name").strip(),
            first_name=_text(element, "wp:author_first_name").strip(),
            last_name=_text(element, "wp:author_last_name").strip(),
        )
    if element.tag == "wp:category":
        return Term(
            taxonomy="category",
            term_id=_text(element, "wp:term_id").strip(),
            slug=_text(element, "wp:category_nicename").strip(),
            name=_text(element, "wp:cat_name").strip(),
            parent=_text(element, "wp:category_parent").strip(),
            description=_text(element, "wp:category_description").strip(),
        )
    if element.tag == "wp:tag":
        return Term(
            taxonomy="post_tag",
            term_id=_text(element, "wp:term_id").strip(),
            slug=_text(element, "wp:tag_slug").strip(),
            name=_text(element, "wp:tag_name").strip(),
            description=_text(element, "wp:tag_description").strip(),
        )
    return Term(
        taxonomy=_text(element, "wp:term_taxonomy").strip(),
        term_id=_text(element, "wp:term_id").strip(),
        slug=_text(element, "wp:term_slug").strip(),
        name=_text(element, "wp:term_name").strip(),
        parent=_text(element, "wp:term_parent").strip(),
        description=_text(element, "wp:term_description").strip(),
    )


def _parse_item(element):
    item = Item(
        post_id=_text(element, "wp:post_id").strip(),
        post_type=_text(element, "wp:post_type").strip(),
        title=_text(element, "title").strip(),
        link=_text(element, "link").strip(),
        guid=_text(element, "guid").strip(),
        creator=_text(element, "dc:creator").strip(),
        content=_text(element, "content:encoded"),
        excerpt=_text(element, "excerpt:encoded"),
        status=_text(element, "wp:status").strip(),
        post_name=_text(element, "wp:post_name").strip(),
        post_date=_text(element, "wp:post_date").strip(),
        post_date_gmt=_text(element, "wp:post_date_gmt").strip(),
        pub_date=_text(element, "pubDate").strip(),
        parent=_text(element, "wp:post_parent").strip(),
        password=_text(element, "wp:post_password"),
        attachment_url=_text(element, "wp:attachment_url").strip(),
    )
    for child in element:
        if child.tag == "category":
            item.terms.append(
                ItemTerm(
                    domain=child.get("domain", "category"),
                    slug=child.get("nicename", "").strip(),
                    name=(child.text or "").strip(),
                )
            )
        elif child.tag == "wp:postmeta":
            key = _text(child, "wp:meta_key").strip()
            if key:
                item.meta[key] = _text(child, "wp:meta_value")
        elif child.tag == "wp:comment":
            item.comments += 1
    return item


# PHP's serialize() of Polylang's translation groups: a:2:{s:2:"en";i:12;s:2:"es";i:34;}
_SERIALIZED_PAIR = re.compile(r's:\d+:"([A-Za-z_-]+)";i:(\d+);')


def polylang_group(description):
    """{language code: post or term id} from a Polylang translation group's serialized description."""
    return {language.lower(): str(number) for language, number in _SERIALIZED_PAIR.findall(description or "")}
