"""Pages that update while open, by cheap conditional polling: each live topic (a
plenary's notes, later a speakers' queue) has a version in the shared cache, moved on by
every change once its transaction commits. A page asks every 1.5 seconds with the version
it has (``If-None-Match``); while nothing changed the answer is an empty 304 built from
the cache alone, without a query. Pages without JavaScript refresh themselves.

The version starts from the clock, so a counter lost with the cache never comes back to a
number a page already holds. While the cache is away every answer is a full one."""

import time

from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified


def _key(topic: str) -> str:
    return f"live:{topic}"


def _moved(topic: str) -> None:
    try:
        cache.incr(_key(topic))
    except ValueError:  # no counter yet, or the cache lost it
        cache.set(_key(topic), time.time_ns(), timeout=None)


def changed(topic: str) -> None:
    """The topic changed: open pages fetch it again (once the transaction commits)."""
    transaction.on_commit(lambda: _moved(topic))


def version(topic: str) -> str:
    value = cache.get(_key(topic))
    if value is None:
        cache.add(_key(topic), time.time_ns(), timeout=None)
        value = cache.get(_key(topic))
    return "" if value is None else f'"{value}"'


def not_modified(request: HttpRequest, topic: str) -> tuple[HttpResponse | None, str]:
    """A 304 when the page holds the current version, else None; and that version."""
    current = version(topic)
    if current and request.headers.get("If-None-Match") == current:
        response = HttpResponseNotModified()
        response["ETag"] = current
        return response, current
    return None, current


def stamped(response: HttpResponse, current: str) -> HttpResponse:
    if current:
        response["ETag"] = current
    response["Cache-Control"] = "no-cache"
    return response
