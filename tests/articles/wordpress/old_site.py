"""The old WordPress site for the tests: a real web server on this machine serving its pictures."""

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from articles.wordpress.fetch import Fetcher

HERE = Path(__file__).resolve().parent
EXPORT = HERE / "newsroom-export.xml"
UPLOADS = HERE / "uploads"
# The old site's address, as the export names it.
SITE = "https://old.newsroom.example"


class _Handler(SimpleHTTPRequestHandler):
    """Serves uploads/ at /wp-content/uploads/; /moved/… redirects to the address after it."""

    def translate_path(self, path):
        prefix = "/wp-content/uploads/"
        if path.startswith(prefix):
            return str(UPLOADS / path.removeprefix(prefix).split("?")[0])
        return str(UPLOADS / "does-not-exist")

    def do_GET(self):
        if self.path.startswith("/moved/"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/moved/"))
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args):
        pass


class OldSite:
    """Started with `start()`, stopped with `stop()`; `origin` is its http://127.0.0.1:<port>."""

    def start(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(UPLOADS)))
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class OldSiteFetcher(Fetcher):
    """The real fetcher, with the old site's host name answered by the local server: the network's edge
    (name resolution) moved onto this machine, everything after it as in production."""

    def __init__(self, origin, **options):
        super().__init__(allow_private=True, **options)
        self.origin = origin
        self.asked = []

    def fetch(self, url):
        self.asked.append(url)
        return super().fetch(url.replace(SITE, self.origin))
