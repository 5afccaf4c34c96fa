"""The site served by real gunicorn processes, and a TCP link to a service that a test can cut and mend."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
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


def start_server(env, *, workers=1, threads=1, namespace=None):
    """The site served by gunicorn in its own processes, as in production; returns (process, origin).

    In `namespace` (a Namespace), the site reaches only what links into it, and readers reach it through
    a socket file that a link on this machine's 127.0.0.1 forwards to.
    """
    port = free_port()
    if namespace is None:
        bind, front = f"127.0.0.1:{port}", None
    else:
        socket_path = Path(tempfile.mkdtemp(prefix="newsroom-site-")) / "gunicorn.sock"
        bind, front = f"unix:{socket_path}", Link(str(socket_path))
        port = front.port
    # The server's log goes to a file, never to a pipe that nobody reads and that could fill and stall it.
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed by stop_server()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        f"--bind={bind}",
        f"--workers={workers}",
        f"--threads={threads}",
        "newsroom.wsgi",
    ]
    process = subprocess.Popen(
        namespace.command(command) if namespace else command,
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
    process.front = front
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(server_log(process))
        try:
            if front is None:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            else:
                _connect_unix(str(socket_path)).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise TimeoutError(f"gunicorn did not start:\n{server_log(process)}")


def _connect_unix(path):
    client = socket.socket(socket.AF_UNIX)
    try:
        client.connect(path)
    except OSError:
        client.close()
        raise
    return client


def server_log(process):
    process.log.seek(0)
    return process.log.read()


def stop_server(process):
    process.terminate()
    process.wait(timeout=30)
    process.log.close()
    if process.front is not None:
        process.front.cut()


class Link:
    """A TCP port on 127.0.0.1 that forwards to a service (PostgreSQL, Redis: a port on this machine, or a
    socket file): point the site at it, then `cut()` it, and the service is gone as if stopped (the port
    refuses connections and every open one is dropped), until `mend()`.

    In a `namespace`, the port is the namespace's own 127.0.0.1 (for a site running there), and the
    namespace can also `drop()` what is sent to it: the service stops answering, as a vanished host does.
    """

    def __init__(self, target, *, namespace=None):
        self.target = target
        self.namespace = namespace
        self.port = free_port() if namespace is None else None
        self.sockets = set()
        self.lock = threading.Lock()
        self.listener = None
        self.mend()

    def mend(self):
        if self.namespace is None:
            listener = socket.socket()
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(("127.0.0.1", self.port))
            listener.listen(64)
        else:
            listener = self.namespace.listener(self.port or 0)
            self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _connect_target(self):
        if isinstance(self.target, str):
            return _connect_unix(self.target)
        return socket.create_connection(("127.0.0.1", self.target))

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
                upstream = self._connect_target()
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


class StalledPeer:
    """A server on 127.0.0.1 that accepts connections and then never says a word: a payment provider (or
    any service) that hangs."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            self.connections.append(client)

    def close(self):
        self.listener.close()
        for client in self.connections:
            client.close()


# Made in the namespace, bound there, and handed back to this process over a socket pair (SCM_RIGHTS).
_LISTEN_IN_NAMESPACE = """
import socket, sys
listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", int(sys.argv[1])))
listener.listen(64)
socket.send_fds(socket.socket(fileno=int(sys.argv[2])), [b"listening"], [listener.fileno()])
"""


class Namespace:
    """A network namespace of the test's own (as root, with `ip`): a loopback of its own, on which
    `drop(port)` makes every packet sent to a port wait forever (a traffic class of 8 bits a second),
    as when a server's host vanishes or a firewall drops its traffic, until `restore()`. Nothing on
    this machine's own network changes."""

    def __init__(self):
        self.name = f"newsroom-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        subprocess.run(["ip", "netns", "add", self.name], check=True)
        self.run("ip", "link", "set", "lo", "up")

    def command(self, argv):
        return ["ip", "netns", "exec", self.name, *argv]

    def run(self, *argv):
        subprocess.run(self.command(argv), check=True, capture_output=True)

    def listener(self, port=0):
        """A listening TCP socket on the namespace's 127.0.0.1, usable from this process."""
        ours, theirs = socket.socketpair()
        with ours, theirs:
            child = subprocess.Popen(
                self.command([sys.executable, "-c", _LISTEN_IN_NAMESPACE, str(port), str(theirs.fileno())]),
                pass_fds=[theirs.fileno()],
            )
            _message, fds, _flags, _address = socket.recv_fds(ours, 64, 1)
            child.wait(timeout=10)
        return socket.socket(fileno=fds[0])

    def drop(self, port):
        self.run("tc", "qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "20")
        self.run("tc", "class", "add", "dev", "lo", "parent", "1:", "classid", "1:20", "htb", "rate", "10gbit")
        self.run(
            *("tc", "class", "add", "dev", "lo", "parent", "1:", "classid", "1:10", "htb"),
            *("rate", "8bit", "ceil", "8bit", "burst", "1b", "cburst", "1b"),
        )
        self.run(
            *("tc", "filter", "add", "dev", "lo", "parent", "1:", "protocol", "ip", "prio", "1", "u32"),
            *("match", "ip", "dport", str(port), "0xffff", "flowid", "1:10"),
        )
        # The class lets its first packet through: a datagram of no interest takes that place.
        self.run(sys.executable, "-c", f"import socket; socket.socket(2, 2).sendto(b'-', ('127.0.0.1', {port}))")

    def restore(self):
        self.run("tc", "qdisc", "del", "dev", "lo", "root")

    def close(self):
        subprocess.run(["ip", "netns", "delete", self.name], check=False)
