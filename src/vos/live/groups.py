"""Groups to get to know each other. A facilitator splits the people of an activity
(its confirmed registrants, and its organizers) into groups of a chosen size, either
mixing countries and regions or gathering people who share a language; the edition's
facilitators are spread one per group while there are enough; each group gets its own
room, whose link only its members and its facilitator see.

Nobody is left in a group where nobody else speaks one of their languages when another
group has someone who does: they are moved there (a group may grow by one for it). Those
who share a language with nobody at all are listed for the facilitators."""

import math
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.common import live
from vos.common.log import log_action
from vos.live.models import Group, GroupSplit
from vos.live.speakers import may_run
from vos.person.models import User
from vos.room.models import jitsi_room_name
from vos.room.providers import jitsi_url

MAX_SIZE = 50


def region_of(person: User) -> str:
    """A person's part of the world, from their time zone ("Africa/Dakar" → "Africa")."""
    return (person.time_zone or "").split("/", 1)[0]


def _speaks(person: User) -> set[str]:
    return set(person.languages or []) or {person.preferred_language or "en"}


def _understood(person: User, group: list[User]) -> bool:
    return any(_speaks(person) & _speaks(other) for other in group if other.pk != person.pk)


@dataclass
class Plan:
    groups: list[list[User]]
    alone: list[User]  # people who share a language with nobody


def plan(people: list[User], size: int, mode: str) -> Plan:
    """Who goes with whom (a pure function: no database)."""
    if not people:
        return Plan([], [])
    if mode == GroupSplit.Mode.LANGUAGE:
        groups = _by_language(people, size)
    else:
        count = max(1, math.ceil(len(people) / size))
        ordered = sorted(people, key=lambda p: (region_of(p), p.country or "", p.pk))
        groups = [ordered[n::count] for n in range(count)]  # dealt like cards: mixed
    alone = []
    for group in groups:
        for person in list(group):
            if len(group) == 1 or _understood(person, group):
                continue
            home = next(
                (
                    other
                    for other in groups
                    if other is not group
                    and len(other) <= size
                    and any(_speaks(person) & _speaks(member) for member in other)
                ),
                None,
            )
            if home is None:
                alone.append(person)
            else:
                group.remove(person)
                home.append(person)
    return Plan([group for group in groups if group], alone)


def _by_language(people: list[User], size: int) -> list[list[User]]:
    """The most shared languages first; each person goes with the first of theirs."""
    counts: dict[str, int] = {}
    for person in people:
        for language in _speaks(person):
            counts[language] = counts.get(language, 0) + 1
    groups: list[list[User]] = []
    placed: set[int] = set()
    for language in sorted(counts, key=lambda code: (-counts[code], code)):
        speakers = [p for p in people if p.pk not in placed and language in _speaks(p)]
        if not speakers:
            continue
        count = max(1, math.ceil(len(speakers) / size))
        groups += [speakers[n::count] for n in range(count)]
        placed |= {p.pk for p in speakers}
    return groups


def people_of(activity: Activity) -> list[User]:
    """The activity's confirmed registrants and its organizers."""
    registrants = User.objects.filter(
        registrations__activity=activity, registrations__status="confirmed", is_active=True
    )
    organizers = User.objects.filter(organized__activity=activity, is_active=True)
    return list((registrants | organizers).distinct().order_by("pk"))


def live_topic(activity: Activity) -> str:
    return f"groups:{activity.pk}"


@transaction.atomic
def split(
    *, runner: User, activity: Activity, size: int, mode: str
) -> tuple[GroupSplit, list[User]]:
    """Make the groups; returns the split and the people nobody else understands."""
    if not may_run(runner, activity):
        raise PermissionDenied
    if not activity.edition.jitsi_server:
        raise ValidationError(_("Group rooms need the edition's Jitsi server."))
    if mode not in GroupSplit.Mode.values or not 2 <= size <= MAX_SIZE:
        raise ValidationError(_("Groups of 2 to 50 people, mixed or by language."))
    facilitators = list(activity.edition.facilitators.order_by("pk"))
    people = [p for p in people_of(activity) if p.pk not in {f.pk for f in facilitators}]
    if len(people) < 2:
        raise ValidationError(_("Nobody to split yet: the groups are made of the registrants."))
    made = plan(people, size, mode)
    record = GroupSplit.objects.create(activity=activity, size=size, mode=mode, created_by=runner)
    for number, members in enumerate(made.groups, start=1):
        group = Group.objects.create(
            split=record,
            number=number,
            facilitator=facilitators[number - 1] if number <= len(facilitators) else None,
            jitsi_name=jitsi_room_name(),
        )
        group.members.set(members)
    log_action(activity, actor=runner, action="live.groups", data={"groups": len(made.groups)})
    live.changed(live_topic(activity))
    return record, made.alone


def latest_split(activity: Activity) -> GroupSplit | None:
    return (
        GroupSplit.objects.filter(activity=activity)
        .select_related("activity__edition")
        .prefetch_related("groups__members", "groups__facilitator")
        .first()
    )


def group_link(person: User, group: Group, *, team: bool | None = None) -> str | None:
    """A group's room, for its members, its facilitator and the team (``team``: whether
    the person runs the activity, when the caller knows it already)."""
    if not person.is_authenticated:
        return None
    activity = group.split.activity
    allowed = (
        group.facilitator_id == person.pk
        or any(member.pk == person.pk for member in group.members.all())
        or (may_run(person, activity) if team is None else team)
    )
    return jitsi_url(activity.edition.jitsi_server, group.jitsi_name) if allowed else None
