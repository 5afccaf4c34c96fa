"""Buttondown's subscribers API as far as the newsletter sync uses it, served on loopback."""

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote


class FakeButtondown:
    """Subscribers kept by e-mail address, as Buttondown keeps them. `fail_with` makes every call answer
    that HTTP status; `requests` records every call (method, path, headers, JSON body)."""

    def __init__(self):
        self.requests = []
        self.subscribers = {}
        self.fail_with = None
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, status, body):
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def _handle(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                body = json.loads(raw) if raw else {}
                with fake.lock:
                    fake.requests.append(
                        {"method": self.command, "path": self.path, "headers": dict(self.headers), "json": body}
                    )
                    if fake.fail_with:
                        return self._answer(fake.fail_with, {"detail": "Service unavailable"})
                    if self.headers.get("Authorization") != "Token bd-test-key":
                        return self._answer(401, {"detail": "Invalid token."})
                    if self.command == "POST" and self.path == "/v1/subscribers":
                        email = body["email_address"]
                        existing = fake.subscribers.get(email)
                        if existing and self.headers.get("X-Buttondown-Collision-Behavior") != "overwrite":
                            return self._answer(400, {"code": "email_already_exists"})
                        subscriber = existing or {"id": str(uuid.uuid4()), "email_address": email}
                        subscriber.update(
                            type=body.get("type"), tags=body.get("tags", []), metadata=body.get("metadata")
                        )
                        fake.subscribers[email] = subscriber
                        return self._answer(200 if existing else 201, subscriber)
                    if self.command == "PATCH" and self.path.startswith("/v1/subscribers/"):
                        email = unquote(self.path.removeprefix("/v1/subscribers/"))
                        if email not in fake.subscribers:
                            return self._answer(404, {"detail": "Not found."})
                        fake.subscribers[email].update(body)
                        return self._answer(200, fake.subscribers[email])
                    return self._answer(404, {"detail": "Not found."})

            do_POST = _handle
            do_PATCH = _handle

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
