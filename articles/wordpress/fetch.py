"""Downloads the old site's pictures, several at a time, refusing what a hostile export could aim at.

The addresses come from the export file, so they are not trusted: only http and https, only hosts whose
every address is on the public internet (not this server, its private network or a cloud's metadata
service) unless the import is told the old site is on the private network, redirects checked the same
way at every hop, and no more bytes read than an upload may have (IMAGE_MAX_BYTES). What comes back is
then checked and cleaned as any upload is (articles/images.py `prepare_upload`).

Given a copy of the old site's `wp-content/uploads` folder (from a backup, when the old site is down or
slow), pictures found there are read from it instead, and only the others are downloaded.
"""

import ipaddress
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from django.conf import settings

USER_AGENT = "Newsroom-WordPress-import/1.0"
TIMEOUT_SECONDS = 20
MAX_REDIRECTS = 5
WORKERS = 8
UPLOADS_MARKER = "/wp-content/uploads/"


class Refused(Exception):
    """An address that is not fetched, and why."""


@dataclass
class Fetched:
    url: str
    content: bytes = b""
    problem: str = ""


def _check_address(url, *, allow_private):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused("not an http or https address")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as error:
        raise Refused(f"the host could not be found ({error})") from error
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise Refused("the host is on a private network or this machine")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private):
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_address(newurl, allow_private=self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _quoted(url):
    """`url` with spaces and non-ASCII characters escaped, as a browser sends it."""
    parts = urlsplit(url.strip())
    host = parts.netloc if parts.netloc.isascii() else parts.netloc.encode("idna").decode("ascii")
    return urlunsplit(
        (parts.scheme, host, quote(parts.path, safe="/%:@!$&'()*+,;="), quote(parts.query, safe="=&%+/:,;"), "")
    )


class Fetcher:
    """Fetches pictures by address; each address at most once per import."""

    def __init__(self, *, allow_private=False, uploads=None, workers=WORKERS, timeout=TIMEOUT_SECONDS):
        self.allow_private = allow_private
        self.uploads = Path(uploads).resolve() if uploads else None
        self.workers = workers
        self.timeout = timeout
        self.opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
        self.opener.addheaders = [("User-Agent", USER_AGENT), ("Accept", "image/*")]

    def fetch(self, url):
        """A Fetched with the bytes at `url`, or with the problem that kept them from being read."""
        copy = self._copy_in_uploads(url)
        if copy is not None:
            if copy.stat().st_size > settings.IMAGE_MAX_BYTES:
                return Fetched(url, problem="larger than an upload may be")
            return Fetched(url, content=copy.read_bytes())
        try:
            quoted = _quoted(url)
            _check_address(quoted, allow_private=self.allow_private)
            with self.opener.open(quoted, timeout=self.timeout) as response:
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > settings.IMAGE_MAX_BYTES:
                    return Fetched(url, problem="larger than an upload may be")
                content = response.read(settings.IMAGE_MAX_BYTES + 1)
        except Refused as error:
            return Fetched(url, problem=f"refused: {error}")
        except urllib.error.HTTPError as error:
            return Fetched(url, problem=f"the old site answered {error.code}")
        except (urllib.error.URLError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return Fetched(url, problem=f"could not be reached ({reason})")
        if len(content) > settings.IMAGE_MAX_BYTES:
            return Fetched(url, problem="larger than an upload may be")
        if not content:
            return Fetched(url, problem="the old site sent an empty file")
        return Fetched(url, content=content)

    def _copy_in_uploads(self, url):
        """The file of the uploads folder copy that `url` names, if there is one (never outside it)."""
        path = unquote(urlsplit(url).path)
        if self.uploads is None or UPLOADS_MARKER not in path:
            return None
        candidate = (self.uploads / path.split(UPLOADS_MARKER, 1)[1]).resolve()
        if not candidate.is_relative_to(self.uploads) or not candidate.is_file():
            return None
        return candidate

    def fetch_all(self, urls):
        """{url: Fetched} for every one of `urls`, several fetched at a time."""
        urls = list(dict.fromkeys(urls))
        if not urls:
            return {}
        with ThreadPoolExecutor(max_workers=min(self.workers, len(urls))) as pool:
            return dict(zip(urls, pool.map(self.fetch, urls), strict=True))
