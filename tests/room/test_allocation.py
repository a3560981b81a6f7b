"""Property tests of the room pool: never two activities in one room at once (buffer
included), and every activity that could have a room gets one."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.activity.services.rooms import RoomChoice, busy_room_ids, room_assign
from vos.room.models import Room

pytestmark = pytest.mark.django_db

activity_specs = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=40),  # start, in quarter hours after the first
        st.integers(min_value=1, max_value=12),  # length, in quarter hours
        st.one_of(st.none(), st.integers(min_value=5, max_value=120)),  # capacity
    ),
    min_size=1,
    max_size=14,
)
pool_specs = st.lists(
    st.one_of(st.none(), st.integers(min_value=10, max_value=100)), min_size=1, max_size=4
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(specs=activity_specs, pool=pool_specs, buffer=st.sampled_from([0, 10, 15]))
def test_pool_allocation_never_double_books_and_is_complete(specs, pool, buffer):
    from django.db import transaction

    with transaction.atomic():
        intention_text()
        edition = make_edition(f"pool-{len(specs)}-{len(pool)}-{buffer}")
        edition.room_buffer_minutes = buffer
        edition.save()
        rooms = [
            Room.objects.create(
                edition=edition,
                kind=Room.Kind.POOL,
                name=f"Room {n}",
                join_url=f"https://r{n}.example",
                capacity=c,
            )
            for n, c in enumerate(pool)
        ]
        first = edition.starts_at + dt.timedelta(hours=10)
        placed, refused = [], []
        for start, length, capacity in specs:
            starts_at = first + dt.timedelta(minutes=15 * start)
            activity = make_activity(
                edition,
                starts_at=starts_at,
                minutes=15 * length,
                capacity=capacity,
                state=Activity.State.PUBLISHED,
            )
            busy_before = busy_room_ids(
                edition, activity.starts_at, activity.ends_at, exclude=activity
            )
            try:
                room_assign(activity=activity, choice=RoomChoice(mode="pool"))
            except ValidationError:
                refused.append((activity, busy_before))
            else:
                placed.append(activity)

        gap = dt.timedelta(minutes=buffer)
        for index, one in enumerate(placed):
            for other in placed[index + 1 :]:
                if one.room_id == other.room_id:
                    assert (
                        one.ends_at + gap <= other.starts_at or other.ends_at + gap <= one.starts_at
                    )
        # Refused only when every room of the pool was busy at that time.
        for _activity, busy_before in refused:
            assert busy_before == {room.pk for room in rooms}
        transaction.set_rollback(True)


def test_prefers_the_smallest_room_that_fits():
    intention_text()
    edition = make_edition()
    big = Room.objects.create(
        edition=edition,
        kind=Room.Kind.POOL,
        name="Big",
        join_url="https://big.example",
        capacity=300,
    )
    small = Room.objects.create(
        edition=edition,
        kind=Room.Kind.POOL,
        name="Small",
        join_url="https://small.example",
        capacity=20,
    )
    Room.objects.create(
        edition=edition,
        kind=Room.Kind.POOL,
        name="Tiny",
        join_url="https://tiny.example",
        capacity=5,
    )
    activity = make_activity(edition, capacity=15)
    room_assign(activity=activity, choice=RoomChoice(mode="pool"))
    assert activity.room == small
    crowd = make_activity(edition, capacity=250, starts_at=activity.starts_at)
    room_assign(activity=crowd, choice=RoomChoice(mode="pool"))
    assert crowd.room == big


def test_new_time_keeps_or_changes_the_room():
    from tests.factories import UserFactory
    from vos.activity.services import ActivityData, activity_update

    intention_text()
    edition = make_edition()
    first_room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="A", join_url="https://a.example"
    )
    second_room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="B", join_url="https://b.example"
    )
    organizer = UserFactory()
    start = edition.starts_at + dt.timedelta(hours=12)
    moving = make_activity(edition, starts_at=start, organizer=organizer)
    room_assign(activity=moving, choice=RoomChoice(mode="pool"))
    assert moving.room == first_room
    blocker = make_activity(edition, starts_at=start + dt.timedelta(hours=3))
    room_assign(activity=blocker, choice=RoomChoice(mode="pool"))
    assert blocker.room == first_room  # free then
    later = start + dt.timedelta(hours=3)
    activity_update(
        activity=moving,
        editor=organizer,
        data=ActivityData(
            title=moving.title,
            summary=moving.summary,
            activity_type=moving.activity_type,
            languages=moving.languages,
            starts_at=later,
            ends_at=later + dt.timedelta(minutes=90),
            typed_time_zone="Europe/Paris",
            room=RoomChoice(mode="pool"),
        ),
    )
    moving.refresh_from_db()
    assert moving.room == second_room


def test_an_update_without_room_choice_keeps_the_room_and_rechecks_the_pool():
    from tests.factories import UserFactory
    from vos.activity.services import ActivityData, activity_update

    intention_text()
    edition = make_edition()
    room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="A", join_url="https://a.example"
    )
    organizer = UserFactory()
    activity = make_activity(edition, organizer=organizer)
    room_assign(activity=activity, choice=RoomChoice(mode="pool"))
    other = make_activity(edition, starts_at=activity.starts_at + dt.timedelta(hours=4))
    room_assign(activity=other, choice=RoomChoice(mode="pool"))

    def data(starts_at):
        return ActivityData(
            title="Renamed",
            summary=activity.summary,
            activity_type=activity.activity_type,
            languages=activity.languages,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(minutes=90),
            typed_time_zone="Europe/Paris",
        )

    activity_update(activity=activity, editor=organizer, data=data(activity.starts_at))
    activity.refresh_from_db()
    assert (activity.title, activity.room) == ("Renamed", room)
    with pytest.raises(ValidationError, match="No room of the pool is free"):
        activity_update(activity=activity, editor=organizer, data=data(other.starts_at))
    activity.refresh_from_db()
    assert activity.starts_at != other.starts_at  # nothing changed
