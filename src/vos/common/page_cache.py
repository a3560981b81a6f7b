"""Anonymous pages served from the shared cache, and always correct.

A page is stored under a key made of everything it depends on: the address with its
query, the language, the reader's zone (and whether it came from the browser), and the
site's content version. Any change to what pages show (a save or delete of a model of
the forum's apps, once its transaction commits) moves the version on, so every page is
built again on its next request; a short lifetime bounds what a change made outside the
ORM's signals could leave behind. The version lives in the shared cache (Redis), so a
change through one app process is seen by all at once.

The masked CSRF token of the header's forms is kept out of the stored page: each reader
gets their own, as if the page were built for them.
"""

import hashlib
import time
from collections.abc import Callable, Iterable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString, mark_safe

from vos.common.middleware import MASKED_CSRF_TOKEN, reader_etag, shown_digest

VERSION_KEY = "page-cache:version"
# Part of every page's key: a new shape of what is stored is never read by older code.
STORED_SHAPE = "2"
TOKEN_PLACEHOLDER = b"__vos_csrf_token__"
CACHEABLE = {
    "home",
    "activity.program",
    "activity.detail",
    "edition.detail",
    "edition.list",
    "organization.directory",
    "organization.detail",
    "initiative.detail",
    "initiative.calendar",
    "declaration.list",
    "news.list",
    "news.subject",
    "news.article",
    "news.page",
    "intention",
    "intention.compare",
}
# The API's public reads, asked without a token: the same for every client. A stored
# answer costs no query, so the per-address rate limit only counts answers built anew.
CACHEABLE_API = {
    "api-v1:list_activities",
    "api-v1:get_activity",
    "api-v1:list_editions",
    "api-v1:get_edition",
    "api-v1:list_key_dates",
    "api-v1:list_activity_types",
    "api-v1:list_themes",
    "api-v1:list_rooms",
    "api-v1:list_organizations",
    "api-v1:get_organization",
    "api-v1:list_initiatives",
    "api-v1:get_initiative",
    "api-v1:list_actions",
    "api-v1:list_declarations",
    "api-v1:get_declaration",
    "api-v1:get_person",
    "api-v1:list_articles",
    "api-v1:get_article",
    "api-v1:list_subjects",
}
# What pages never show: saving these does not move the version on.
NOT_SHOWN = {
    "sessions",
    "admin",
    "contenttypes",
    "auth",
    "django_tasks_database",
    "account",
    "mail",
}
NOT_SHOWN_MODELS = {"logentry", "reviewdigest", "remindersent", "apitoken", "remindersettings"}
# Shown, but each change only on a few pages: their app says which (see places_changed),
# so that the opening's flood of registrations does not empty the whole cache.
SHOWN_BY_THEIR_APP = {"registration"}


def _new_version() -> int:
    # From the clock, not 1: after the cache lost the counter (emptied, evicted), a new
    # one must not meet pages stored under an old number.
    return time.time_ns() // 1000


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _new_version()
    return int(version)


def trust_content_version() -> bool:
    """Whether "nothing changed since version N" may be taken from the version alone:
    where the page cache is on, that is with a cache every app process shares."""
    return settings.PAGE_CACHE_SECONDS > 0


def cache_is_shared() -> bool:
    """Whether what one process puts in the cache is seen by the others (Redis, a
    database cache), unlike each process's own local memory."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def content_changed() -> None:
    """Every stored page is out of date from now on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no counter (the cache was emptied, or it was never read)
        cache.set(VERSION_KEY, _new_version(), timeout=None)


# Fields whose change no page shows (a login stamps the account).
UNSHOWN_FIELDS = {"last_login"}


def _on_change(sender, update_fields=None, **kwargs) -> None:
    meta = sender._meta
    if (
        meta.app_label in NOT_SHOWN
        or meta.model_name in NOT_SHOWN_MODELS
        or meta.model_name in SHOWN_BY_THEIR_APP
        # A model says so itself when no cached page shows it (the forum's debate, the
        # live sessions): a busy debate does not empty the program's cache.
        or not getattr(sender, "shown_on_cached_pages", True)
    ):
        return
    if update_fields and set(update_fields) <= UNSHOWN_FIELDS:
        return
    transaction.on_commit(content_changed)


def connect() -> None:
    """Called once by CommonConfig.ready: watch every model of the site."""
    for model in apps.get_models():
        if model._meta.app_label in NOT_SHOWN:
            continue
        uid = f"page-cache:{model._meta.label}"
        post_save.connect(_on_change, sender=model, dispatch_uid=uid + ":save")
        post_delete.connect(_on_change, sender=model, dispatch_uid=uid + ":delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_change, sender=field.remote_field.through, dispatch_uid=uid + field.name
            )


def _places_key(activity_id: int) -> str:
    return f"page-cache:places:{activity_id}"


def places_changed(activity_id: int) -> None:
    """The places taken in one activity changed: its own page is out of date (the rest
    only when it becomes full or has room again, which moves the content version)."""
    cache.set(_places_key(activity_id), time.time_ns(), timeout=None)


def _places_version(request: HttpRequest) -> str:
    match = request.resolver_match
    if match.url_name != "activity.detail":
        return ""
    return str(cache.get(_places_key(match.kwargs.get("pk")), ""))


def _key(request: HttpRequest, version: int, *also: str) -> str:
    parts = [
        STORED_SHAPE,
        str(version),
        request.LANGUAGE_CODE,
        getattr(request, "time_zone", ""),
        getattr(request, "time_zone_source", ""),
        request.get_full_path(),
        *also,
    ]
    return "page-cache:" + hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def cached_fragment(
    request: HttpRequest,
    name: str,
    build: Callable[[], str],
    *,
    also: Iterable[str] | Callable[[], Iterable[str]] = (),
) -> SafeString:
    """The part of a page that every reader of the same address, language and zone sees
    (signed in or not), built once per content version and kept in the shared cache;
    each reader's own parts are added around it. ``also`` names anything else the part
    depends on (a function giving it, when working it out costs queries: it is called
    only when the cache is used). Built every time where the version is not shared."""
    if not trust_content_version():
        return mark_safe(build())  # noqa: S308 - built by a template or our own escaping code
    if callable(also):
        also = also()
    key = "fragment:" + name + ":" + _key(request, content_version(), *also)
    html = cache.get(key)
    if html is None:
        html = str(build())
        cache.set(key, html, settings.PAGE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - stored from the build above


def _cacheable(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    return (
        trust_content_version()
        and request.method in ("GET", "HEAD")
        and match is not None
        and (
            match.url_name in CACHEABLE
            or (match.view_name in CACHEABLE_API and "Authorization" not in request.headers)
        )
        and not request.user.is_authenticated
        # A session or a message belongs to one reader.
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


class PageCacheMiddleware:
    """Inside CsrfViewMiddleware, so that the token put into a stored page still gets
    its cookie."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self._store(request, self.get_response(request))

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not _cacheable(request):
            return None
        version = content_version()
        request._page_cache_key = _key(request, version, _places_version(request))
        stored = cache.get(request._page_cache_key)
        if stored is None:
            return None
        content, content_type, digest = stored
        token = get_token(request).encode()
        response = HttpResponse(
            content.replace(TOKEN_PLACEHOLDER, token), content_type=content_type
        )
        if digest:  # worked out when stored: the reader's ETag without reading the page
            response["ETag"] = reader_etag(request, digest)
        response["X-Page-Cache"] = "hit"
        return response

    def _store(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        key = getattr(request, "_page_cache_key", None)
        if (
            key is None
            or response.status_code != 200
            or response.streaming
            or response.has_header("X-Page-Cache")
            or response.cookies  # set for this reader (a zone, a language)
        ):
            return response
        content = MASKED_CSRF_TOKEN.sub(rb"\1" + TOKEN_PLACEHOLDER + rb"\2", response.content)
        html = response["Content-Type"].startswith("text/html")
        stored = (content, response["Content-Type"], shown_digest(response.content) if html else "")
        cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
        return response
