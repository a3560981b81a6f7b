"""Groups to get to know each other: mixed across regions or gathered by a shared
language, a facilitator per group while there are enough, nobody left where nobody
understands them when another group can, rooms only for their members."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.live import groups
from vos.live.models import GroupSplit
from vos.person.models import User
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db


def person(pk, zone, languages, country=""):
    return User(pk=pk, time_zone=zone, languages=languages, country=country)


def test_mixing_spreads_regions_and_keeps_everyone_understood():
    people = [
        person(1, "Africa/Dakar", ["fr"]),
        person(2, "Africa/Lagos", ["en"]),
        person(3, "America/Lima", ["es"]),
        person(4, "America/Bogota", ["es"]),
        person(5, "Europe/Paris", ["fr", "en"]),
        person(6, "Europe/Madrid", ["es", "en"]),
    ]
    made = groups.plan(people, 3, "mix")
    assert sorted(p.pk for group in made.groups for p in group) == [1, 2, 3, 4, 5, 6]
    assert all(2 <= len(group) <= 4 for group in made.groups)  # the size, give or take one
    for group in made.groups:
        assert len({groups.region_of(p) for p in group}) >= 2  # mixed
        for member in group:
            assert groups._understood(member, group)
    assert made.alone == []


def test_by_language_and_the_ones_nobody_understands():
    people = [
        person(1, "UTC", ["pt"]),
        person(2, "UTC", ["pt"]),
        person(3, "UTC", ["pt", "es"]),
        person(4, "UTC", ["es"]),
        person(5, "UTC", ["sw"]),
    ]
    made = groups.plan(people, 2, "language")
    languages = [
        set.intersection(*(groups._speaks(p) for p in group))
        for group in made.groups
        if len(group) > 1
    ]
    assert all(languages)  # every group of several shares a language
    assert [p.pk for p in made.alone] == []  # alone in a group of one: listed by split()
    assert any([p.pk for p in group] == [5] for group in made.groups)


@pytest.fixture
def session():
    intention_text()
    team = UserFactory(display_name="Team")
    edition = make_edition(facilitators=[team])
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    activity = make_activity(
        edition, title="Welcome", starts_at=timezone.now() + dt.timedelta(hours=1), capacity=40
    )
    members = []
    for n, (zone, languages) in enumerate(
        [
            ("Africa/Dakar", ["fr"]),
            ("Europe/Paris", ["fr", "en"]),
            ("America/Lima", ["es", "en"]),
            ("Asia/Tokyo", ["en"]),
        ]
    ):
        member = UserFactory(display_name=f"M{n}", time_zone=zone, languages=languages)
        registration_create(activity=activity, person=member)
        members.append(member)
    return activity, team, members


def test_the_team_splits_and_members_see_only_their_group(client, session):
    activity, team, members = session
    url = reverse("live.groups", kwargs={"pk": activity.pk})
    client.force_login(members[0])
    assert client.post(url, {"size": 2, "mode": "mix"}).status_code == 404
    with pytest.raises(PermissionDenied):
        groups.split(runner=members[0], activity=activity, size=2, mode="mix")
    with pytest.raises(ValidationError, match="2 to 50"):
        groups.split(runner=team, activity=activity, size=1, mode="mix")
    client.force_login(team)
    assert client.post(url, {"size": 2, "mode": "mix"}).status_code == 302
    split = GroupSplit.objects.get()
    assert split.groups.count() == 2
    assert split.groups.get(number=1).facilitator == team  # one facilitator for two groups
    team_page = client.get(url).content.decode()
    assert (
        team_page.count("Join the group&#x27;s room") == 2 or team_page.count("Join the group") == 2
    )
    mine = split.groups.get(members=members[0])
    other = split.groups.exclude(pk=mine.pk).get()
    client.force_login(members[0])
    page = client.get(url).content.decode()
    assert mine.jitsi_name in page
    assert other.jitsi_name not in page
    client.force_login(UserFactory())
    page = client.get(url).content.decode()
    assert "you are not in one" in page
    assert mine.jitsi_name not in page
    client.logout()
    assert mine.jitsi_name not in client.get(url).content.decode()


@pytest.mark.parametrize("size", [2, 4])
def test_the_team_s_page_costs_the_same_for_few_groups_and_many(
    client, session, size, django_assert_num_queries
):
    activity, team, _members = session
    groups.split(runner=team, activity=activity, size=size, mode="mix")
    client.force_login(team)
    with django_assert_num_queries(8):
        client.get(reverse("live.groups", kwargs={"pk": activity.pk}))
