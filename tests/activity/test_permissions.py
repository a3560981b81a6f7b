"""Every role through every sensitive action: anonymous, participant, organizer,
facilitator of another edition, facilitator of this edition, superuser."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "participant", "organizer", "other_facilitator", "facilitator", "superuser"]


@pytest.fixture
def world():
    intention_text()
    facilitator, other_facilitator, organizer = UserFactory(), UserFactory(), UserFactory()
    edition = make_edition("this", facilitators=[facilitator])
    make_edition("other", facilitators=[other_facilitator])
    proposed = make_activity(
        edition, title="Waiting", state=Activity.State.PROPOSED, organizer=organizer
    )
    return {
        "edition": edition,
        "proposed": proposed,
        "users": {
            "anonymous": None,
            "participant": UserFactory(),
            "organizer": organizer,
            "other_facilitator": other_facilitator,
            "facilitator": facilitator,
            "superuser": UserFactory(is_superuser=True, is_staff=True),
        },
    }


def as_role(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return user


ALLOWED = {
    "view_unpublished": {"organizer", "facilitator", "superuser"},
    "edit": {"organizer", "facilitator", "superuser"},
    "backoffice": {"facilitator", "superuser"},
    "decide": {"facilitator", "superuser"},
}


@pytest.mark.parametrize("role", ROLES)
def test_unpublished_activity_is_hidden_from_others(client, world, role):
    as_role(client, world, role)
    response = client.get(world["proposed"].get_absolute_url())
    assert response.status_code == (200 if role in ALLOWED["view_unpublished"] else 404)


@pytest.mark.parametrize("role", ROLES)
def test_edit_and_cancel_pages(client, world, role):
    as_role(client, world, role)
    kwargs = {"slug": world["edition"].slug, "pk": world["proposed"].pk}
    expected_ok = role in ALLOWED["edit"]
    for name in ("activity.edit", "activity.cancel"):
        response = client.get(reverse(name, kwargs=kwargs))
        if role == "anonymous":
            assert response.status_code == 302
        else:
            assert response.status_code == (200 if expected_ok else 404), name


@pytest.mark.parametrize("role", ROLES)
def test_cancel_post_changes_state_only_for_allowed(client, world, role):
    as_role(client, world, role)
    kwargs = {"slug": world["edition"].slug, "pk": world["proposed"].pk}
    client.post(reverse("activity.cancel", kwargs=kwargs), {"reason": "No longer possible."})
    world["proposed"].refresh_from_db()
    cancelled = world["proposed"].state == Activity.State.CANCELLED
    assert cancelled == (role in ALLOWED["edit"])


@pytest.mark.parametrize("role", ROLES)
def test_back_office_pages(client, world, role):
    as_role(client, world, role)
    slug = world["edition"].slug
    for url in (
        reverse("activity.orga_queue", kwargs={"slug": slug}),
        reverse("activity.orga_log", kwargs={"slug": slug}),
        reverse("activity.orga_review", kwargs={"slug": slug, "pk": world["proposed"].pk}),
    ):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302
        else:
            assert response.status_code == (200 if role in ALLOWED["backoffice"] else 404), url


@pytest.mark.parametrize("role", ROLES)
def test_moderation_decision(client, world, role):
    as_role(client, world, role)
    url = reverse(
        "activity.orga_decide", kwargs={"slug": world["edition"].slug, "pk": world["proposed"].pk}
    )
    client.post(url, {"decision": "publish"})
    world["proposed"].refresh_from_db()
    published = world["proposed"].state == Activity.State.PUBLISHED
    assert published == (role in ALLOWED["decide"])


@pytest.mark.parametrize("role", ROLES)
def test_feature_flag(client, world, role):
    as_role(client, world, role)
    url = reverse(
        "activity.orga_flags", kwargs={"slug": world["edition"].slug, "pk": world["proposed"].pk}
    )
    client.post(url, {"is_featured": "on"})
    world["proposed"].refresh_from_db()
    assert world["proposed"].is_featured == (role in ALLOWED["decide"])


def test_history_shown_to_organizer_not_to_participant(client, world):
    activity = make_activity(
        world["edition"], title="Public", organizer=world["users"]["organizer"]
    )
    client.force_login(world["users"]["participant"])
    assert (
        "<summary>History</summary>" not in client.get(activity.get_absolute_url()).content.decode()
    )
    client.force_login(world["users"]["organizer"])
    assert "<summary>History</summary>" in client.get(activity.get_absolute_url()).content.decode()


def test_organizer_email_and_room_link_stay_private(client, world):
    organizer = world["users"]["organizer"]
    from vos.room.models import Room

    room = Room.objects.create(
        edition=world["edition"],
        kind=Room.Kind.OWN,
        name="Own",
        join_url="https://meet.example.org/secret-room",
    )
    activity = make_activity(
        world["edition"], title="Public", organizer=organizer, room=room, room_mode="own"
    )
    for role in ("anonymous", "participant"):
        client.logout()
        as_role(client, world, role)
        html = client.get(activity.get_absolute_url()).content.decode()
        assert organizer.email not in html
        assert "secret-room" not in html
