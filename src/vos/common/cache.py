"""The shared cache on Redis, degrading instead of failing while Redis is away.

Everything the site keeps in the cache can be rebuilt or done without: sessions are in
the database too (``cached_db``), rate limits fail open, cached pages and exports are
rebuilt. So while Redis is down every cache operation behaves as a miss (and is logged,
once a minute), and everything comes back by itself when Redis does.
"""

import logging
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, every operation turned into a miss while Redis is away."""

    _last_warning = 0.0

    def _away(self, operation: str, error: Exception, default: Any = None) -> Any:
        now = time.monotonic()
        if now - ResilientRedisCache._last_warning > 60:
            ResilientRedisCache._last_warning = now
            logger.warning(
                "Redis is unreachable (%s: %s); the cache misses and rate limits are open",
                operation,
                error,
            )
        return default

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNREACHABLE as error:
            # Granted: with no shared state there is nothing to wait for, and rate limits
            # built on add() as a lock (allauth's) then fail open instead of refusing.
            # Nothing in the site relies on the cache for mutual exclusion.
            return self._away("add", error, True)

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNREACHABLE as error:
            return self._away("get", error, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout, version)
        except UNREACHABLE as error:
            return self._away("set", error)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNREACHABLE as error:
            return self._away("touch", error, False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNREACHABLE as error:
            return self._away("delete", error, False)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNREACHABLE as error:
            return self._away("get_many", error, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNREACHABLE as error:
            return self._away("has_key", error, False)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except UNREACHABLE as error:
            self._away("incr", error)
            raise ValueError(f"Key '{key}' not found") from error  # as for a missing key

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNREACHABLE as error:
            return self._away("set_many", error, list(data))

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except UNREACHABLE as error:
            return self._away("delete_many", error)

    def clear(self):
        try:
            return super().clear()
        except UNREACHABLE as error:
            return self._away("clear", error, False)

    def ping(self) -> bool:
        """Whether Redis answers now (for the health check); never raises."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except UNREACHABLE:
            return False
