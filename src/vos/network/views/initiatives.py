"""Initiatives and the common calendar of actions (a page, an iCal feed per filter)."""

import datetime as dt
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from icalendar import Calendar, Event, vText

from vos.activity.models import CoOrganization
from vos.activity.queries import activities_public
from vos.common.forms import errors_onto
from vos.common.locales import country_name
from vos.common.timezones import local_midnight
from vos.network import queries
from vos.network.forms import ActionDateFormSet, CalendarFilterForm, InitiativeForm
from vos.network.models import THEMES, Initiative
from vos.network.services import (
    initiative_create,
    initiative_support,
    initiative_unsupport,
    initiative_update,
    may_change_initiative,
    organizations_administered,
)
from vos.organization.models import Organization

PER_PAGE = 50


def _activities_of(organizations) -> list:
    """The public activities these organizations co-organize, to link an initiative to."""
    return list(
        activities_public()
        .filter(
            co_organizations__organization__in=organizations,
            co_organizations__status=CoOrganization.Status.ACCEPTED,
        )
        .distinct()
        .order_by("-starts_at")[:100]
    )


def _dates_initial(initiative: Initiative) -> list[dict]:
    rows = []
    for date in initiative.dates.all():
        zone = timezone.localtime(date.starts_at, _zone(date.typed_time_zone))
        rows.append(
            {
                "title": date.title,
                "start": zone.replace(tzinfo=None),
                "end": timezone.localtime(date.ends_at, _zone(date.typed_time_zone)).replace(
                    tzinfo=None
                )
                if date.ends_at
                else None,
                "time_zone": date.typed_time_zone,
                "place": date.place,
                "online_url": date.online_url,
            }
        )
    return rows


def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def _save(request: HttpRequest, form, dates, save) -> HttpResponse | None:
    if not (form.is_valid() and dates.is_valid()):
        return None
    rows = [row.data_or_none() for row in dates.forms]
    try:
        initiative = save(form.to_data([row for row in rows if row is not None]))
    except ValidationError as error:
        errors_onto(form, error)
        return None
    messages.success(request, _("Saved."))
    return redirect(initiative)


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    organizations = organizations_administered(request.user)
    if not organizations:
        raise Http404
    chosen = request.GET.get("organization")
    form = InitiativeForm(
        request.POST or None,
        organizations=organizations,
        activities=_activities_of(organizations),
        initial={"organizations": [chosen] if chosen else []},
    )
    dates = ActionDateFormSet(request.POST or None, prefix="dates")
    if request.method == "POST":
        response = _save(
            request,
            form,
            dates,
            lambda data: initiative_create(
                creator=request.user, organizations=form.chosen_organizations(), data=data
            ),
        )
        if response:
            return response
    return render(
        request,
        "network/initiative_form.html",
        {"form": form, "dates": dates},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    if not may_change_initiative(request.user, initiative):
        raise Http404
    organizations = list(initiative.organizations.all())
    form = InitiativeForm(
        request.POST or None,
        editing=initiative,
        activities=_activities_of(organizations),
        initial=InitiativeForm.initial_of(initiative),
    )
    dates = ActionDateFormSet(
        request.POST or None, prefix="dates", initial=_dates_initial(initiative)
    )
    if request.method == "POST":
        response = _save(
            request,
            form,
            dates,
            lambda data: initiative_update(initiative=initiative, editor=request.user, data=data),
        )
        if response:
            return response
    return render(
        request,
        "network/initiative_form.html",
        {"form": form, "dates": dates, "initiative": initiative},
        status=400 if form.is_bound else 200,
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    page = queries.initiative_page(initiative)
    administered = organizations_administered(request.user)
    supporting = {o.pk for o in page.supporting_organizations}
    return render(
        request,
        "network/initiative_detail.html",
        {
            "initiative": initiative,
            "page": page,
            "themes": [THEMES[key] for key in initiative.themes if key in THEMES],
            "countries": [country_name(code) for code in initiative.countries],
            "by_country": [
                (country_name(code) if code else "", n) for code, n in page.people_by_country
            ],
            "supported": request.user.is_authenticated
            and initiative.supports.filter(person=request.user).exists(),
            "may_change": may_change_initiative(request.user, initiative),
            "support_as": [(o, o.pk in supporting) for o in administered],
        },
    )


@login_required
@require_POST
def support(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    organization = None
    if request.POST.get("organization"):
        organization = get_object_or_404(Organization, pk=request.POST["organization"])
    withdraw = request.POST.get("withdraw") == "1"
    try:
        if withdraw:
            initiative_unsupport(
                initiative=initiative, person=request.user, organization=organization
            )
        else:
            initiative_support(
                initiative=initiative, person=request.user, organization=organization
            )
    except PermissionDenied:
        raise Http404 from None
    messages.success(
        request, _("Your support is withdrawn.") if withdraw else _("Thank you for your support.")
    )
    return redirect(initiative)


def _calendar_window(request: HttpRequest, filters: dict) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    today = timezone.localtime(timezone.now(), zone).date()
    first = filters.get("start") or today
    start = local_midnight(first, zone)
    end = queries.calendar_end(start)
    if filters.get("end"):
        end = min(end, local_midnight(filters["end"] + dt.timedelta(days=1), zone))
    return start, end


@require_GET
def calendar(request: HttpRequest) -> HttpResponse:
    form = CalendarFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    start, end = _calendar_window(request, filters)
    page = Paginator(
        queries.action_dates_for_calendar(filters, start=start, end=end), PER_PAGE
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "network/calendar.html",
        {
            "form": form,
            "page": page,
            "filtered": any(filters.values()),
            "query": query.urlencode(),
            "end": end,
        },
    )


@require_GET
def calendar_ics(request: HttpRequest) -> HttpResponse:
    """The calendar of actions as iCal, with the page's filters: a calendar app keeps it
    up to date."""
    form = CalendarFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    start, end = _calendar_window(request, filters)
    cal = Calendar()
    cal.add("prodid", "-//Viral Open Space//vos//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _("Calendar of actions"))
    for date in queries.action_dates_for_calendar(filters, start=start, end=end)[:2000]:
        event = Event()
        event.add("uid", f"action-{date.pk}@{request.get_host()}")
        event.add("dtstamp", date.initiative.updated_at)
        event.add("dtstart", date.starts_at)
        if date.ends_at:
            event.add("dtend", date.ends_at)
        event.add("summary", vText(f"{date.tr.title} — {date.initiative.tr.title}"))
        event.add("url", request.build_absolute_uri(date.initiative.get_absolute_url()))
        event.add("location", date.place or date.online_url)
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="actions.ics"'
    return response
