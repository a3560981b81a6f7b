"""Request-wide settings: the reader's time zone and the content security policy."""

import zoneinfo
from collections.abc import Callable
from urllib.parse import unquote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

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
