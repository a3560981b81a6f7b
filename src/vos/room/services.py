"""The rooms themselves: the pool's lock and the choice of the best free room, an
activity's own link, shared rooms and who sees their way in, BigBlueButton meetings.

Which room an activity holds is written on the activity's row by
``vos.activity.services.rooms``; nothing here reads or writes activities."""

import datetime as dt
import logging
import urllib.request
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse

from vos.edition.models import Edition
from vos.room.models import DialIn, Room, RoomHold
from vos.room.providers import bbb_create_url

logger = logging.getLogger(__name__)


def pool_rooms_locked(edition: Edition) -> list[Room]:
    """The edition's pool, its rows locked until the transaction ends: allocations and
    moves queue here, so two of them cannot take one room at once."""
    return list(
        Room.objects.select_for_update().filter(edition=edition, kind=Room.Kind.POOL).order_by("pk")
    )


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


def room_hold(
    *, room: Room, held_by_id: int, starts_at: dt.datetime, ends_at: dt.datetime, purpose: str
) -> RoomHold:
    """Hold a pool room for a while for an activity's session; the caller has locked the
    pool and checked the room is free."""
    return RoomHold.objects.create(
        room=room,
        held_by_id=held_by_id,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose[:200],
    )


def room_holds_release(holds, *, at: dt.datetime) -> int:
    """The holds end at ``at`` (those still running): their rooms are free again."""
    return holds.filter(ends_at__gt=at).update(ends_at=at)


def room_own_save(
    *,
    room: Room | None,
    edition: Edition,
    name: str,
    provider: str,
    join_url: str,
    meeting_id: str = "",
    passcode: str = "",
) -> Room:
    """An activity's own link as a room (a new one, or ``room`` updated), checked."""
    room = room or Room(edition=edition, kind=Room.Kind.OWN)
    room.name = name[:120]
    room.provider = provider
    room.join_url = join_url
    room.meeting_id = meeting_id
    room.passcode = passcode
    room.full_clean()
    room.save()
    return room


@transaction.atomic
def room_create(*, edition: Edition, dial_ins: list[tuple[str, str, str]] = (), **fields) -> Room:
    """A shared or pool room of an edition, with its (country, number, PIN) dial-ins."""
    room = Room(edition=edition, **fields)
    room.full_clean()
    room.save()
    for country, number, pin in dial_ins:
        dial_in = DialIn(room=room, country=country, number=number, pin=pin)
        dial_in.full_clean()
        dial_in.save()
    return room


def bbb_meeting_create(
    *, edition: Edition, meeting: int, name: str, opens_at: dt.datetime, ends_at: dt.datetime
) -> bool:
    """Create a meeting on the edition's BigBlueButton server (creating twice is
    harmless), kept open from ``opens_at`` to ``ends_at`` even while empty."""
    if not (edition.bbb_server and edition.bbb_secret):
        return False
    url = bbb_create_url(
        edition.bbb_server,
        edition.bbb_secret,
        activity_id=meeting,
        name=name,
        keep_empty_minutes=int((ends_at - opens_at).total_seconds() // 60),
    )
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - an https API address set by facilitators
            response.read()
    except OSError:
        logger.warning("BigBlueButton create failed for meeting %s", meeting)
        return False
    return True


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
