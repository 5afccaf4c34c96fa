"""Where a page sits in the site: the trail from the home page shown above articles and listings, and the
same trail given to search engines as a schema.org BreadcrumbList (articles/structured_data.py).

One trail per page, built here from the page's objects, so the visible breadcrumb and the JSON-LD can
never disagree. Every crumb but the last links to a page that exists: articles live under /news/<section>/,
so their trail runs Home › News › section › article, and /news/ lists every article.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext


@dataclass(frozen=True)
class Crumb:
    name: str
    # Site-relative address; None for the page the trail ends on.
    url: str | None = None


# The index page of each kind of listing: its URL name and the crumb's name.
INDEXES = {
    "section": ("articles:news", lambda: pgettext("breadcrumb", "News")),
    "tag": ("articles:tag-list", lambda: gettext("Topics")),
    "country": ("articles:country-list", lambda: gettext("Countries")),
    "author": ("articles:author-list", lambda: gettext("Authors")),
    "series": ("articles:series-list", lambda: gettext("Series")),
}


def _home():
    return Crumb(pgettext("breadcrumb", "Home"), reverse("articles:home"))


def _index(kind, *, current=False):
    url_name, name = INDEXES[kind]
    return Crumb(name(), None if current else reverse(url_name))


def for_article(article):
    """Home › News › the article's section › the article, in the article's language (its page's)."""
    with translation.override(article.language):
        return [
            _home(),
            _index("section"),
            Crumb(article.section.display_name, article.section.get_absolute_url()),
            Crumb(article.title),
        ]


def for_listing(kind, obj):
    """Home › the index of `kind` › `obj`, for the listing of a section, tag, country or author, or a series'
    page."""
    if kind in ("section", "country"):
        name = obj.display_name
    elif kind == "series":
        name = obj.display_title
    else:
        name = obj.name
    return [_home(), _index(kind), Crumb(name)]


def for_index(kind):
    """Home › the index page of `kind` (/news/ for sections, /tags/, /countries/, /authors/, /series/)."""
    return [_home(), _index(kind, current=True)]
