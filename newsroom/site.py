"""The public origin of the site, for links that leave it: canonical URLs, feeds, shares, republished HTML."""

from django.conf import settings


def absolute_url(url):
    """`url` made absolute on SITE_URL, unless it already is (e.g. media on object storage)."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"
