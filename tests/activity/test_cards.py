"""The program's cards rendered in Python read exactly as the card template."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.factories import UserFactory, make_activity, make_edition
from vos.activity.queries import activities_for_program, with_card_names
from vos.activity.templatetags.activity_cards import activity_cards
from vos.organization.models import Organization

pytestmark = pytest.mark.django_db


def normalized(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


@pytest.mark.parametrize("language", ["en", "es"])
def test_python_cards_match_the_card_template(language):
    edition = make_edition("vos-cards")
    public = UserFactory(display_name="Amaru <Quispe>", is_public=True)
    first = make_activity(
        edition, title="Huertas & “redes”", languages=["es", "pt"], organizer=public
    )
    first.organizations.add(Organization.objects.create(name="Radio Libre"))
    make_activity(
        edition, title="Official", is_official=True, languages=["en"], interpreted_into=["fr", "ar"]
    )
    make_activity(edition, title="Cancelled one", state="cancelled")
    activities = with_card_names(
        list(activities_for_program(edition, day_start=None, day_end=None, filters={})), edition
    )
    with translation.override(language):
        python = str(activity_cards(activities))
        template = "".join(
            render_to_string("activity/_card.html", {"activity": activity})
            for activity in activities
        )
    assert normalized(python) == normalized(template)
    assert "Amaru &lt;Quispe&gt;" in python


def test_card_names_are_the_public_organizers_and_the_organizations():
    edition = make_edition("vos-card-names")
    public = UserFactory(display_name="Amaru", is_public=True)
    private = UserFactory(display_name="Hidden Person", is_public=False)
    activity = make_activity(edition, title="Radio", organizer=public)
    activity.organizers.create(person=private)
    activity.organizations.add(
        Organization.objects.create(name="Zeta Radio"), Organization.objects.create(name="Alfa")
    )
    [card] = with_card_names(
        list(activities_for_program(edition, day_start=None, day_end=None, filters={})), edition
    )
    assert card.card_people == [(public.pk, "Amaru")]
    assert card.card_organizations == ["Alfa", "Zeta Radio"]
    assert card.public_people == [public]
