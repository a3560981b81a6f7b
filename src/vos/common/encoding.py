"""Compressed bodies: brotli where the client takes it, else gzip. Pages are compressed
as they leave (``CompressionMiddleware``); what is built once and served many times (the
schedule exports) is kept compressed beside its plain body."""

import gzip
import re

import brotli
from django.http import HttpRequest

ACCEPTS_BROTLI = re.compile(r"\bbr\b")
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Compressed as they leave, on every request: quality 4 turns a day's program of 206 KB
# into 19.7 KB in 1.1 ms (5: 18.0 KB in 1.6 ms; gzip 6: 19.9 KB in 2.1 ms). On a cache
# hit this is most of the work, so the slightly bigger page is worth the time.
BROTLI_QUALITY = 4
# For bodies compressed once, off the request path: smaller is worth the time.
STORED_BROTLI_QUALITY = 9


def accepted_encoding(request: HttpRequest) -> str:
    """ "br", "gzip" or "" (the plain body), as the client's Accept-Encoding allows."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if ACCEPTS_BROTLI.search(accepted):
        return "br"
    return "gzip" if ACCEPTS_GZIP.search(accepted) else ""


def compressed_forms(body: bytes) -> dict[str, bytes]:
    """The body as brotli and as gzip, for a body with no secret in it (no BREACH
    padding is needed where nothing can be guessed)."""
    return {
        "br": brotli.compress(body, quality=STORED_BROTLI_QUALITY),
        "gzip": gzip.compress(body, compresslevel=6, mtime=0),
    }
