"""Services that stop answering cost the site one short wait, not one per request.

A database or Redis whose packets are dropped (a crashed host, a broken network) answers nothing: every
request that asks it waits for the whole timeout. `Breaker` remembers, in each process, that a service
just failed and makes every call in the next few seconds fail at once, as if the service had refused;
then one call is let through to try again, and the first success closes it. The site's answer to a
failure is unchanged (cached pages, uncached pages, a 503), only faster.

Two services use it, at the depth where every caller goes through:
- `RedisCache` (settings CACHES with REDIS_URL): Django's Redis cache, each operation guarded.
- `newsroom.postgresql` (the database engine with DATABASE_URL=postgres://…): new connections guarded.
"""

import functools
import logging
import threading
import time

import redis
from django.conf import settings
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from newsroom.cache import RedisCacheClient

logger = logging.getLogger(__name__)


class ServiceUnavailable(ConnectionError):
    """Raised without asking a service that failed a moment ago."""


class Breaker:
    """Open for settings.<retry_setting> seconds after a failure; `outages` counts the times it opened in
    this process."""

    def __init__(self, name, *, retry_setting, failures=(OSError,)):
        self.name = name
        self.retry_setting = retry_setting
        self.failures = failures
        self.open_until = 0.0
        self.outages = 0
        self._lock = threading.Lock()

    @property
    def retry_seconds(self):
        return getattr(settings, self.retry_setting)

    def check(self):
        """Raise ServiceUnavailable while open; once the time is up, the next call tries the service again."""
        if self.open_until and time.monotonic() < self.open_until:
            raise ServiceUnavailable(f"{self.name} failed less than {self.retry_seconds:g} s ago; not asked again yet")

    def failed(self, error):
        with self._lock:
            if not self.open_until:
                self.outages += 1
                logger.warning("%s unreachable (%s): not asked again for %g s.", self.name, error, self.retry_seconds)
            self.open_until = time.monotonic() + self.retry_seconds

    def succeeded(self):
        if self.open_until:
            with self._lock:
                if self.open_until:
                    logger.warning("%s answers again.", self.name)
                    self.open_until = 0.0

    def guard(self, call, *args, **kwargs):
        self.check()
        try:
            result = call(*args, **kwargs)
        except self.failures as error:
            self.failed(error)
            raise
        self.succeeded()
        return result


redis_breaker = Breaker(
    "Redis",
    retry_setting="REDIS_RETRY_SECONDS",
    failures=(redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError),
)


def _guarded(operation):
    @functools.wraps(operation)
    def guarded(self, *args, **kwargs):
        return redis_breaker.guard(operation, self, *args, **kwargs)

    return guarded


class GuardedRedisCacheClient(RedisCacheClient):
    """Django's Redis client (one per process, newsroom/cache.py), each network operation behind `redis_breaker`."""


for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
):
    setattr(GuardedRedisCacheClient, _name, _guarded(getattr(RedisCacheClient, _name)))


class RedisCache(DjangoRedisCache):
    """Django's Redis cache, failing at once for REDIS_RETRY_SECONDS after Redis failed to answer."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = GuardedRedisCacheClient
