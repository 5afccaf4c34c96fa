"""The reader site's pages, one module per page or family of pages: home, listings, the article, live
updates, series, corrections, search, previews of what is not published yet, and the newsroom's own
pages and colours."""

from articles.views.articles import ArticleDetailView
from articles.views.corrections import CorrectionListView
from articles.views.directories import AuthorIndexView, CountryIndexView, NewsView, TagIndexView
from articles.views.home import HomeView
from articles.views.listings import (
    ArticleListView,
    AuthorDetailView,
    CountryDetailView,
    SectionDetailView,
    TagDetailView,
    published_articles,
)
from articles.views.live import live_updates_fragment
from articles.views.pages import PageDetailView
from articles.views.previews import ArticlePreviewView, PartnerPreviewView, SharedPreviewView, may_preview
from articles.views.search import SearchView
from articles.views.series import SeriesDetailView, SeriesListView
from articles.views.site import identity_stylesheet

__all__ = [
    "PageDetailView",
    "identity_stylesheet",
    "live_updates_fragment",
    "SeriesDetailView",
    "SeriesListView",
    "published_articles",
    "ArticleListView",
    "SectionDetailView",
    "TagDetailView",
    "CountryDetailView",
    "AuthorDetailView",
    "HomeView",
    "CorrectionListView",
    "NewsView",
    "TagIndexView",
    "CountryIndexView",
    "AuthorIndexView",
    "ArticleDetailView",
    "may_preview",
    "ArticlePreviewView",
    "SharedPreviewView",
    "PartnerPreviewView",
    "SearchView",
]
