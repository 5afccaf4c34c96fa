"""The stylesheet of the newsroom's colours, set in the admin (SiteIdentity)."""

import re

from django.http import HttpResponse
from django.template.loader import render_to_string

from articles.identity import site_identity
from articles.models.site import DEFAULT_ACCENT, darker

COLOR = re.compile(r"#[0-9a-fA-F]{6}")


def identity_stylesheet(request):
    """The accent colours as CSS custom properties over static/css/site.css's own. A stylesheet of its own,
    since the pages' Content-Security-Policy allows no inline style; for readers in light mode, as dark mode
    keeps the site's palette (an editor's accent is checked against a white page)."""
    identity = site_identity(request)
    # Only ever a colour: the form checks it, and a value written any other way (a script, a shell) is not
    # let into the stylesheet.
    accent, hover = (
        color if COLOR.fullmatch(color) else default
        for color, default in ((identity.accent_color, DEFAULT_ACCENT), (identity.hover_color, darker(DEFAULT_ACCENT)))
    )
    css = render_to_string("articles/identity.css", {"accent": accent, "hover": hover})
    return HttpResponse(css, content_type="text/css; charset=utf-8")
