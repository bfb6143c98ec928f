"""The Redis cache keeps one client per connection pool, and still reads and writes."""

import pytest
from django.core.cache import caches

from medsocial.core.redis_cache import RedisCache

cache = caches["default"]

pytestmark = pytest.mark.skipif(
    not isinstance(cache, RedisCache), reason="the cache is not Redis (REDIS_URL is not set)"
)


def test_every_cache_call_shares_one_client_per_pool():
    client = cache._cache.get_client(None)
    cache.set("shared-client", "yes", 30)
    assert cache.get("shared-client") == "yes"
    assert cache._cache.get_client(None) is client
    assert cache._cache.get_client(None, write=True) is client  # a single server: one pool
