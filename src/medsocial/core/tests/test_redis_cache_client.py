"""The Redis cache keeps one client per connection pool, and still reads and writes.

It runs against a real Redis on both database runs: the site's own cache when REDIS_URL is
set, otherwise a cache built here on this test worker's Redis database (TEST_REDIS_URL, or the
local server scripts/test starts)."""

import os

import pytest
import redis
from django.core.cache import caches

from medsocial.core.redis_cache import RedisCache
from medsocial.testing.plugin import missing_component, redis_url_for_this_worker


@pytest.fixture
def redis_cache():
    if isinstance(caches["default"], RedisCache):
        yield caches["default"]
        return
    url = redis_url_for_this_worker(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0"))
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError:
        missing_component(f"Redis does not answer at {url}")
    cache = RedisCache(url, {"KEY_PREFIX": "redis-cache-client-test"})
    cache.clear()
    yield cache
    cache.clear()


def test_every_cache_call_shares_one_client_per_pool(redis_cache):
    client = redis_cache._cache.get_client(None)
    redis_cache.set("shared-client", "yes", 30)
    assert redis_cache.get("shared-client") == "yes"
    assert redis_cache._cache.get_client(None) is client
    assert redis_cache._cache.get_client(None, write=True) is client  # a single server: one pool
