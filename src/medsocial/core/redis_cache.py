"""Django's Redis cache, with one client object per connection pool instead of one per call.

Django builds a new `redis.Redis` for every cache operation; redis-py fills a table of some
170 response callbacks in each one, which costs more than the round trip to Redis itself on
a cached page. A client only wraps its pool (it keeps no connection of its own), so it is
shared as safely as the pool Django already shares.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients: dict = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        """Redis takes any key: skip the check, per character, for memcached's limits (a cached
        signed-in page reads twenty-odd keys per hit)."""
