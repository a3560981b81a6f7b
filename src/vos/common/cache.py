"""The shared cache on Redis, degrading instead of failing while Redis is away.

Everything the site keeps in the cache can be rebuilt or done without: sessions are in
the database too (``cached_db``), rate limits fail open, cached pages and exports are
rebuilt. So while Redis is down every cache operation behaves as a miss (and is logged,
once a minute), and everything comes back by itself when Redis does.
"""

import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


# What each operation answers while Redis is away: a miss, nothing stored. ``add`` is
# granted: with no shared state there is nothing to wait for, so rate limits built on add()
# as a lock (allauth's) fail open instead of refusing. Nothing in the site relies on the
# cache for mutual exclusion.
WHILE_AWAY = {
    "add": lambda *args, **kwargs: True,
    "get": lambda key, default=None, version=None: default,
    "set": lambda *args, **kwargs: None,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "set_many": lambda data, *args, **kwargs: list(data),
    "delete_many": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: False,
}


def _warn(operation: str, error: Exception) -> None:
    now = time.monotonic()
    if now - ResilientRedisCache.last_warning > 60:
        ResilientRedisCache.last_warning = now
        logger.warning(
            "Redis is unreachable (%s: %s); the cache misses and rate limits are open",
            operation,
            error,
        )


def _guarded(operation: str):
    original = getattr(RedisCache, operation)
    away = WHILE_AWAY[operation]

    def method(self, *args, **kwargs):
        try:
            return original(self, *args, **kwargs)
        except UNREACHABLE as error:
            _warn(operation, error)
            return away(*args, **kwargs)

    method.__name__ = operation
    return method


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, every operation turned into a miss while Redis is away."""

    last_warning = 0.0

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            _warn("incr", error)
            raise ValueError(f"Key '{key}' not found") from error  # as for a missing key

    def ping(self) -> bool:
        """Whether Redis answers now (for the health check); never raises."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNREACHABLE:
            return False


for _operation in WHILE_AWAY:
    setattr(ResilientRedisCache, _operation, _guarded(_operation))
