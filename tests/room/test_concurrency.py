"""Two facilitators move two activities into one free room at the same second."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from tests.race import race
from vos.activity.models import Activity
from vos.activity.services.rooms import room_move
from vos.room.models import Room

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_moves_into_one_room_at_once_only_one_wins():
    intention_text()
    facilitators = [UserFactory(), UserFactory()]
    edition = make_edition(facilitators=facilitators)
    rooms = [
        Room.objects.create(
            edition=edition, kind=Room.Kind.POOL, name=name, join_url="https://r.example"
        )
        for name in ("A", "B", "Free")
    ]
    start = edition.starts_at + dt.timedelta(hours=12)
    one = make_activity(edition, title="One", starts_at=start, room=rooms[0], room_mode="pool")
    two = make_activity(edition, title="Two", starts_at=start, room=rooms[1], room_mode="pool")

    first, second = race(
        lambda: room_move(activity=one, room=rooms[2], facilitator=facilitators[0]),
        lambda: room_move(activity=two, room=rooms[2], facilitator=facilitators[1]),
    )
    assert first is None
    assert isinstance(second, ValidationError)
    assert "Free is taken at that time." in second.messages
    assert list(Activity.objects.filter(room=rooms[2]).values_list("title", flat=True)) == ["One"]
