"""The open-space marketplace: topics proposed, one chosen per round and changed at
will, a room per topic when a round starts (a second when the first is full), links
only for those who chose the topic, its host and the team; topics merged; a host's notes
in the Open Forum; many choosing at once never overfill a room."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Interpreter
from vos.forum.models import Note
from vos.live import marketplace as market
from vos.live.models import Breakout, Choice
from vos.room.models import Room

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    intention_text()
    team = UserFactory()
    edition = make_edition(facilitators=[team])
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    activity = make_activity(
        edition,
        title="Open space",
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        link_visibility="public",
    )
    return activity, team


def opened(activity, team, **fields):
    return market.market_open(
        runner=team,
        activity=activity,
        **{"rounds": 2, "round_minutes": 40, "room_size": 2, **fields},
    )


def test_the_team_opens_it_with_a_jitsi_server(session):
    activity, team = session
    with pytest.raises(PermissionDenied):
        opened(activity, UserFactory())
    with pytest.raises(ValidationError, match="From 1 to 6 rounds"):
        opened(activity, team, rounds=9)
    activity.edition.jitsi_server = ""
    activity.edition.save()
    activity.refresh_from_db()
    with pytest.raises(ValidationError, match="Jitsi"):
        opened(activity, team)


def test_rounds_rooms_links_merges_and_notes(session):
    activity, team = session
    place = opened(activity, team)
    host, ana, ben, cleo, dan = (
        UserFactory(display_name=n) for n in ("Host", "Ana", "Ben", "Cleo", "Dan")
    )
    water = market.topic_propose(person=host, marketplace=place, title="Water", language="es")
    seeds = market.topic_propose(person=ben, marketplace=place, title="Seeds", language="fr")
    for person in (ana, ben, cleo):
        market.choose(person=person, marketplace=place, topic=water)
    market.choose(person=ben, marketplace=place, topic=seeds)  # the law of two feet
    assert {t.title: t.people for t in market.board(place)} == {"Water": 2, "Seeds": 1}
    assert market.round_start(runner=team, marketplace=place) == 1
    place.refresh_from_db()
    # Two rooms of two for Water? Ana and Cleo fill room 1; Dan arriving opens room 2.
    market.choose(person=dan, marketplace=place, topic=water)
    rooms = {
        c.person.display_name: (c.topic.title, c.breakout.number)
        for c in Choice.objects.select_related("breakout", "topic", "person")
    }
    assert rooms == {
        "Ana": ("Water", 1),
        "Cleo": ("Water", 1),
        "Ben": ("Seeds", 1),
        "Dan": ("Water", 2),
    }
    water_room = Breakout.objects.get(topic=water, number=1)
    assert market.join_url(ana, place, water_room).startswith("https://meet.example.org/vos-")
    assert market.join_url(host, place, water_room)  # its host
    assert market.join_url(team, place, water_room)  # the team
    assert market.join_url(ben, place, water_room) is None  # chose another topic
    assert market.join_url(UserFactory(), place, water_room) is None
    # Seeds has one person: merged into Water, Ben follows.
    market.merge(runner=team, source=seeds, target=water)
    assert Choice.objects.get(person=ben).topic == water
    assert all(b.choices.count() <= b.capacity for b in Breakout.objects.all())
    with pytest.raises(PermissionDenied):
        market.topic_note(host=ana, topic=water, body="Mine")
    market.topic_note(host=host, topic=water, body="Water is a commons.")
    assert Note.objects.get().speaker == "Water (Host)"
    market.round_end(runner=team, marketplace=place)
    place.refresh_from_db()
    assert market.round_chosen(place) == 2
    market.round_start(runner=team, marketplace=place)
    market.round_end(runner=team, marketplace=place)
    place.refresh_from_db()
    assert place.state == "ended"
    with pytest.raises(ValidationError, match="ended"):
        market.choose(person=ana, marketplace=place, topic=water)


def test_the_page_for_each_role(client, session):
    activity, team = session
    page = reverse("live.market", kwargs={"pk": activity.pk})
    act = reverse("live.market_act", kwargs={"pk": activity.pk})
    client.force_login(UserFactory())
    assert (
        client.post(
            act, {"action": "open", "rounds": 2, "round_minutes": 40, "room_size": 10}
        ).status_code
        == 404
    )
    client.force_login(team)
    client.post(act, {"action": "open", "rounds": 2, "round_minutes": 40, "room_size": 10})
    host = UserFactory(display_name="Host")
    client.force_login(host)
    client.post(
        act, {"action": "propose", "title": "Care", "language": "en", "description": "Who cares?"}
    )
    topic = activity.marketplace.topics.get()
    client.post(act, {"action": "choose", "topic": topic.pk})
    assert client.post(act, {"action": "start"}).status_code == 404  # not the team
    client.force_login(team)
    client.post(act, {"action": "start"})
    client.force_login(host)
    html = client.get(page).content.decode()
    assert "Join the room" in html
    assert "meet.example.org" in html
    client.force_login(UserFactory())
    html = client.get(page).content.decode()
    assert "Care" in html
    assert "meet.example.org" not in html
    client.logout()
    assert (
        "meet.example.org"
        not in client.get(reverse("live.market_now", kwargs={"pk": activity.pk})).content.decode()
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_three_hundred_choosing_at_once_never_overfill_a_room():
    intention_text()
    team = UserFactory()
    edition = make_edition(facilitators=[team])
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    activity = make_activity(
        edition,
        title="Open space",
        starts_at=timezone.now() - dt.timedelta(minutes=1),
        link_visibility="public",
    )
    place = market.market_open(
        runner=team, activity=activity, rounds=1, round_minutes=30, room_size=10
    )
    topics = [
        market.topic_propose(person=team, marketplace=place, title=f"T{n}", language="en")
        for n in range(3)
    ]
    market.round_start(runner=team, marketplace=place)
    people = [UserFactory() for _number in range(300)]

    def one(pair):
        number, person = pair
        try:
            return market.choose(
                person=person, marketplace=place, topic=topics[number % 3]
            ).breakout_id
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(one, enumerate(people)))
    assert Choice.objects.count() == 300
    for breakout in Breakout.objects.all():
        assert breakout.choices.count() <= breakout.capacity
    assert Breakout.objects.count() == 30


@pytest.mark.parametrize("kind", ["jitsi", "pool"])
@pytest.mark.parametrize(
    "who", ["visitor", "participant", "elsewhere", "organizer_of_another", "interpreter"]
)
def test_no_surface_leaks_a_breakout_link(client, session, who, kind):
    from tests.room.test_visibility import surfaces

    activity, team = session
    if kind == "pool":  # one room of the pool: Water's; Seeds gets a Jitsi room
        Room.objects.create(
            edition=activity.edition,
            kind=Room.Kind.POOL,
            name="Baobab",
            join_url="https://rooms.example.org/baobab-secret",
        )
    place = opened(activity, team)
    water = market.topic_propose(
        person=UserFactory(), marketplace=place, title="Water", language="en"
    )
    seeds = market.topic_propose(
        person=UserFactory(), marketplace=place, title="Seeds", language="en"
    )
    market.choose(person=UserFactory(), marketplace=place, topic=water)
    elsewhere = UserFactory()
    market.choose(person=elsewhere, marketplace=place, topic=seeds)
    market.round_start(runner=team, marketplace=place)
    water_room = Breakout.objects.select_related("hold__room").get(topic=water)
    secret = water_room.hold.room.join_url if kind == "pool" else water_room.jitsi_name
    other_organizer = UserFactory()
    make_activity(activity.edition, title="Other", organizer=other_organizer)
    interpreter = UserFactory()
    Interpreter.objects.create(
        activity=activity,
        person=interpreter,
        language_from="en",
        language_to="fr",
        state=Interpreter.State.ACCEPTED,
    )
    people = {
        "interpreter": interpreter,
        "visitor": None,
        "participant": UserFactory(),
        "elsewhere": elsewhere,
        "organizer_of_another": other_organizer,
    }
    if people[who] is not None:
        client.force_login(people[who])
    pages = [
        reverse("live.market", kwargs={"pk": activity.pk}),
        reverse("live.market_now", kwargs={"pk": activity.pk}),
        reverse("live.speakers", kwargs={"pk": activity.pk}),
        reverse("forum.activity", kwargs={"pk": activity.pk}),
        "/api/v1/forum/spaces",
    ]
    for url in pages:
        body = client.get(url, follow=True).content.decode()
        assert secret not in body, (who, url)
    for url, body in surfaces(client, activity):
        assert secret not in body, (who, url)


def test_topics_are_translated_by_their_host_or_the_team(client, session):
    activity, team = session
    place = opened(activity, team)
    host = UserFactory()
    topic = market.topic_propose(person=host, marketplace=place, title="Agua", language="es")
    with pytest.raises(PermissionDenied):
        market.topic_translate(person=UserFactory(), topic=topic, language="fr", title="Eau")
    with pytest.raises(ValidationError, match="another"):
        market.topic_translate(person=host, topic=topic, language="es", title="Agua")
    client.force_login(host)
    act = reverse("live.market_act", kwargs={"pk": activity.pk})
    client.post(
        act,
        {
            "action": "translate",
            "topic": topic.pk,
            "language": "fr",
            "title": "L’eau",
            "description": "Un bien commun",
        },
    )
    topic.refresh_from_db()
    assert topic.shown_in("fr").title == "L’eau"
    client.logout()
    page = client.get(
        reverse("live.market", kwargs={"pk": activity.pk}).replace("/en/", "/fr/")
    ).content.decode()
    assert "L’eau" in page
    assert "Un bien commun" in page
    assert "tr-title" not in page  # no translation form for a visitor
