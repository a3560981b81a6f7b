"""Organizations behind an activity: a member adds their own at once, any other is asked
and shown only once one of its admins accepts; an assembly waits for its five."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.activity.test_services import data_for
from tests.activity.test_views import proposal
from tests.factories import UserFactory, intention_text, make_edition
from vos.activity.models import Activity, CoOrganization
from vos.activity.services import activity_decide, activity_propose
from vos.activity.services.coorganization import coorganization_decide, organizations_needed
from vos.edition.models import Edition
from vos.organization.models import Organization
from vos.organization.services import (
    OrganizationDetails,
    organization_create,
    organization_get_or_create,
)

pytestmark = pytest.mark.django_db


def organization(name: str, admin=None) -> Organization:
    return organization_create(
        creator=admin or UserFactory(), details=OrganizationDetails(name=name, kind="network")
    )


def propose(edition, proposer, organizations, **changes) -> Activity:
    return activity_propose(
        proposer=proposer,
        edition=edition,
        data=data_for(edition, organizations=organizations, **changes),
        intention_text=intention_text(),
    )


def statuses(activity) -> dict[str, str]:
    return {
        link.organization.name: link.status
        for link in activity.co_organizations.select_related("organization")
    }


def test_a_member_adds_their_organization_and_asks_others(
    client, mailbox, django_capture_on_commit_callbacks
):
    edition = make_edition(moderation=Edition.Moderation.PUBLISH)
    lucia = UserFactory()
    own = organization("Radios Libres", lucia)
    other_admin = UserFactory(email="other-admin@example.org")
    other = organization("Red Feminista", other_admin)
    unclaimed = organization_get_or_create(name="Cooperativa del Sur")
    with django_capture_on_commit_callbacks(execute=True):
        activity = propose(edition, lucia, [own, other, unclaimed])
    assert statuses(activity) == {
        "Radios Libres": "accepted",
        "Red Feminista": "pending",
        "Cooperativa del Sur": "accepted",  # nobody speaks for it yet
    }
    [message] = mailbox.wait_for(1)
    assert message["To"] == "other-admin@example.org"
    # (a long subject is folded by the mail system; the reader sees it whole)
    assert (
        message["Subject"].strip()
        == "Red Feminista named behind “Huertas urbanas”: accept or decline"
    )
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Radios Libres" in page
    assert "Red Feminista" not in page
    api = client.get(f"/api/v1/activities/{activity.pk}").json()
    assert sorted(o["name"] for o in api["organizations"]) == [
        "Cooperativa del Sur",
        "Radios Libres",
    ]
    program = client.get(f"/en/editions/{edition.slug}/program/?day=all").content.decode()
    assert "Red Feminista" not in program

    # Its admin accepts from the organization's page of activities.
    client.force_login(other_admin)
    requests = client.get(reverse("organization.activities", kwargs={"pk": other.pk}))
    assert "Huertas urbanas" in requests.content.decode()
    link = activity.co_organizations.get(organization=other)
    client.post(
        reverse("organization.activity_answer", kwargs={"pk": other.pk, "link_pk": link.pk}),
        {"decision": "accept"},
    )
    assert statuses(activity)["Red Feminista"] == "accepted"
    client.logout()
    assert "Red Feminista" in client.get(activity.get_absolute_url()).content.decode()


def test_only_the_organizations_admins_answer_or_withdraw(client):
    edition = make_edition()
    admin, member, stranger = UserFactory(), UserFactory(), UserFactory()
    asked = organization("Red Feminista", admin)
    asked.memberships.create(person=member)
    activity = propose(edition, stranger, [asked])
    link = activity.co_organizations.get()
    for person in (member, stranger):
        client.force_login(person)
        url = reverse("organization.activity_answer", kwargs={"pk": asked.pk, "link_pk": link.pk})
        assert client.post(url, {"decision": "accept"}).status_code == 404
    link.refresh_from_db()
    assert link.status == "pending"
    client.force_login(admin)
    client.post(
        reverse("organization.activity_withdraw", kwargs={"pk": asked.pk, "link_pk": link.pk})
    )
    assert not activity.co_organizations.exists()


@pytest.fixture
def assembly_edition():
    edition = make_edition(moderation=Edition.Moderation.PUBLISH)
    edition.activity_types.filter(key="assembly").update(min_organizations=5)
    return edition


def test_an_assembly_is_published_when_its_fifth_organization_accepts(
    assembly_edition, mailbox, django_capture_on_commit_callbacks
):
    edition = assembly_edition
    proposer = UserFactory()
    mine = [organization(f"Mine {n}", proposer) for n in range(2)]
    admins = [UserFactory() for _ in range(3)]
    asked = [organization(f"Asked {n}", admins[n]) for n in range(3)]
    activity = propose(
        edition,
        proposer,
        [*mine, *asked],
        activity_type=edition.activity_types.get(key="assembly"),
    )
    assert activity.state == Activity.State.PROPOSED
    assert organizations_needed(activity) == 3
    for number in range(3):
        link = activity.co_organizations.get(organization=asked[number])
        with django_capture_on_commit_callbacks(execute=True):
            coorganization_decide(link=link, admin=admins[number], accept=True)
        activity.refresh_from_db()
        expected = Activity.State.PUBLISHED if number == 2 else Activity.State.PROPOSED
        assert activity.state == expected
    assert activity.published_at is not None


def test_a_facilitator_cannot_publish_an_assembly_before_its_organizations_accept():
    edition = make_edition()
    edition.activity_types.filter(key="assembly").update(min_organizations=5)
    facilitator = UserFactory()
    edition.facilitators.add(facilitator)
    proposer = UserFactory()
    activity = propose(
        edition,
        proposer,
        [organization(f"Mine {n}", proposer) for n in range(4)],
        activity_type=edition.activity_types.get(key="assembly"),
    )
    with pytest.raises(ValidationError, match="needs 1 more co-organizing organization"):
        activity_decide(activity=activity, facilitator=facilitator, decision="publish")
    activity.refresh_from_db()
    assert activity.state == Activity.State.PROPOSED


def test_the_proposer_sees_how_many_are_still_needed_and_whom_they_asked(client, assembly_edition):
    proposer = UserFactory()
    asked = organization("Red Feminista")
    activity = propose(
        assembly_edition,
        proposer,
        [organization("Radios Libres", proposer), asked],
        activity_type=assembly_edition.activity_types.get(key="assembly"),
    )
    client.force_login(proposer)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "4 more organizations must accept before the activity can be published." in page
    assert "<bdi>Red Feminista</bdi> — waiting for the organization" in page


def test_the_form_finds_organizations_by_name_and_refuses_unknown_ones(client):
    intention_text()
    edition = make_edition()
    proposer = UserFactory()
    organization("Radios Libres", proposer)
    client.force_login(proposer)
    url = reverse("activity.propose", kwargs={"slug": edition.slug})
    response = client.post(url, proposal(edition, organizations="radios libres\nNo Such Group"))
    assert response.status_code == 400
    assert "No organization is called “No Such Group” in the directory" in response.content.decode()
    assert not Activity.objects.exists()
    response = client.post(url, proposal(edition, organizations="  radios   LIBRES "))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert statuses(activity) == {"Radios Libres": "accepted"}
    # A new organization typed in is created with the proposer as its admin.
    client.post(url, proposal(edition, title="Otra", new_organization_name="Colectivo Nuevo"))
    created = Organization.objects.get(name="Colectivo Nuevo")
    assert list(created.memberships.values_list("person", "role")) == [(proposer.pk, "admin")]
    assert CoOrganization.objects.get(organization=created).status == "accepted"


def test_the_directory_suggests_names_for_the_form(client):
    organization("Réseau Économie Solidaire")
    organization("Radios Libres")
    names = client.get(reverse("organization.suggest"), {"q": "econ"}).json()["names"]
    assert names == ["Réseau Économie Solidaire"]
    assert client.get(reverse("organization.suggest"), {"q": "e"}).json() == {"names": []}
