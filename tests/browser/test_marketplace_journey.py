"""An open space in a browser: the facilitator opens a marketplace of two rounds, three
participants put three topics on the board, which the facilitator's open page shows
without a reload; people choose, a round starts and each gets the link of their topic's
room; the second round starts after the first. Every page passes axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_three_topics_two_rounds(live_server, open_page):
    intention_text()
    team = UserFactory(display_name="Pierre")
    edition = make_edition("vos-open-space", facilitators=[team])
    edition.jitsi_server = "https://meet.example.org"
    edition.save()
    session = make_activity(
        edition,
        title="Open space",
        starts_at=timezone.now() - dt.timedelta(minutes=5),
        link_visibility="public",
    )
    address = f"{live_server.url}/en/live/activities/{session.pk}/market/"
    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(address)
    runner.get_by_label("Rounds").fill("2")
    assert_accessible(runner)
    runner.get_by_role("button", name="Open the marketplace").click()
    expect(runner.locator(".messages")).to_contain_text("The marketplace is open")
    runner.evaluate("window.notReloaded = true")

    pages = {}
    for name, topic, language in (
        ("Amina", "Water commons", "fr"),
        ("Lucía", "Seed sovereignty", "es"),
        ("Kenji", "Public banks", "en"),
    ):
        page = logged_in_page(open_page, live_server, UserFactory(display_name=name), "UTC")
        page.goto(address)
        page.get_by_label("Your topic").fill(topic)
        page.get_by_label("Language of the group").select_option(language)
        page.get_by_role("button", name="Put it on the board").click()
        expect(page.locator(".messages")).to_contain_text("Your topic is on the board.")
        pages[name] = page
    expect(runner.locator(".topic")).to_have_count(3, timeout=6_000)
    assert runner.evaluate("window.notReloaded") is True

    # Kenji joins Water commons; Lucía stays with hers.
    kenji = pages["Kenji"]
    kenji.locator(".topic", has_text="Water commons").get_by_role(
        "button", name="Join this topic"
    ).click()
    expect(kenji.locator("#my-topic")).to_be_visible()
    pages["Lucía"].locator(".topic", has_text="Seed sovereignty").get_by_role(
        "button", name="Join this topic"
    ).click()
    assert_accessible(kenji)

    runner.reload()
    runner.get_by_role("button", name="Start the next round").click()
    expect(runner.locator(".messages")).to_contain_text("Round 1 has started.")
    expect(kenji.get_by_role("link", name="Join the room")).to_be_visible(timeout=6_000)
    assert "meet.example.org" in kenji.get_by_role("link", name="Join the room").get_attribute(
        "href"
    )
    # Amina chose nothing: no link for her.
    expect(pages["Amina"].locator("main")).to_contain_text("Round 1 of 2 is on.", timeout=6_000)
    assert pages["Amina"].get_by_role("link", name="Join the room").count() == 0
    assert_accessible(kenji)

    runner.get_by_role("button", name="End the round").click()
    runner.get_by_role("button", name="Start the next round").click()
    expect(runner.locator(".messages")).to_contain_text("Round 2 has started.")
    assert_accessible(runner)
