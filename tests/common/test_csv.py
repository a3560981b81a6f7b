"""Every CSV download goes through one writer that spreadsheets cannot turn into formulas."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.common.csv import neutralize
from vos.organization.models import Organization
from vos.registration.services import registration_create

pytestmark = pytest.mark.django_db

POISON = ['=HYPERLINK("https://evil.example")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 70", "'+33 1 70"),
        ("-x", "'-x"),
        ("@me", "'@me"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Lucía = Ana", "Lucía = Ana"),
        ("", ""),
        (-5, -5),  # numbers the code writes stay numbers
    ],
)
def test_neutralize(value, written):
    assert neutralize(value) == written


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_every_download_neutralizes_poisoned_titles_and_names(client):
    intention_text()
    facilitator = UserFactory()
    edition = make_edition(facilitators=[facilitator])
    organizer = UserFactory(display_name=POISON[1])
    activity = make_activity(edition, title=POISON[0], organizer=organizer)
    activity.organizations.add(Organization.objects.create(name=POISON[2]))
    registration_create(activity=activity, person=UserFactory(display_name=POISON[3]))
    client.force_login(facilitator)
    downloads = {
        "activities": reverse("activity.orga_csv", kwargs={"slug": edition.slug}),
        "organizations": reverse("activity.orga_organizations_csv", kwargs={"slug": edition.slug}),
        "registrants": reverse(
            "registration.csv", kwargs={"slug": edition.slug, "pk": activity.pk}
        ),
    }
    cells = {
        name: [cell for row in rows_of(client.get(url)) for cell in row]
        for name, url in downloads.items()
    }
    assert f"'{POISON[0]}" in cells["activities"]
    assert f"'{POISON[1]}" in cells["activities"]
    assert f"'{POISON[2]}" in cells["organizations"]
    assert f"'{POISON[3]}" in cells["registrants"]
    for name, values in cells.items():
        assert [cell for cell in values if cell[:1] in "=+-@\t\r" and cell] == [], name
