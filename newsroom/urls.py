from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from articles import sitemaps
from articles import views as article_views
from donations import urls as donation_urls
from newsroom import views
from newsroom.pagecache import public_page

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # The payment webhook and the republishing pixel: one address whatever the language.
    path("", include(donation_urls.endpoints)),
    # The prompts' view pixel and click redirect: one address whatever the language.
    path("", include("donations.prompts.urls")),
    # For crawlers: one sitemap index and one robots.txt for both languages, so outside i18n_patterns.
    # Public pages, cached like the reader pages (newsroom/pagecache.py); "p" is the sitemaps' page number.
    path("sitemap.xml", public_page(sitemaps.index), name="sitemap-index"),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap, query=["p"]),
        {"sitemaps": sitemaps.SITEMAPS},
        name="sitemap-section",
    ),
    path(
        "news-sitemap.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": {"news": sitemaps.NewsSitemap}, "template_name": "news_sitemap.xml"},
        name="news-sitemap",
    ),
    # The newsroom's colours (set in the admin), one stylesheet for both languages.
    path("identity.css", public_page(article_views.identity_stylesheet), name="identity-css"),
    path(
        "robots.txt",
        public_page(TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8")),
        name="robots-txt",
    ),
]

# Reader pages and the admin: English without a prefix, Spanish under /es/ (/es/admin/ for a Spanish desk;
# "admin/" is the default of ADMIN_PATH).
urlpatterns += i18n_patterns(
    path(settings.ADMIN_PATH, admin.site.urls),
    path("", include("articles.urls")),
    path("", include("donations.urls")),
    path("", include("donations.newsletters.urls")),
    # Last: the newsroom's own pages take the addresses at the top of the site that nothing else uses.
    path("", include("articles.page_urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
