from django.urls import path

from articles import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("news/<slug:slug>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("news/<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="article-preview"),
    path("preview/shared/<str:token>/", views.SharedPreviewView.as_view(), name="article-shared-preview"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("tags/<slug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("countries/<slug:slug>/feed/", feeds.CountryFeed(), name="country-feed"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author-detail"),
    path("authors/<slug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("corrections/", views.CorrectionListView.as_view(), name="correction-list"),
    path("search/", views.SearchView.as_view(), name="search"),
]
