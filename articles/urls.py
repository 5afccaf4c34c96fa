from django.urls import path

from articles import feeds, views
from newsroom.pagecache import public_page

app_name = "articles"

# Reader pages are public pages (newsroom/pagecache.py): cached for anonymous readers and by CDNs, each
# depending only on the query parameters it names. Previews never are.
urlpatterns = [
    path("", public_page(views.HomeView.as_view()), name="home"),
    path("feed/", public_page(feeds.LatestArticlesFeed()), name="feed"),
    path("news/", public_page(views.NewsView.as_view(), query=["page"]), name="news"),
    path("news/<slug:slug>/", public_page(views.SectionDetailView.as_view(), query=["page"]), name="section-detail"),
    path("news/<slug:slug>/feed/", public_page(feeds.SectionFeed()), name="section-feed"),
    path(
        "news/<slug:section>/<slug:slug>/",
        # ?helpful= shows the outcome of a vote sent without JavaScript.
        public_page(views.ArticleDetailView.as_view(), query=["helpful"]),
        name="article-detail",
    ),
    path(
        "news/<slug:section>/<slug:slug>/live/",
        # Polled by live stories' pages (static/js/live.js), so kept only briefly by a CDN.
        public_page(views.live_updates_fragment, cdn_seconds="LIVE_CDN_CACHE_SECONDS"),
        name="article-live-updates",
    ),
    path("series/", public_page(views.SeriesListView.as_view(), query=["page"]), name="series-list"),
    path("series/<slug:slug>/", public_page(views.SeriesDetailView.as_view()), name="series-detail"),
    path("series/<slug:slug>/feed/", public_page(feeds.SeriesFeed()), name="series-feed"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="article-preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="article-shared-preview"),
    # Embargoed articles for partner outlets: private, like previews.
    path("embargo/<str:token>/", views.PartnerPreviewView.as_view(), name="article-partner"),
    path("tags/", public_page(views.TagIndexView.as_view(), query=["page"]), name="tag-list"),
    path("tags/<slug:slug>/", public_page(views.TagDetailView.as_view(), query=["page"]), name="tag-detail"),
    path("tags/<slug:slug>/feed/", public_page(feeds.TagFeed()), name="tag-feed"),
    path("countries/", public_page(views.CountryIndexView.as_view()), name="country-list"),
    path(
        "countries/<slug:slug>/", public_page(views.CountryDetailView.as_view(), query=["page"]), name="country-detail"
    ),
    path("countries/<slug:slug>/feed/", public_page(feeds.CountryFeed()), name="country-feed"),
    path("authors/", public_page(views.AuthorIndexView.as_view(), query=["page"]), name="author-list"),
    path("authors/<slug:slug>/", public_page(views.AuthorDetailView.as_view(), query=["page"]), name="author-detail"),
    path("authors/<slug:slug>/feed/", public_page(feeds.AuthorFeed()), name="author-feed"),
    path("corrections/", public_page(views.CorrectionListView.as_view(), query=["page"]), name="correction-list"),
    path(
        "search/",
        public_page(views.SearchView.as_view(), query=["q", "section", "country", "language", "page"]),
        name="search",
    ),
]
