"""Reads for taking part: my agenda, an activity's registrants, calendar feeds."""

import datetime as dt
import zoneinfo

from django.db.models import Q, QuerySet
from django.utils import timezone

from vos.activity.access import join_access, opens_before
from vos.activity.models import Activity, Organizer
from vos.activity.queries import activities_public
from vos.person.models import User
from vos.registration.models import Registration

# What registering reads of the activity: the permission, the confirmation email and
# its calendar file's cache key. The rest loads on access (the calendar file, once per
# activity and language in a process).
REGISTERING_FIELDS = (
    "edition__slug",
    "title",
    "summary",
    "original_language",
    "translations",
    "starts_at",
    "ends_at",
    "state",
    "published_at",
    "room_mode",
    "updated_at",
    "sequence",
)


def activities_for_registering() -> QuerySet[Activity]:
    """Activities as registering loads them: a burst at the opening registers hundreds
    a second, and reading whole rows of the activity and its edition was a fifth of
    each registration's time (bench/README.md)."""
    return Activity.objects.select_related("edition").only(*REGISTERING_FIELDS)


def registration_of(activity: Activity, person: User) -> Registration | None:
    if not person.is_authenticated:
        return None
    return Registration.objects.filter(activity=activity, person=person).first()


def confirmed_count(activity: Activity) -> int:
    return activity.registrations.filter(status=Registration.Status.CONFIRMED).count()


def registrations_for_organizers(activity: Activity) -> QuerySet[Registration]:
    return activity.registrations.select_related("person").order_by("status", "created_at", "pk")


def _roles_of(person: User) -> dict[int, str]:
    """Activity id to my role in it: "organizer", else my registration's status."""
    roles = dict(Registration.objects.filter(person=person).values_list("activity_id", "status"))
    for activity_id in Organizer.objects.filter(person=person).values_list(
        "activity_id", flat=True
    ):
        roles[activity_id] = "organizer"
    return roles


def _agenda_activities(roles: dict[int, str]) -> QuerySet[Activity]:
    # Key lookups rather than DISTINCT over a join of both tables, which scans every
    # registration of the site.
    return Activity.objects.filter(pk__in=roles).exclude(state__in=[Activity.State.DECLINED])


def agenda_signature(person: User) -> tuple[list[tuple[int, str]], dt.datetime | None]:
    """What my agenda shows besides the site's content: my activities with my role in
    each, and the next moment it shows differently by itself, with no change of data
    (the way into a room opens; an activity ends and goes under "Already over"). Small reads, so that a cached agenda is served without
    loading the activities."""
    roles = _roles_of(person)
    rows = list(
        _agenda_activities(roles)
        .order_by("starts_at", "pk")
        .values_list("pk", "starts_at", "ends_at", "edition__link_lead_minutes")
    )
    now = timezone.now()
    moments = []
    for _pk, starts_at, ends_at, lead in rows:
        moments += [opens_before(starts_at, lead), ends_at]
    return [(pk, roles[pk]) for pk, *_ in rows], min(
        (moment for moment in moments if moment > now), default=None
    )


def agenda_for(person: User, zone: zoneinfo.ZoneInfo) -> list[dict]:
    """My activities (organized or registered), by day in my zone, overlaps flagged.

    Each item: activity, role ("organizer", "confirmed" or "waitlisted"), overlap flag.
    """
    roles = _roles_of(person)
    activities = list(
        _agenda_activities(roles)
        .defer("description")
        .select_related("edition", "activity_type", "room")
        .order_by("starts_at", "pk")
    )
    items = []
    for activity in activities:
        role = roles[activity.pk]
        items.append(
            {
                "activity": activity,
                "role": role,
                "overlap": False,
                "access": join_access(activity, person, role=role),
            }
        )
    live = [
        i
        for i in items
        if i["activity"].state != Activity.State.CANCELLED and i["role"] != "waitlisted"
    ]
    for index, item in enumerate(live):
        for other in live[index + 1 :]:
            if other["activity"].starts_at >= item["activity"].ends_at:
                break
            item["overlap"] = other["overlap"] = True
    return items


def agenda_by_day(items: list[dict], zone: zoneinfo.ZoneInfo) -> dict[str, list[dict]]:
    """The agenda's items by day in the reader's zone: what is still to come first, in
    order, then what is over, the most recent first."""
    now = timezone.now()
    parts: dict[str, dict[dt.date, list[dict]]] = {"upcoming": {}, "past": {}}
    for item in items:
        part = "upcoming" if item["activity"].ends_at > now else "past"
        day = timezone.localtime(item["activity"].starts_at, zone).date()
        parts[part].setdefault(day, []).append(item)
    return {
        "upcoming": [{"date": d, "items": i} for d, i in sorted(parts["upcoming"].items())],
        "past": [{"date": d, "items": i} for d, i in sorted(parts["past"].items(), reverse=True)],
    }


def activities_for_personal_feed(person: User) -> list[Activity]:
    return list(
        activities_public(
            Activity.objects.filter(
                Q(pk__in=Organizer.objects.filter(person=person).values("activity_id"))
                | Q(
                    pk__in=Registration.objects.filter(
                        person=person, status=Registration.Status.CONFIRMED
                    ).values("activity_id")
                )
            )
        )
        .select_related("edition")
        .order_by("starts_at")
    )


def activities_for_edition_feed(edition) -> list[Activity]:
    return list(
        activities_public(Activity.objects.filter(edition=edition))
        .select_related("edition")
        .order_by("starts_at")
    )
