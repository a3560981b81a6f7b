"""Reading and delivering a declaration: the public list with its filters, the printable
letter and the dossier, the CSV of signatories (formulas neutralized), the API (no
emails)."""

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.declaration.test_drafting import letter
from tests.factories import UserFactory
from vos.declaration.models import Declaration
from vos.declaration.signing import (
    declaration_open,
    sign_as_organization,
    sign_as_person,
    signature_confirm,
)
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed():
    team = UserFactory()
    declaration = letter(team)
    declaration_open(declaration=declaration, actor=team)
    declaration.refresh_from_db()
    admin = UserFactory()
    org = organization_create(
        creator=admin,
        details=OrganizationDetails(
            name="Attac", kind="ngo", countries=["FR"], description="Tax justice since 1998."
        ),
    )
    sign_as_organization(declaration=declaration, organization=org, admin=admin)
    person = sign_as_person(
        declaration=declaration, name="=HYPERLINK(1)", email="amina@example.org", country="SN"
    )
    signature_confirm(token=person.token)
    return declaration, team


def test_the_printable_letter_and_the_dossier_list_the_signatories(client, signed):
    declaration, _team = signed
    page = client.get(reverse("declaration.print", kwargs={"pk": declaration.pk})).content.decode()
    assert "We, the networks of the forum, write to you." in page
    assert "Attac" in page
    assert "Senegal" in page
    assert "print.css" in page
    assert "Tax justice since 1998." not in page
    dossier = client.get(
        reverse("declaration.print", kwargs={"pk": declaration.pk}), {"dossier": "1"}
    ).content.decode()
    assert "Tax justice since 1998." in dossier


def test_the_csv_of_signatories_is_for_the_team_and_neutralizes_formulas(client, signed):
    declaration, team = signed
    url = reverse("declaration.signatories_csv", kwargs={"pk": declaration.pk})
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(team)
    body = client.get(url).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    names = [row[1] for row in rows[1:]]
    assert "'=HYPERLINK(1)" in names
    assert "Attac" in names
    assert "amina@example.org" in body


def test_the_public_list_filters_and_the_api_gives_no_email(client, signed):
    declaration, team = signed
    draft = letter(team)
    Declaration.objects.filter(pk=draft.pk).update(title="Still a draft")
    page = client.get(reverse("declaration.list")).content.decode()
    assert "Letter to the UN" in page
    assert "Still a draft" not in page
    assert "1 organization, 1 person" in page
    assert (
        "Letter to the UN"
        not in client.get(reverse("declaration.list"), {"state": "delivered"}).content.decode()
    )
    body = client.get("/api/v1/declarations").json()
    assert [item["title"] for item in body["items"]] == ["Letter to the UN"]
    detail = client.get(f"/api/v1/declarations/{declaration.pk}").json()
    assert detail["people"] == 1
    assert detail["people_by_country"] == {"SN": 1}
    assert [o["name"] for o in detail["signatory_organizations"]] == ["Attac"]
    assert "amina@example.org" not in json.dumps(detail)
    assert client.get(f"/api/v1/declarations/{draft.pk}").status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_costs_the_same_for_few_and_many(client, django_assert_num_queries, count):
    team = UserFactory()
    for number in range(count):
        declaration = letter(team)
        Declaration.objects.filter(pk=declaration.pk).update(state="open", title=f"Letter {number}")
    with django_assert_num_queries(1):
        html = client.get(reverse("declaration.list")).content.decode()
    assert html.count("Letter ") == count


def test_an_organization_s_page_lists_the_declarations_it_signed(client, signed):
    declaration, _team = signed
    org = declaration.signatures.get(kind="organization").organization
    page = client.get(org.get_absolute_url()).content.decode()
    assert "Declarations it signed" in page
    assert "Letter to the UN" in page
