"""Django's Redis cache client, with one Redis client per connection pool for the life of the process.

Django's own client builds a new `redis.Redis` for every cache call, and building one registers a hundred and
seventy response callbacks: on a page served from the cache that cost as much as the round trip to Redis
itself. A `redis.Redis` is safe to share between threads (each command takes a connection from the pool), so
this client builds it once per pool and keeps it. Everything else, options and timeouts included, is Django's.
The site's cache backend (newsroom.outages.RedisCache) guards this client's calls.
"""

from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client
