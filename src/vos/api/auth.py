"""Who is calling: personal tokens for writes, and the rate limits per address and token."""

import hashlib

from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from vos.person.models import User
from vos.person.services import api_token_authenticate


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        person = api_token_authenticate(token)
        if person is not None:
            request.user = person
        return person


class AddressThrottle(SimpleRateThrottle):
    """Requests without a token, counted per client address."""

    scope = "address"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if request.headers.get("Authorization"):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class TokenThrottle(SimpleRateThrottle):
    """Requests with a token, counted per token (its hash, never the token itself)."""

    scope = "token"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        header = request.headers.get("Authorization")
        if not header:
            return None
        return self.cache_format % {
            "scope": self.scope,
            "ident": hashlib.sha256(header.encode()).hexdigest(),
        }


# Endpoints that write name it as their ``auth``; reads need none.
WRITE = TokenAuth()
