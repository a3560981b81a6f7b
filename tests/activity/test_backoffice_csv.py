import csv
import io

import pytest
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.organization.models import Organization
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@pytest.fixture
def world():
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    return edition, facilitator


def test_activities_csv_for_facilitators(client, world):
    edition, facilitator = world
    organizer = UserFactory(display_name="Lucía Hernández", email="lucia@example.org")
    activity = make_activity(
        edition, title="Huertas urbanas", organizer=organizer, capacity=1, languages=["es", "pt"]
    )
    activity.organizations.add(
        Organization.objects.create(name="Red de Economía Solidaria", countries=["AR"])
    )
    registration_create(activity=activity, person=UserFactory())
    registration_create(activity=activity, person=UserFactory())
    client.force_login(facilitator)
    rows = rows_of(client.get(reverse("activity.orga_csv", kwargs={"slug": edition.slug})))
    header, [row] = rows[0], rows[1:]
    record = dict(zip(header, row, strict=True))
    assert record["Title"] == "Huertas urbanas"
    assert record["Languages"] == "es, pt"
    assert record["Organizers"] == "Lucía Hernández"
    assert record["Organizer emails"] == "lucia@example.org"
    assert record["Organizations"] == "Red de Economía Solidaria"
    assert (record["Registered"], record["Waiting list"]) == ("1", "1")
    assert record["Start (Europe/Paris)"] == activity.starts_at.astimezone(edition.zone).strftime(
        "%Y-%m-%d %H:%M"
    )


def test_organizations_csv_counts_activities(client, world):
    edition, facilitator = world
    network = Organization.objects.create(
        name="Réseau Intercontinental", countries=["FR"], website="https://ripess.example"
    )
    for number in range(2):
        make_activity(edition, title=f"A{number}").organizations.add(network)
    client.force_login(facilitator)
    rows = rows_of(
        client.get(reverse("activity.orga_organizations_csv", kwargs={"slug": edition.slug}))
    )
    assert rows[1][1:] == ["Réseau Intercontinental", "France", "https://ripess.example", "2"]


@pytest.mark.parametrize("role", ["anonymous", "participant", "organizer"])
def test_csv_downloads_are_for_the_facilitation_team_only(client, world, role):
    edition, _facilitator = world
    organizer = UserFactory()
    make_activity(edition, organizer=organizer)
    if role == "participant":
        client.force_login(UserFactory())
    elif role == "organizer":
        client.force_login(organizer)
    for name in ("activity.orga_csv", "activity.orga_organizations_csv"):
        response = client.get(reverse(name, kwargs={"slug": edition.slug}))
        assert response.status_code == (302 if role == "anonymous" else 404)


@pytest.mark.parametrize("count", [5, 60])
def test_activities_csv_query_count_does_not_grow(client, world, django_assert_num_queries, count):
    edition, facilitator = world
    for number in range(count):
        make_activity(edition, title=f"A{number}", organizer=UserFactory())
    client.force_login(facilitator)
    with django_assert_num_queries(7):
        response = client.get(reverse("activity.orga_csv", kwargs={"slug": edition.slug}))
    assert len(rows_of(response)) == count + 1
