"""A facilitator splits the registrants of a welcome session into groups mixing regions;
a member finds their own group and its room. Every page passes axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.registration.services import registration_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_split_mixing_regions(live_server, open_page):
    intention_text()
    team = UserFactory(display_name="Pierre")
    edition = make_edition("vos-groups", facilitators=[team])
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    welcome = make_activity(
        edition,
        title="Welcome circle",
        starts_at=timezone.now() + dt.timedelta(hours=1),
        capacity=30,
    )
    people = []
    for name, zone, languages in (
        ("Amina", "Africa/Dakar", ["fr", "en"]),
        ("Kofi", "Africa/Accra", ["en"]),
        ("Lucía", "America/Caracas", ["es", "en"]),
        ("Mateus", "America/Sao_Paulo", ["pt", "es"]),
        ("Priya", "Asia/Kolkata", ["en"]),
        ("Léa", "Europe/Paris", ["fr", "es"]),
    ):
        person = UserFactory(display_name=name, time_zone=zone, languages=languages)
        registration_create(activity=welcome, person=person)
        people.append(person)
    address = f"{live_server.url}/en/live/activities/{welcome.pk}/groups/"
    page = logged_in_page(open_page, live_server, team, "Europe/Paris")
    page.goto(address)
    page.get_by_label("People per group").fill("3")
    page.get_by_label("mix countries and regions").check()
    assert_accessible(page)
    page.get_by_role("button", name="Make the groups").click()
    expect(page.locator(".messages")).to_contain_text("The groups are made.")
    expect(page.locator("section.card")).to_have_count(2)
    assert_accessible(page)

    member = logged_in_page(open_page, live_server, people[0], "Africa/Dakar")
    member.goto(address)
    expect(member.locator("section.card")).to_have_count(1)
    expect(member.locator("section.card")).to_contain_text("Amina")
    expect(member.get_by_role("link", name="Join the group's room")).to_be_visible()
    assert_accessible(member)
