"""Reader addresses of articles, sections, countries, authors and series, built without a full reverse().

A page links to dozens of articles and topics, and Django's reverse() (with translation.override() for an
article in the other language) costs about a tenth of a millisecond each: several milliseconds a render.
The address of a URL name is the same pattern every time, so it is reversed once per language, URLconf and
script prefix with a marker in each argument's place, and each address is that pattern with the arguments
put in, quoted as reverse() quotes them.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation

# What reverse() leaves unquoted in an argument (django/urls/resolvers.py), "/" included.
_SAFE = "!$&'()*+,;=/~:@"


def _marker(name):
    return f"--{name}--"


@lru_cache(maxsize=256)
def _pattern(view_name, language, urlconf, script_prefix, names):
    """The address as a list: fixed text at even positions, argument names at odd ones."""
    with translation.override(language):
        url = reverse(view_name, urlconf=urlconf, kwargs={name: _marker(name) for name in names})
    markers = "|".join(re.escape(_marker(name)) for name in names)
    parts = re.split(f"({markers})", url) if names else [url]
    return tuple(part[2:-2] if index % 2 else part for index, part in enumerate(parts))


def address(view_name, *, language=None, **kwargs):
    """reverse(view_name, kwargs=kwargs) in `language` (by default the active one), for slugs and tokens.

    The arguments are not checked against the URL's converters as reverse() checks them: the models that
    call this validate their slugs when they are saved.
    """
    if language is None:
        language = translation.get_language()
    parts = _pattern(view_name, language, get_urlconf(), get_script_prefix(), tuple(sorted(kwargs)))
    return "".join(quote(str(kwargs[part]), safe=_SAFE) if index % 2 else part for index, part in enumerate(parts))
