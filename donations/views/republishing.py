"""The republishing pixel: counts where a republished story is read."""

import base64
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_GET

from articles.models import Article
from donations import protection, services

# The smallest transparent GIF: the republishing pixel.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_GET
def republished_pixel(request, pk):
    """The pixel in the republish HTML: counts a view of article `pk` on the site that shows it."""
    article = Article.objects.published().filter(pk=pk, republishable=True).only("pk").first()
    try:
        over_limit = protection.hit(request, "republished")
    except protection.LimitUnavailable:
        # The view cannot be told apart from a flood: not counted, and the page still gets its pixel.
        over_limit = True
    if article is not None and not over_limit:
        domain = (urlsplit(request.headers.get("Referer", "")).hostname or "").lower()
        # Our own pages (a preview of the HTML, say) are no republication.
        if domain not in (urlsplit(settings.SITE_URL).hostname, request.get_host().split(":")[0]):
            services.record_republication(article=article, domain=domain)
    response = HttpResponse(PIXEL, content_type="image/gif")
    # Every view should reach us, never a cache.
    response["Cache-Control"] = "no-store, max-age=0"
    return response
