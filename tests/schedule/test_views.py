import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity, Organizer
from vos.room.models import Room

pytestmark = pytest.mark.django_db

KINDS = ["xml", "json", "ics"]


def url(edition, kind: str) -> str:
    return f"/editions/{edition.slug}/schedule.{kind}"


@pytest.mark.parametrize(
    ("kind", "content_type"),
    [
        ("xml", "application/xml; charset=utf-8"),
        ("json", "application/json; charset=utf-8"),
        ("ics", "text/calendar; charset=utf-8"),
    ],
)
def test_export_has_its_content_type_and_validators(client, world, kind, content_type):
    response = client.get(url(world["edition"], kind))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith(" GMT")


@pytest.mark.parametrize("kind", KINDS)
def test_export_of_an_unknown_edition_is_404(client, kind):
    assert client.get(f"/editions/nowhere/schedule.{kind}").status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_export_refuses_writes(client, world, kind):
    assert client.post(url(world["edition"], kind)).status_code == 405


@pytest.mark.parametrize("kind", KINDS)
def test_export_answers_304_while_the_program_is_unchanged(client, world, kind):
    first = client.get(url(world["edition"], kind))
    again = client.get(url(world["edition"], kind), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get(url(world["edition"], kind), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304


@pytest.mark.parametrize("kind", KINDS)
def test_export_changes_with_an_activity(client, world, kind):
    first = client.get(url(world["edition"], kind))
    opening = world["activities"]["Opening plenary"]
    Activity.objects.filter(pk=opening.pk).update(
        title="Opening assembly", summary="All together.", updated_at=timezone.now()
    )
    changed = client.get(url(world["edition"], kind), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert b"Opening assembly" in changed.content
    assert b"Opening plenary" not in changed.content


@pytest.mark.parametrize("kind", ["xml", "json"])
def test_export_changes_when_a_co_organizer_joins(client, world, kind):
    first = client.get(url(world["edition"], kind))
    newcomer = UserFactory(display_name="Newcomer", is_public=True)
    Organizer.objects.create(activity=world["activities"]["Anywhere"], person=newcomer)
    changed = client.get(url(world["edition"], kind), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert b"Newcomer" in changed.content


def test_export_is_served_from_the_cache_with_two_queries(client, world, django_assert_num_queries):
    first = client.get(url(world["edition"], "json"))
    with django_assert_num_queries(2):  # the edition, the program version
        again = client.get(url(world["edition"], "json"))
    assert again.content == first.content


def test_export_is_cached_per_language(client, world):
    english = client.get(url(world["edition"], "json"), HTTP_ACCEPT_LANGUAGE="en")
    french = client.get(url(world["edition"], "json"), HTTP_ACCEPT_LANGUAGE="fr")
    assert b'"Agora"' in english.content
    assert b'"L\'Agora"' in french.content
    assert english["ETag"] != french["ETag"]


def fill(count: int):
    intention_text()
    edition = make_edition("vos-many")
    room = Room.objects.create(
        edition=edition, name="Agora", join_url="https://zoom.example/j/1", kind=Room.Kind.POOL
    )
    organizer = UserFactory(is_public=True)
    for number in range(count):
        make_activity(
            edition,
            title=f"Activity {number}",
            starts_at=edition.starts_at + dt.timedelta(hours=10, minutes=number),
            organizer=organizer,
            room=room if number % 2 else None,
            room_mode="pool" if number % 2 else "jitsi",
        )
    return edition


@pytest.mark.parametrize("count", [5, 100])
@pytest.mark.parametrize(
    ("kind", "queries"),
    # The edition, the program version, the activities with their type, room and edition,
    # then (not for the calendar) their public organizers.
    [("xml", 4), ("json", 4), ("ics", 3)],
)
def test_export_query_count_does_not_grow(client, django_assert_num_queries, count, kind, queries):
    edition = fill(count)
    cache.clear()
    with django_assert_num_queries(queries):
        response = client.get(url(edition, kind))
    assert response.status_code == 200
    assert response.content.count(b"Summary of Activity ") == count
