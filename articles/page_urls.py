from django.urls import path

from articles.views.pages import PageDetailView
from newsroom.pagecache import public_page

app_name = "pages"

# The newsroom's own pages answer at the top of the site (/about/, /es/about/): included after every other
# address, so that a page never hides one; Page.clean() refuses a slug the site already uses.
urlpatterns = [
    path("<slug:slug>/", public_page(PageDetailView.as_view()), name="page-detail"),
]
