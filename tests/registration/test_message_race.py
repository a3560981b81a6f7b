"""An organizer's third and fourth message of the day, sent at the same second."""

import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from tests.race import race
from vos.common.log import log_for
from vos.registration.services import (
    MESSAGES_PER_DAY,
    registration_create,
    registration_message_send,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_messages_at_once_cannot_both_pass_the_daily_limit():
    intention_text()
    organizer = UserFactory()
    activity = make_activity(make_edition(), title="Circle", organizer=organizer)
    registration_create(activity=activity, person=UserFactory())
    for number in range(MESSAGES_PER_DAY - 1):
        registration_message_send(
            activity=activity, sender=organizer, subject=f"News {number}", body="Hello."
        )

    def send(subject):
        return lambda: registration_message_send(
            activity=activity, sender=organizer, subject=subject, body="Hello."
        )

    first, second = race(send("Last one"), send("One too many"))
    assert first == 1
    assert isinstance(second, ValidationError)
    assert log_for(activity).filter(action="registration.message").count() == MESSAGES_PER_DAY
