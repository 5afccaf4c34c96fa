"""The site's own addresses, plus the bare view that `make bench` compares every page with."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from newsroom.urls import urlpatterns as site_urlpatterns


# never_cache: the page cache must not answer for it, or it would measure the cache rather than the cost of
# Django itself (the same middleware and a view that does nothing) that pages are held up against.
@never_cache
def bare(request, size):
    """`size` bytes of HTML with no database, template or cache behind them."""
    return HttpResponse(b"x" * size, content_type="text/html; charset=utf-8")


urlpatterns = [
    *site_urlpatterns,
    path("bench/bare/<int:size>/", bare, name="bench-bare"),
]
