"""Old addresses: the one form they are stored and looked up in, and the database's rule of one target."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import LegacyAddress
from tests.factories import make_article, make_author, make_section


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("https://old.example/2019/05/14/Market-Vendors/", "/2019/05/14/market-vendors"),
        ("/2019/05/14/market-vendors", "/2019/05/14/market-vendors"),
        ("/2019//05/14/market-vendors/?utm_source=x#comments", "/2019/05/14/market-vendors"),
        ("/2024/03/14/plata-o-plomo-del-due%C3%B1o/", "/2024/03/14/plata-o-plomo-del-dueño"),
        ("https://old.example/?p=123", "/?p=123"),
        ("/blog/index.php?p=123&replytocom=9", "/?p=123"),
        ("/es/?page_id=7", "/?page_id=7"),
        ("/?cat=3", "/?cat=3"),
        ("/?tag=Extortion", "/?tag=extortion"),
        ("/", "/"),
        ("//cdn.example.org/Photos/a.jpg", "//cdn.example.org/photos/a.jpg"),
    ],
)
def test_normalize(url, stored):
    assert LegacyAddress.normalize(url) == stored


@pytest.mark.django_db
def test_exactly_one_target():
    article, section = make_article(), make_section()
    with pytest.raises(ValidationError) as refused:
        LegacyAddress(path="/x/", article=article, section=section).full_clean()
    assert refused.value.error_dict["__all__"][0].code == "one_target"
    with pytest.raises(ValidationError):
        LegacyAddress(path="/y/").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        LegacyAddress.objects.create(path="/x/", article=article, author=make_author())
    LegacyAddress(path="/z/", section=section).full_clean()


@pytest.mark.django_db
def test_saved_in_its_normal_form_once():
    section = make_section()
    LegacyAddress.objects.create(path="https://old.example/Category/News/", section=section)
    assert LegacyAddress.objects.get().path == "/category/news"
    with pytest.raises(IntegrityError), transaction.atomic():
        LegacyAddress.objects.create(path="/category/news/", section=section)
