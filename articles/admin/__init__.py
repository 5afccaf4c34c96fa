"""The desk's admin, one module per concept: articles with the parts edited on their page, the taxonomy,
people, the image library, series, live updates, preview and partner links, old addresses, and the
translation desk's tools (translations.py), and the newsroom's identity and own pages (site.py, pages.py).

Importing this package registers every model's admin. The branding of the whole admin site is set here,
with the admin of the main content app.
"""

from django.conf import settings
from django.contrib import admin
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from articles.admin import (  # noqa: F401 - each module registers its models' admin
    article_filters,
    article_parts,
    articles,
    live,
    media,
    pages,
    people,
    previews,
    redirects,
    series,
    site,
    taxonomy,
    translations,
)

admin.site.site_header = format_lazy(_("{newsroom} admin"), newsroom=settings.NEWSROOM_NAME)
admin.site.site_title = admin.site.site_header
admin.site.index_title = format_lazy(_("{newsroom} desk"), newsroom=settings.NEWSROOM_NAME)
# The index opens with the desk: headlines in review, scheduled, recently published, stale (articles/desk.py).
admin.site.index_template = "admin/newsroom_index.html"
