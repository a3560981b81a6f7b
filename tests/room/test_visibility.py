import datetime as dt
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.access import join_access
from vos.activity.models import Activity
from vos.common.multilingual import in_languages
from vos.registration.services import registration_create, reminder_settings_for
from vos.room.models import DialIn, Room

pytestmark = pytest.mark.django_db

SECRETS = ["zoom.example/j/93968057512", "939 680 575", "12072020", "PIN-7731"]


@pytest.fixture
def setting():
    """An activity whose room (registered-only) starts in two hours."""
    intention_text()
    facilitator, organizer = UserFactory(), UserFactory()
    edition = make_edition(facilitators=[facilitator])
    now = timezone.now()
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.OWN,
        name="Own",
        provider=Room.Provider.ZOOM,
        join_url="https://zoom.example/j/93968057512",
        meeting_id="939 680 575",
        passcode="12072020",
    )
    DialIn.objects.create(room=room, country="FR", number="+33 1 70 37 22 46", pin="PIN-7731")
    # Move the edition around "now" so the activity can be in two hours.
    edition.start_date = (now - dt.timedelta(days=1)).date()
    edition.end_date = (now + dt.timedelta(days=2)).date()
    edition.save()
    activity = make_activity(
        edition,
        title="Secret room",
        starts_at=now + dt.timedelta(hours=2),
        organizer=organizer,
        room=room,
        room_mode="own",
        capacity=10,
    )
    registrant = UserFactory()
    registration_create(activity=activity, person=registrant)
    return {
        "activity": activity,
        "facilitator": facilitator,
        "organizer": organizer,
        "registrant": registrant,
        "participant": UserFactory(),
    }


@pytest.mark.parametrize(
    ("who", "minutes_before", "state"),
    [
        ("anonymous", 5, "register"),
        ("participant", 5, "register"),
        ("registrant", 20, "later"),
        ("registrant", 10, "open"),
        ("organizer", 14, "open"),
        ("facilitator", 15, "open"),
        ("registrant", -200, "ended"),
    ],
)
def test_join_access_by_role_and_time(setting, who, minutes_before, state):
    activity = setting["activity"]
    user = AnonymousUser() if who == "anonymous" else setting[who]
    now = activity.starts_at - dt.timedelta(minutes=minutes_before)
    access = join_access(activity, user, now=now)
    assert access.state == state
    if state == "open":
        assert (access.meeting_id, access.passcode) == ("939 680 575", "12072020")
    else:
        assert (access.meeting_id, access.passcode, access.dial_ins) == ("", "", [])


def test_public_link_is_open_to_everyone(setting):
    activity = setting["activity"]
    activity.link_visibility = "public"
    activity.save()
    access = join_access(activity, AnonymousUser(), now=activity.starts_at - dt.timedelta(hours=1))
    assert access.state == "open"


def surfaces(client, activity):
    edition = activity.edition
    token = reminder_settings_for(UserFactory()).feed_token
    urls = [
        "/en/",
        edition.get_absolute_url(),
        f"/en/editions/{edition.slug}/program/?day=all",
        f"/en/editions/{edition.slug}/program/?view=grid",
        f"/en/editions/{edition.slug}/program/?day=all&q=Secret",
        activity.get_absolute_url(),
        f"/en/editions/{edition.slug}/activities/{activity.pk}.ics",
        f"/feeds/editions/{edition.slug}.ics",
        f"/feeds/agenda/{token}.ics",
        "/en/now/",
        "/en/my/agenda/",
        f"/editions/{edition.slug}/schedule.xml",
        f"/editions/{edition.slug}/schedule.json",
        f"/editions/{edition.slug}/schedule.ics",
        "/api/v1/activities",
        f"/api/v1/activities/{activity.pk}",
    ]
    for url in urls:
        response = client.get(url)
        if response.status_code == 302:  # pages for logged-in people only
            continue
        assert response.status_code == 200, url
        yield url, response.content.decode()


@pytest.mark.parametrize("who", ["anonymous", "participant", "registrant"])
def test_no_surface_leaks_the_room_before_its_time(client, setting, who, mailbox):
    activity = setting["activity"]
    if who != "anonymous":
        client.force_login(setting[who])
    for url, body in surfaces(client, activity):
        for secret in SECRETS:
            assert secret not in body, (who, url, secret)
        if url == activity.get_absolute_url():
            og = " ".join(re.findall(r'<meta property="og:[^>]+>', body))
            assert "zoom" not in og
    for message in mailbox.messages:
        assert all(secret not in message.as_string() for secret in SECRETS)


def test_registrant_sees_the_way_in_during_the_window(client, setting):
    activity = setting["activity"]
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() + dt.timedelta(minutes=10),
        ends_at=timezone.now() + dt.timedelta(minutes=70),
    )
    client.force_login(setting["registrant"])
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "12072020" in html
    assert f'href="/en/editions/{activity.edition.slug}/activities/{activity.pk}/join/"' in html
    assert "zoom.example/j/93968057512" not in html  # only the redirect knows it
    response = client.get(f"/en/editions/{activity.edition.slug}/activities/{activity.pk}/join/")
    assert response.status_code == 302
    assert response["Location"] == "https://zoom.example/j/93968057512"


def test_join_redirect_refuses_others(client, setting):
    activity = setting["activity"]
    client.force_login(setting["participant"])
    response = client.get(f"/en/editions/{activity.edition.slug}/activities/{activity.pk}/join/")
    assert response["Location"] == activity.get_absolute_url()


def test_happening_now_lists_live_activities_with_join_button(client, setting):
    activity = setting["activity"]
    now = timezone.now()
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=now - dt.timedelta(minutes=5), ends_at=now + dt.timedelta(minutes=55)
    )
    client.force_login(setting["registrant"])
    html = client.get("/en/now/").content.decode()
    assert "Secret room" in html
    assert "Join the room" in html
    client.logout()
    html = client.get("/en/now/").content.decode()
    assert "Register to get the link to the room." in html


def test_shared_rooms_on_edition_page_put_my_country_first(client):
    intention_text()
    edition = make_edition()
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.SHARED,
        name="Meeting room",
        translations=in_languages("name", es="Sala de encuentro"),
        join_url="https://plenary.example/room",
    )
    for country, number in (("AR", "+54 11 1111"), ("FR", "+33 1 2222"), ("BR", "+55 11 3333")):
        DialIn.objects.create(room=room, country=country, number=number)
    client.force_login(UserFactory(country="FR"))
    html = client.get(edition.get_absolute_url()).content.decode()
    assert html.index("France") < html.index("Argentina") < html.index("Brazil")
    assert "<h3>Meeting room</h3>" in html
    assert (
        "<h3>Sala de encuentro</h3>"
        in client.get(edition.get_absolute_url().replace("/en/", "/es/")).content.decode()
    )


@pytest.mark.parametrize("count", [3, 40])
def test_happening_now_query_count_does_not_grow(client, django_assert_num_queries, count):
    intention_text()
    now = timezone.now()
    edition = make_edition("live", start=(now - dt.timedelta(days=1)).date(), days=3)
    person = UserFactory()
    for number in range(count):
        room = Room.objects.create(
            edition=edition, kind=Room.Kind.OWN, name=f"R{number}", join_url="https://r.example"
        )
        activity = make_activity(
            edition,
            title=f"Live {number}",
            starts_at=now - dt.timedelta(minutes=5),
            room=room,
            room_mode="own",
        )
        if number % 2:
            registration_create(activity=activity, person=person)
    client.force_login(person)
    # roles_for: registrations, facilitated editions, interpreting, organizing.
    with django_assert_num_queries(7):
        html = client.get("/en/now/").content.decode()
    assert html.count("Join the room") == count // 2
