"""Who sees an activity's way in, and when: the join window around the decision of
``rules.may_enter_room``. Pages link to the join redirect, never to the provider."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity, Interpreter, Organizer
from vos.activity.rules import may_enter_room
from vos.room.models import Room
from vos.room.providers import bbb_join_url, jitsi_url


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


def join_opens_at(activity: Activity) -> dt.datetime:
    """When the way into an activity's room opens: a few minutes before it starts."""
    return opens_before(activity.starts_at, activity.edition.link_lead_minutes)


def opens_before(starts_at: dt.datetime, lead_minutes: int) -> dt.datetime:
    """``join_opens_at`` from the start and the edition's lead, for reads of bare values."""
    return starts_at - dt.timedelta(minutes=lead_minutes)


def join_access(
    activity: Activity, user, *, now: dt.datetime | None = None, role: str | None = None
) -> JoinAccess:
    """The one place that decides whether a join link, passcode and PIN may be shown."""
    now = now or timezone.now()
    if activity.room_mode == "none" or activity.state != Activity.State.PUBLISHED:
        return JoinAccess(state="none")
    if now >= activity.ends_at:
        return JoinAccess(state="ended")
    if not may_enter_room(user, activity, role):
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


def join_url_for(activity: Activity, user) -> str:
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


def roles_for(user, activities: Iterable[Activity]) -> dict[int, str]:
    """The person's role in each activity (organizer, facilitator, interpreter, confirmed
    …) in four queries, so lists can decide join access without a query per row."""
    if not user.is_authenticated:
        return {}
    activities = list(activities)
    ids = [activity.pk for activity in activities]
    # The person's registrations through the reverse relation: registration is above us.
    roles = dict(
        user.registrations.filter(activity_id__in=ids).values_list("activity_id", "status")
    )
    facilitated = set(user.facilitated_editions.values_list("pk", flat=True))
    for activity in activities:
        if user.is_superuser or activity.edition_id in facilitated:
            roles[activity.pk] = "facilitator"
    for activity_id in Interpreter.objects.filter(
        person=user, activity_id__in=ids, state=Interpreter.State.ACCEPTED
    ).values_list("activity_id", flat=True):
        roles[activity_id] = "interpreter"
    for activity_id in Organizer.objects.filter(person=user, activity_id__in=ids).values_list(
        "activity_id", flat=True
    ):
        roles[activity_id] = "organizer"
    for activity in activities:
        roles.setdefault(activity.pk, "visitor")
    return roles


def activities_live_now(now: dt.datetime | None = None) -> QuerySet[Activity]:
    """Published activities happening at this moment that have a room."""
    now = now or timezone.now()
    return (
        Activity.objects.filter(state=Activity.State.PUBLISHED, starts_at__lte=now, ends_at__gt=now)
        .filter(~Q(room_mode="none"))
        .select_related("edition", "activity_type", "room")
        .prefetch_related("room__dial_ins")
        .order_by("starts_at")
    )
