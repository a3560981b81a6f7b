"""Small helpers for views of every app."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest, fallback: str = "/") -> str:
    """The ``next`` address of a form or link, if it is a path on this site; else
    ``fallback``."""
    candidate = request.POST.get("next") or request.GET.get("next") or fallback
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


def client_address(request: HttpRequest) -> str:
    """The client's network address: the last one our own proxy added to
    X-Forwarded-For (anything before it the client may have written), else the socket's."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
