"""Welcome groups between editions: opened by a facilitation team, up to three per
newcomer, bounded, names shown only with consent, the room only for members."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import UserFactory, make_edition
from vos.live import welcome
from vos.live.models import WelcomeMembership

pytestmark = pytest.mark.django_db

ROOM = "https://meet.example.org/welcome-es"


@pytest.fixture
def team():
    person = UserFactory(display_name="Lucía")
    make_edition(facilitators=[person])
    return person


def test_a_team_opens_groups_and_newcomers_join_three_at_most(client, team):
    client.force_login(UserFactory())
    url = reverse("live.welcome")
    client.post(url, {"name": "En español", "kind": "language", "size": 3, "room_url": ROOM})
    assert not welcome.welcome_groups().exists()  # not a facilitator
    client.force_login(team)
    client.post(url, {"name": "En español", "kind": "language", "size": 2, "room_url": "http://x"})
    assert not welcome.welcome_groups().exists()  # not an https room
    client.post(url, {"name": "En español", "kind": "language", "size": 2, "room_url": ROOM})
    spanish = welcome.welcome_groups().get()
    with pytest.raises(PermissionDenied):
        welcome.group_create(
            facilitator=UserFactory(), name="x", kind="theme", size=5, room_url=ROOM
        )
    others = [
        welcome.group_create(
            facilitator=team, name=f"G{n}", kind="theme", size=5, room_url=ROOM + str(n)
        )
        for n in range(3)
    ]
    ana = UserFactory(display_name="Ana")
    for group in others:
        welcome.join(person=ana, group=group, visible=False)
    with pytest.raises(ValidationError, match="Three groups"):
        welcome.join(person=ana, group=spanish, visible=True)
    welcome.leave(person=ana, group=others[0])
    welcome.join(person=ana, group=spanish, visible=True)
    welcome.join(person=UserFactory(display_name="Ben"), group=spanish, visible=False)
    with pytest.raises(ValidationError, match="full"):
        welcome.join(person=UserFactory(), group=spanish, visible=True)
    assert WelcomeMembership.objects.filter(group=spanish).count() == 2


def test_names_with_consent_and_the_room_for_members_only(client, team):
    group = welcome.group_create(
        facilitator=team, name="Africa", kind="region", size=10, room_url=ROOM
    )
    shown, hidden = (
        UserFactory(display_name="Shown Person"),
        UserFactory(display_name="Hidden Person"),
    )
    url = reverse("live.welcome")
    client.force_login(shown)
    client.post(reverse("live.welcome_membership", kwargs={"pk": group.pk}), {"visible": "on"})
    client.force_login(hidden)
    client.post(reverse("live.welcome_membership", kwargs={"pk": group.pk}))
    client.force_login(shown)  # the page's header names who is signed in
    page = client.get(url).content.decode()
    assert ROOM in page
    assert "Shown Person" in page
    assert "Hidden Person" not in page
    client.force_login(UserFactory())
    page = client.get(url).content.decode()
    assert ROOM not in page
    assert "Shown Person" not in page
    assert "Join this group" in page
    client.logout()
    assert ROOM not in client.get(url).content.decode()
    client.force_login(team)
    assert ROOM in client.get(url).content.decode()  # its facilitator


@pytest.mark.parametrize("count", [2, 12])
def test_the_page_costs_the_same_for_few_groups_and_many(
    client, team, count, django_assert_num_queries
):
    for number in range(count):
        group = welcome.group_create(
            facilitator=team, name=f"G{number}", kind="theme", size=5, room_url=ROOM
        )
        welcome.join(person=UserFactory(), group=group, visible=True)
    client.force_login(UserFactory())
    with django_assert_num_queries(4):
        page = client.get(reverse("live.welcome")).content.decode()
    assert page.count("Join this group") == count
