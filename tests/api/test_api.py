import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.common.multilingual import in_languages
from vos.edition.models import Edition
from vos.person.models import ApiToken
from vos.person.services import api_token_create
from vos.registration.models import Registration
from vos.room.models import DialIn, Room

pytestmark = pytest.mark.django_db


def bearer(person) -> dict:
    _row, token = api_token_create(person=person, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


@pytest.fixture
def edition():
    intention_text()
    return make_edition("vos-api", moderation=Edition.Moderation.PUBLISH)


def test_openapi_document_and_docs_page_served_locally(client):
    schema = client.get("/api/v1/schema").json()
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/activities",
        "/api/v1/editions",
        "/api/v1/activities/{activity_id}/registration",
    } <= set(schema["paths"])
    html = client.get("/api/v1/docs").content.decode()
    assert "<code>/api/v1/activities/{activity_id}/registration</code>" in html
    assert 'href="/api/v1/schema"' in html
    assert "cdn" not in html.lower()


def test_activities_list_filters_and_paginates(client, edition):
    make_activity(edition, title="Taller", languages=["es"])
    make_activity(edition, title="Workshop", languages=["en"])
    make_activity(edition, title="Hidden", state=Activity.State.PROPOSED)
    body = client.get("/api/v1/activities", {"edition": edition.slug}).json()
    assert body["count"] == 2
    assert [item["title"] for item in body["items"]] == ["Taller", "Workshop"]
    body = client.get("/api/v1/activities", {"language": "es"}).json()
    assert [item["title"] for item in body["items"]] == ["Taller"]
    body = client.get(
        "/api/v1/activities", {"limit": 1, "offset": 1, "edition": edition.slug}
    ).json()
    assert (body["count"], [item["title"] for item in body["items"]]) == (2, ["Workshop"])
    body = client.get("/api/v1/activities", {"q": "Taller"}).json()
    assert [item["title"] for item in body["items"]] == ["Taller"]


def test_no_private_field_in_api_responses(client, edition):
    hidden = UserFactory(
        display_name="Private Person", email="private@example.org", is_public=False
    )
    shown = UserFactory(display_name="Public Person", email="public@example.org", is_public=True)
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.OWN,
        name="Secret",
        join_url="https://zoom.example/j/93968057512",
        meeting_id="939 680 575",
        passcode="12072020",
    )
    DialIn.objects.create(room=room, country="FR", number="+33 1", pin="PIN-7731")
    activity = make_activity(edition, title="Open", organizer=hidden, room=room, room_mode="own")
    activity.organizers.create(person=shown)
    make_activity(edition, title="Unpublished proposal", state=Activity.State.PROPOSED)
    bodies = [
        client.get("/api/v1/activities").content.decode(),
        client.get(f"/api/v1/activities/{activity.pk}").content.decode(),
        client.get("/api/v1/organizations").content.decode(),
    ]
    for body in bodies:
        for secret in (
            "zoom.example",
            "939 680 575",
            "12072020",
            "PIN-7731",
            "private@example.org",
            "public@example.org",
            "Private Person",
            "Unpublished proposal",
        ):
            assert secret not in body
    assert "Public Person" in bodies[1]
    assert client.get(f"/api/v1/people/{hidden.pk}").status_code == 404
    assert client.get(f"/api/v1/people/{shown.pk}").json()["display_name"] == "Public Person"


def test_tokens_are_stored_hashed_and_can_be_revoked(client):
    person = UserFactory()
    client.force_login(person)
    html = client.post(reverse("person.api_tokens"), {"name": "My phone app"}).content.decode()
    row = ApiToken.objects.get(person=person)
    token = re.search(r'id="new-token" value="([^"]+)"', html).group(1)
    import hashlib

    assert token.startswith("vos_")
    assert row.key_hash == hashlib.sha256(token.encode()).hexdigest()
    assert client.get(reverse("person.api_tokens")).content.decode().count(token) == 0  # shown once
    client.logout()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    activity_free = client.delete("/api/v1/activities/999/registration", **headers)
    assert activity_free.status_code == 404
    client.force_login(person)
    client.post(reverse("person.api_tokens"), {"revoke": row.pk})
    client.logout()
    response = client.delete("/api/v1/activities/999/registration", **headers)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def proposal(edition, **changes):
    start = edition.starts_at + dt.timedelta(hours=14)
    body = {
        "edition": edition.slug,
        "title": "Radio",
        "summary": "Community radio.",
        "type": "workshop",
        "languages": ["es"],
        "starts_at": start.isoformat(),
        "ends_at": (start + dt.timedelta(hours=1)).isoformat(),
        "accept_intention_text_version": 1,
    }
    body.update(changes)
    return body


def test_propose_register_and_change_through_the_api(client, edition):
    person = UserFactory()
    headers = bearer(person)
    response = client.post(
        "/api/v1/activities", proposal(edition), content_type="application/json", **headers
    )
    assert response.status_code == 201, response.content
    activity_id = response.json()["id"]
    assert Activity.objects.get(pk=activity_id).organizers.get().person == person
    response = client.patch(
        f"/api/v1/activities/{activity_id}",
        {"title": "Radio libre"},
        content_type="application/json",
        **headers,
    )
    assert response.json()["title"] == "Radio libre"
    other = UserFactory()
    response = client.post(f"/api/v1/activities/{activity_id}/registration", **bearer(other))
    assert response.json() == {"activity": activity_id, "status": "confirmed"}
    assert (
        client.delete(f"/api/v1/activities/{activity_id}/registration", **bearer(other)).status_code
        == 204
    )
    assert not Registration.objects.exists()


def test_write_errors_have_a_code_and_a_message(client, edition):
    headers = bearer(UserFactory())
    response = client.post("/api/v1/activities", proposal(edition), content_type="application/json")
    assert (response.status_code, response.json()["code"]) == (401, "unauthenticated")
    response = client.post(
        "/api/v1/activities",
        proposal(edition, starts_at="2001-01-01T10:00:00Z", ends_at="2001-01-01T11:00:00Z"),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "must take place during the edition" in response.json()["message"]
    response = client.post(
        "/api/v1/activities", {"edition": edition.slug}, content_type="application/json", **headers
    )
    assert (response.status_code, response.json()["code"]) == (422, "invalid_input")
    assert not Activity.objects.exists()


@pytest.mark.parametrize("role", ["participant", "organizer", "facilitator"])
def test_moderation_through_the_api_per_role(client, role):
    intention_text()
    facilitator, organizer = UserFactory(), UserFactory()
    edition = make_edition(facilitators=[facilitator])
    activity = make_activity(edition, state=Activity.State.PROPOSED, organizer=organizer)
    person = {"participant": UserFactory(), "organizer": organizer, "facilitator": facilitator}[
        role
    ]
    response = client.post(
        f"/api/v1/activities/{activity.pk}/decision",
        {"decision": "publish"},
        content_type="application/json",
        **bearer(person),
    )
    activity.refresh_from_db()
    if role == "facilitator":
        assert response.status_code == 200
        assert activity.state == Activity.State.PUBLISHED
    else:
        assert response.status_code == 404
        assert activity.state == Activity.State.PROPOSED


def test_etag_gives_304(client, edition):
    make_activity(edition)
    first = client.get("/api/v1/activities")
    etag = first["ETag"]
    assert client.get("/api/v1/activities", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_rate_limit_answers_429_with_retry_after(client):
    from django.conf import settings

    limit = int(settings.API_RATE_ANONYMOUS.split("/")[0])
    statuses = [client.get("/api/v1/editions").status_code for _number in range(limit + 1)]
    assert statuses[:limit] == [200] * limit
    response = client.get("/api/v1/editions")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert response.json()["code"] == "rate_limited"


@pytest.mark.parametrize("count", [5, 200])
def test_activity_list_query_count_does_not_grow(client, edition, django_assert_num_queries, count):
    for number in range(count):
        activity = make_activity(edition, title=f"A{number}", organizer=UserFactory(is_public=True))
        activity.themes.add(edition.themes.first())
    with django_assert_num_queries(5):
        body = client.get("/api/v1/activities", {"limit": 500}).json()
    assert body["count"] == count


@pytest.mark.parametrize("count", [5, 200])
def test_organization_and_edition_lists_query_count_does_not_grow(
    client, django_assert_num_queries, count
):
    from vos.organization.models import Organization

    intention_text()
    edition = make_edition("many")
    for number in range(count):
        make_activity(edition, title=f"A{number}").organizations.add(
            Organization.objects.create(name=f"Org {number}")
        )
        if number < 20:
            make_edition(f"edition-{number}")
    with django_assert_num_queries(2):
        body = client.get("/api/v1/organizations", {"limit": 500}).json()
    assert body["count"] == count
    with django_assert_num_queries(2):
        assert client.get("/api/v1/editions", {"limit": 500}).json()["count"] == min(count, 20) + 1


def test_rooms_endpoint_shows_only_public_parts(client, edition):
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.SHARED,
        name="Meeting room",
        translations=in_languages("name", es="Sala de encuentro"),
        provider=Room.Provider.ZOOM,
        join_url="https://zoom.example/j/93968057512",
        passcode="12072020",
    )
    Room.objects.create(
        edition=edition, kind=Room.Kind.OWN, name="Someone's own", join_url="https://own.example"
    )
    body = client.get(f"/api/v1/editions/{edition.slug}/rooms", HTTP_ACCEPT_LANGUAGE="es").json()
    assert body == [
        {"name": "Sala de encuentro", "provider": "zoom", "kind": "shared", "capacity": None}
    ]
    assert room.passcode not in str(body)


@pytest.mark.parametrize("role", ["anonymous", "participant", "organizer", "facilitator"])
def test_editing_through_the_api_per_role(client, role):
    intention_text()
    facilitator, organizer = UserFactory(), UserFactory()
    edition = make_edition(facilitators=[facilitator])
    activity = make_activity(edition, title="Before", organizer=organizer)
    people = {"participant": UserFactory(), "organizer": organizer, "facilitator": facilitator}
    headers = bearer(people[role]) if role in people else {}
    response = client.patch(
        f"/api/v1/activities/{activity.pk}",
        {"title": "After"},
        content_type="application/json",
        **headers,
    )
    activity.refresh_from_db()
    expected = {"anonymous": 401, "participant": 404, "organizer": 200, "facilitator": 200}[role]
    assert response.status_code == expected
    assert activity.title == ("After" if expected == 200 else "Before")
