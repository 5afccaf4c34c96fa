"""The stylesheet of the newsroom's colours, set in the admin (SiteIdentity)."""

from django.http import HttpResponse
from django.template.loader import render_to_string

from articles.identity import site_identity


def identity_stylesheet(request):
    """The accent colours as CSS custom properties over static/css/site.css's own. A stylesheet of its own,
    since the pages' Content-Security-Policy allows no inline style; for readers in light mode, as dark mode
    keeps the site's palette (an editor's accent is checked against a white page)."""
    css = render_to_string("articles/identity.css", {"identity": site_identity(request)})
    return HttpResponse(css, content_type="text/css; charset=utf-8")
