"""Every way back onto the program goes through the same locked checks: a re-published
activity cannot take a slot's last place twice, nor a pool room already taken."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory, intention_text, make_activity, make_edition, make_slot
from tests.race import race
from vos.activity.models import Activity
from vos.activity.services import activity_decide
from vos.edition.models import Edition
from vos.room.models import Room


@pytest.fixture
def one_place(db):
    """A slot with one place, held by a published activity; a second one was declined."""
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS, facilitators=[facilitator])
    slot = make_slot(edition, hours=10, places=1)
    holder = make_activity(edition, title="Holder", starts_at=slot.starts_at, slot=slot)
    declined = make_activity(
        edition,
        title="Declined",
        starts_at=slot.starts_at,
        slot=slot,
        state=Activity.State.DECLINED,
    )
    return {
        "edition": edition,
        "slot": slot,
        "holder": holder,
        "declined": declined,
        "facilitator": facilitator,
    }


@pytest.mark.parametrize("previous", [Activity.State.DECLINED, Activity.State.UNPUBLISHED])
def test_publishing_again_into_a_full_slot_is_refused(one_place, previous):
    declined = one_place["declined"]
    Activity.objects.filter(pk=declined.pk).update(state=previous)
    with pytest.raises(ValidationError, match="every place is booked"):
        activity_decide(activity=declined, facilitator=one_place["facilitator"], decision="publish")
    declined.refresh_from_db()
    assert declined.state == previous
    assert (
        Activity.objects.filter(slot=one_place["slot"], state__in=Activity.HOLDS_PLACE).count() == 1
    )


def test_publishing_again_once_the_place_is_free_works(one_place):
    Activity.objects.filter(pk=one_place["holder"].pk).update(state=Activity.State.UNPUBLISHED)
    activity_decide(
        activity=one_place["declined"], facilitator=one_place["facilitator"], decision="publish"
    )
    assert Activity.objects.get(pk=one_place["declined"].pk).state == Activity.State.PUBLISHED


def test_the_api_decision_refuses_it_with_a_clear_message(client, one_place):
    from vos.person.services import api_token_create

    _row, token = api_token_create(person=one_place["facilitator"], name="moderation")
    response = client.post(
        f"/api/v1/activities/{one_place['declined'].pk}/decision",
        {"decision": "publish"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "every place is booked" in response.json()["message"]


@pytest.fixture
def one_room(db):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Only room", join_url="https://r.example"
    )
    start = edition.starts_at + dt.timedelta(hours=12)
    unpublished = make_activity(
        edition,
        title="Was here first",
        starts_at=start,
        room=room,
        room_mode="pool",
        state=Activity.State.UNPUBLISHED,
    )
    taker = make_activity(
        edition, title="Took the room", starts_at=start, room=room, room_mode="pool"
    )
    return {
        "edition": edition,
        "room": room,
        "unpublished": unpublished,
        "taker": taker,
        "facilitator": facilitator,
    }


def test_publishing_again_when_its_pool_room_was_taken_is_refused(one_room):
    with pytest.raises(ValidationError, match="No room of the pool is free"):
        activity_decide(
            activity=one_room["unpublished"],
            facilitator=one_room["facilitator"],
            decision="publish",
        )
    assert Activity.objects.get(pk=one_room["unpublished"].pk).state == Activity.State.UNPUBLISHED


def test_publishing_again_moves_it_to_another_free_pool_room(one_room):
    other = Room.objects.create(
        edition=one_room["edition"],
        kind=Room.Kind.POOL,
        name="Second",
        join_url="https://s.example",
    )
    activity_decide(
        activity=one_room["unpublished"], facilitator=one_room["facilitator"], decision="publish"
    )
    again = Activity.objects.get(pk=one_room["unpublished"].pk)
    assert (again.state, again.room_id) == (Activity.State.PUBLISHED, other.pk)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_publications_at_once_for_the_last_place_only_one_wins():
    intention_text()
    facilitators = [UserFactory(), UserFactory()]
    edition = make_edition(scheduling=Edition.Scheduling.SLOTS, facilitators=facilitators)
    slot = make_slot(edition, hours=10, places=1)
    first, second = (
        make_activity(
            edition, title=title, starts_at=slot.starts_at, slot=slot, state=Activity.State.DECLINED
        )
        for title in ("First", "Second")
    )
    outcome = race(
        lambda: activity_decide(activity=first, facilitator=facilitators[0], decision="publish"),
        lambda: activity_decide(activity=second, facilitator=facilitators[1], decision="publish"),
    )
    assert isinstance(outcome[0], Activity)
    assert isinstance(outcome[1], ValidationError)
    assert list(
        Activity.objects.filter(slot=slot, state__in=Activity.HOLDS_PLACE).values_list(
            "title", flat=True
        )
    ) == ["First"]


def test_editing_into_a_full_slot_is_refused(one_place):
    from vos.activity.services import ActivityData, activity_update

    edition, slot = one_place["edition"], one_place["slot"]
    other_slot = make_slot(edition, hours=14, places=1)
    organizer = UserFactory()
    mover = make_activity(
        edition, title="Mover", starts_at=other_slot.starts_at, slot=other_slot, organizer=organizer
    )
    data = ActivityData(
        title="Mover",
        summary="Moves.",
        activity_type=mover.activity_type,
        languages=["en"],
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        typed_time_zone="Europe/Paris",
        slot=slot,
    )
    with pytest.raises(ValidationError, match="every place is booked"):
        activity_update(activity=mover, editor=organizer, data=data)
    assert Activity.objects.get(pk=mover.pk).slot_id == other_slot.pk
