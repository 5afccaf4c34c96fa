"""Brings a WordPress export (WXR) into the newsroom: posts, authors, categories, tags, pictures,
language pairs, and a redirect from every old address.

The file is read twice, as a stream (articles/wordpress/wxr.py). The first reading gathers what is small
and referred to from anywhere (authors, terms, attachments, language groups) and plans every post: its
section, language, slug, pair and new address. The second writes the posts in batches, each batch in
one transaction with bulk queries: its pictures fetched several at a time and stored as library images,
its bodies turned into our markup (articles/wordpress/markup.py) and cleaned by the one sanitizer, then
its articles, bylines, tags, first version in the history and old addresses (LegacyAddress).

Running it again changes nothing: what an earlier run brought in is recognised by its old address
(`/?p=123` for a post, the file's address for a picture) and left as it is, whatever the desk has done
to it since; sections, authors and tags are found by slug. An interrupted import picks up where it stopped.
"""

import html
import re
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator, slugify
from taggit.models import Tag
from unidecode import unidecode

from articles.addresses import address
from articles.images import create_renditions, prepare_upload
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    Image,
    Language,
    LegacyAddress,
    Section,
    TaggedArticle,
    TagLanguage,
)
from articles.sanitizer import clean_html
from articles.wordpress import markup, wxr
from articles.wordpress.fetch import Fetcher
from newsroom import pagecache

BATCH_SIZE = 250
# WordPress's default category in the languages of our newsrooms: posts only in it go to the default section.
UNCATEGORIZED = {"uncategorized", "sin-categoria", "sin-categorizar", "general"}
LANGUAGES = {code for code, _name in Language.choices}
# A picture's size variant in WordPress's file names: bus-300x200.jpg is a copy of bus.jpg.
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
SERIALIZED_CREDIT = re.compile(r's:6:"credit";s:\d+:"(.*?)";', re.S)
HISTORY_REASON = "Imported from WordPress"
# The search index's triggers (migration 0017) index an article again for each tag and byline added to it.
# An import fills it once per article: on PostgreSQL by writing the tags and bylines first, on SQLite by
# suspending these triggers inside its transaction (_write_batch).
SQLITE_INSERT_TRIGGERS = (
    "articles_search_article_added",
    "articles_search_tagged_added",
    "articles_search_bylines_added",
)


class Categories:
    SECTIONS = "sections"
    TAGS = "tags"


@dataclass
class Problem:
    """Something of the export that was not brought in as it was, for the desk to look at."""

    post_id: str
    title: str
    message: str


@dataclass
class Report:
    imported: Counter = field(default_factory=Counter)  # by status: published, scheduled, draft, review
    already_imported: int = 0
    images: int = 0
    images_already_imported: int = 0
    pairs: int = 0
    sections: int = 0
    authors: int = 0
    tags: int = 0
    addresses: int = 0
    not_imported: Counter = field(default_factory=Counter)  # what, by kind: pages, comments, trashed posts…
    problems: list = field(default_factory=list)

    def problem(self, plan, message):
        self.problems.append(Problem(plan.post_id if plan else "", plan.title if plan else "", message))


@dataclass
class Attachment:
    post_id: str
    url: str
    title: str
    alt: str
    caption: str
    credit: str


@dataclass
class PostPlan:
    """What the first reading decides of a post; its words are read again only when it is written."""

    post_id: str
    title: str
    language: str
    slug: str
    section_key: str
    tags: list
    authors: list
    translation_key: uuid.UUID | None = None
    addresses: list = field(default_factory=list)
    featured: str = ""


class WordPressImport:
    """One import of one export file; `run()` writes it and returns the Report."""

    def __init__(
        self,
        path,
        *,
        categories=Categories.SECTIONS,
        default_section="archive",
        language=None,
        fetch_images=True,
        fetcher=None,
        progress=None,
        batch_size=BATCH_SIZE,
    ):
        self.path = path
        self.categories_as = categories
        self.default_section_slug = slugify(default_section)[:80] or "archive"
        self.language_option = language
        self.fetch_images = fetch_images
        self.fetcher = fetcher or Fetcher()
        self.progress = progress or (lambda done, total: None)
        self.batch_size = batch_size
        self.report = Report()
        self.channel = wxr.Channel()
        self.authors = {}  # login -> wxr.Author
        self.terms = {}  # (taxonomy, slug) -> wxr.Term
        self.term_ids = {}  # term id -> wxr.Term
        self.attachments = {}  # post id -> Attachment
        self.attachments_by_path = {}  # file path without size suffix -> Attachment
        self.plans = {}  # post id -> PostPlan
        self.groups = defaultdict(list)  # language group -> [post id]
        self.tag_languages = defaultdict(set)  # tag slug -> languages of the posts that carry it
        self.pending_addresses = {}  # old address -> LegacyAddress of a section, tag or author, to write
        self.linked_files = []  # the old site's files that the post being written links to
        self.counterparts = {}  # taxonomy -> its terms' counterparts (_term_counterparts)
        self.known_images = {}  # old address of a picture -> library image id, as this run met them
        self.failed_images = {}  # address of a picture -> why it could not be brought in

    # The first reading: plan everything.

    def scan(self):
        items = []
        for entry in wxr.stream(self.path):
            if isinstance(entry, wxr.Channel):
                self.channel = entry
            elif isinstance(entry, wxr.Author):
                self.authors[entry.login] = entry
            elif isinstance(entry, wxr.Term):
                self.terms[entry.taxonomy, entry.slug] = entry
                self.term_ids[entry.term_id] = entry
            elif entry.post_type == "attachment":
                self._scan_attachment(entry)
            else:
                items.append(self._light(entry))
        self.default_language = self._site_language()
        self.old_hosts = {
            urlsplit(url).hostname
            for url in (self.channel.base_site_url, self.channel.base_blog_url, self.channel.link)
        } - {None}
        self.blog_path = urlsplit(self.channel.base_blog_url or self.channel.link).path.rstrip("/")
        for item in items:
            self._plan(item)
        self._plan_pairs()

    @staticmethod
    def _light(item):
        """The item without its words, which the first reading does not need to keep."""
        item.content = ""
        item.excerpt = ""
        return item

    def _site_language(self):
        if self.language_option:
            return self.language_option
        code = self.channel.language[:2].lower()
        return code if code in LANGUAGES else Language.ENGLISH

    def _scan_attachment(self, item):
        url = item.attachment_url or item.guid
        credit = item.meta.get("_media_credit", "")
        if not credit:
            found = SERIALIZED_CREDIT.search(item.meta.get("_wp_attachment_metadata", ""))
            credit = found[1] if found else ""
        attachment = Attachment(
            post_id=item.post_id,
            url=url,
            title=_text(item.title),
            alt=_text(item.meta.get("_wp_attachment_image_alt", "")),
            caption=_text(item.excerpt),
            credit=_text(credit),
        )
        self.attachments[item.post_id] = attachment
        self.attachments_by_path[urlsplit(url).path] = attachment

    def _plan(self, item):
        kind = item.post_type
        if kind != "post":
            if kind == "page":
                self.report.not_imported["pages"] += 1
            elif kind not in ("nav_menu_item", "revision", "custom_css", "customize_changeset", "wp_global_styles"):
                self.report.not_imported[f"items of type “{kind}”"] += 1
            return
        if item.status in ("trash", "auto-draft", "inherit"):
            self.report.not_imported["trashed posts and automatic drafts"] += 1
            return
        language = self._language_of(item)
        plan = PostPlan(
            post_id=item.post_id,
            title=_text(item.title) or "(untitled)",
            language=language or "",
            slug="",
            section_key="",
            tags=[],
            authors=self._bylines_of(item),
            featured=item.meta.get("_thumbnail_id", "").strip(),
        )
        if language is None:
            self.report.not_imported["posts in other languages"] += 1
            self.report.problem(plan, "Written in a language this site does not publish in: not brought in.")
            return
        if item.comments:
            self.report.not_imported["reader comments"] += item.comments
        self._plan_topics(item, plan)
        plan.addresses = self._post_addresses(item)
        group = self._group_of(item)
        if group:
            self.groups[group].append(item.post_id)
        plan.slug = item.post_name
        self.plans[item.post_id] = plan

    def _language_of(self, item):
        """en or es; None for a post in a language we do not publish in."""
        codes = [term.slug for term in item.terms_in("language")]
        code = (codes[0] if codes else item.meta.get("_wpml_import_language_code", "")).lower()
        code = code[:2] if code else self.default_language
        return code if code in LANGUAGES else None

    def _group_of(self, item):
        groups = item.terms_in("post_translations")
        if groups:
            return f"polylang:{groups[0].slug}"
        group = item.meta.get("_wpml_import_translation_group", "").strip()
        return f"wpml:{group}" if group else ""

    def _bylines_of(self, item):
        """WordPress logins in byline order: Co-Authors Plus's when it is used, else the post's author."""
        coauthors = [term.slug.removeprefix("cap-") or term.name for term in item.terms_in("author")]
        return coauthors or ([item.creator] if item.creator else [])

    def _plan_topics(self, item, plan):
        categories = [term for term in item.terms_in("category") if term.slug not in UNCATEGORIZED]
        tags = [term.slug for term in item.terms_in("post_tag") if term.slug]
        if self.categories_as == Categories.SECTIONS and categories:
            primary_id = item.meta.get("_yoast_wpseo_primary_category", "").strip()
            primary = next(
                (term for term in categories if self._term("category", term.slug).term_id == primary_id),
                categories[0],
            )
            plan.section_key = primary.slug
            # The other categories are kept as topics, so that no grouping of the old site is lost.
            tags = [term.slug for term in categories if term is not primary] + tags
        else:
            tags = [term.slug for term in categories] + tags
        plan.tags = list(dict.fromkeys(tags))
        for slug in plan.tags:
            self.tag_languages[slug].add(plan.language)

    def _term(self, taxonomy, slug):
        return self.terms.get((taxonomy, slug)) or wxr.Term(taxonomy=taxonomy, term_id="", slug=slug, name=slug)

    def _post_addresses(self, item):
        addresses = [f"/?p={item.post_id}"]
        for url in (item.link, item.guid):
            if url and urlsplit(url).hostname in self.old_hosts | {None}:
                addresses.append(LegacyAddress.normalize(url))
        return list(dict.fromkeys(addresses))

    def _plan_pairs(self):
        """A language group becomes a pair when it holds one post in each language."""
        for group, post_ids in self.groups.items():
            plans = [self.plans[post_id] for post_id in post_ids]
            languages = {plan.language for plan in plans}
            if len(plans) == 2 and languages == LANGUAGES:
                key = uuid.uuid5(uuid.NAMESPACE_URL, f"{self.channel.base_site_url}#{group}")
                for plan in plans:
                    plan.translation_key = key
            elif len(plans) > 1:
                for plan in plans:
                    self.report.problem(
                        plan, "Its language group does not hold one post in each language: brought in unpaired."
                    )

    # The second reading: write.

    def run(self):
        self.scan()
        self._find_imported()
        with transaction.atomic():
            self._write_authors()
            self._write_sections()
            self._write_tags()
            self._write_addresses(list(self.pending_addresses.values()))
        self._assign_slugs()
        self.links = self._link_map()
        total = len(self.plans)
        done = 0
        self.progress(0, total)
        batch = []
        for entry in wxr.stream(self.path):
            if isinstance(entry, wxr.Item) and entry.post_id in self.plans:
                batch.append(entry)
                if len(batch) >= self.batch_size:
                    done += self._write_batch(batch)
                    self.progress(done, total)
                    batch = []
        if batch:
            done += self._write_batch(batch)
            self.progress(done, total)
        if self.report.imported or self.report.addresses:
            # Bulk writes send no signals: every page may show what came in.
            pagecache.content_changed()
        return self.report

    def _write_authors(self):
        logins = sorted({login for plan in self.plans.values() for login in plan.authors})
        slugs = {
            login: slugify(unidecode(self._author_name(login)))[:120] or slugify(login)[:120] or "author"
            for login in logins
        }
        existing = Author.objects.in_bulk(set(slugs.values()), field_name="slug")
        # In bulk: saving one at a time would replace every cached page once per author.
        new = {
            slug: Author(name=self._author_name(login)[:120], slug=slug)
            for login, slug in slugs.items()
            if slug not in existing
        }
        Author.objects.bulk_create(new.values())
        self.report.authors += len(new)
        existing.update(Author.objects.in_bulk(list(new), field_name="slug"))
        self.author_ids = {}
        for login, slug in slugs.items():
            author = existing[slug]
            self.author_ids[login] = author.pk
            self._address(f"{self.blog_path}/author/{slugify(login)}", author=author)
            wp_author = self.authors.get(login)
            if wp_author and wp_author.id:
                self._address(f"/?author={wp_author.id}", author=author)

    def _author_name(self, login):
        author = self.authors.get(login)
        if author is None:
            return login
        full = f"{author.first_name} {author.last_name}".strip()
        return _text(author.display_name) or full or login

    def _write_sections(self):
        """One section per category that is some post's section; a category and its translation are one
        section, named in both languages."""
        self.sections = {}
        if any(not plan.section_key for plan in self.plans.values() if plan.post_id not in self.imported):
            default, created = Section.objects.get_or_create(
                slug=self.default_section_slug,
                defaults={"name": self.default_section_slug.replace("-", " ").capitalize()},
            )
            self.report.sections += created
            self.sections[""] = default
        used = {plan.section_key for plan in self.plans.values() if plan.section_key}
        counterparts = self._term_counterparts("category")
        for slug in sorted(used):
            if slug in self.sections:
                continue
            term = self._term("category", slug)
            pair = counterparts.get(slug, {})
            english = self._term("category", pair["en"]) if "en" in pair else None
            spanish = self._term("category", pair["es"]) if "es" in pair else None
            main = english or term
            section_slug = slugify(unidecode(unquote(main.slug)))[:80] or "section"
            section = Section.objects.filter(slug=section_slug).first()
            if section is None:
                section = Section.objects.create(
                    slug=section_slug,
                    name=_text(main.name)[:80],
                    name_es=_text(spanish.name)[:80] if spanish else "",
                    description=_text(main.description),
                    description_es=_text(spanish.description) if spanish else "",
                )
                self.report.sections += 1
            members = {member.slug: member for member in (term, english, spanish) if member is not None}
            for member in members.values():
                self.sections[member.slug] = section
                for path in self._term_paths("category", member):
                    self._address(path, section=section, language=self._term_language(member, "category"))

    def _term_counterparts(self, taxonomy):
        """{term slug: {language: slug of the term in that language}} from Polylang's term groups."""
        if taxonomy in self.counterparts:
            return self.counterparts[taxonomy]
        found = self.counterparts[taxonomy] = {}
        for (kind, _slug), group in self.terms.items():
            if kind != "term_translations":
                continue
            members = {
                language: self.term_ids[term_id]
                for language, term_id in wxr.polylang_group(group.description).items()
                if term_id in self.term_ids and self.term_ids[term_id].taxonomy == taxonomy
            }
            slugs = {language[:2]: term.slug for language, term in members.items()}
            for term in members.values():
                found[term.slug] = slugs
        return found

    def _term_language(self, term, taxonomy):
        for language, slug in self._term_counterparts(taxonomy).get(term.slug, {}).items():
            if slug == term.slug and language in LANGUAGES:
                return language
        languages = self.tag_languages.get(term.slug, set())
        return next(iter(languages)) if len(languages) == 1 else self.default_language

    def _term_paths(self, taxonomy, term):
        """The old addresses of a category's or tag's page: its permalink (with its parents), the same
        under a language directory, and the query form."""
        base = "category" if taxonomy == "category" else "tag"
        chain = [term.slug]
        parent = term.parent
        while parent and len(chain) < 10:
            chain.insert(0, parent)
            parent = self._term(taxonomy, parent).parent
        path = f"{self.blog_path}/{base}/{'/'.join(chain)}"
        paths = [path, f"{self.blog_path}/{base}/{term.slug}"]
        language = self._term_language(term, taxonomy)
        if language != self.default_language:
            paths += [f"{self.blog_path}/{language}/{base}/{'/'.join(chain)}"]
        if taxonomy == "category" and term.term_id:
            paths.append(f"/?cat={term.term_id}")
        elif taxonomy == "post_tag":
            paths.append(f"/?tag={term.slug}")
        return list(dict.fromkeys(paths))

    def _write_tags(self):
        wanted = sorted({slug for plan in self.plans.values() for slug in plan.tags})
        terms = {slug: self.terms.get(("post_tag", slug)) or self._term("category", slug) for slug in wanted}
        names = {slug: _text(terms[slug].name)[:100] or slug for slug in wanted}
        by_slug = {tag.slug: tag for tag in Tag.objects.filter(slug__in=[_tag_slug(slug) for slug in wanted])}
        # Tag names are unique regardless of case: a topic the site already has keeps its tag.
        by_name = {tag.name.lower(): tag for tag in Tag.objects.filter(name__in=list(names.values()))}
        found = {slug: by_slug.get(_tag_slug(slug)) or by_name.get(names[slug].lower()) for slug in wanted}
        new = {}  # tag slug -> (WordPress slug, Tag)
        new_names = set()
        for slug in wanted:
            if found[slug] is not None:
                continue
            tag_slug = _tag_slug(slug)
            if tag_slug not in new and names[slug].lower() not in new_names:
                new[tag_slug] = (slug, Tag(name=names[slug], slug=tag_slug))
                new_names.add(names[slug].lower())
        # In bulk, as for authors; taggit's own save() would only add a slug, which these have.
        Tag.objects.bulk_create([tag for _slug, tag in new.values()])
        created = {tag.slug: tag for tag in Tag.objects.filter(slug__in=[tag.slug for _slug, tag in new.values()])}
        TagLanguage.objects.bulk_create(
            TagLanguage(tag=created[tag.slug], language=self._term_language(terms[slug], terms[slug].taxonomy))
            for slug, tag in new.values()
        )
        self.report.tags += len(new)
        self.tag_ids = {}
        created_names = {tag.name.lower(): tag for tag in created.values()}
        for slug in wanted:
            tag = found[slug] or created.get(_tag_slug(slug)) or created_names[names[slug].lower()]
            self.tag_ids[slug] = tag.pk
            term = terms[slug]
            for path in self._term_paths(term.taxonomy, term):
                self._address(path, tag=tag, language=self._term_language(term, term.taxonomy))
        self._pair_tags()

    def _pair_tags(self):
        """Tags that Polylang pairs become counterparts, when neither has one yet."""
        for taxonomy in ("post_tag", "category"):
            for slug, pair in self._term_counterparts(taxonomy).items():
                if slug != pair.get("en") or "es" not in pair:
                    continue
                english, spanish = self.tag_ids.get(pair["en"]), self.tag_ids.get(pair["es"])
                if not english or not spanish or english == spanish:
                    continue
                infos = TagLanguage.objects.filter(tag__in=[english, spanish])
                unpaired = len(infos) == 2 and all(info.translation_key is None for info in infos)
                if unpaired and {info.language for info in infos} == LANGUAGES:
                    TagLanguage.objects.filter(tag__in=[english, spanish]).update(translation_key=uuid.uuid4())

    def _address(self, path, *, language="", **target):
        """Note an old address of a section, tag or author, to be written with `_write_addresses()`."""
        path = LegacyAddress.normalize(path)
        self.pending_addresses.setdefault(
            path, LegacyAddress(path=path, language=language or self.default_language, **target)
        )

    def _write_addresses(self, addresses):
        """Write `addresses`, leaving those already recorded as they are; counts the new ones."""
        before = LegacyAddress.objects.count()
        LegacyAddress.objects.bulk_create(addresses, ignore_conflicts=True, batch_size=1000)
        self.report.addresses += LegacyAddress.objects.count() - before

    def _find_imported(self):
        """The posts an earlier run brought in ({post id: article id}), by their old numbered address."""
        imported = LegacyAddress.objects.filter(path__startswith="/?p=", article__isnull=False)
        self.imported = {
            path.removeprefix("/?p="): article_id for path, article_id in imported.values_list("path", "article_id")
        }

    def _assign_slugs(self):
        """Each new post's slug: WordPress's own when no article has it, else with a number added."""
        # Every slug of the site, once: a query per post would cost minutes on a large archive.
        taken = set(Article.objects.values_list("slug", flat=True))
        for plan in self.plans.values():
            if plan.post_id in self.imported:
                continue
            base = slugify(unidecode(unquote(plan.slug)))[:190] or slugify(unidecode(plan.title))[:190] or "article"
            slug, number = base, 1
            while slug in taken:
                number += 1
                slug = f"{base}-{number}"
            taken.add(slug)
            plan.slug = slug

    def _link_map(self):
        """{old address: new address} of every post, for links between them, and of the old site's category,
        tag and author pages."""
        links = {}
        for plan in self.plans.values():
            if plan.post_id in self.imported:
                continue
            section = self.sections.get(plan.section_key) or self.sections[""]
            new = address("articles:article-detail", language=plan.language, section=section.slug, slug=plan.slug)
            for path in plan.addresses:
                links[path] = new
        earlier = LegacyAddress.objects.filter(article__isnull=False).select_related("article__section")
        for old in earlier.iterator(chunk_size=2000):
            links.setdefault(old.path, old.article.get_absolute_url())
        others = LegacyAddress.objects.filter(article__isnull=True, image__isnull=True)
        for old in others.select_related("section", "tag", "author"):
            links.setdefault(old.path, old.target_url())
        return links

    def _link_for(self, url):
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or (parts.hostname and parts.hostname not in self.old_hosts):
            return None
        if not parts.hostname and not parts.path.startswith("/") and not parts.query:
            return None
        new = self.links.get(LegacyAddress.normalize(url))
        if new is None and "/wp-content/uploads/" in parts.path:
            # A document (a PDF, a spreadsheet) kept on the old site: only pictures are brought in.
            self.linked_files.append(url)
        if new and parts.fragment:
            new = f"{new}#{parts.fragment}"
        return new

    def _write_batch(self, items):
        new_items = []
        for item in items:
            if item.post_id in self.imported:
                self.report.already_imported += 1
            else:
                new_items.append(item)
        if not new_items:
            return len(items)
        images = self._images_for(new_items)
        articles, bylines, tagged, addresses = [], [], [], []
        now = timezone.now()
        for item in new_items:
            plan = self.plans[item.post_id]
            article = self._article(item, plan, images, now)
            articles.append((plan, article))
        with transaction.atomic():
            # The search index is filled once per article, with its tags and bylines (SQLITE_INSERT_TRIGGERS).
            reserved = _reserve_article_ids(len(articles))
            suspended = _suspend_search_triggers()
            for (_plan, article), pk in zip(articles, reserved, strict=False):
                article.pk = pk
            if not reserved:
                Article.objects.bulk_create([article for _plan, article in articles])
            for plan, article in articles:
                for position, login in enumerate(dict.fromkeys(plan.authors)):
                    bylines.append(
                        ArticleAuthor(article_id=article.pk, author_id=self.author_ids[login], position=position)
                    )
                for tag_id in dict.fromkeys(self.tag_ids[slug] for slug in plan.tags):
                    tagged.append(TaggedArticle(content_object_id=article.pk, tag_id=tag_id))
                for path in plan.addresses:
                    addresses.append(LegacyAddress(path=path, article_id=article.pk, language=plan.language))
                self.imported[plan.post_id] = article.pk
                self.report.imported[self._status_label(article, now)] += 1
                self.report.pairs += plan.translation_key is not None and plan.language == Language.SPANISH
            ArticleAuthor.objects.bulk_create(bylines)
            TaggedArticle.objects.bulk_create(tagged)
            if reserved:
                # After their tags and bylines (the foreign keys are checked at the commit): the insert
                # computes each article's search vector once, with them.
                Article.objects.bulk_create([article for _plan, article in articles])
            Article.history.bulk_history_create(
                [article for _plan, article in articles], default_change_reason=HISTORY_REASON
            )
            _resume_search_triggers(suspended, [article.pk for _plan, article in articles])
            self._write_addresses(addresses)
        return len(items)

    @staticmethod
    def _status_label(article, now):
        if article.status == Article.Status.PUBLISHED:
            return "scheduled" if article.publish_at > now else "published"
        return "in review" if article.status == Article.Status.IN_REVIEW else "draft"

    def _article(self, item, plan, images, now):
        status, publish_at = self._status(item, plan, now)
        self.linked_files = []
        conversion = markup.convert(item.content, image_for=images.get, link_for=self._link_for)
        for url in dict.fromkeys(self.linked_files):
            self.report.problem(plan, f"It links to a file on the old site, which was not brought in: {url}")
        for url in conversion.missing_images:
            self.report.problem(plan, f"A picture could not be brought in and was left out: {url}")
        for name in sorted(conversion.dropped_shortcodes):
            self.report.problem(plan, f"The shortcode [{name}] was left out (its content kept where it had any).")
        title = _text(item.title) or plan.title
        if len(title) > 200:
            self.report.problem(plan, "The headline was longer than 200 characters and was shortened.")
        dek = markup.excerpt_text(item.excerpt)
        if len(dek) > 300:
            self.report.problem(plan, "The excerpt was longer than 300 characters and was shortened for the dek.")
        featured = self.attachments.get(plan.featured)
        lead_image = images.get(markup.ImageRef(attachment_id=featured.post_id, url=featured.url)) if featured else None
        if plan.featured and lead_image is None:
            self.report.problem(plan, "Its featured image could not be brought in.")
        seo_title = _text(item.meta.get("_yoast_wpseo_title", ""))
        seo_description = _text(item.meta.get("_yoast_wpseo_metadesc", ""))
        return Article(
            title=Truncator(title).chars(200),
            slug=plan.slug,
            section=self.sections.get(plan.section_key) or self.sections[""],
            language=plan.language,
            translation_key=plan.translation_key,
            dek=Truncator(dek).chars(300),
            body=clean_html(conversion.html),
            status=status,
            publish_at=publish_at,
            published_on=publish_at if status == Article.Status.PUBLISHED else None,
            status_changed_at=now,
            lead_image_id=lead_image,
            # Yoast's titles with its %%variables%% are templates, not titles.
            seo_title=Truncator(seo_title).chars(70) if "%%" not in seo_title else "",
            seo_description=Truncator(seo_description).chars(160) if "%%" not in seo_description else "",
        )

    def _status(self, item, plan, now):
        if item.password:
            self.report.problem(plan, "It was protected by a password on the old site: brought in as a draft.")
            return Article.Status.DRAFT, None
        if item.status == "private":
            self.report.problem(plan, "It was private on the old site: brought in as a draft.")
            return Article.Status.DRAFT, None
        if item.status in ("publish", "future"):
            when = item.published_at
            if when is None:
                self.report.problem(plan, "It had no publication date: brought in as a draft.")
                return Article.Status.DRAFT, None
            return Article.Status.PUBLISHED, when
        if item.status == "pending":
            return Article.Status.IN_REVIEW, None
        return Article.Status.DRAFT, None

    # Pictures.

    def _images_for(self, items):
        """{ImageRef: library image id} for every picture of `items` (featured and in the text) that is,
        or could now be, in the library."""
        wanted = {}  # ImageRef -> (key address, source url, Attachment or None, words)
        for item in items:
            plan = self.plans[item.post_id]
            refs = markup.image_refs(item.content)
            featured = self.attachments.get(plan.featured)
            if featured:
                refs.append(markup.ImageRef(attachment_id=featured.post_id, url=featured.url))
            for ref in refs:
                attachment = self.attachments.get(ref.attachment_id) or self.attachments_by_path.get(
                    SIZE_SUFFIX.sub("", urlsplit(ref.url).path)
                )
                source = attachment.url if attachment else ref.url
                if not source:
                    continue
                wanted.setdefault(ref, (self._image_key(source), source, attachment, ref, plan.language))
        keys = {key for key, *_rest in wanted.values()}
        stored = dict(LegacyAddress.objects.filter(path__in=keys, image__isnull=False).values_list("path", "image_id"))
        self.report.images_already_imported += len(set(stored) - set(self.known_images))
        self.known_images.update(stored)
        if self.fetch_images:
            to_fetch = {
                source
                for key, source, *_rest in wanted.values()
                if key not in stored and source not in self.failed_images
            }
            fetched = self.fetcher.fetch_all(sorted(to_fetch))
            for key, source, attachment, ref, language in wanted.values():
                if key in stored or source not in fetched:
                    continue
                image_id = self._store_image(source, fetched[source], attachment, ref, language, key)
                if image_id is not None:
                    stored[key] = self.known_images[key] = image_id
        return {ref: stored[key] for ref, (key, *_rest) in wanted.items() if key in stored}

    def _image_key(self, url):
        """The old address of a picture: its path on the old site, or //host/path when it lived elsewhere."""
        parts = urlsplit(url)
        if parts.hostname and parts.hostname not in self.old_hosts:
            return LegacyAddress.normalize(f"//{parts.hostname}{parts.path}")
        return LegacyAddress.normalize(parts.path)

    def _store_image(self, source, fetched, attachment, ref, language, key):
        if fetched.problem:
            self.failed_images[source] = fetched.problem
            self.report.problem(None, f"Picture not fetched: {source}: {fetched.problem}.")
            return None
        name = PurePosixPath(unquote(urlsplit(source).path)).name or "image"
        try:
            upload = prepare_upload(ContentFile(fetched.content, name=name))
        except ValidationError as error:
            self.failed_images[source] = error.messages[0]
            self.report.problem(None, f"Picture refused: {source}: {' '.join(error.messages)}")
            return None
        alt = (attachment.alt if attachment else "") or ref.alt
        caption = (attachment.caption if attachment else "") or ref.caption
        if not alt:
            alt = caption or (attachment.title if attachment else "") or PurePosixPath(name).stem
            self.report.problem(
                None, f"Picture without alt text on the old site, given “{Truncator(alt).chars(60)}”: {source}"
            )
        words = {
            "alt_text": Truncator(alt).chars(250),
            "caption": Truncator(caption).chars(300),
            "credit": Truncator(attachment.credit if attachment else "").chars(200),
        }
        if language == Language.SPANISH:
            words.update({f"{field}_es": value for field, value in words.items()})
        with transaction.atomic():
            image = Image.objects.create(file=upload, **words)
            LegacyAddress.objects.create(path=key, image=image, language=language)
        create_renditions(image)
        self.report.images += 1
        self.report.addresses += 1
        return image.pk


def _reserve_article_ids(count):
    """On PostgreSQL, `count` new article ids from the table's sequence, so that an article's tags and bylines
    can be written before it and its search vector computed once (its trigger reads them); elsewhere none."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [Article._meta.db_table, count],
        )
        return [row[0] for row in cursor.fetchall()]


def _suspend_search_triggers():
    """On SQLite, drop the search index's insert triggers for the rest of the transaction; their SQL, to put
    them back. SQLite changes its schema inside a transaction, and no other connection can write meanwhile
    (the transaction holds the database's one write lock), so nothing else misses them."""
    if connection.vendor != "sqlite":
        return []
    with connection.cursor() as cursor:
        names = ", ".join("%s" for _name in SQLITE_INSERT_TRIGGERS)
        cursor.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({names})", SQLITE_INSERT_TRIGGERS
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
    return triggers


def _resume_search_triggers(triggers, article_ids):
    """Put the triggers back, then index `article_ids` once each, with their tags and bylines (an update of
    the headline is what the remaining trigger indexes an article again on)."""
    if not triggers:
        return
    with connection.cursor() as cursor:
        for _name, sql in triggers:
            cursor.execute(sql)
    for start in range(0, len(article_ids), 500):
        Article.objects.filter(pk__in=article_ids[start : start + 500]).update(title=F("title"))


def _text(value):
    """WordPress's stored text (titles, names, alt text) as plain text: entities decoded, no tags."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", value or "")).split())


def _tag_slug(slug):
    return slugify(unidecode(unquote(slug)))[:100] or "topic"
