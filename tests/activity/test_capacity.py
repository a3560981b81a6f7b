"""A capacity lower than the places already given is refused with a clear message."""

import pytest

from tests.activity.test_views import proposal
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.person.services import api_token_create
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_house():
    intention_text()
    edition = make_edition()
    organizer = UserFactory()
    activity = make_activity(edition, title="Circle", organizer=organizer, capacity=5)
    for _number in range(3):
        registration_create(activity=activity, person=UserFactory())
    return edition, activity, organizer


def test_the_edit_form_refuses_fewer_places_than_people_registered(client, full_house):
    edition, activity, organizer = full_house
    client.force_login(organizer)
    data = proposal(edition, title="Circle", capacity="2", start="", duration="")
    data.update(
        {
            "start": activity.starts_at.astimezone(edition.zone).strftime("%Y-%m-%dT%H:%M"),
            "duration": "90",
            "time_zone": "Europe/Paris",
        }
    )
    response = client.post(f"/en/editions/{edition.slug}/activities/{activity.pk}/edit/", data)
    assert response.status_code == 400
    assert (
        "3 people already have a place: the activity needs at least 3 places."
        in response.content.decode()
    )
    assert Activity.objects.get(pk=activity.pk).capacity == 5


def test_the_api_refuses_it_too_and_accepts_the_exact_number(client, full_house):
    _edition, activity, organizer = full_house
    _row, token = api_token_create(person=organizer, name="app")
    headers = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/activities/{activity.pk}"
    refused = client.patch(url, {"capacity": 2}, content_type="application/json", headers=headers)
    assert refused.status_code == 400
    assert "3 people already have a place" in refused.json()["message"]
    accepted = client.patch(url, {"capacity": 3}, content_type="application/json", headers=headers)
    assert accepted.status_code == 200
    assert Activity.objects.get(pk=activity.pk).capacity == 3
