import pytest


@pytest.fixture(autouse=True)
def _english_by_default(settings):
    """Every test starts on the English site, whatever an earlier test activated."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
