"""The open-space marketplace. A facilitator opens it for a number of rounds; people who
may join the activity propose topics (title, language, a line; translatable) and choose
one per round, changing at will (the law of two feet). When a round starts every topic
gets a breakout room; its join link reaches only the people who chose it (and the team
and the topic's host). A full room sends newcomers to a second room of the same topic.
Facilitators merge topics with too few people. A topic's host posts notes, which land in
the activity's Open Forum space. Counts and topics update live (``vos.common.live``).

Choices are seated under a lock on the marketplace's row: people choosing at the same
moment never put a room over its capacity.

A breakout room is a room of the edition's pool when one is free for the whole round (held
through the same lock and clash check as the program's allocations, so neither takes a
room the other holds), otherwise an automatic room of the edition's Jitsi server."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from vos.activity.models import Activity
from vos.activity.services.rooms import busy_room_ids
from vos.common import live, page_cache
from vos.common.log import log_action
from vos.common.multilingual import interface_languages
from vos.edition.models import TeamRole
from vos.edition.rules import has_team_role
from vos.forum.models import Note
from vos.forum.notes import note_post
from vos.forum.services import space_of_activity
from vos.live.models import Breakout, Choice, Marketplace, Topic
from vos.live.speakers import is_live, may_ask, may_run
from vos.person.models import User
from vos.room.models import Room, RoomHold, jitsi_room_name
from vos.room.providers import jitsi_url
from vos.room.services import choose_room, pool_rooms_locked, room_hold, room_holds_release

MAX_ROUNDS = 6


def market_topic(activity: Activity) -> str:
    return f"market:{activity.pk}"


def _changed(marketplace: Marketplace) -> None:
    live.changed(market_topic(marketplace.activity))


def marketplace_of(activity: Activity) -> Marketplace | None:
    return Marketplace.objects.filter(activity=activity).first()


def _locked(marketplace: Marketplace) -> Marketplace:
    return (
        Marketplace.objects.select_for_update()
        .select_related("activity__edition")
        .get(pk=marketplace.pk)
    )


@transaction.atomic
def market_open(
    *, runner: User, activity: Activity, rounds: int, round_minutes: int, room_size: int
) -> Marketplace:
    if not may_run(runner, activity):
        raise PermissionDenied
    edition = activity.edition
    if not edition.jitsi_server and not edition.rooms.filter(kind=Room.Kind.POOL).exists():
        raise ValidationError(
            _("Breakout rooms need rooms in the edition's pool or the edition's Jitsi server.")
        )
    if not 1 <= rounds <= MAX_ROUNDS or not 5 <= round_minutes <= 180 or not 2 <= room_size <= 500:
        raise ValidationError(
            _("From 1 to 6 rounds of 5 to 180 minutes, rooms of 2 to 500 people.")
        )
    marketplace, _created = Marketplace.objects.update_or_create(
        activity=activity,
        defaults={"rounds": rounds, "round_minutes": round_minutes, "room_size": room_size},
    )
    log_action(activity, actor=runner, action="live.market_open", data={"rounds": rounds})
    _changed(marketplace)
    return marketplace


@transaction.atomic
def topic_propose(
    *,
    person: User,
    marketplace: Marketplace,
    title: str,
    language: str,
    description: str = "",
    now: dt.datetime | None = None,
) -> Topic:
    """``now``: the moment of proposing (the demo replays a session)."""
    activity = marketplace.activity
    if not may_ask(person, activity):
        raise PermissionDenied
    if marketplace.state == Marketplace.State.ENDED or not is_live(activity, now):
        raise ValidationError(_("Topics are proposed while the session is on."))
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Name your topic.")})
    topic = Topic.objects.create(
        marketplace=marketplace,
        host=person,
        title=title[:150],
        description=" ".join(description.split())[:300],
        original_language=language,
        created_at=now or timezone.now(),
    )
    _changed(marketplace)
    return topic


def may_translate(person: User, topic: Topic) -> bool:
    activity = topic.marketplace.activity
    return person.is_authenticated and (
        topic.host_id == person.pk
        or may_run(person, activity)
        or has_team_role(person, activity.edition, TeamRole.Role.TRANSLATION)
    )


@transaction.atomic
def topic_translate(
    *, person: User, topic: Topic, language: str, title: str, description: str = ""
) -> Topic:
    """Its host or the team writes the topic in another interface language."""
    if not may_translate(person, topic):
        raise PermissionDenied
    if language not in interface_languages() or language == topic.original_language:
        raise ValidationError(_("Translate into another of the site's languages."))
    if not " ".join(title.split()):
        raise ValidationError({"title": _("Name your topic.")})
    topic.set_translation(
        language,
        {
            "title": " ".join(title.split())[:150],
            "description": " ".join(description.split())[:300],
        },
    )
    topic.save(update_fields=["translations"])
    _changed(topic.marketplace)
    return topic


def round_chosen(marketplace: Marketplace) -> int:
    """The round people choose for now: the one on, else the next one."""
    if marketplace.state == Marketplace.State.ROUND:
        return marketplace.current_round
    return marketplace.current_round + 1


def _round_ends_at(marketplace: Marketplace) -> dt.datetime:
    return marketplace.round_started_at + dt.timedelta(minutes=marketplace.round_minutes)


def _new_breakout(marketplace: Marketplace, topic: Topic, number: int) -> Breakout:
    """A room for a topic in the current round: a free room of the pool (held until the
    round's planned end), else an automatic Jitsi room."""
    edition = marketplace.activity.edition
    starts_at, ends_at = marketplace.round_started_at, _round_ends_at(marketplace)
    rooms = pool_rooms_locked(edition)
    busy = busy_room_ids(edition, starts_at, ends_at, breakouts_of=marketplace.activity)
    room = choose_room(rooms, busy, marketplace.room_size)
    if room is None and not edition.jitsi_server:
        raise ValidationError(
            _("No room of the pool is free for this round, and the edition has no Jitsi server.")
        )
    if room is None:
        return Breakout.objects.create(
            topic=topic,
            round=marketplace.current_round,
            number=number,
            jitsi_name=jitsi_room_name(),
            capacity=marketplace.room_size,
        )
    hold = room_hold(
        room=room,
        held_by_id=marketplace.activity_id,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=f"{marketplace.activity.title} · {topic.title} · {marketplace.current_round}.{number}",
    )
    return Breakout.objects.create(
        topic=topic,
        round=marketplace.current_round,
        number=number,
        hold=hold,
        # A smaller room of the pool seats fewer: the next comers open a second room.
        capacity=min(marketplace.room_size, room.capacity or marketplace.room_size),
    )


def _seat(choice: Choice, marketplace: Marketplace) -> Breakout:
    """The first room of the topic with a free place, or a new one after the last."""
    breakouts = list(
        Breakout.objects.filter(topic=choice.topic, round=choice.round)
        .annotate(taken=Count("choices", filter=~Q(choices__pk=choice.pk)))
        .order_by("number")
    )
    for breakout in breakouts:
        if breakout.taken < breakout.capacity:
            return breakout
    return _new_breakout(marketplace, choice.topic, (breakouts[-1].number + 1) if breakouts else 1)


@transaction.atomic
def choose(*, person: User, marketplace: Marketplace, topic: Topic) -> Choice:
    """Join a topic for the round being chosen (or change to it)."""
    if not may_ask(person, marketplace.activity):
        raise PermissionDenied
    marketplace = _locked(marketplace)
    if marketplace.state == Marketplace.State.ENDED:
        raise ValidationError(_("The marketplace has ended."))
    if topic.marketplace_id != marketplace.pk:
        raise ValidationError(_("Choose a topic of this marketplace."))
    topic = topic.merged_into or topic
    number = round_chosen(marketplace)
    if number > marketplace.rounds:
        raise ValidationError(_("The marketplace has ended."))
    choice, _created = Choice.objects.update_or_create(
        marketplace=marketplace,
        person=person,
        round=number,
        defaults={"topic": topic, "breakout": None, "chosen_at": timezone.now()},
    )
    if marketplace.state == Marketplace.State.ROUND:
        choice.breakout = _seat(choice, marketplace)
        choice.save(update_fields=["breakout"])
    _changed(marketplace)
    return choice


@transaction.atomic
def round_start(*, runner: User, marketplace: Marketplace) -> int:
    """The next round starts: a room for every topic, everyone who chose seated."""
    if not may_run(runner, marketplace.activity):
        raise PermissionDenied
    marketplace = _locked(marketplace)
    if marketplace.state != Marketplace.State.PROPOSING:
        raise ValidationError(_("A round is on, or the marketplace has ended."))
    if marketplace.current_round >= marketplace.rounds:
        raise ValidationError(_("Every round has been held."))
    marketplace.current_round += 1
    marketplace.state = Marketplace.State.ROUND
    marketplace.round_started_at = timezone.now()
    marketplace.save(update_fields=["current_round", "state", "round_started_at"])
    for topic in marketplace.topics.filter(merged_into=None).order_by("created_at", "pk"):
        if not Breakout.objects.filter(
            topic=topic, round=marketplace.current_round, number=1
        ).exists():
            _new_breakout(marketplace, topic, 1)
    for choice in marketplace.choices.filter(round=marketplace.current_round).order_by(
        "chosen_at", "pk"
    ):
        choice.breakout = _seat(choice, marketplace)
        choice.save(update_fields=["breakout"])
    log_action(
        marketplace.activity,
        actor=runner,
        action="live.round",
        data={"round": marketplace.current_round},
    )
    _changed(marketplace)
    return marketplace.current_round


@transaction.atomic
def round_end(*, runner: User, marketplace: Marketplace) -> None:
    if not may_run(runner, marketplace.activity):
        raise PermissionDenied
    marketplace = _locked(marketplace)
    if marketplace.state != Marketplace.State.ROUND:
        raise ValidationError(_("No round is on."))
    done = marketplace.current_round >= marketplace.rounds
    marketplace.state = Marketplace.State.ENDED if done else Marketplace.State.PROPOSING
    marketplace.save(update_fields=["state"])
    # The pool's rooms are free again for the program's activities.
    room_holds_release(
        RoomHold.objects.filter(
            breakout__topic__marketplace=marketplace, breakout__round=marketplace.current_round
        ),
        at=timezone.now(),
    )
    _changed(marketplace)


@transaction.atomic
def merge(*, runner: User, source: Topic, target: Topic) -> None:
    """``source`` joins ``target``: its people (this round and the next ones) go there."""
    marketplace = source.marketplace
    if not may_run(runner, marketplace.activity):
        raise PermissionDenied
    marketplace = _locked(marketplace)
    if source.pk == target.pk or target.marketplace_id != marketplace.pk or target.merged_into_id:
        raise ValidationError(_("Merge a topic into another one of this marketplace."))
    source.merged_into = target
    source.save(update_fields=["merged_into"])
    moved = list(marketplace.choices.filter(topic=source, round__gte=round_chosen(marketplace)))
    for choice in moved:
        choice.topic, choice.breakout = target, None
        choice.save(update_fields=["topic", "breakout"])
        if (
            marketplace.state == Marketplace.State.ROUND
            and choice.round == marketplace.current_round
        ):
            choice.breakout = _seat(choice, marketplace)
            choice.save(update_fields=["breakout"])
    log_action(
        marketplace.activity,
        actor=runner,
        action="live.merge",
        data={"from": source.pk, "into": target.pk},
    )
    _changed(marketplace)


@transaction.atomic
def topic_note(*, host: User, topic: Topic, body: str) -> Note:
    """A topic's host posts what came out of it; it lands in the activity's forum space
    and beside its outcome on the activity's page."""
    if topic.host_id != host.pk:
        raise PermissionDenied
    note = note_post(
        author=host,
        space=space_of_activity(topic.marketplace.activity),
        speaker=f"{topic.title} ({host.display_name})",
        language=topic.original_language,
        body=body,
        vouched=True,
    )
    topic.notes.add(note)
    # The activity's page, cached for visitors, shows the notes with the outcome.
    transaction.on_commit(page_cache.content_changed)
    return note


def notes_for_outcome(activity: Activity) -> list[Note]:
    """The topics' notes of an activity's open space, in the order they were posted, each
    with its topic's title."""
    return list(
        Note.objects.filter(topics__marketplace__activity=activity)
        .annotate(topic_title=F("topics__title"))
        .order_by("created_at", "pk")
    )


def join_url(person: User, marketplace: Marketplace, breakout: Breakout) -> str | None:
    """A breakout's link, for those who chose it, its topic's host and the team."""
    if not person.is_authenticated or marketplace.state != Marketplace.State.ROUND:
        return None
    if breakout.round != marketplace.current_round:
        return None
    allowed = (
        breakout.choices.filter(person=person).exists()
        or breakout.topic.host_id == person.pk
        or may_run(person, marketplace.activity)
    )
    if not allowed:
        return None
    if breakout.hold_id:
        return breakout.hold.room.join_url
    return jitsi_url(marketplace.activity.edition.jitsi_server, breakout.jitsi_name)


def board(marketplace: Marketplace) -> list[Topic]:
    """The open topics with how many chose each for the round being chosen."""
    number = round_chosen(marketplace)
    return list(
        marketplace.topics.filter(merged_into=None)
        .select_related("host")
        .annotate(people=Count("choices", filter=Q(choices__round=number)))
        .order_by("created_at", "pk")
    )
