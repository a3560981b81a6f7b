"""The directory and an organization's pages: who may see and do what (every role), the
networks of networks, and the same number of queries for few and many rows."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.network.models import Initiative
from vos.organization.models import Membership, NetworkMembership, Organization
from vos.organization.services import (
    OrganizationDetails,
    network_link_ask,
    network_link_decide,
    organization_create,
    organization_get_or_create,
)

pytestmark = pytest.mark.django_db


def make_organization(name: str, admin=None, **fields) -> Organization:
    details = OrganizationDetails(name=name, kind=fields.pop("kind", "network"), **fields)
    return organization_create(creator=admin or UserFactory(), details=details)


@pytest.fixture
def roles():
    """One person per role, around one organization that belongs to one network."""
    intention_text()
    people = {
        "participant": UserFactory(),
        "member": UserFactory(),
        "admin": UserFactory(),
        "network_admin": UserFactory(),
        "facilitator": UserFactory(),
        "superuser": UserFactory(is_superuser=True),
    }
    make_edition(facilitators=[people["facilitator"]])
    organization = make_organization("Radios Libres", people["admin"], contact_email="c@rl.example")
    Membership.objects.create(organization=organization, person=people["member"])
    network = make_organization("Convergencia", people["network_admin"])
    link = network_link_ask(network=network, member=organization, admin=people["admin"])
    network_link_decide(link=link, admin=people["network_admin"], accept=True)
    return people, organization, network


PAGES = [
    "organization.edit",
    "organization.members",
    "organization.networks",
    "organization.activities",
    "organization.merge",
]
# Who gets each page: anybody else gets a 404 (a private page does not say it exists).
ALLOWED = {
    "organization.edit": {"admin", "facilitator", "superuser"},
    "organization.members": {"admin", "superuser"},
    "organization.networks": {"admin", "superuser"},
    "organization.activities": {"admin", "superuser"},
    "organization.merge": {"facilitator", "superuser"},
}


@pytest.mark.parametrize(
    "role", ["participant", "member", "admin", "network_admin", "facilitator", "superuser"]
)
@pytest.mark.parametrize("page", PAGES)
def test_every_role_gets_only_its_pages(client, roles, role, page):
    people, organization, _network = roles
    client.force_login(people[role])
    status = client.get(reverse(page, kwargs={"pk": organization.pk})).status_code
    assert status == (200 if role in ALLOWED[page] else 404)


@pytest.mark.parametrize("page", [*PAGES, "organization.claims"])
def test_anonymous_visitors_are_asked_to_log_in(client, roles, page):
    _people, organization, _network = roles
    kwargs = {} if page == "organization.claims" else {"pk": organization.pk}
    response = client.get(reverse(page, kwargs=kwargs))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("participant", False), ("admin", False), ("facilitator", True), ("superuser", True)],
)
def test_only_the_facilitation_team_verifies_and_answers_claims(client, roles, role, allowed):
    people, organization, _network = roles
    client.force_login(people[role])
    assert client.get(reverse("organization.claims")).status_code == (200 if allowed else 404)
    response = client.post(
        reverse("organization.verify", kwargs={"pk": organization.pk}), {"verified": "1"}
    )
    assert response.status_code == (302 if allowed else 404)
    organization.refresh_from_db()
    assert organization.is_verified is allowed


def test_a_member_cannot_manage_members_by_posting_either(client, roles):
    people, organization, _network = roles
    target = organization.memberships.get(person=people["admin"])
    client.force_login(people["member"])
    for name in ("organization.member_role", "organization.member_remove"):
        url = reverse(name, kwargs={"pk": organization.pk, "membership_pk": target.pk})
        assert client.post(url, {"role": "member"}).status_code == 404
    target.refresh_from_db()
    assert target.role == "admin"


def test_the_page_shows_public_members_networks_and_the_contact_to_its_admins(client, roles):
    people, organization, network = roles
    Membership.objects.filter(person=people["member"]).update(is_public=True)
    public = client.get(organization.get_absolute_url()).content.decode()
    assert people["member"].display_name in public
    assert people["admin"].display_name not in public  # the creator did not choose to show
    assert f'href="/en/organizations/{network.pk}/"' in public
    assert "c@rl.example" not in public
    client.force_login(people["admin"])
    assert "c@rl.example" in client.get(organization.get_absolute_url()).content.decode()
    network_page = client.get(network.get_absolute_url()).content.decode()
    assert "1 member organization" in network_page
    assert f'href="/en/organizations/{organization.pk}/"' in network_page


def test_a_member_chooses_to_show_their_membership(client, roles):
    people, organization, _network = roles
    client.force_login(people["member"])
    client.post(
        reverse("organization.visibility", kwargs={"pk": organization.pk}), {"is_public": "1"}
    )
    assert organization.memberships.get(person=people["member"]).is_public is True


def test_a_network_link_needs_both_sides():
    ana, ben = UserFactory(), UserFactory()
    network = make_organization("Convergencia", ana)
    member = make_organization("Radios Libres", ben)
    # The network invites, then the member asks: the link is made.
    invited = network_link_ask(network=network, member=member, admin=ana)
    assert invited.status == NetworkMembership.Status.INVITED
    made = network_link_ask(network=network, member=member, admin=ben)
    assert made.status == NetworkMembership.Status.ACTIVE
    with pytest.raises(ValidationError, match="cannot join its own member"):
        network_link_ask(network=member, member=network, admin=ben)
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        network_link_ask(network=network, member=make_organization("Otra"), admin=outsider)


def test_the_directory_searches_and_filters(client):
    intention_text()
    edition = make_edition("vos-dir")
    make_organization("Réseau Économie Solidaire", countries=["FR", "SN"], languages=["fr"])
    make_organization("Radios Libres", kind="collective", countries=["BO"], languages=["es"])
    named = organization_get_or_create(name="Cooperativa del Sur")
    make_activity(edition, title="Radio").organizations.add(named)

    def names(query: str) -> list[str]:
        html = client.get(f"/en/organizations/?{query}").content.decode()
        return [o.name for o in Organization.objects.order_by("name") if f">{o.name}<" in html]

    assert names("q=economie") == ["Réseau Économie Solidaire"]
    assert names("country=SN") == ["Réseau Économie Solidaire"]
    assert names("language=es") == ["Radios Libres"]
    assert names("kind=collective") == ["Radios Libres"]
    assert names("edition=vos-dir") == ["Cooperativa del Sur"]
    assert names("") == ["Cooperativa del Sur", "Radios Libres", "Réseau Économie Solidaire"]


@pytest.mark.parametrize("count", [5, 60])
def test_the_directory_costs_the_same_for_few_and_many(client, django_assert_num_queries, count):
    intention_text()
    make_edition()
    for number in range(count):
        Organization.objects.create(name=f"Organization {number:03}", countries=["BR", "AR"])
    with django_assert_num_queries(3):
        html = client.get("/en/organizations/").content.decode()
    assert html.count('class="organization-card"') == min(count, 30)


@pytest.mark.parametrize("count", [5, 40])
def test_an_organization_page_costs_the_same_for_few_and_many(
    client, django_assert_num_queries, count
):
    intention_text()
    edition = make_edition()
    organization = make_organization("Radios Libres")
    for number in range(count):
        Membership.objects.create(organization=organization, person=UserFactory(), is_public=True)
        member = Organization.objects.create(name=f"Member {number}")
        NetworkMembership.objects.create(network=organization, member=member, status="active")
        make_activity(edition, title=f"Activity {number}").organizations.add(organization)
        initiative = Initiative.objects.create(title=f"Initiative {number}")
        initiative.organizations.add(organization)
        initiative.dates.create(
            title="Day of action", starts_at=edition.starts_at, typed_time_zone="UTC"
        )
    with django_assert_num_queries(9):
        html = client.get(organization.get_absolute_url()).content.decode()
    assert html.count("Activity ") >= count
    assert html.count("Initiative ") == min(count, 20)
