"""Gunicorn's settings for Newsroom, read from the environment (docs/deploy.md).

Gunicorn reads this file from the working directory, so `gunicorn newsroom.wsgi` in the checkout is the
production server. Every value has a default that suits one small server behind nginx or a CDN.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}.") from None


# Where to listen: GUNICORN_BIND ("127.0.0.1:8000", "unix:/run/newsroom.sock"), or all addresses on PORT
# as container platforms expect.
_port = os.environ.get("PORT", "").strip()
bind = os.environ.get("GUNICORN_BIND") or (f"0.0.0.0:{_port}" if _port else "127.0.0.1:8000")

# Pages are rendered in a few milliseconds and wait on the database, so two processes per core keep the
# cores busy. WEB_CONCURRENCY is the name hosting platforms set.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2)
# More than one thread per process lets a worker take another request while one waits on the network
# (the payment provider, object storage).
threads = _int("GUNICORN_THREADS", 1)

# Slow clients. Behind nginx (docs/deploy.md), nginx reads each request whole before it reaches gunicorn,
# so a client that sends a byte a minute costs nothing. Facing the internet itself, a sync or threaded
# worker would give such a client a whole worker or thread until it finishes: fifty of them hold the
# site. So when gunicorn listens on a public address it runs gevent workers, which read each request in
# a greenlet of its own and hand it to Django only once it has arrived (at most
# GUNICORN_WORKER_CONNECTIONS at once per worker). GUNICORN_WORKER_CLASS chooses either way.
_host = bind.rsplit(":", 1)[0].strip("[]")
_public = not bind.startswith(("unix:", "fd://")) and _host not in ("127.0.0.1", "localhost", "::1")
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "").strip() or ("gevent" if _public else "sync")
worker_connections = _int("GUNICORN_WORKER_CONNECTIONS", 200)
if worker_class == "gevent":
    # Before the application is loaded (preload_app), so that every module it imports gets the cooperative
    # sockets and locks; the database driver still blocks its greenlet's worker while it waits, as a sync
    # worker would.
    from gevent import monkey

    monkey.patch_all()
    # Each greenlet has a database connection of its own while it answers: one kept after the request would
    # never be used again, so each is closed at the end of its request. A worker may still hold up to
    # GUNICORN_WORKER_CONNECTIONS at once: keep workers x that under PostgreSQL's max_connections.
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "0")
# A request that takes longer is cut off and its worker restarted: nothing a reader does should take this long.
timeout = _int("GUNICORN_TIMEOUT", 30)
# A database statement that runs longer than half of that is cut off by PostgreSQL itself, so the worker
# answers (a 503) instead of being killed mid-request. Read by the settings, which load after this file.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", str(timeout / 2))
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Behind nginx or a load balancer, keep the connection open for the next request.
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Restart each worker after this many requests (spread out so that they do not all restart at once),
# which bounds any slow growth of memory.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10

# Load the application once before forking, so workers start fast and share memory.
preload_app = True
# Access lines on standard output, errors on standard error, for the service manager's journal.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
