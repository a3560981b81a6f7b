import logging

from django.core.cache import cache, caches
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from vos.common.cache import ResilientRedisCache

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors. 200 ``ok`` when everything answers; 200
    ``degraded`` when Redis is away (the site goes on without it: sessions from the
    database, rate limits open, caches missed); 503 ``unavailable`` naming the database
    when it does not answer."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # any failure of the database means "down", whatever its kind
        logger.exception("health check: database")
        checks["database"] = "failed"
    shared = caches["default"]
    if isinstance(shared, ResilientRedisCache):
        checks["redis"] = "ok" if shared.ping() else "failed"
    else:
        try:
            cache.set("healthz", "ok", 10)
            checks["cache"] = "ok" if cache.get("healthz") == "ok" else "failed"
        except Exception:  # a cache of another kind failing, whatever its error
            logger.exception("health check: cache")
            checks["cache"] = "failed"
    failed = sorted(name for name, state in checks.items() if state != "ok")
    unavailable = checks["database"] != "ok"
    status = "unavailable" if unavailable else ("degraded" if failed else "ok")
    body = {"status": status, "checks": checks}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=503 if unavailable else 200)
