"""The rooms of activities: the join redirect, what is happening now, and the
facilitators' view of each pool room's day (moving an activity to another room)."""

import datetime as dt
import zoneinfo

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from vos.activity.access import activities_live_now, join_access, join_url_for, roles_for
from vos.activity.loader import activity_or_404
from vos.activity.models import Activity
from vos.activity.services.rooms import room_move
from vos.common.forms import BoundedModelChoiceField, parse_day
from vos.common.timezones import local_day_bounds
from vos.common.zone_search import zone_block_label
from vos.edition.models import Edition
from vos.room.models import Room, RoomHold


@never_cache
def join(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send an allowed person to the activity's room; everyone else back to its page.

    Provider addresses are never written in pages: this is the only way in.
    """
    activity = activity_or_404(
        request.user,
        pk,
        edition_slug=slug,
        queryset=Activity.objects.select_related("edition", "room"),
    )
    access = join_access(activity, request.user)
    if access.state != "open":
        messages.info(request, _("The way into this room is not open to you now."))
        return redirect(activity.get_absolute_url())
    # A plain redirect: the address is the provider's, not ours to check further.
    return HttpResponseRedirect(join_url_for(activity, request.user))


def happening_now(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    activities = list(activities_live_now(now))
    roles = roles_for(request.user, activities)
    rows = [
        {
            "activity": activity,
            "access": join_access(activity, request.user, now=now, role=roles.get(activity.pk)),
        }
        for activity in activities
    ]
    return render(request, "activity/rooms/now.html", {"rows": rows})


class MoveForm(forms.Form):
    room = BoundedModelChoiceField(label=gettext_lazy("Move to"), queryset=Room.objects.none())

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = edition.rooms.filter(kind=Room.Kind.POOL)


def _first_day(edition: Edition, rooms: list[Room], zone: zoneinfo.ZoneInfo) -> dt.date:
    """The day the overview opens on: today while the edition runs, else the first day
    with an activity in a pool room, else the edition's first day (all in ``zone``)."""
    now = timezone.now()
    if edition.starts_at <= now < edition.ends_at:
        return timezone.localtime(now, zone).date()
    first = (
        Activity.objects.filter(edition=edition, room__in=rooms, state__in=Activity.HOLDS_PLACE)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .first()
    )
    return timezone.localtime(first or edition.starts_at, zone).date()


def _rooms_edition(request: HttpRequest, slug: str) -> tuple[Edition, bool]:
    """The edition whose rooms these are, and whether the person is on its team (else a
    volunteer given its rooms); a 404 for anyone else."""
    edition = get_object_or_404(Edition, slug=slug)
    backoffice = request.user.has_perm("edition.view_backoffice", edition)
    if not backoffice and not request.user.has_perm("edition.manage_rooms", edition):
        raise Http404
    return edition, backoffice


@login_required
def rooms_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    """Each pool room's day, in the facilitator's zone, with a way to move activities."""
    edition, backoffice = _rooms_edition(request, slug)
    zone = zoneinfo.ZoneInfo(request.time_zone)
    rooms = list(edition.rooms.filter(kind=Room.Kind.POOL))
    day = parse_day(request.GET.get("day")) or _first_day(edition, rooms, zone)
    day_start, day_end = local_day_bounds(day, zone)
    activities = Activity.objects.filter(
        edition=edition,
        room__in=rooms,
        state__in=Activity.HOLDS_PLACE,
        starts_at__lt=day_end,
        ends_at__gt=day_start,
    ).order_by("starts_at")
    by_room: dict[int, list[Activity]] = {room.pk: [] for room in rooms}
    for activity in activities:
        by_room[activity.room_id].append(activity)
    holds: dict[int, list[RoomHold]] = {room.pk: [] for room in rooms}
    for hold in RoomHold.objects.filter(
        room__in=rooms, starts_at__lt=day_end, ends_at__gt=day_start
    ).order_by("starts_at"):
        holds[hold.room_id].append(hold)
    return render(
        request,
        "activity/rooms/timeline.html",
        {
            "edition": edition,
            "backoffice": backoffice,
            "day": day,
            "block_zone_label": zone_block_label(request.time_zone, day_start, day_end),
            "previous_day": day - dt.timedelta(days=1),
            "next_day": day + dt.timedelta(days=1),
            "rows": [
                {"room": room, "activities": by_room[room.pk], "holds": holds[room.pk]}
                for room in rooms
            ],
            "move_form": MoveForm(edition=edition),
        },
    )


@login_required
@require_POST
def room_move_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    edition, _backoffice = _rooms_edition(request, slug)
    activity = get_object_or_404(Activity, pk=pk, edition=edition)
    form = MoveForm(request.POST, edition=edition)
    if form.is_valid():
        try:
            room_move(activity=activity, room=form.cleaned_data["room"], facilitator=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The activity is now in %(room)s.") % {"room": form.cleaned_data["room"]}
            )
    else:
        messages.error(request, _("Choose a room."))
    day = timezone.localtime(activity.starts_at, zoneinfo.ZoneInfo(request.time_zone)).date()
    return redirect(f"{reverse('room.timeline', kwargs={'slug': slug})}?day={day.isoformat()}")
