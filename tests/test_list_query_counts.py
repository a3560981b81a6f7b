"""Every list page runs the same number of queries for a few rows and for many."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.services import activity_set_flags
from vos.registration.services import registration_create
from vos.room.models import Room

pytestmark = pytest.mark.django_db

SIZES = [3, 30]


@pytest.fixture
def facilitator():
    intention_text()
    return UserFactory()


@pytest.mark.parametrize("count", SIZES)
def test_edition_list(client, django_assert_num_queries, count):
    intention_text()
    for number in range(count):
        make_edition(f"vos-{number}", start=dt.date(2030, 1, 1) + dt.timedelta(days=10 * number))
    with django_assert_num_queries(1):
        html = client.get(reverse("edition.list")).content.decode()
    assert html.count("Edition vos-") == count


@pytest.mark.parametrize("count", SIZES)
def test_my_activities(client, django_assert_num_queries, facilitator, count):
    edition = make_edition()
    person = UserFactory()
    for number in range(count):
        make_activity(edition, title=f"Mine {number}", organizer=person)
    client.force_login(person)
    # One of them: whether the person interprets any activity (a link to that page).
    with django_assert_num_queries(6):
        html = client.get(reverse("activity.mine")).content.decode()
    assert html.count("Mine ") == count


@pytest.mark.parametrize("count", SIZES)
def test_registrants(client, django_assert_num_queries, facilitator, count):
    edition = make_edition()
    organizer = UserFactory()
    activity = make_activity(edition, title="Circle", organizer=organizer)
    for _number in range(count):
        registration_create(activity=activity, person=UserFactory())
    client.force_login(organizer)
    url = reverse("registration.registrants", kwargs={"slug": edition.slug, "pk": activity.pk})
    with django_assert_num_queries(4):
        html = client.get(url).content.decode()
    assert html.count("@example.org") >= count


@pytest.mark.parametrize("count", SIZES)
def test_rooms_timeline(client, django_assert_num_queries, facilitator, count):
    edition = make_edition(facilitators=[facilitator])
    start = edition.starts_at + dt.timedelta(hours=8)
    for number in range(count):
        room = Room.objects.create(
            edition=edition,
            kind=Room.Kind.POOL,
            name=f"Room {number}",
            join_url="https://r.example",
        )
        make_activity(
            edition,
            title=f"In room {number}",
            starts_at=start + dt.timedelta(minutes=number),
            room=room,
            room_mode="pool",
        )
    client.force_login(facilitator)
    client.cookies["vos_tz"] = "Europe%2FParis"
    day = start.astimezone(edition.zone).date().isoformat()
    # One more than the rooms and activities: the breakouts holding rooms that day.
    with django_assert_num_queries(7):
        html = client.get(
            reverse("room.timeline", kwargs={"slug": edition.slug}), {"day": day}
        ).content.decode()
    assert html.count("In room ") == count


@pytest.mark.parametrize("count", SIZES)
def test_backoffice_log(client, django_assert_num_queries, facilitator, count):
    edition = make_edition(facilitators=[facilitator])
    for number in range(count):
        activity = make_activity(edition, title=f"Logged {number}")
        activity_set_flags(activity=activity, facilitator=facilitator, is_featured=True)
    client.force_login(facilitator)
    with django_assert_num_queries(5):
        html = client.get(
            reverse("activity.orga_log", kwargs={"slug": edition.slug})
        ).content.decode()
    assert html.count("Logged ") == count
