import datetime as dt

import pytest
from django.urls import reverse

from tests.activity.test_views import proposal, propose_url
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.common.log import log_for
from vos.room.models import Room

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    intention_text()
    return make_edition()


def test_propose_with_own_zoom_room(client, edition):
    client.force_login(UserFactory())
    response = client.post(
        propose_url(edition),
        proposal(
            edition,
            room_mode="own",
            room_provider="zoom",
            room_url="https://zoom.example/j/93968057512",
            room_meeting_id="939 680 575",
            room_passcode="12072020",
        ),
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.room_mode, activity.room.kind, activity.room.meeting_id) == (
        "own",
        "own",
        "939 680 575",
    )
    assert activity.link_visibility == "registered"


def test_propose_in_pool_is_told_before_submitting_when_no_room_is_free(client, edition):
    room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Only", join_url="https://only.example"
    )
    day = edition.start_date + dt.timedelta(days=1)
    data = proposal(edition, room_mode="pool")
    client.force_login(UserFactory())
    assert client.post(propose_url(edition), data).status_code == 302
    assert Activity.objects.get().room == room
    response = client.post(propose_url(edition), {**data, "preview": "1"})
    assert "No room of the pool is free at this time" in response.content.decode()
    response = client.post(propose_url(edition), {**data, "start": f"{day:%Y-%m-%d}T18:00"})
    assert response.status_code == 302


def test_automatic_jitsi_room_is_stable_and_unguessable(client, edition):
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    client.force_login(UserFactory())
    client.post(propose_url(edition), proposal(edition, room_mode="jitsi"))
    activity = Activity.objects.get()
    assert activity.jitsi_name.startswith("vos-")
    assert len(activity.jitsi_name) == 26
    name = activity.jitsi_name
    from vos.activity.services.rooms import RoomChoice, room_assign

    room_assign(activity=activity, choice=RoomChoice(mode="jitsi"))
    assert activity.jitsi_name == name


def test_jitsi_not_offered_without_a_server(client, edition):
    client.force_login(UserFactory())
    response = client.post(propose_url(edition), proposal(edition, room_mode="jitsi"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_facilitator_timeline_and_move(client):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    first = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Room A", join_url="https://a.example"
    )
    second = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Room B", join_url="https://b.example"
    )
    start = edition.starts_at + dt.timedelta(hours=12)
    one = make_activity(edition, title="One", starts_at=start, room=first, room_mode="pool")
    make_activity(edition, title="Two", starts_at=start, room=second, room_mode="pool")
    client.force_login(facilitator)
    day = start.astimezone(dt.UTC).date()
    client.cookies["vos_tz"] = "UTC"
    html = client.get(
        reverse("room.timeline", kwargs={"slug": edition.slug}), {"day": day.isoformat()}
    ).content.decode()
    assert html.index("Room A") < html.index("One") < html.index("Room B")
    move = reverse("room.move", kwargs={"slug": edition.slug, "pk": one.pk})
    response = client.post(move, {"room": second.pk}, follow=True)
    assert "Room B is taken at that time." in response.content.decode()
    one.refresh_from_db()
    assert one.room == first
    third = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Room C", join_url="https://c.example"
    )
    client.post(move, {"room": third.pk})
    one.refresh_from_db()
    assert one.room == third
    assert log_for(one).filter(action="room.move").get().actor == facilitator


def test_timeline_is_for_facilitators_only(client, edition):
    client.force_login(UserFactory())
    assert client.get(reverse("room.timeline", kwargs={"slug": edition.slug})).status_code == 404


def test_room_admin_rejects_bad_input(client):
    from django.core.exceptions import ValidationError

    intention_text()
    edition = make_edition()
    room = Room(
        edition=edition,
        name="Zoom",
        provider=Room.Provider.ZOOM,
        join_url="ftp://x",
        meeting_id="abc",
    )
    with pytest.raises(ValidationError) as error:
        room.full_clean()
    assert set(error.value.message_dict) == {"join_url", "meeting_id"}


def test_rooms_overview_opens_on_the_first_day_with_activities(client):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(days=3, facilitators=[facilitator])
    room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Room A", join_url="https://a.example"
    )
    third_day = edition.starts_at + dt.timedelta(days=2, hours=12)
    make_activity(
        edition, title="On the third day", starts_at=third_day, room=room, room_mode="pool"
    )
    client.force_login(facilitator)
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(reverse("room.timeline", kwargs={"slug": edition.slug})).content.decode()
    assert "On the third day" in html


def test_the_review_page_shows_what_a_facilitator_decides_on(client):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    activity = make_activity(
        edition,
        title="Under review",
        languages=["es", "qu"],
        capacity=25,
        accessibility="Sign language on request.",
        state=Activity.State.PROPOSED,
    )
    client.force_login(facilitator)
    html = client.get(
        reverse("activity.orga_review", kwargs={"slug": edition.slug, "pk": activity.pk})
    ).content.decode()
    assert "<dd>Spanish, Quechua</dd>" in html
    assert "<dd>25</dd>" in html
    assert "Sign language on request." in html
    assert "<dt>Room</dt>" in html
