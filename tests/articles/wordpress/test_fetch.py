"""Fetching the old site's pictures: what is fetched, and what a hostile export cannot make it fetch."""

import pytest

from articles.wordpress.fetch import Fetcher
from tests.articles.wordpress.old_site import SITE, UPLOADS, OldSite

LEDGER = "/wp-content/uploads/2024/03/ledger.png"


@pytest.fixture(scope="module")
def old_site():
    site = OldSite().start()
    yield site
    site.stop()


def test_fetches_a_picture(old_site):
    fetched = Fetcher(allow_private=True).fetch(old_site.origin + LEDGER)

    assert fetched.problem == ""
    assert fetched.content == (UPLOADS / "2024/03/ledger.png").read_bytes()


def test_refuses_this_machine_and_private_networks_unless_told(old_site):
    for url in (
        old_site.origin + LEDGER,
        "http://localhost/latest/meta-data/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.8/wp-content/uploads/a.jpg",
        "http://[::1]/a.jpg",
    ):
        fetched = Fetcher().fetch(url)
        assert fetched.content == b""
        assert fetched.problem == "refused: the host is on a private network or this machine", url


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://old.example/a.jpg", "gopher://old.example/", "/relative.jpg"]
)
def test_refuses_other_schemes(url):
    assert Fetcher(allow_private=True).fetch(url).problem == "refused: not an http or https address"


def test_redirects_are_checked_at_every_hop(old_site):
    fetcher = Fetcher(allow_private=True)
    assert fetcher.fetch(f"{old_site.origin}/moved/{LEDGER}").content == (UPLOADS / "2024/03/ledger.png").read_bytes()
    assert fetcher.fetch(f"{old_site.origin}/moved/ftp://old.example/a.jpg").problem == (
        "refused: not an http or https address"
    )
    assert fetcher.fetch(f"{old_site.origin}/moved/file:///etc/passwd").content == b""


def test_missing_and_oversized_pictures(old_site, settings):
    fetcher = Fetcher(allow_private=True)
    assert fetcher.fetch(old_site.origin + "/wp-content/uploads/gone.jpg").problem == "the old site answered 404"
    settings.IMAGE_MAX_BYTES = 1000
    assert fetcher.fetch(old_site.origin + LEDGER).problem == "larger than an upload may be"


def test_reads_a_copy_of_the_uploads_folder_first_and_never_outside_it():
    fetcher = Fetcher(uploads=UPLOADS)
    assert fetcher.fetch(SITE + LEDGER).content == (UPLOADS / "2024/03/ledger.png").read_bytes()
    # Outside the folder: not read from disk (and the old site's host is not reachable from the tests).
    escaping = fetcher.fetch(SITE + "/wp-content/uploads/../../test_fetch.py")
    assert escaping.content == b""
    assert escaping.problem


def test_fetches_each_address_once(old_site):
    fetched = Fetcher(allow_private=True).fetch_all([old_site.origin + LEDGER] * 3 + [old_site.origin + "/x.jpg"])
    assert list(fetched) == [old_site.origin + LEDGER, old_site.origin + "/x.jpg"]
    assert fetched[old_site.origin + "/x.jpg"].problem == "the old site answered 404"
