"""Request-wide settings: the reader's time zone, the content security policy, and the
refusal of input that no field can hold."""

import hashlib
import json
import re
import zoneinfo
from collections.abc import Callable
from urllib.parse import unquote

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from vos.common.encoding import ACCEPTS_BROTLI, BROTLI_QUALITY
from vos.common.timezones import canonical_zone


def zone_for_request(request: HttpRequest) -> tuple[str, str]:
    """The reader's zone and where it came from: profile, then browser cookie, then site."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        zone = canonical_zone(user.time_zone)
        if zone:
            return zone, "profile"
    cookie = request.COOKIES.get(settings.TIME_ZONE_COOKIE)
    zone = canonical_zone(unquote(cookie)) if cookie else None
    if zone:
        return zone, "cookie"
    return canonical_zone(settings.VOS_DEFAULT_TIME_ZONE) or "UTC", "default"


class ContentLanguageMiddleware:
    """``?lang=fr`` on an address without a language prefix (the API, the exports, the
    feeds): the language of the texts, before the browser's ``Accept-Language`` that
    LocaleMiddleware has read. A prefixed page keeps its prefix's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        asked = request.GET.get("lang", "")
        if asked in self.languages and not translation.get_language_from_path(request.path_info):
            translation.activate(asked)
            request.LANGUAGE_CODE = asked
        return self.get_response(request)


class TimeZoneMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone, source = zone_for_request(request)
        request.time_zone = zone
        request.time_zone_source = source
        timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


# NUL and lone surrogates: PostgreSQL refuses them, SQLite stores them and gives them back
# raw in pages and calendar files; no person types them.
UNREADABLE = re.compile("[\x00\ud800-\udfff]")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def unreadable_input(request: HttpRequest) -> bool:
    """Whether the address, the query, a form field or a JSON string holds NUL or a lone
    surrogate."""
    texts = [request.path, *request.GET.keys()]
    texts += [value for values in request.GET.lists() for value in values[1]]
    if request.method in ("POST", "PUT", "PATCH", "DELETE"):
        if request.content_type == "application/json":
            try:
                texts += list(_strings(json.loads(request.body or b"null")))
            except ValueError:
                return False  # not JSON at all: the API says so itself
        elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            texts += list(request.POST.keys())
            texts += [value for values in request.POST.lists() for value in values[1]]
    return any(UNREADABLE.search(text) for text in texts)


class UnreadableInputMiddleware:
    """A clear 400 for input that no field can hold, before any view sees it: nothing is
    stored, and nothing comes back raw in a page, a feed or an export."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not unreadable_input(request):
            return self.get_response(request)
        message = _(
            "Part of what was sent holds characters that cannot be read (a NUL byte or a "
            "broken character). Please type it again."
        )
        if request.path.startswith("/api/"):
            return JsonResponse({"code": "invalid_input", "message": message}, status=400)
        return render(request, "common/bad_input.html", {"message": message}, status=400)


# What partner sites may read from their own pages: the read API, the exports, the feeds.
OPEN_READS = re.compile(r"^/(?:api/v1/|feeds/|editions/[^/]+/schedule\.(?:xml|json|ics)$)")
OPEN_READ_METHODS = ("GET", "HEAD")


class OpenReadsMiddleware:
    """CORS for reads only: any origin may read the open data (``*``, so never with the
    reader's cookies or token); a cross-origin write is refused by the browser, as the
    preflight of anything but a read gets no permission."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not OPEN_READS.match(request.path_info):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            if request.META["HTTP_ACCESS_CONTROL_REQUEST_METHOD"].upper() in OPEN_READ_METHODS:
                response["Access-Control-Allow-Origin"] = "*"
                response["Access-Control-Allow-Methods"] = ", ".join(OPEN_READ_METHODS)
                response["Access-Control-Allow-Headers"] = (
                    "Accept, Accept-Language, If-None-Match, If-Modified-Since"
                )
                response["Access-Control-Max-Age"] = "86400"
            return response
        response = self.get_response(request)
        if request.method in OPEN_READ_METHODS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response


# The masked CSRF token differs on every render although it stands for the same secret.
MASKED_CSRF_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')


class StableETagMiddleware:
    """An ETag from what a page shows: its HTML without the masked CSRF tokens, plus the
    reader's CSRF secret (a page kept from before the secret changed would carry tokens
    that no longer pass). ConditionalGetMiddleware, outside this one, then answers 304
    to a reader who has the page already."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and not response.has_header("ETag")
            and response.get("Content-Type", "").startswith("text/html")
        ):
            response["ETag"] = reader_etag(request, shown_digest(response.content))
        return response


def shown_digest(content: bytes) -> str:
    """A digest of what a page shows: its HTML without the masked CSRF tokens."""
    return hashlib.blake2b(MASKED_CSRF_TOKEN.sub(rb"\1\2", content), digest_size=16).hexdigest()


def reader_etag(request: HttpRequest, digest: str) -> str:
    """The page's ETag for this reader: what it shows, and their CSRF secret."""
    secret = request.META.get("CSRF_COOKIE", "")
    return '"' + hashlib.blake2b(f"{digest}:{secret}".encode(), digest_size=16).hexdigest() + '"'


class CompressionMiddleware(GZipMiddleware):
    """Brotli for clients that take it, gzip for the others (Django's, with its
    length-hiding padding against BREACH; CSRF tokens are masked anew on every page
    too). Just inside WhiteNoise, whose static files come precompressed: conditional
    answers (304) are decided further inside, on the uncompressed page."""

    def process_response(self, request, response):
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
            or not ACCEPTS_BROTLI.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        # The same page compressed differently: the ETag becomes weak, as gzip's does.
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        response["Content-Encoding"] = "br"
        return response
