"""The activity's room, on the activity's own row: its own link, a room of the edition's
pool allocated without clashes, or an automatic Jitsi or BigBlueButton room.

The room app owns the rooms themselves (their rows, the pool's lock, the choice of the
best free room, the providers); this module decides which one an activity holds."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend

from vos.activity.access import join_opens_at
from vos.activity.models import Activity
from vos.activity.tasks import create_bbb_meeting
from vos.common.log import log_action
from vos.edition.models import Edition
from vos.person.models import User
from vos.room.models import Room, RoomHold, jitsi_room_name
from vos.room.services import choose_room, pool_rooms_locked, room_own_save

ROOM_MODES = ("none", "own", "pool", "jitsi", "bbb")


@dataclass
class RoomChoice:
    """How an activity gets its room, as the proposer chose it."""

    mode: str = "none"
    provider: str = Room.Provider.OTHER
    join_url: str = ""
    meeting_id: str = ""
    passcode: str = ""
    link_visibility: str = "registered"


def busy_room_ids(
    edition: Edition,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    exclude: Activity | None = None,
    breakouts_of: Activity | None = None,
) -> set[int]:
    """Pool rooms holding another live activity, or held for a breakout room, within the
    buffer around this time. ``breakouts_of``: for that activity's next breakout rooms,
    which follow its earlier rounds' rooms without a gap."""
    buffer = dt.timedelta(minutes=edition.room_buffer_minutes)
    activities = Activity.objects.filter(
        edition=edition,
        room__kind=Room.Kind.POOL,
        state__in=Activity.HOLDS_PLACE,
        starts_at__lt=ends_at + buffer,
        ends_at__gt=starts_at - buffer,
    )
    if exclude is not None and exclude.pk:
        activities = activities.exclude(pk=exclude.pk)
    holds = RoomHold.objects.filter(
        room__edition=edition, starts_at__lt=ends_at + buffer, ends_at__gt=starts_at - buffer
    )
    if breakouts_of is not None:
        holds = holds.exclude(held_by=breakouts_of, ends_at__lte=starts_at)
    return set(activities.values_list("room_id", flat=True)) | set(
        holds.values_list("room_id", flat=True)
    )


def pool_room_available(
    edition: Edition,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    capacity: int | None = None,
    *,
    exclude: Activity | None = None,
) -> bool:
    """Whether a pool room would be free (no lock: for the form's early warning)."""
    rooms = list(edition.rooms.filter(kind=Room.Kind.POOL))
    busy = busy_room_ids(edition, starts_at, ends_at, exclude=exclude)
    return choose_room(rooms, busy, capacity) is not None


def _allocate(activity: Activity) -> Room:
    """A free pool room for the activity. The pool's rows stay locked until the
    transaction ends, so two allocations cannot pick the same room for overlapping times."""
    rooms = pool_rooms_locked(activity.edition)
    busy = busy_room_ids(activity.edition, activity.starts_at, activity.ends_at, exclude=activity)
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


def room_assign(*, activity: Activity, choice: RoomChoice, actor: User | None = None) -> None:
    """Set up the activity's room after it was saved (same transaction as the save)."""
    edition = activity.edition
    if choice.mode not in ROOM_MODES:
        raise ValidationError({"room_mode": _("Unknown kind of room.")})
    activity.link_visibility = choice.link_visibility
    previous_room_id = activity.room_id
    if choice.mode == "own":
        activity.room = room_own_save(
            room=activity.room if activity.room and activity.room.kind == Room.Kind.OWN else None,
            edition=edition,
            name=activity.title,
            provider=choice.provider,
            join_url=choice.join_url,
            meeting_id=choice.meeting_id,
            passcode=choice.passcode,
        )
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


def room_recheck(*, activity: Activity) -> None:
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
def room_move(*, activity: Activity, room: Room, facilitator: User) -> None:
    """A facilitator moves an activity to another room of the pool, if it is free then.

    The pool's rows are locked as for an allocation, so two moves into one room at the
    same moment cannot both win."""
    if room.edition_id != activity.edition_id or room.kind != Room.Kind.POOL:
        raise ValidationError(_("Choose a room of this edition's pool."))
    pool_rooms_locked(activity.edition)
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


def bbb_meeting_schedule(*, activity: Activity) -> None:
    """Queue the creation of an activity's BigBlueButton meeting for when its join window
    opens, so that joining never waits for the BigBlueButton server."""
    if activity.room_mode != "bbb" or activity.state != Activity.State.PUBLISHED:
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
