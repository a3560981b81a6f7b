"""Every sensitive action on a declaration, for every role, through the pages: only the
roles allowed change anything; the others get a 404 (or the login page) and write
nothing."""

import pytest
from django.urls import reverse

from tests.declaration.test_drafting import letter
from tests.factories import UserFactory, intention_text, make_edition
from vos.declaration.models import Comment, Declaration, Signature, Translation, Version
from vos.declaration.review import reviewer_invite
from vos.declaration.signing import declaration_open, sign_as_person, signature_confirm
from vos.declaration.translation import translator_add
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "participant",
    "reviewer",
    "translator",
    "team",
    "organization_admin",
    "facilitator",
]


@pytest.fixture
def world():
    intention_text()
    people = {role: UserFactory() for role in ROLES if role != "anonymous"}
    make_edition(facilitators=[people["facilitator"]])
    declaration = letter(people["team"])
    reviewer_invite(declaration=declaration, actor=people["team"], email=people["reviewer"].email)
    translator_add(
        declaration=declaration,
        actor=people["team"],
        email=people["translator"].email,
        language="es",
    )
    organization = organization_create(
        creator=people["organization_admin"], details=OrganizationDetails(name="Attac")
    )
    return people, declaration, organization


def act(client, people, role):
    if role != "anonymous":
        client.force_login(people[role])


EDIT_ALLOWED = {"team"}
COMMENT_ALLOWED = {"team", "reviewer"}
TRANSLATE_ALLOWED = {"team", "translator"}
OPEN_ALLOWED = {"team"}
VOID_ALLOWED = {"facilitator"}


@pytest.mark.parametrize("role", ROLES)
def test_editing_the_text(client, world, role):
    people, declaration, _org = world
    act(client, people, role)
    client.post(
        reverse("declaration.edit", kwargs={"pk": declaration.pk}),
        {"text": "Changed", "note": "", "based_on": "1"},
    )
    assert Version.objects.filter(declaration=declaration).count() == (
        2 if role in EDIT_ALLOWED else 1
    )


@pytest.mark.parametrize("role", ROLES)
def test_commenting(client, world, role):
    people, declaration, _org = world
    act(client, people, role)
    client.post(
        reverse("declaration.comment", kwargs={"pk": declaration.pk}),
        {"paragraph": "0", "body": "Hmm"},
    )
    assert Comment.objects.exists() is (role in COMMENT_ALLOWED)


@pytest.mark.parametrize("role", ROLES)
def test_translating(client, world, role):
    people, declaration, _org = world
    act(client, people, role)
    client.post(
        reverse("declaration.translate", kwargs={"pk": declaration.pk, "language": "es"}),
        {"title": "Carta", "text": "Texto"},
    )
    assert Translation.objects.exists() is (role in TRANSLATE_ALLOWED)


@pytest.mark.parametrize("role", ROLES)
def test_opening_signatures(client, world, role):
    people, declaration, _org = world
    act(client, people, role)
    client.post(reverse("declaration.state", kwargs={"pk": declaration.pk}), {"action": "open"})
    declaration.refresh_from_db()
    assert (declaration.state == Declaration.State.OPEN) is (role in OPEN_ALLOWED)


@pytest.mark.parametrize("role", ROLES)
def test_signing_for_an_organization(client, world, role):
    people, declaration, organization = world
    declaration_open(declaration=declaration, actor=people["team"])
    act(client, people, role)
    client.post(
        reverse("declaration.sign_organization", kwargs={"pk": declaration.pk}),
        {"organization": organization.pk},
    )
    assert Signature.objects.filter(organization=organization).exists() is (
        role == "organization_admin"
    )


@pytest.mark.parametrize("role", ROLES)
def test_voiding_a_signature(client, world, role):
    people, declaration, _org = world
    declaration = declaration_open(declaration=declaration, actor=people["team"])
    signature = sign_as_person(declaration=declaration, name="X", email="x@example.org", country="")
    signature_confirm(token=signature.token)
    act(client, people, role)
    client.post(
        reverse("declaration.void", kwargs={"pk": declaration.pk, "signature_pk": signature.pk}),
        {"reason": "fake"},
    )
    signature.refresh_from_db()
    assert (signature.voided_at is not None) is (role in VOID_ALLOWED)
