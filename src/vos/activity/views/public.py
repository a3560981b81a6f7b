"""The public program and activity pages, read in the reader's zone and language."""

import datetime as dt
import zoneinfo
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from vos.activity import queries
from vos.activity.calendar import activity_ics
from vos.activity.grid import day_grid
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.activity.services.coorganization import organizations_needed
from vos.activity.templatetags.activity_cards import mark_cards
from vos.common.forms import PlainChoiceField, PlainTypedChoiceField, validate_year
from vos.common.log import log_for
from vos.common.multilingual import translation_ask
from vos.common.page_cache import cached_fragment
from vos.common.timezones import WORLD_CITIES, local_day_bounds, local_times, zone_offset
from vos.common.zone_search import zone_block_label
from vos.edition.models import Edition

ALL_DAYS_PAGE_SIZE = 100
# A day of a big forum can hold hundreds of activities: past this many, its list comes a
# page at a time, so that a first visit stays near 60 KB on the wire (about 200 cards
# weigh 19 KB compressed; CSS, script and icons about 28 KB).
DAY_PAGE_SIZE = 200


class ProgramFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    type = PlainChoiceField(label=_("Type"), required=False)
    theme = PlainTypedChoiceField(label=_("Theme"), required=False, coerce=int, empty_value=None)
    language = PlainChoiceField(label=_("Language"), required=False)
    organization = PlainTypedChoiceField(
        label=_("Organization"), required=False, coerce=int, empty_value=None
    )
    when = PlainChoiceField(
        label=_("When"),
        required=False,
        choices=[("", _("Any time")), ("now", _("Happening now")), ("soon", _("Starting soon"))],
    )
    day = forms.CharField(required=False, widget=forms.HiddenInput)
    view = forms.ChoiceField(
        required=False,
        choices=[("list", _("List")), ("grid", _("Timeline"))],
        widget=forms.HiddenInput,
    )

    public = True  # the back office's form offers the languages of every proposal

    def __init__(self, *args, edition: Edition, reader_languages: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["type"].choices = everything + [
            (kind.key, kind.name) for kind in edition.activity_types.all()
        ]
        self.fields["theme"].choices = everything + [
            (theme.pk, theme.tr.name) for theme in edition.themes.all()
        ]
        self.fields["language"].choices = everything + queries.languages_of_edition(
            edition, first=reader_languages, public=self.public
        )
        self.fields["organization"].choices = everything + queries.organizations_of_edition(edition)

    def clean_day(self) -> dt.date | str | None:
        value = self.cleaned_data.get("day")
        if not value:
            return None
        if value == "all":
            return "all"
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(_("This is not a date.")) from None
        validate_year(day)
        return day


def reader_languages(request: HttpRequest) -> tuple[str, ...]:
    """The languages a reader reads: their profile's, then the page's own."""
    spoken = list(request.user.languages) if request.user.is_authenticated else []
    return tuple(dict.fromkeys([*spoken, (request.LANGUAGE_CODE or "en")[:2]]))


def _query(params: dict, **changes) -> str:
    merged = {key: value for key, value in {**params, **changes}.items() if value not in (None, "")}
    return "?" + urlencode(merged) if merged else "?"


def program(request: HttpRequest, slug: str) -> HttpResponse:
    """The program: its main part is the same for every reader of the same address,
    language, zone and languages, so it comes from the shared cache; a signed-in
    reader's own registrations are marked on it afterwards."""
    edition = get_object_or_404(Edition, slug=slug)
    languages = reader_languages(request)
    main = cached_fragment(
        request, "program", lambda: _program_main(request, edition, languages), also=languages
    )
    if request.user.is_authenticated:
        main = mark_cards(main, queries.marks_of_person(request.user, edition))
    return render(request, "activity/program.html", {"edition": edition, "main": main})


def _program_main(request: HttpRequest, edition: Edition, languages: tuple[str, ...]) -> str:
    zone = zoneinfo.ZoneInfo(request.time_zone)
    # The filters and the cards both name the types: read once.
    prefetch_related_objects([edition], "activity_types")
    form = ProgramFilterForm(request.GET or None, edition=edition, reader_languages=languages)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    view = filters.get("view") or "list"
    days = queries.program_days(edition, zone)
    searching = bool(filters.get("q") or filters.get("when"))
    day = filters.get("day")
    if day is None:
        today = timezone.localtime(timezone.now(), zone).date()
        day = "all" if searching else (today if today in days else (days[0] if days else "all"))
    if day == "all" and view == "grid":
        day = days[0] if days else "all"
    if isinstance(day, dt.date):
        day_start, day_end = local_day_bounds(day, zone)
    else:
        day_start = day_end = None
    activities = queries.activities_for_program(
        edition, day_start=day_start, day_end=day_end, filters=filters
    )
    params = {key: value for key, value in request.GET.items() if key in form.fields}
    page = None
    if day == "all":
        # All days of a large forum is heavy HTML for slow connections: a page at a time.
        page = Paginator(activities, ALL_DAYS_PAGE_SIZE).get_page(request.GET.get("page"))
        activities = page.object_list = queries.card_activities(page.object_list)
        total = page.paginator.count
    elif view == "list":
        # One query for an ordinary day; the count and the page only for a very big one.
        asked = request.GET.get("page")
        rows = (
            queries.card_activities(activities[: DAY_PAGE_SIZE + 1])
            if asked in (None, "", "1")
            else None
        )
        if rows is not None and len(rows) <= DAY_PAGE_SIZE:
            activities, total = rows, len(rows)
        else:
            page = Paginator(activities, DAY_PAGE_SIZE).get_page(asked)
            # The first page's rows are read already: only the count is left to ask.
            activities = (
                rows[:DAY_PAGE_SIZE]
                if rows is not None
                else queries.card_activities(page.object_list)
            )
            # Read once: the template's ``{% if page %}`` would otherwise read them again.
            page.object_list = activities
            total = page.paginator.count
    else:
        activities = queries.card_activities(activities)
        total = len(activities)
    queries.with_card_names(activities, edition)
    block_start, block_end = (
        (day_start, day_end) if day_start else (edition.starts_at, edition.ends_at)
    )
    context = {
        "edition": edition,
        "form": form,
        "activities": activities,
        # The zone named for the times shown, with their offset (not today's).
        "block_zone_label": zone_block_label(request.time_zone, block_start, block_end),
        "days": [
            {"date": d, "url": _query(params, day=d.isoformat()), "current": d == day} for d in days
        ],
        "all_days_url": _query(params, day="all"),
        "day": day,
        "view": view,
        "list_url": _query(params, view="list"),
        "grid_url": _query(params, view="grid"),
        "grid": day_grid(activities, day_start, day_end) if view == "grid" and day_start else None,
        "filtered": any(
            filters.get(name) for name in ("q", "type", "theme", "language", "organization", "when")
        ),
        "by_day": _group_by_day(activities, zone) if day == "all" else None,
        "total": total,
        "page": page,
        "previous_url": _query(params, page=page.previous_page_number())
        if page and page.has_previous()
        else "",
        "next_url": _query(params, page=page.next_page_number())
        if page and page.has_next()
        else "",
    }
    return render_to_string("activity/_program_main.html", context, request)


def _group_by_day(activities: list[Activity], zone) -> list[tuple[dt.date, list[Activity]]]:
    groups: dict[dt.date, list[Activity]] = {}
    for activity in activities:
        groups.setdefault(timezone.localtime(activity.starts_at, zone).date(), []).append(activity)
    return sorted(groups.items())


def _visible_activity(request: HttpRequest, slug: str, pk: int) -> Activity:
    return activity_or_404(
        request.user, pk, edition_slug=slug, queryset=queries.activities_for_page()
    )


def activity_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _visible_activity(request, slug, pk)
    cities = [(None, name) for name in WORLD_CITIES]
    context = {
        "activity": activity,
        "edition": activity.edition,
        # West to east at the activity's own moment (offsets change with DST).
        "other_zones": sorted(
            local_times(activity.starts_at, activity.ends_at, cities),
            key=lambda row: zone_offset(row["zone"], activity.starts_at),
        ),
        "page_url": request.build_absolute_uri(activity.get_absolute_url()),
        "can_change": request.user.has_perm("activity.change", activity),
        "can_moderate": request.user.has_perm("activity.moderate", activity),
        "history": list(log_for(activity)[:50])
        if request.user.has_perm("activity.view_history", activity)
        else None,
    }
    if context["history"] is not None:
        # Its organizers see whom they asked and how many must still accept.
        context["co_organizing"] = list(
            activity.co_organizations.select_related("organization").order_by("created_at")
        )
        context["organizations_needed"] = organizations_needed(activity)
    return render(request, "activity/activity_detail.html", context)


@require_POST
def ask_translation(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """A reader asks for the activity in their language; its organizers see how many did."""
    activity = _visible_activity(request, slug, pk)
    if not request.user.is_authenticated:
        query = urlencode({"next": activity.get_absolute_url()})
        return redirect(f"{reverse('account_login')}?{query}")
    try:
        translation_ask(
            item=activity, language=request.POST.get("language", ""), person=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you: the organizers will see that you asked."))
    return redirect(activity.get_absolute_url())


def activity_calendar(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    activity = _visible_activity(request, slug, pk)
    response = HttpResponse(
        activity_ics([activity], request=request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="activity-{activity.pk}.ics"'
    return response
