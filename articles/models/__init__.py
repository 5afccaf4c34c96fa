"""The newsroom's content, one module per concept; every model and helper is importable from here.

Layering, each module importing only those before it: languages; taxonomy, media, people, redirects;
search, queries; articles (the Article model); then what hangs off an article: listings, previews, links,
corrections, series, live, and the content version that caches follow. The newsroom's identity (site)
and its own pages (pages) stand apart, using only languages and the sanitizer.
"""

from articles.models.articles import (
    READING_WORDS_PER_MINUTE,
    SUMMARY_LENGTH,
    TRANSLATED_FIELDS,
    Article,
    ArticleVersionBase,
    NullsLastIndex,
    translation_state_counts,
)
from articles.models.corrections import Correction
from articles.models.languages import Language, TranslationState, localized, other_language
from articles.models.links import ArticleLink
from articles.models.listings import ARTICLE_LOOKUPS, with_languages, with_published_articles
from articles.models.live import LiveUpdate
from articles.models.media import Image
from articles.models.pages import Page, PageQuerySet
from articles.models.people import ArticleAuthor, Author
from articles.models.previews import (
    PartnerAccess,
    PartnerLink,
    PreviewLink,
    RevocableLink,
    partner_link_token,
    preview_link_expiry,
)
from articles.models.queries import (
    PUBLIC_CONDITION,
    RELATED_POOL,
    RELATED_TAGS,
    TEASER_FIELDS,
    ArticleManager,
    ArticleQuerySet,
    TranslationLink,
    published_lookups,
)
from articles.models.redirects import LEGACY_QUERY_KEYS, ArticleRedirect, LegacyAddress
from articles.models.search import (
    EXCLUDING_MINUS,
    LONE_MINUS,
    SEARCH_CONFIGS,
    SEARCH_MATCH_START,
    SEARCH_MATCH_STOP,
    SEARCH_MAX_LENGTH,
    SEARCH_RANKED,
    SearchResults,
    StripTags,
    clean_search_query,
)
from articles.models.series import Series, SeriesPart, SeriesQuerySet
from articles.models.site import Licence, SiteIdentity, SocialNetwork, contrast_ratio
from articles.models.taxonomy import Country, Section, TaggedArticle, TagLanguage, tag_counterparts
from articles.models.versions import ContentVersion

__all__ = [
    "localized",
    "Language",
    "other_language",
    "TranslationState",
    "Section",
    "Country",
    "TaggedArticle",
    "TagLanguage",
    "tag_counterparts",
    "Image",
    "Author",
    "ArticleAuthor",
    "ArticleRedirect",
    "LegacyAddress",
    "LEGACY_QUERY_KEYS",
    "SEARCH_MAX_LENGTH",
    "SEARCH_RANKED",
    "SEARCH_MATCH_START",
    "SEARCH_MATCH_STOP",
    "SEARCH_CONFIGS",
    "EXCLUDING_MINUS",
    "LONE_MINUS",
    "clean_search_query",
    "StripTags",
    "SearchResults",
    "PUBLIC_CONDITION",
    "TEASER_FIELDS",
    "RELATED_POOL",
    "RELATED_TAGS",
    "TranslationLink",
    "published_lookups",
    "ArticleQuerySet",
    "ArticleManager",
    "NullsLastIndex",
    "SUMMARY_LENGTH",
    "READING_WORDS_PER_MINUTE",
    "translation_state_counts",
    "TRANSLATED_FIELDS",
    "ArticleVersionBase",
    "Article",
    "ARTICLE_LOOKUPS",
    "with_published_articles",
    "with_languages",
    "preview_link_expiry",
    "RevocableLink",
    "PreviewLink",
    "partner_link_token",
    "PartnerLink",
    "PartnerAccess",
    "ArticleLink",
    "Correction",
    "SeriesQuerySet",
    "Series",
    "SeriesPart",
    "LiveUpdate",
    "ContentVersion",
    "SiteIdentity",
    "Licence",
    "SocialNetwork",
    "contrast_ratio",
    "Page",
    "PageQuerySet",
]
