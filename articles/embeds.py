"""Embeds from the providers a newsroom uses, entered by pasting a link.

The body stores the pasted address and the provider's name, never the provider's HTML
(articles/sanitizer.py). The reader page renders our own click-to-load placeholder
(templates/includes/body_embed.html, static/js/embeds.js): nothing of the provider loads before the
reader asks for it, and the frame it then loads comes from `frame_src`, an address we build from the
identifiers read out of the link. Only the hosts of FRAME_HOSTS may be framed (the reader page's
Content-Security-Policy, newsroom/settings.py).

An address counts only when its host is exactly one of the provider's hosts (so
`youtube.com.evil.example` and `evil-youtube.com` are refused), over https (http is upgraded), and its
path has the shape of the provider's content.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlsplit

from django.utils.translation import gettext_lazy as _

# The longest link accepted: room for any real one.
MAX_URL_LENGTH = 500


@dataclass(frozen=True)
class Provider:
    name: str
    label: str
    hosts: frozenset
    frame_host: str
    # (compiled path pattern, function of the match and the query -> the frame's address, or None)
    routes: tuple
    # CSS modifier of the placeholder and frame: "video" (16:9), "audio" (short), "tall" (documents,
    # posts), "chart".
    shape: str
    kind: str


@dataclass(frozen=True)
class Embed:
    provider: Provider
    url: str
    frame_src: str


def _youtube_frame(match, query, host=""):
    video = match["id"] if "id" in match.groupdict() and match["id"] else (query.get("v") or [""])[0]
    if not re.fullmatch(r"[A-Za-z0-9_-]{11}", video):
        return None
    start = (query.get("t") or query.get("start") or [""])[0].rstrip("s")
    suffix = f"?start={start}" if start.isdigit() else ""
    return f"https://www.youtube-nocookie.com/embed/{video}{suffix}"


def _youtube_short_frame(match, query, host=""):
    return _youtube_frame(match, query) if host == "youtu.be" else None


def _vimeo_frame(match, query, host=""):
    frame = f"https://player.vimeo.com/video/{match['id']}?dnt=1"
    private = match.groupdict().get("hash") or (query.get("h") or [""])[0]
    if private and re.fullmatch(r"[0-9a-f]{6,20}", private):
        frame += f"&h={private}"
    return frame


def _documentcloud_frame(match, query, host=""):
    return f"https://embed.documentcloud.org/documents/{match['id']}/?embed=1&responsive=1&title=1"


def _datawrapper_frame(match, query, host=""):
    version = match.groupdict().get("version")
    return f"https://datawrapper.dwcdn.net/{match['id']}/{version + '/' if version else ''}"


def _flourish_frame(match, query, host=""):
    return f"https://flo.uri.sh/{match['type']}/{match['id']}/embed"


def _x_frame(match, query, host=""):
    return f"https://platform.twitter.com/embed/Tweet.html?id={match['id']}&dnt=true"


def _instagram_frame(match, query, host=""):
    return f"https://www.instagram.com/{match['type']}/{match['id']}/embed/"


def _soundcloud_frame(match, query, host=""):
    track = quote(f"https://soundcloud.com/{match['path']}", safe="")
    return f"https://w.soundcloud.com/player/?url={track}&visual=false&show_comments=false"


PROVIDERS = {
    provider.name: provider
    for provider in [
        Provider(
            name="youtube",
            label="YouTube",
            hosts=frozenset(
                {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
            ),
            frame_host="www.youtube-nocookie.com",
            routes=(
                (re.compile(r"/watch/?"), _youtube_frame),
                (re.compile(r"/(?:embed|shorts|live|v)/(?P<id>[A-Za-z0-9_-]{11})/?"), _youtube_frame),
                # Short links only: youtu.be/<id>.
                (re.compile(r"/(?P<id>[A-Za-z0-9_-]{11})/?"), _youtube_short_frame),
            ),
            shape="video",
            kind=_("video"),
        ),
        Provider(
            name="vimeo",
            label="Vimeo",
            hosts=frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"}),
            frame_host="player.vimeo.com",
            routes=((re.compile(r"/(?:video/)?(?P<id>[0-9]{1,12})(?:/(?P<hash>[0-9a-f]{6,20}))?/?"), _vimeo_frame),),
            shape="video",
            kind=_("video"),
        ),
        Provider(
            name="documentcloud",
            label="DocumentCloud",
            hosts=frozenset({"www.documentcloud.org", "documentcloud.org", "embed.documentcloud.org"}),
            frame_host="embed.documentcloud.org",
            routes=(
                (
                    re.compile(r"/documents/(?P<id>[0-9]{1,12}(?:-[A-Za-z0-9-]{0,200})?)/?(?:\.html)?"),
                    _documentcloud_frame,
                ),
            ),
            shape="tall",
            kind=_("document"),
        ),
        Provider(
            name="datawrapper",
            label="Datawrapper",
            hosts=frozenset({"datawrapper.dwcdn.net", "www.datawrapper.de", "datawrapper.de"}),
            frame_host="datawrapper.dwcdn.net",
            routes=(
                (re.compile(r"/(?:_/)?(?P<id>[A-Za-z0-9]{5})(?:/(?P<version>[0-9]{1,4}))?/?"), _datawrapper_frame),
            ),
            shape="chart",
            kind=_("chart"),
        ),
        Provider(
            name="flourish",
            label="Flourish",
            hosts=frozenset({"public.flourish.studio", "flo.uri.sh"}),
            frame_host="flo.uri.sh",
            routes=(
                (re.compile(r"/(?P<type>visualisation|story)/(?P<id>[0-9]{1,12})/?(?:embed)?/?"), _flourish_frame),
            ),
            shape="chart",
            kind=_("chart"),
        ),
        Provider(
            name="x",
            label="X (Twitter)",
            hosts=frozenset({"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"}),
            frame_host="platform.twitter.com",
            routes=((re.compile(r"/(?:[A-Za-z0-9_]{1,15}|i/web)/status/(?P<id>[0-9]{1,25})/?"), _x_frame),),
            shape="tall",
            kind=_("post"),
        ),
        Provider(
            name="instagram",
            label="Instagram",
            hosts=frozenset({"instagram.com", "www.instagram.com"}),
            frame_host="www.instagram.com",
            routes=((re.compile(r"/(?P<type>p|reel|tv)/(?P<id>[A-Za-z0-9_-]{5,40})/?"), _instagram_frame),),
            shape="tall",
            kind=_("post"),
        ),
        Provider(
            name="soundcloud",
            label="SoundCloud",
            hosts=frozenset({"soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"}),
            frame_host="w.soundcloud.com",
            routes=(
                (re.compile(r"/(?P<path>[A-Za-z0-9_-]{1,100}/(?:sets/)?[A-Za-z0-9_-]{1,200})/?"), _soundcloud_frame),
            ),
            shape="audio",
            kind=_("audio"),
        ),
    ]
}
# Every host a reader's browser may frame: the Content-Security-Policy's frame-src.
FRAME_HOSTS = sorted({f"https://{provider.frame_host}" for provider in PROVIDERS.values()})
_BY_HOST = {host: provider for provider in PROVIDERS.values() for host in provider.hosts}


def parse(url):
    """The Embed that a pasted `url` names, or None when it is not a link to allow-listed content."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_URL_LENGTH or any(ord(char) < 33 or char in "\"'<>\\`" for char in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.username or parts.password or port not in (None, 443):
        return None
    host = (parts.hostname or "").lower()
    provider = _BY_HOST.get(host)
    if provider is None:
        return None
    query = parse_qs(parts.query)
    for pattern, frame in provider.routes:
        match = pattern.fullmatch(parts.path)
        if match is None:
            continue
        frame_src = frame(match, query, host)
        if frame_src is None:
            continue
        path = parts.path
        clean_query = f"?{parts.query}" if parts.query else ""
        return Embed(provider=provider, url=f"https://{host}{path}{clean_query}", frame_src=frame_src)
    return None
