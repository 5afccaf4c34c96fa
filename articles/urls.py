from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/<slug:slug>/", views.SectionDetailView.as_view(), name="section-detail"),
    path("news/<slug:section>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
    path("tags/<slug:slug>/", views.TagDetailView.as_view(), name="tag-detail"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("authors/<slug:slug>/", views.AuthorDetailView.as_view(), name="author-detail"),
    path("corrections/", views.CorrectionListView.as_view(), name="correction-list"),
]
