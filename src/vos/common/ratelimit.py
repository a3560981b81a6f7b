"""A counter in the shared cache: how many times something happened in a window."""

from django.core.cache import cache


def over_limit(key: str, limit: int, window: int) -> bool:
    """Count one more for ``key`` and say whether it went past ``limit`` within
    ``window`` seconds (the window starts at the first count)."""
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
