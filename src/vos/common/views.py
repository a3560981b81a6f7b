import datetime as dt
import json
import logging
import zoneinfo

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from vos.common.cache import ResilientRedisCache
from vos.common.dates import COMBINED, SKELETONS, format_local
from vos.common.templatetags.vos import format_moment, until_text
from vos.common.timezones import canonical_zone
from vos.common.zone_search import find_zones, zone_full_label, zone_name

logger = logging.getLogger(__name__)


def _tasks_waiting_too_long() -> bool:
    """Whether a task has been due for longer than WORKER_STALL_SECONDS: no worker is
    taking tasks (stopped, or stuck), so emails and reminders wait."""
    threshold = timezone.now() - dt.timedelta(seconds=settings.WORKER_STALL_SECONDS)
    return (
        DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        .filter(Q(run_after=get_date_max(), enqueued_at__lt=threshold) | Q(run_after__lt=threshold))
        .exists()
    )


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors. 200 ``ok`` when everything answers; 200
    ``degraded`` when Redis is away (the site goes on without it: sessions from the
    database, rate limits open, caches missed) or when no worker has taken the tasks
    that wait (emails and reminders are late); 503 ``unavailable`` when the database does
    not answer. ``failed`` names what is wrong."""
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
    if settings.TASKS_BACKEND == "database" and checks["database"] == "ok":
        checks["worker"] = "stalled" if _tasks_waiting_too_long() else "ok"
    failed = sorted(name for name, state in checks.items() if state != "ok")
    unavailable = checks["database"] != "ok"
    status = "unavailable" if unavailable else ("degraded" if failed else "ok")
    body = {"status": status, "checks": checks}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=503 if unavailable else 200)


@require_GET
def zone_suggestions(request: HttpRequest) -> JsonResponse:
    """The zones a typed country, city or zone id may mean, in the page's language, for
    the zone pickers' suggestion list."""
    query = request.GET.get("q", "")[:100]
    zones = [
        {"zone": match.zone, "name": match.name, "label": match.label, "matched": match.matched}
        for match in find_zones(query)
    ]
    response = JsonResponse({"zones": zones})
    # The same for everyone; offsets move at most twice a year.
    response["Cache-Control"] = "public, max-age=3600"
    return response


MOST_TIMES = 3000
STYLES = {*SKELETONS, *COMBINED, "long_date"}


def _moment(text) -> dt.datetime:
    moment = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment


@csrf_exempt  # it changes nothing: it renders times
@require_POST
def local_times(request: HttpRequest) -> JsonResponse:
    """The times of a page rendered again in the zone that timezone.js found on a first
    visit, in the same words and formats as the page, so that the page need not load
    twice. Each time is one of the page's own ``<time data-when…>`` elements."""
    try:
        asked = json.loads(request.body)
        zone = canonical_zone(asked["zone"])
        items = asked["times"][:MOST_TIMES]
        if zone is None or not isinstance(items, list):
            raise ValueError(asked["zone"])
        with timezone.override(zoneinfo.ZoneInfo(zone)):
            texts = [_render_time(item) for item in items]
            labels = {
                "times_in": _("Times in %(zone)s") % {"zone": zone_full_label(zone)},
                "shown_in": _("Times are shown in %(zone)s.") % {"zone": zone_full_label(zone)},
                "name": zone_name(zone),
            }
    except (ValueError, KeyError, TypeError, AttributeError):
        return JsonResponse({"error": "unreadable"}, status=400)
    return JsonResponse({"zone": zone, "texts": texts, "labels": labels})


def _render_time(item: dict) -> str:
    kind, at = item["kind"], _moment(item["at"])
    if kind == "until":
        return until_text(_moment(item["from"]), at)
    style = item["style"]
    if style not in STYLES:
        raise ValueError(style)
    if kind == "when":
        return format_moment(at, style)
    if kind == "local":
        return format_local(timezone.localtime(at), style)
    raise ValueError(kind)
