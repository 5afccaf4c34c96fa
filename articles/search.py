"""Reader search: the search page's form and the highlighted snippets of its results.

The query itself is `Article.objects.search()`, with the other reads of articles.
"""

import html
import re

from django import forms
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import SEARCH_MATCH_START, SEARCH_MATCH_STOP, SEARCH_MAX_LENGTH, clean_search_query

MATCH = re.compile(f"{SEARCH_MATCH_START}(.*?){SEARCH_MATCH_STOP}", re.DOTALL)


def highlight(snippet):
    """A search snippet as safe HTML: its text escaped, then its matches wrapped in <mark>.

    The snippet is text cut out of the article's HTML, entities and all, so entities are decoded and
    the whole escaped again: whatever an article holds shows as text, never as markup.
    """
    text = escape(" ".join(html.unescape(snippet or "").split()))
    marked = MATCH.sub(r"<mark>\1</mark>", text)
    # A marker left without its pair would be an invisible stray character.
    return mark_safe(marked.replace(SEARCH_MATCH_START, "").replace(SEARCH_MATCH_STOP, ""))  # noqa: S308 - escaped above


class SearchQueryField(forms.CharField):
    """The reader's words, tidied rather than refused: NUL characters dropped, overlong text cut."""

    def to_python(self, value):
        return clean_search_query(super().to_python(value))


class SearchForm(forms.Form):
    """The search page's form, sent in the address (GET) so that results can be linked and shared.

    It never turns a reader away: a section, country or language it does not know counts as none
    chosen. `sections` and `countries` are the choices, fetched once by the view.
    """

    q = SearchQueryField(
        label=_("Search for"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": SEARCH_MAX_LENGTH, "enterkeyhint": "search"}),
    )
    section = forms.ChoiceField(label=_("Section"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False, choices=settings.LANGUAGES)

    def __init__(self, *args, sections=(), countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("All sections")),
            *((section.slug, section.display_name) for section in sections),
        ]
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((country.slug, country.display_name) for country in countries),
        ]

    def terms(self, *, language):
        """What to search for, from the bound form: every field's valid value or "", and `language`
        (the page's) when no other language is chosen."""
        self.is_valid()
        terms = {name: self.cleaned_data.get(name) or "" for name in self.fields}
        terms["language"] = terms["language"] or language
        return terms
