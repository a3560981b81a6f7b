"""Rooms for activities: their own link, a room of the pool allocated without clashes,
or an automatic Jitsi or BigBlueButton room; and who may see the way in, and when."""

import datetime as dt
import logging
import urllib.request
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend

from vos.common.log import log_action
from vos.room.models import Room, jitsi_room_name
from vos.room.providers import bbb_create_url, bbb_join_url, jitsi_url
from vos.room.tasks import create_bbb_meeting

logger = logging.getLogger(__name__)

ROOM_MODES = ("none", "own", "pool", "jitsi", "bbb")


def _buffer(edition) -> dt.timedelta:
    return dt.timedelta(minutes=edition.room_buffer_minutes)


def busy_room_ids(
    edition, starts_at: dt.datetime, ends_at: dt.datetime, *, exclude=None
) -> set[int]:
    """Pool rooms holding another live activity within the buffer around this time."""
    from vos.activity.models import Activity

    buffer = _buffer(edition)
    activities = Activity.objects.filter(
        edition=edition,
        room__kind=Room.Kind.POOL,
        state__in=Activity.HOLDS_PLACE,
        starts_at__lt=ends_at + buffer,
        ends_at__gt=starts_at - buffer,
    )
    if exclude is not None and exclude.pk:
        activities = activities.exclude(pk=exclude.pk)
    return set(activities.values_list("room_id", flat=True))


def choose_room(rooms: list[Room], busy: set[int], capacity: int | None) -> Room | None:
    """The free room that fits best: the smallest one big enough, else the biggest free one."""
    free = [room for room in rooms if room.pk not in busy]
    if not free:
        return None

    def size(room: Room) -> float:
        return float("inf") if room.capacity is None else room.capacity

    fitting = [room for room in free if capacity is None or size(room) >= capacity]
    if fitting:
        return min(fitting, key=lambda room: (size(room), room.position, room.pk))
    return max(free, key=lambda room: (size(room), -room.position, -room.pk))


def pool_room_available(edition, starts_at, ends_at, capacity=None, *, exclude=None) -> bool:
    rooms = list(edition.rooms.filter(kind=Room.Kind.POOL))
    return (
        choose_room(rooms, busy_room_ids(edition, starts_at, ends_at, exclude=exclude), capacity)
        is not None
    )


def _allocate(activity) -> Room:
    """Give the activity a free pool room. Pool rows stay locked until the transaction ends,
    so two allocations cannot pick the same room for overlapping times."""
    edition = activity.edition
    rooms = list(
        Room.objects.select_for_update().filter(edition=edition, kind=Room.Kind.POOL).order_by("pk")
    )
    busy = busy_room_ids(edition, activity.starts_at, activity.ends_at, exclude=activity)
    if activity.room_id in {room.pk for room in rooms} and activity.room_id not in busy:
        return activity.room  # its room is still free at the (new) time
    room = choose_room(rooms, busy, activity.capacity)
    if room is None:
        raise ValidationError(
            {
                "room_mode": _(
                    "No room of the pool is free at this time. Choose another time, or give your own link."
                )
            },
            code="no_room",
        )
    return room


@dataclass
class RoomChoice:
    """How an activity gets its room, as the proposer chose it."""

    mode: str = "none"
    provider: str = Room.Provider.OTHER
    join_url: str = ""
    meeting_id: str = ""
    passcode: str = ""
    link_visibility: str = "registered"


def room_assign(*, activity, choice: RoomChoice, actor=None) -> None:
    """Set up the activity's room after it was saved (same transaction as the save)."""
    edition = activity.edition
    if choice.mode not in ROOM_MODES:
        raise ValidationError({"room_mode": _("Unknown kind of room.")})
    activity.link_visibility = choice.link_visibility
    previous_room_id = activity.room_id
    if choice.mode == "own":
        room = (
            activity.room
            if activity.room and activity.room.kind == Room.Kind.OWN
            else Room(edition=edition, kind=Room.Kind.OWN)
        )
        room.name = activity.title[:120]
        room.provider = choice.provider
        room.join_url = choice.join_url
        room.meeting_id = choice.meeting_id
        room.passcode = choice.passcode
        room.full_clean()
        room.save()
        activity.room = room
    elif choice.mode == "pool":
        activity.room = _allocate(activity)
    else:
        activity.room = None
    if choice.mode == "jitsi":
        if not edition.jitsi_server:
            raise ValidationError(
                {"room_mode": _("This edition has no Jitsi server for automatic rooms.")}
            )
        activity.jitsi_name = activity.jitsi_name or jitsi_room_name()
    if choice.mode == "bbb" and not (edition.bbb_server and edition.bbb_secret):
        raise ValidationError({"room_mode": _("This edition has no BigBlueButton server.")})
    activity.room_mode = choice.mode
    activity.updated_at = timezone.now()  # exports and feeds see the new room
    activity.save(
        update_fields=["room", "room_mode", "jitsi_name", "link_visibility", "updated_at"]
    )
    if activity.room_id != previous_room_id and choice.mode == "pool":
        log_action(activity, actor=actor, action="room.allocate", data={"room": activity.room.name})


def room_recheck(*, activity) -> None:
    """After a change of time: keep the pool room if still free, else take another one."""
    if activity.room_mode != "pool":
        return
    room = _allocate(activity)
    if room.pk != activity.room_id:
        old = activity.room.name if activity.room else ""
        activity.room = room
        activity.updated_at = timezone.now()
        activity.save(update_fields=["room", "updated_at"])
        log_action(activity, actor=None, action="room.reallocate", data={"room": [old, room.name]})


@transaction.atomic
def room_move(*, activity, room: Room, facilitator) -> None:
    """A facilitator moves an activity to another room of the pool, if it is free then."""
    if room.edition_id != activity.edition_id or room.kind != Room.Kind.POOL:
        raise ValidationError(_("Choose a room of this edition's pool."))
    # The same lock as allocation: the pool's rows, held until the transaction ends
    # (evaluated with list(): a count() would drop FOR UPDATE and lock nothing).
    list(
        Room.objects.select_for_update()
        .filter(edition=activity.edition, kind=Room.Kind.POOL)
        .order_by("pk")
    )
    if room.pk in busy_room_ids(
        activity.edition, activity.starts_at, activity.ends_at, exclude=activity
    ):
        raise ValidationError(_("%(room)s is taken at that time.") % {"room": room.display_name})
    old = activity.room.name if activity.room else ""
    activity.room = room
    activity.room_mode = "pool"
    activity.updated_at = timezone.now()
    activity.save(update_fields=["room", "room_mode", "updated_at"])
    log_action(activity, actor=facilitator, action="room.move", data={"room": [old, room.name]})


# --- Who sees the way in, and when ------------------------------------------------


@dataclass
class JoinAccess:
    """What a given person may see of an activity's room at a given moment."""

    state: str  # none, ended, register, later, open
    opens_at: dt.datetime | None = None
    room: Room | None = None
    join_path: str = ""
    meeting_id: str = ""
    passcode: str = ""
    dial_ins: list = field(default_factory=list)


def _may_enter(activity, user, role: str | None) -> bool:
    if activity.link_visibility == "public":
        return True
    if not user.is_authenticated:
        return False
    if role in ("organizer", "facilitator", "confirmed"):
        return True
    if role is not None:
        return False
    from vos.registration.models import Registration

    if user.has_perm("activity.view_registrants", activity):
        return True
    return Registration.objects.filter(
        activity=activity, person=user, status=Registration.Status.CONFIRMED
    ).exists()


def join_access(
    activity, user, *, now: dt.datetime | None = None, role: str | None = None
) -> JoinAccess:
    """The one place that decides whether a join link, passcode and PIN may be shown."""
    now = now or timezone.now()
    if activity.room_mode == "none" or activity.state != "published":
        return JoinAccess(state="none")
    if now >= activity.ends_at:
        return JoinAccess(state="ended")
    if not _may_enter(activity, user, role):
        return JoinAccess(state="register")
    opens_at = join_opens_at(activity)
    if activity.link_visibility != "public" and now < opens_at:
        return JoinAccess(state="later", opens_at=opens_at)
    room = activity.room
    return JoinAccess(
        state="open",
        room=room,
        join_path=reverse("room.join", kwargs={"slug": activity.edition.slug, "pk": activity.pk}),
        meeting_id=room.meeting_id if room else "",
        passcode=room.passcode if room else "",
        dial_ins=list(room.dial_ins.all()) if room else [],
    )


def join_opens_at(activity) -> dt.datetime:
    """When the way into an activity's room opens: a few minutes before it starts."""
    return activity.starts_at - dt.timedelta(minutes=activity.edition.link_lead_minutes)


def bbb_meeting_schedule(*, activity) -> None:
    """Queue the creation of an activity's BigBlueButton meeting for when its join window
    opens, so that joining never waits for the BigBlueButton server."""
    if activity.room_mode != "bbb" or activity.state != "published":
        return
    if not default_task_backend.supports_defer:
        return  # a backend that runs tasks at once would create it far too early
    now = timezone.now()
    if activity.ends_at <= now:
        return
    moment = max(join_opens_at(activity), now)
    transaction.on_commit(
        lambda: create_bbb_meeting.using(run_after=moment).enqueue(activity_id=activity.pk)
    )


def bbb_meeting_create(*, activity) -> bool:
    """Create the activity's meeting on the edition's BigBlueButton server (creating twice
    is harmless). Kept open from the join window to the end, empty or not."""
    edition = activity.edition
    if not (edition.bbb_server and edition.bbb_secret):
        return False
    minutes = int((activity.ends_at - join_opens_at(activity)).total_seconds() // 60)
    url = bbb_create_url(
        edition.bbb_server,
        edition.bbb_secret,
        activity_id=activity.pk,
        name=activity.title,
        keep_empty_minutes=minutes,
    )
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - an https API address set by facilitators
            response.read()
    except OSError:
        logger.warning("BigBlueButton create failed for activity %s", activity.pk)
        return False
    return True


def join_url_for(activity, user) -> str:
    """The provider's address to send an allowed person to (never written in a page)."""
    edition = activity.edition
    if activity.room_mode == "jitsi":
        return jitsi_url(edition.jitsi_server, activity.jitsi_name)
    if activity.room_mode == "bbb":
        moderator = user.is_authenticated and user.has_perm("activity.view_registrants", activity)
        name = user.display_name if user.is_authenticated else _("Guest")
        return bbb_join_url(
            edition.bbb_server,
            edition.bbb_secret,
            activity_id=activity.pk,
            full_name=name,
            moderator=moderator,
        )
    return activity.room.join_url if activity.room else ""


@dataclass
class SharedRoomView:
    """A shared room as one person sees it: the way in only if its audience includes them."""

    room: Room
    may_enter: bool
    countries: list[str]
    dial_ins: list[tuple[str, list]] = field(default_factory=list)
    join_path: str = ""
    to_get_in: str = ""  # what the others must do: sign_in, accept, register


def shared_rooms(edition, user) -> list[SharedRoomView]:
    """The edition's shared rooms for this person: the name and dial-in countries for all,
    the join address, passcode, numbers and PINs for the room's audience, theirs first."""
    country = user.country if user.is_authenticated else ""
    rooms = edition.rooms.filter(kind=Room.Kind.SHARED).prefetch_related("dial_ins")
    result = []
    for room in rooms:
        by_country: dict[str, list] = {}
        for dial_in in room.dial_ins.all():
            by_country.setdefault(dial_in.country, []).append(dial_in)
        countries = sorted(by_country, key=lambda code: (code != country, code))
        room.edition = edition  # the rule reads it; no query for it
        if user.has_perm("room.enter_shared", room):
            result.append(
                SharedRoomView(
                    room=room,
                    may_enter=True,
                    countries=countries,
                    dial_ins=[(code, by_country[code]) for code in countries],
                    join_path=reverse(
                        "room.shared_join", kwargs={"slug": edition.slug, "pk": room.pk}
                    ),
                )
            )
        else:
            if not user.is_authenticated:
                to_get_in = "sign_in"
            elif room.visibility == Room.Visibility.REGISTERED:
                to_get_in = "register"
            else:
                to_get_in = "accept"
            result.append(
                SharedRoomView(room=room, may_enter=False, countries=countries, to_get_in=to_get_in)
            )
    return result


def roles_for(user, activities) -> dict[int, str]:
    """The person's role in each activity (organizer, facilitator, confirmed …) in three
    queries, so lists can decide join access without a query per row."""
    if not user.is_authenticated:
        return {}
    from vos.activity.models import Organizer
    from vos.registration.models import Registration

    ids = [activity.pk for activity in activities]
    roles = dict(
        Registration.objects.filter(person=user, activity_id__in=ids).values_list(
            "activity_id", "status"
        )
    )
    facilitated = set(user.facilitated_editions.values_list("pk", flat=True))
    for activity in activities:
        if user.is_superuser or activity.edition_id in facilitated:
            roles[activity.pk] = "facilitator"
    for activity_id in Organizer.objects.filter(person=user, activity_id__in=ids).values_list(
        "activity_id", flat=True
    ):
        roles[activity_id] = "organizer"
    for activity in activities:
        roles.setdefault(activity.pk, "visitor")
    return roles


def activities_live_now(now: dt.datetime | None = None):
    from vos.activity.models import Activity

    now = now or timezone.now()
    return (
        Activity.objects.filter(state=Activity.State.PUBLISHED, starts_at__lte=now, ends_at__gt=now)
        .filter(~Q(room_mode="none"))
        .select_related("edition", "activity_type", "room")
        .prefetch_related("room__dial_ins")
        .order_by("starts_at")
    )
