"""Shared rooms (the plenary room, a welcome room) keep their way in for their audience."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.edition.services import intention_accept
from vos.registration.services import registration_create, reminder_settings_for
from vos.room.models import DialIn, Room
from vos.room.services import shared_rooms

pytestmark = pytest.mark.django_db

JOIN_URL = "https://zoom.example/j/93968057599"
CODES = ["939 680 599", "31032020", "+33 1 70 37 99 11", "PIN-4455"]
ROLES = ["anonymous", "participant", "accepted", "registrant", "facilitator"]
AUDIENCE = {
    Room.Visibility.ACCEPTED: {"accepted", "facilitator"},
    Room.Visibility.REGISTERED: {"registrant", "facilitator"},
    Room.Visibility.EVERYONE: set(ROLES),
}


@pytest.fixture
def forum():
    text = intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.SHARED,
        name="Plenary room",
        provider=Room.Provider.ZOOM,
        join_url=JOIN_URL,
        meeting_id="939 680 599",
        passcode="31032020",
    )
    DialIn.objects.create(room=room, country="FR", number="+33 1 70 37 99 11", pin="PIN-4455")
    activity = make_activity(edition, title="Opening", capacity=10)
    accepted = UserFactory()
    intention_accept(person=accepted, intention_text=text)
    registrant = UserFactory()  # registered, but never accepted the text
    registration_create(activity=activity, person=registrant)
    return {
        "edition": edition,
        "room": room,
        "activity": activity,
        "facilitator": facilitator,
        "accepted": accepted,
        "registrant": registrant,
        "participant": UserFactory(),
    }


def surfaces(client, forum):
    edition, activity = forum["edition"], forum["activity"]
    token = reminder_settings_for(forum["registrant"]).feed_token
    urls = [
        "/en/",
        edition.get_absolute_url(),
        "/en/editions/",
        f"/en/editions/{edition.slug}/program/?day=all",
        activity.get_absolute_url(),
        f"/en/editions/{edition.slug}/activities/{activity.pk}.ics",
        f"/feeds/editions/{edition.slug}.ics",
        f"/feeds/agenda/{token}.ics",
        "/en/now/",
        "/en/my/agenda/",
        f"/editions/{edition.slug}/schedule.xml",
        f"/editions/{edition.slug}/schedule.json",
        f"/editions/{edition.slug}/schedule.ics",
        "/api/v1/editions",
        f"/api/v1/editions/{edition.slug}",
        f"/api/v1/editions/{edition.slug}/rooms",
        "/api/v1/activities",
    ]
    for url in urls:
        response = client.get(url)
        if response.status_code == 302:  # pages for logged-in people only
            continue
        assert response.status_code == 200, url
        yield url, response.content.decode()


def login(client, forum, who):
    if who != "anonymous":
        client.force_login(forum[who])


@pytest.mark.parametrize("visibility", list(AUDIENCE))
@pytest.mark.parametrize("who", ROLES)
def test_shared_room_codes_only_for_its_audience(client, forum, visibility, who, mailbox):
    Room.objects.filter(pk=forum["room"].pk).update(visibility=visibility)
    login(client, forum, who)
    allowed = who in AUDIENCE[visibility]
    for url, body in surfaces(client, forum):
        # The provider's address is never in a page: only the join redirect knows it.
        assert JOIN_URL not in body, (who, url)
        shown = [code for code in CODES if code in body]
        if url == forum["edition"].get_absolute_url():
            assert shown == (CODES if allowed else []), (who, visibility)
            og = " ".join(re.findall(r'<meta property="og:[^>]+>', body))
            assert all(code not in og for code in CODES)
            assert "Plenary room" in body  # everyone learns that the room exists
            assert "France" in body  # … and where it has local numbers
        else:
            assert shown == [], (who, url)
    for message in mailbox.messages:
        text = message.as_string()
        assert all(secret not in text for secret in [JOIN_URL, *CODES])


@pytest.mark.parametrize("visibility", list(AUDIENCE))
@pytest.mark.parametrize("who", ROLES)
def test_shared_room_join_redirects_only_its_audience(client, forum, visibility, who):
    room = forum["room"]
    Room.objects.filter(pk=room.pk).update(visibility=visibility)
    login(client, forum, who)
    response = client.get(f"/en/editions/{forum['edition'].slug}/rooms/{room.pk}/join/")
    assert response.status_code == 302
    expected = JOIN_URL if who in AUDIENCE[visibility] else forum["edition"].get_absolute_url()
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("who", "to_get_in", "sentence"),
    [
        ("anonymous", "sign_in", "Sign in to get the link and the numbers."),
        ("participant", "accept", "Accept the intention text to get the link and the numbers."),
    ],
)
def test_others_are_told_how_to_get_in(client, forum, who, to_get_in, sentence):
    user = AnonymousUser() if who == "anonymous" else forum[who]
    [view] = shared_rooms(forum["edition"], user)
    assert (view.may_enter, view.to_get_in, view.countries) == (False, to_get_in, ["FR"])
    login(client, forum, who)
    assert sentence in client.get(forum["edition"].get_absolute_url()).content.decode()


def test_accepting_the_intention_text_opens_the_default_room(client, forum):
    participant = forum["participant"]
    client.force_login(participant)
    edition_url = forum["edition"].get_absolute_url()
    response = client.post("/en/intention/", {"next": edition_url})
    assert response["Location"] == edition_url
    assert participant.intention_acceptances.count() == 1
    assert "31032020" in client.get(edition_url).content.decode()


def test_accepting_refuses_a_next_address_elsewhere(client, forum):
    client.force_login(forum["participant"])
    response = client.post("/en/intention/", {"next": "https://elsewhere.example/"})
    assert response["Location"] == "/en/intention/"


def test_registered_audience_includes_organizers(client, forum):
    Room.objects.filter(pk=forum["room"].pk).update(visibility=Room.Visibility.REGISTERED)
    organizer = UserFactory()
    make_activity(forum["edition"], title="Art circle", organizer=organizer)
    client.force_login(organizer)
    assert "31032020" in client.get(forum["edition"].get_absolute_url()).content.decode()


def test_rooms_are_shared_with_accepted_participants_by_default():
    assert Room._meta.get_field("visibility").default == Room.Visibility.ACCEPTED


def test_admin_warns_when_a_shared_room_is_opened_to_everyone(admin_client, forum):
    room = forum["room"]
    response = admin_client.post(
        f"/en/admin/room/room/{room.pk}/change/",
        {
            "edition": forum["edition"].pk,
            "kind": Room.Kind.SHARED,
            "name": "Plenary room",
            "original_language": "en",
            "provider": Room.Provider.ZOOM,
            "join_url": JOIN_URL,
            "meeting_id": "939 680 599",
            "passcode": "31032020",
            "position": 0,
            "visibility": Room.Visibility.EVERYONE,
            "dial_ins-TOTAL_FORMS": 0,
            "dial_ins-INITIAL_FORMS": 0,
        },
        follow=True,
    )
    room.refresh_from_db()
    assert room.visibility == Room.Visibility.EVERYONE
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "shown to everyone" in warnings[0]


def test_dial_in_numbers_are_phone_links(client, forum):
    client.force_login(forum["accepted"])
    html = client.get(forum["edition"].get_absolute_url()).content.decode()
    assert '<a href="tel:+33170379911">+33 1 70 37 99 11</a>' in html
