import logging
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from vos.common.forms import TimeZoneForm
from vos.common.http import safe_next
from vos.common.timezones import zone_choices

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """The current or next edition: dates, key dates, countdown, now and next."""

    template_name = "common/home.html"

    def get_context_data(self, **kwargs):
        from vos.activity.queries import activities_featured, activities_now_and_next
        from vos.edition.queries import edition_for_home, editions_open_for_proposals

        now = timezone.now()
        edition = edition_for_home(now)
        context = {**super().get_context_data(**kwargs), "now": now, "edition": edition}
        if edition is not None:
            happening, upcoming = activities_now_and_next(edition, now)
            context.update(
                {
                    "happening": happening,
                    "upcoming": upcoming,
                    "featured": activities_featured(edition),
                    "countdown": edition.starts_at - now if edition.starts_at > now else None,
                    "key_dates": list(edition.key_dates.all()),
                }
            )
        context["open_editions"] = editions_open_for_proposals(now)
        return context


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database and the cache answer, 503 naming what failed."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # any failure of the database means "down", whatever its kind
        logger.exception("health check: database")
        checks["database"] = "failed"
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "failed"
    except Exception:  # idem for the cache
        logger.exception("health check: cache")
        checks["cache"] = "failed"
    failed = sorted(name for name, state in checks.items() if state != "ok")
    body = {"status": "ok" if not failed else "unavailable", "checks": checks}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=503 if failed else 200)


def time_zone_choose(request: HttpRequest) -> HttpResponse:
    """Pick the zone in which every time is shown; kept in a cookie and the profile."""
    from vos.person.services import person_set_time_zone

    if request.method == "POST":
        form = TimeZoneForm(request.POST)
        if form.is_valid():
            zone = form.cleaned_data["time_zone"]
            if request.user.is_authenticated:
                person_set_time_zone(person=request.user, time_zone=zone)
            response = HttpResponseRedirect(safe_next(request))
            response.set_cookie(
                settings.TIME_ZONE_COOKIE,
                quote(zone, safe=""),
                max_age=365 * 24 * 3600,
                samesite="Lax",
                secure=request.is_secure(),
            )
            messages.success(request, _("Times are now shown in %(zone)s.") % {"zone": zone})
            return response
    else:
        form = TimeZoneForm(initial={"time_zone": request.time_zone})
    query = request.GET.get("q", "").strip().lower()
    choices = zone_choices()
    matches = [c for c in choices if query in c[1].lower()] if query else []
    return render(
        request,
        "common/time_zone.html",
        {
            "form": form,
            "zone_choices": choices,
            "query": query,
            "matches": matches[:50],
            "next": safe_next(request),
        },
        status=400 if form.errors else 200,
    )
