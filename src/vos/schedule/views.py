"""Schedule exports for conference apps: outside the language prefix, cached, and
answered with 304 when the reader already has the current version."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from vos.common.encoding import accepted_encoding
from vos.edition.models import Edition
from vos.schedule.exports import ExportKind, schedule_export

CONTENT_TYPES: dict[ExportKind, str] = {
    "xml": "application/xml; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}


def _export_response(request: HttpRequest, slug: str, kind: ExportKind) -> HttpResponse:
    edition = get_object_or_404(Edition, slug=slug)
    # The site's address as this reader reached it: links in the export lead back there.
    encoding = accepted_encoding(request)
    export = schedule_export(
        edition,
        kind,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        encoding=encoding,
    )
    last_modified = int(export.last_modified.timestamp())
    response = get_conditional_response(request, etag=export.etag, last_modified=last_modified)
    # The same export compressed another way is another representation: a weak ETag.
    etag = f"W/{export.etag}" if encoding else export.etag
    if response is None:
        response = HttpResponse(export.body, content_type=CONTENT_TYPES[kind])
        response["Content-Disposition"] = f'inline; filename="{edition.slug}.{kind}"'
        if encoding:
            response["Content-Encoding"] = encoding  # compressed once, when it was built
    patch_vary_headers(response, ("Accept-Encoding",))
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    return response


@require_safe
def schedule_xml(request: HttpRequest, slug: str) -> HttpResponse:
    return _export_response(request, slug, "xml")


@require_safe
def schedule_json(request: HttpRequest, slug: str) -> HttpResponse:
    return _export_response(request, slug, "json")


@require_safe
def schedule_ics(request: HttpRequest, slug: str) -> HttpResponse:
    return _export_response(request, slug, "ics")
