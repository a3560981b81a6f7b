"""Signing a declaration: a frozen text, people confirmed by email, organizations through
their admins, one signature each, withdrawal, voiding, and the defences against mass
fake signatures."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tests.conftest import body_of
from tests.declaration.test_drafting import letter
from tests.factories import UserFactory, intention_text, make_edition
from vos.common.models import LogEntry
from vos.declaration.models import Signature
from vos.declaration.services import version_save
from vos.declaration.signing import (
    declaration_close,
    declaration_open,
    sign_as_organization,
    sign_as_person,
    signature_counts,
    signature_void,
    signature_withdraw,
)
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened():
    team = UserFactory()
    declaration = letter(team)
    declaration_open(declaration=declaration, actor=team)
    declaration.refresh_from_db()
    return declaration, team


def test_opening_freezes_the_text_and_a_signature_records_its_version(opened):
    declaration, team = opened
    with pytest.raises(ValidationError, match="frozen"):
        version_save(declaration=declaration, author=team, text="New", note="", based_on=1)
    signature = sign_as_person(
        declaration=declaration, name="Amina", email="a@example.org", country="SN"
    )
    assert signature.version.number == 1


def test_a_person_signs_without_an_account_and_counts_once_confirmed(
    client, opened, mailbox, django_capture_on_commit_callbacks
):
    declaration, _team = opened
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("declaration.sign", kwargs={"pk": declaration.pk}),
            {
                "name": "Amina Diop",
                "email": "Amina@Example.org",
                "country": "SN",
                "show_name": "on",
            },
        )
    assert response.status_code == 302
    assert signature_counts(declaration)["people"] == 0
    assert "Amina Diop" not in client.get(declaration.get_absolute_url()).content.decode()
    [message] = mailbox.wait_for(1)
    assert message["To"] == "amina@example.org"
    link = re.search(r"/declarations/signatures/[\w-]+/", body_of(message)).group(0)
    assert client.get(f"/en{link}").status_code == 200  # a page with a button, no signing yet
    assert signature_counts(declaration)["people"] == 0
    client.post(f"/en{link}", {"action": "confirm"})
    assert signature_counts(declaration) == {
        "people": 1,
        "organizations": 0,
        "by_country": [("SN", 1)],
        "by_kind": [],
    }
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "<bdi>Amina Diop</bdi>" in page
    assert "amina@example.org" not in page


def test_one_signature_per_email_and_a_hidden_name_shows_only_the_country(client, opened):
    declaration, _team = opened
    first = sign_as_person(
        declaration=declaration, name="Li", email="li@example.org", country="TW", show_name=False
    )
    again = sign_as_person(
        declaration=declaration, name="Li Wei", email="LI@example.org", country="TW"
    )
    assert first.pk == again.pk
    assert Signature.objects.count() == 1
    client.post(f"/en/declarations/signatures/{first.token}/", {"action": "confirm"})
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "Li</bdi>" not in page
    assert "Taiwan" in page


def test_organizations_sign_through_an_admin_once(client, opened):
    declaration, _team = opened
    admin, member = UserFactory(), UserFactory()
    org = organization_create(
        creator=admin, details=OrganizationDetails(name="Attac", kind="ngo", countries=["FR"])
    )
    org.memberships.create(person=member)
    with pytest.raises(PermissionDenied):
        sign_as_organization(declaration=declaration, organization=org, admin=member)
    signature = sign_as_organization(declaration=declaration, organization=org, admin=admin)
    assert signature.signed_by == admin
    with pytest.raises(ValidationError, match="signed already"):
        sign_as_organization(declaration=declaration, organization=org, admin=admin)
    counts = signature_counts(declaration)
    assert counts["organizations"] == 1
    assert counts["by_kind"] == [("ngo", 1)]
    assert "Attac" in client.get(declaration.get_absolute_url()).content.decode()


def test_withdrawal_while_open_and_not_after(opened):
    declaration, team = opened
    signature = sign_as_person(
        declaration=declaration, name="Amina", email="a@example.org", country="SN"
    )
    with pytest.raises(PermissionDenied):
        signature_withdraw(signature=signature, token="not-it")
    signature_withdraw(signature=signature, token=signature.token)
    signature.refresh_from_db()
    assert signature.withdrawn_at is not None
    other = sign_as_person(declaration=declaration, name="Ben", email="b@example.org", country="FR")
    declaration_close(declaration=declaration, actor=team)
    with pytest.raises(ValidationError, match="closed"):
        signature_withdraw(signature=other, token=other.token)


def test_the_facilitation_team_voids_a_signature_with_a_reason(client, opened):
    intention_text()
    declaration, team = opened
    facilitator = UserFactory()
    make_edition(facilitators=[facilitator])
    signature = sign_as_person(
        declaration=declaration, name="Spam", email="s@spam.example", country=""
    )
    client.post(f"/en/declarations/signatures/{signature.token}/", {"action": "confirm"})
    with pytest.raises(PermissionDenied):
        signature_void(signature=signature, facilitator=team, reason="fake")
    with pytest.raises(ValidationError):
        signature_void(signature=signature, facilitator=facilitator, reason=" ")
    signature_void(signature=signature, facilitator=facilitator, reason="A robot")
    assert signature_counts(declaration)["people"] == 0
    entry = LogEntry.objects.get(action="declaration.void")
    assert entry.data == {"signature": "Spam", "reason": "A robot"}


def test_robots_are_kept_out(client, opened, settings):
    declaration, _team = opened
    url = reverse("declaration.sign", kwargs={"pk": declaration.pk})
    trap = client.post(url, {"name": "Bot", "email": "bot@example.org", "website": "http://spam"})
    assert trap.status_code == 302
    assert not Signature.objects.exists()
    settings.SIGNATURES_PER_ADDRESS = 2
    for number in range(3):
        client.post(url, {"name": f"P{number}", "email": f"p{number}@example.org"})
    assert Signature.objects.count() == 2
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "Too many signatures from here" in page


def test_a_new_version_after_opening_asks_every_signatory_again(
    client, opened, mailbox, django_capture_on_commit_callbacks
):
    declaration, team = opened
    admin = UserFactory(email="admin@attac.example")
    org = organization_create(creator=admin, details=OrganizationDetails(name="Attac", kind="ngo"))
    org_signature = sign_as_organization(declaration=declaration, organization=org, admin=admin)
    person = sign_as_person(
        declaration=declaration, name="Amina", email="a@example.org", country="SN"
    )
    client.post(f"/en/declarations/signatures/{person.token}/", {"action": "confirm"})
    mailbox.clear()
    client.force_login(team)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("declaration.edit", kwargs={"pk": declaration.pk}),
            {"text": "We write again, urgently.", "note": "urgent", "based_on": "1"},
        )
    assert response.status_code == 302
    declaration.refresh_from_db()
    assert declaration.open_version.number == 2
    messages = {message["To"]: message for message in mailbox.wait_for(2)}
    assert set(messages) == {"admin@attac.example", "a@example.org"}
    assert f"/declarations/signatures/{person.token}/" in body_of(messages["a@example.org"])
    assert "?from=1&to=2" in body_of(messages["a@example.org"])
    # Each confirms for the new version; the signatures then record it.
    client.post(f"/en/declarations/signatures/{person.token}/", {"action": "confirm"})
    sign_as_organization(declaration=declaration, organization=org, admin=admin)
    person.refresh_from_db()
    org_signature.refresh_from_db()
    assert (person.version.number, org_signature.version.number) == (2, 2)


def test_an_organization_may_sign_without_showing_its_name(client, opened):
    declaration, _team = opened
    admin = UserFactory()
    org = organization_create(creator=admin, details=OrganizationDetails(name="Discreet Union"))
    client.force_login(admin)
    client.post(
        reverse("declaration.sign_organization", kwargs={"pk": declaration.pk}),
        {"organization": org.pk},
    )
    assert Signature.objects.get().is_public is False
    client.logout()
    page = client.get(declaration.get_absolute_url()).content.decode()
    assert "Discreet Union" not in page
    assert "1 organization" in page
