"""Organizations, initiatives and the calendar of actions in the API: reads for anyone,
writes with a token through the same rules as the pages."""

import datetime as dt
import json

import pytest
from django.utils import timezone

from tests.api.test_api import bearer
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import CoOrganization
from vos.network.models import Initiative, Support
from vos.network.services import ActionDateData, InitiativeData, initiative_create
from vos.organization.models import Membership, NetworkMembership
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db


def organization(name: str, admin, **fields):
    return organization_create(
        creator=admin, details=OrganizationDetails(name=name, kind="network", **fields)
    )


def soon(days: int) -> dt.datetime:
    return timezone.now().replace(microsecond=0) + dt.timedelta(days=days)


def test_the_directory_and_an_organization_in_the_api(client):
    admin, shown, hidden = UserFactory(), UserFactory(display_name="Amina"), UserFactory()
    org = organization("Radios Libres", admin, countries=["BO"], contact_email="c@rl.example")
    Membership.objects.create(organization=org, person=shown, is_public=True)
    Membership.objects.create(organization=org, person=hidden, is_public=False)
    network = organization("Convergencia", UserFactory())
    NetworkMembership.objects.create(network=network, member=org, status="active")
    body = client.get("/api/v1/organizations", {"q": "radios"}).json()
    assert [item["name"] for item in body["items"]] == ["Radios Libres"]
    assert body["items"][0]["countries"] == ["BO"]
    detail = client.get(f"/api/v1/organizations/{org.pk}").json()
    assert detail["members"] == [{"person": shown.pk, "display_name": "Amina", "role": "member"}]
    assert detail["networks"] == [{"id": network.pk, "name": "Convergencia"}]
    assert "c@rl.example" not in json.dumps(detail)


def test_an_admin_posts_an_initiative_with_a_token_and_others_cannot(client):
    admin, stranger = UserFactory(), UserFactory()
    org = organization("Attac", admin)
    payload = {
        "organizations": [org.pk],
        "title": "Tax justice now",
        "themes": ["economy"],
        "dates": [
            {
                "title": "Day of action",
                "starts_at": soon(10).isoformat(),
                "time_zone": "Europe/Paris",
                "place": "Paris",
            }
        ],
    }
    refused = client.post(
        "/api/v1/initiatives", payload, content_type="application/json", **bearer(stranger)
    )
    assert refused.status_code == 404
    assert Initiative.objects.count() == 0
    naive = {**payload, "dates": [{**payload["dates"][0], "starts_at": "2027-01-10T10:00:00"}]}
    response = client.post(
        "/api/v1/initiatives", naive, content_type="application/json", **bearer(admin)
    )
    assert response.status_code == 400
    assert Initiative.objects.count() == 0
    created = client.post(
        "/api/v1/initiatives", payload, content_type="application/json", **bearer(admin)
    )
    assert created.status_code == 201
    body = created.json()
    assert body["title"] == "Tax justice now"
    assert [date["title"] for date in body["dates"]] == ["Day of action"]
    actions = client.get("/api/v1/actions", {"theme": "economy"}).json()
    assert [item["initiative"] for item in actions["items"]] == [body["id"]]


def test_support_and_asking_to_join_with_a_token(client):
    admin = UserFactory()
    org = organization("Attac", admin)
    initiative = initiative_create(
        creator=admin, organizations=[org], data=InitiativeData(title="Tax justice")
    )
    person = UserFactory(country="SN")
    headers = bearer(person)
    url = f"/api/v1/initiatives/{initiative.pk}/support"
    assert client.post(url, {}, content_type="application/json", **headers).status_code == 204
    assert Support.objects.get().country == "SN"
    refused = client.post(url, {"organization": org.pk}, content_type="application/json", **headers)
    assert refused.status_code == 404
    assert client.delete(url, **headers).status_code == 204
    assert not Support.objects.exists()
    joined = client.post(
        f"/api/v1/organizations/{org.pk}/membership",
        {"message": "Hello"},
        content_type="application/json",
        **headers,
    )
    assert joined.json() == {"organization": org.pk, "role": "member", "status": "requested"}


@pytest.mark.parametrize("count", [3, 30])
def test_initiatives_and_actions_cost_the_same_for_few_and_many(
    client, django_assert_num_queries, count
):
    admin = UserFactory()
    org = organization("Attac", admin)
    for number in range(count):
        initiative_create(
            creator=admin,
            organizations=[org],
            data=InitiativeData(
                title=f"Initiative {number}",
                dates=[
                    ActionDateData(
                        title="Day", starts_at=soon(number + 1), typed_time_zone="UTC", place="p"
                    )
                ],
            ),
        )
    with django_assert_num_queries(4):
        assert client.get("/api/v1/initiatives", {"limit": 100}).json()["count"] == count
    with django_assert_num_queries(2):
        assert client.get("/api/v1/actions", {"limit": 100}).json()["count"] == count


def test_admins_answer_requests_and_co_organizing_and_link_networks_with_a_token(client):
    intention_text()
    edition = make_edition()
    admin, member, outsider = UserFactory(), UserFactory(), UserFactory()
    org = organization("Attac", admin)
    waiting = Membership.objects.create(organization=org, person=member, status="requested")
    url = f"/api/v1/organizations/{org.pk}/requests/{waiting.pk}"
    refused = client.post(
        url, {"accept": True}, content_type="application/json", **bearer(outsider)
    )
    assert refused.status_code == 404
    waiting.refresh_from_db()
    assert waiting.status == "requested"
    done = client.post(url, {"accept": True}, content_type="application/json", **bearer(admin))
    assert done.status_code == 204
    waiting.refresh_from_db()
    assert waiting.status == "active"

    activity = make_activity(edition, title="Tax justice")
    link = CoOrganization.objects.create(activity=activity, organization=org, status="pending")
    answered = client.post(
        f"/api/v1/organizations/{org.pk}/co-organizing/{activity.pk}",
        {"accept": True},
        content_type="application/json",
        **bearer(admin),
    )
    assert answered.status_code == 204
    link.refresh_from_db()
    assert link.status == "accepted"

    network = organization("Convergence", UserFactory())
    asked = client.post(
        f"/api/v1/organizations/{org.pk}/networks",
        {"other": network.pk, "join": True},
        content_type="application/json",
        **bearer(admin),
    )
    assert asked.json() == {"network": network.pk, "member": org.pk, "status": "asked"}
