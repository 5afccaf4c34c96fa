"""Addresses built from a reversed pattern are the ones Django's reverse() gives, in both languages."""

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from articles.addresses import address

CASES = [
    ("articles:home", {}),
    ("articles:article-detail", {"section": "briefs", "slug": "port-workers-arrested-2"}),
    ("articles:section-detail", {"slug": "investigations"}),
    ("articles:country-detail", {"slug": "el-salvador"}),
    ("articles:author-detail", {"slug": "mariana-quintero"}),
    ("articles:series-detail", {"slug": "the-cocaine-coast"}),
    ("articles:article-partner", {"token": "Zx9_a-b:c"}),
]


@pytest.mark.parametrize(("view_name", "kwargs"), CASES)
@pytest.mark.parametrize("language", ["en", "es"])
def test_an_address_is_what_reverse_gives(view_name, kwargs, language):
    with translation.override(language):
        assert address(view_name, **kwargs) == reverse(view_name, kwargs=kwargs)


def test_an_address_in_the_other_language_has_that_language_s_prefix():
    with translation.override("en"):
        assert address("articles:article-detail", language="es", section="briefs", slug="motin") == (
            "/es/news/briefs/motin/"
        )


def test_a_site_served_under_a_path_keeps_it_in_every_address():
    set_script_prefix("/newsroom/")
    try:
        with translation.override("es"):
            assert address("articles:section-detail", slug="briefs") == "/newsroom/es/news/briefs/"
    finally:
        set_script_prefix("/")


def test_the_slugs_of_two_arguments_cannot_stand_in_for_each_other():
    # A value that looks like the other argument's placeholder is put in as it is, never substituted again.
    url = address("articles:article-detail", language="en", section="--slug--", slug="real")
    assert url == "/news/--slug--/real/"
