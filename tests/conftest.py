import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    """Every test starts on the English site, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Every test starts with nothing cached: a page stored by an earlier test could carry the same
    content version as this test's data, since each test's database changes are rolled back."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
