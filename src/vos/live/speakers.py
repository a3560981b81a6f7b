"""Requests to speak. While an activity is live, a person who may join it asks to speak
(the language they will speak, an optional topic or "reply to …"), sees their place and
can withdraw. Its facilitators and organizers run the list: give the floor (to the next
or to anyone waiting), mark done, move someone up, down or to the end, close and reopen
the list, choose the order (first come first served, or alternating the languages
spoken; people who have not spoken yet first, if they wish) and the time per speaker,
which every open page counts down. Each change moves the list's live version on, so open
pages fetch it within two seconds (``vos.common.live``).

Places are given under a lock on the list's row: many people asking at once get
distinct places, in the order the lock let them in."""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.activity.rules import is_activity_facilitator, is_organizer, may_enter_room
from vos.common import live
from vos.common.log import log_action
from vos.edition.models import TeamRole
from vos.edition.rules import has_team_role
from vos.live.models import SpeakerList, SpeakerRequest
from vos.person.models import User

LIVE_BEFORE = dt.timedelta(minutes=15)
MAX_SECONDS = 30 * 60


def live_topic(activity: Activity) -> str:
    return f"speakers:{activity.pk}"


def is_live(activity: Activity, now: dt.datetime | None = None) -> bool:
    """From a quarter of an hour before the start to the end."""
    now = now or timezone.now()
    return activity.starts_at - LIVE_BEFORE <= now <= activity.ends_at


def may_run(person: User, activity: Activity) -> bool:
    """Its organizers, the edition's team and the volunteers who animate its sessions."""
    return person.is_authenticated and (
        is_organizer(person, activity)
        or is_activity_facilitator(person, activity)
        or has_team_role(person, activity.edition, TeamRole.Role.ANIMATION)
    )


def may_ask(person: User, activity: Activity) -> bool:
    """Who may ask to speak: who may join the activity (the one rule for its way in)."""
    return person.is_authenticated and may_enter_room(person, activity)


def speaker_list_of(activity: Activity) -> SpeakerList:
    try:
        found, _created = SpeakerList.objects.get_or_create(activity=activity)
    except IntegrityError:  # made at the same moment by another request
        found = SpeakerList.objects.get(activity=activity)
    return found


def _locked(activity: Activity) -> SpeakerList:
    speaker_list_of(activity)
    return SpeakerList.objects.select_for_update().get(activity=activity)


def _changed(activity: Activity) -> None:
    live.changed(live_topic(activity))


def _next_position(speaker_list: SpeakerList) -> int:
    latest = speaker_list.requests.aggregate(position=Max("position"))["position"]
    return (latest or 0) + 1


@transaction.atomic
def ask_to_speak(
    *,
    person: User,
    activity: Activity,
    language: str,
    topic: str = "",
    now: dt.datetime | None = None,
) -> SpeakerRequest:
    """``now``: the moment of asking (the demo replays a session)."""
    if not may_ask(person, activity):
        raise PermissionDenied
    if not is_live(activity, now):
        raise ValidationError(_("One asks to speak while the session is on."))
    speaker_list = _locked(activity)
    if not speaker_list.is_open:
        raise ValidationError(_("The list of speakers is closed for now."))
    if speaker_list.requests.filter(
        person=person, state__in=[SpeakerRequest.State.WAITING, SpeakerRequest.State.SPEAKING]
    ).exists():
        raise ValidationError(_("You are on the list already."))
    if not language:
        raise ValidationError({"language": _("Say which language you will speak.")})
    made = SpeakerRequest.objects.create(
        speaker_list=speaker_list,
        person=person,
        language=language,
        topic=" ".join(topic.split())[:200],
        position=_next_position(speaker_list),
        created_at=now or timezone.now(),
    )
    _changed(activity)
    return made


@transaction.atomic
def withdraw(*, person: User, request: SpeakerRequest) -> None:
    if request.person_id != person.pk:
        raise PermissionDenied
    SpeakerRequest.objects.filter(pk=request.pk, state=SpeakerRequest.State.WAITING).update(
        state=SpeakerRequest.State.WITHDRAWN, ended_at=timezone.now()
    )
    _changed(request.speaker_list.activity)


def _running(runner: User, activity: Activity) -> SpeakerList:
    if not may_run(runner, activity):
        raise PermissionDenied
    return _locked(activity)


def _end_current(speaker_list: SpeakerList, now: dt.datetime) -> None:
    speaker_list.requests.filter(state=SpeakerRequest.State.SPEAKING).update(
        state=SpeakerRequest.State.DONE, ended_at=now
    )


@transaction.atomic
def give_floor(
    *, runner: User, activity: Activity, request: SpeakerRequest | None = None
) -> SpeakerRequest | None:
    """The current speaker is done; the floor goes to ``request``, or to the next in the
    list's order. Returns who speaks now (None when nobody waits)."""
    speaker_list = _running(runner, activity)
    now = timezone.now()
    _end_current(speaker_list, now)
    if request is None:
        _speaking, waiting = queue(speaker_list)
        request = waiting[0] if waiting else None
    elif (
        request.speaker_list_id != speaker_list.pk or request.state != SpeakerRequest.State.WAITING
    ):
        raise ValidationError(_("This person is no longer waiting."))
    if request is not None:
        SpeakerRequest.objects.filter(pk=request.pk).update(
            state=SpeakerRequest.State.SPEAKING, started_at=now
        )
        request.state, request.started_at = SpeakerRequest.State.SPEAKING, now
    log_action(
        activity, actor=runner, action="live.floor", data={"request": getattr(request, "pk", None)}
    )
    _changed(activity)
    return request


@transaction.atomic
def finish(*, runner: User, activity: Activity) -> None:
    """The current speaker has spoken; nobody has the floor."""
    speaker_list = _running(runner, activity)
    _end_current(speaker_list, timezone.now())
    _changed(activity)


@transaction.atomic
def move(*, runner: User, activity: Activity, request: SpeakerRequest, where: str) -> None:
    """Move a waiting person one place up, one place down, or to the end of the list."""
    speaker_list = _running(runner, activity)
    _speaking, waiting = queue(speaker_list)
    ids = [r.pk for r in waiting]
    if request.pk not in ids:
        raise ValidationError(_("This person is no longer waiting."))
    index = ids.index(request.pk)
    if where == "end":
        SpeakerRequest.objects.filter(pk=request.pk).update(position=_next_position(speaker_list))
    elif where in ("up", "down"):
        other = index - 1 if where == "up" else index + 1
        if 0 <= other < len(waiting):
            _swap(speaker_list, waiting[index], waiting[other])
    else:
        raise ValidationError(_("Choose where to move them."))
    _changed(activity)


def _swap(speaker_list: SpeakerList, one: SpeakerRequest, other: SpeakerRequest) -> None:
    # Through a free position, so that no two requests ever share one.
    free = _next_position(speaker_list)
    SpeakerRequest.objects.filter(pk=one.pk).update(position=free)
    SpeakerRequest.objects.filter(pk=other.pk).update(position=one.position)
    SpeakerRequest.objects.filter(pk=one.pk).update(position=other.position)
    # The order shown follows positions; with a rule (languages, first-timers) the rule
    # still has the last word, as the facilitators chose it.


@transaction.atomic
def settings_save(
    *,
    runner: User,
    activity: Activity,
    is_open: bool,
    order: str,
    first_timers_first: bool,
    seconds_per_speaker: int,
) -> SpeakerList:
    speaker_list = _running(runner, activity)
    if order not in SpeakerList.Order.values:
        raise ValidationError({"order": _("Unknown order.")})
    if not 10 <= seconds_per_speaker <= MAX_SECONDS:
        raise ValidationError(
            {"seconds_per_speaker": _("Between 10 seconds and 30 minutes per speaker.")}
        )
    speaker_list.is_open = is_open
    speaker_list.order = order
    speaker_list.first_timers_first = first_timers_first
    speaker_list.seconds_per_speaker = seconds_per_speaker
    speaker_list.save()
    log_action(
        activity,
        actor=runner,
        action="live.speakers_settings",
        data={"open": is_open, "order": order},
    )
    _changed(activity)
    return speaker_list


def queue(speaker_list: SpeakerList) -> tuple[SpeakerRequest | None, list[SpeakerRequest]]:
    """Who speaks now, and who waits in the order the floor will go: by place, then the
    list's rules (people who have not spoken first; languages alternating)."""
    requests = list(
        speaker_list.requests.filter(
            state__in=[
                SpeakerRequest.State.WAITING,
                SpeakerRequest.State.SPEAKING,
                SpeakerRequest.State.DONE,
            ]
        )
        .select_related("person")
        .order_by("position", "pk")
    )
    speaking = next((r for r in requests if r.state == SpeakerRequest.State.SPEAKING), None)
    done = [r for r in requests if r.state == SpeakerRequest.State.DONE]
    waiting = [r for r in requests if r.state == SpeakerRequest.State.WAITING]
    groups = [waiting]
    if speaker_list.first_timers_first:
        # Those who have not spoken yet first; within each group, places are kept.
        spoke = {r.person_id for r in done} | ({speaking.person_id} if speaking else set())
        groups = [
            [r for r in waiting if r.person_id not in spoke],
            [r for r in waiting if r.person_id in spoke],
        ]
    if speaker_list.order == SpeakerList.Order.LANGUAGES:
        last = speaking or (max(done, key=_ended) if done else None)
        alternated = []
        for group in groups:
            alternated += _alternating(group, alternated[-1] if alternated else last)
        groups = [alternated]
    return speaking, [request for group in groups for request in group]


def _ended(request: SpeakerRequest) -> dt.datetime:
    return request.ended_at or request.created_at


def _alternating(
    waiting: list[SpeakerRequest], last: SpeakerRequest | None
) -> list[SpeakerRequest]:
    """Each next speaker, where one waits, speaks another language than the one before."""
    left, ordered = list(waiting), []
    previous = last.language if last else None
    while left:
        chosen = next((r for r in left if r.language != previous), left[0])
        left.remove(chosen)
        ordered.append(chosen)
        previous = chosen.language
    return ordered


@dataclass
class Floor:
    """The list as a page shows it."""

    speaker_list: SpeakerList
    speaking: SpeakerRequest | None
    waiting: list[SpeakerRequest]

    @property
    def seconds_left(self) -> int | None:
        if self.speaking is None or self.speaking.started_at is None:
            return None
        spent = (timezone.now() - self.speaking.started_at).total_seconds()
        return int(self.speaker_list.seconds_per_speaker - spent)


def floor_of(activity: Activity) -> Floor:
    speaker_list = speaker_list_of(activity)
    speaking, waiting = queue(speaker_list)
    return Floor(speaker_list, speaking, waiting)
