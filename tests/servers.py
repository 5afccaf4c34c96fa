"""The site served by real gunicorn processes, and a TCP link to a service that a test can cut and mend."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from django.db import connection

BASE_DIR = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url(port=None):
    """The URL of this test's database (PostgreSQL), optionally through another local port."""
    database = connection.settings_dict
    host = database["HOST"] or "127.0.0.1"
    return f"postgres://{database['USER']}@{host}:{port or database['PORT'] or 5432}/{database['NAME']}"


def start_server(env, *, workers=1, threads=1):
    """The site served by gunicorn in its own processes, as in production; returns (process, origin)."""
    port = free_port()
    # The server's log goes to a file, never to a pipe that nobody reads and that could fill and stall it.
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed by stop_server()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            f"--threads={threads}",
            "newsroom.wsgi",
        ],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
            "SECURE_COOKIES": "false",
            "GUNICORN_ACCESS_LOG": "",
            **env,
        },
        stdout=log,
        stderr=log,
        text=True,
    )
    process.log = log
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(server_log(process))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise TimeoutError(f"gunicorn did not start:\n{server_log(process)}")


def server_log(process):
    process.log.seek(0)
    return process.log.read()


def stop_server(process):
    process.terminate()
    process.wait(timeout=30)
    process.log.close()


class Link:
    """A TCP port on 127.0.0.1 that forwards to a service (PostgreSQL, Redis): point the site at it, then
    `cut()` it, and the service is gone as if stopped (the port refuses connections and every open one
    is dropped), until `mend()`."""

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.sockets = set()
        self.lock = threading.Lock()
        self.listener = None
        self.mend()

    def mend(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        # shutdown() first: a bare close() would leave the port listening while the accepting thread waits.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        finally:
            with self.lock:
                for sock in (source, destination):
                    self.sockets.discard(sock)
                    sock.close()
