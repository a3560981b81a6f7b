"""A facilitator runs a plenary's speakers' list: three people ask to speak in two
languages, and the facilitator's open page shows each of them without a reload; the
floor goes to the next, and the speaker's own page says so without a reload. Every page
passes axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_facilitator_runs_a_queue_of_three_in_two_languages(live_server, open_page):
    intention_text()
    team = UserFactory(display_name="Pierre")
    edition = make_edition("vos-plenary", facilitators=[team])
    plenary = make_activity(
        edition,
        title="Opening plenary",
        kind="plenary",
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        languages=("fr", "es"),
        link_visibility="public",
    )
    address = f"{live_server.url}/en/live/activities/{plenary.pk}/speakers/"
    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(address)
    runner.evaluate("window.notReloaded = true")
    assert_accessible(runner)

    pages = {}
    for name, language, zone in (
        ("Amina", "fr", "Africa/Dakar"),
        ("Lucía", "es", "America/Caracas"),
        ("Bruno", "fr", "Europe/Paris"),
    ):
        page = logged_in_page(open_page, live_server, UserFactory(display_name=name), zone)
        page.goto(address)
        page.get_by_label("Language I will speak").select_option(language)
        page.get_by_role("button", name="Ask to speak").click()
        expect(page.locator(".messages")).to_contain_text("You are on the list of speakers.")
        pages[name] = page
    expect(pages["Bruno"].locator("main")).to_contain_text("You are number 3 on the list.")
    assert_accessible(pages["Bruno"])

    # The facilitator's page shows all three, in order, without a reload.
    expect(runner.locator(".speakers li")).to_have_count(3, timeout=6_000)
    expect(runner.locator(".speakers li").first).to_contain_text("Amina")
    assert runner.evaluate("window.notReloaded") is True

    # Alternating languages: Lucía (es) comes before Bruno (fr) once Amina (fr) speaks.
    runner.get_by_label("Order").select_option("languages")
    runner.get_by_role("button", name="Save").click()
    runner.get_by_role("button", name="Give the floor to the next").click()
    expect(runner.locator(".speaking")).to_contain_text("Amina")
    expect(runner.locator(".speakers li").first).to_contain_text("Lucía")
    expect(runner.locator("[data-seconds-left]")).to_be_visible()
    expect(pages["Amina"].locator("main")).to_contain_text("You have the floor.", timeout=6_000)
    expect(pages["Bruno"].locator("main")).to_contain_text(
        "You are number 2 on the list.", timeout=6_000
    )
    assert_accessible(runner)
