"""Breakout rooms come from the edition's pool while a room is free for the whole round
(the program's allocations then see it busy, and get it back when the round ends), else
from the edition's Jitsi server; a smaller room of the pool seats fewer. A topic's notes
show with the activity's outcome."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.services.rooms import RoomChoice, busy_room_ids, room_assign
from vos.live import marketplace as market
from vos.live.models import Breakout, Choice
from vos.room.models import Room, RoomHold

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    intention_text()
    team = UserFactory()
    edition = make_edition(facilitators=[team])
    activity = make_activity(
        edition,
        title="Open space",
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        link_visibility="public",
    )
    rooms = [
        Room.objects.create(
            edition=edition,
            kind=Room.Kind.POOL,
            name=name,
            join_url=f"https://rooms.example.org/{name.lower()}",
            passcode="4242",
            capacity=capacity,
        )
        for name, capacity in (("Baobab", 2), ("Ceiba", 30))
    ]
    return activity, team, rooms


def topics(place, *titles):
    return [
        market.topic_propose(person=UserFactory(), marketplace=place, title=title, language="en")
        for title in titles
    ]


def test_rooms_of_the_pool_first_then_jitsi(session):
    activity, team, (baobab, ceiba) = session
    place = market.market_open(
        runner=team, activity=activity, rounds=2, round_minutes=40, room_size=10
    )
    _water, seeds, _care = topics(place, "Water", "Seeds", "Care")
    # No Jitsi server and two rooms for three topics: the round cannot start, and nothing
    # of it is kept.
    with pytest.raises(ValidationError, match="No room of the pool is free"):
        market.round_start(runner=team, marketplace=place)
    place.refresh_from_db()
    assert (place.state, place.current_round) == ("proposing", 0)
    assert not Breakout.objects.exists()
    assert not RoomHold.objects.exists()

    activity.edition.jitsi_server = "https://meet.example.org"
    activity.edition.save()
    place.refresh_from_db()
    market.round_start(runner=team, marketplace=place)
    place.refresh_from_db()
    rooms = {b.topic.title: b for b in Breakout.objects.select_related("hold__room", "topic")}
    # The first topic gets the smallest room big enough (none: the biggest free one), the
    # next the other one, the last a Jitsi room.
    assert rooms["Water"].hold.room == ceiba
    assert rooms["Seeds"].hold.room == baobab
    assert rooms["Seeds"].capacity == 2  # Baobab seats two, not ten
    assert rooms["Care"].hold is None
    assert rooms["Care"].jitsi_name.startswith("vos-")

    # Seeds' room fills up: the third person gets a second room, a Jitsi one now.
    people = [UserFactory() for _n in range(3)]
    for person in people:
        market.choose(person=person, marketplace=place, topic=seeds)
    numbers = [Choice.objects.get(person=p).breakout.number for p in people]
    assert numbers == [1, 1, 2]
    assert market.join_url(people[0], place, rooms["Seeds"]) == baobab.join_url
    assert market.join_url(people[2], place, rooms["Seeds"]) is None  # in room 2
    assert market.join_url(UserFactory(), place, rooms["Seeds"]) is None


def test_the_program_and_the_breakouts_never_share_a_room(session):
    activity, team, (baobab, ceiba) = session
    edition = activity.edition
    place = market.market_open(
        runner=team, activity=activity, rounds=2, round_minutes=40, room_size=10
    )
    topics(place, "Water", "Seeds")
    market.round_start(runner=team, marketplace=place)
    now = timezone.now()
    assert {baobab.pk, ceiba.pk} <= busy_room_ids(edition, now, now + dt.timedelta(minutes=10))
    workshop = make_activity(edition, title="Workshop", starts_at=now + dt.timedelta(minutes=30))
    with pytest.raises(ValidationError, match="No room of the pool is free"):
        room_assign(activity=workshop, choice=RoomChoice(mode="pool"))
    # After the round's planned end (and the buffer) the rooms are the program's again.
    later = make_activity(edition, title="Later", starts_at=now + dt.timedelta(minutes=150))
    room_assign(activity=later, choice=RoomChoice(mode="pool"))
    assert later.room in (baobab, ceiba)

    market.round_end(runner=team, marketplace=place)  # early: the rooms are freed then
    room_assign(activity=workshop, choice=RoomChoice(mode="pool"))
    assert workshop.room in (baobab, ceiba)
    # The next round's breakouts see the workshop: one room of the pool left.
    place.refresh_from_db()
    activity.edition.jitsi_server = "https://meet.example.org"
    activity.edition.save()
    place.refresh_from_db()
    market.round_start(runner=team, marketplace=place)
    held = RoomHold.objects.filter(ends_at__gt=timezone.now()).values_list("room", flat=True)
    assert list(held) == [({baobab.pk, ceiba.pk} - {workshop.room_id}).pop()]


def test_a_pool_room_shows_its_passcode_to_those_who_chose_it(client, session):
    activity, team, (baobab, _ceiba) = session
    place = market.market_open(
        runner=team, activity=activity, rounds=1, round_minutes=40, room_size=2
    )
    (water,) = topics(place, "Water")
    chooser = UserFactory()
    market.choose(person=chooser, marketplace=place, topic=water)
    market.round_start(runner=team, marketplace=place)
    page = reverse("live.market", kwargs={"pk": activity.pk})
    client.force_login(chooser)
    html = client.get(page).content.decode()
    assert baobab.join_url in html
    assert "4242" in html
    client.force_login(UserFactory())
    html = client.get(page).content.decode()
    assert baobab.join_url not in html
    assert "4242" not in html


def test_the_hosts_notes_show_with_the_outcome(client, session):
    activity, team, _rooms = session
    place = market.market_open(
        runner=team, activity=activity, rounds=1, round_minutes=40, room_size=10
    )
    (water,) = topics(place, "Water")
    market.topic_note(host=water.host, topic=water, body="Water is a **commons**.")
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "From the open space’s topics" in html or "From the open space's topics" in html
    assert "<strong>commons</strong>" in html
    assert [n.topic_title for n in market.notes_for_outcome(activity)] == ["Water"]
