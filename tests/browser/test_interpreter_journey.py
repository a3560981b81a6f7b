"""A volunteer offers interpretation French ↔ Spanish in her own zone; a facilitator
matches her to an activity that asks for French into Spanish; she accepts and the
program says "interpreted into Spanish". Every page passes axe."""

import datetime as dt
import zoneinfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_volunteer_interpreter_is_matched_and_accepts(live_server, open_page):
    intention_text()
    team = UserFactory(display_name="Pierre", time_zone="Europe/Paris")
    edition = make_edition("vos-interpreting", facilitators=[team])
    activity = make_activity(
        edition,
        title="Agua y territorio",
        languages=("fr", "es"),
        interpretation=[{"from": "fr", "to": "es"}],
    )
    bogota = zoneinfo.ZoneInfo("America/Bogota")
    start = activity.starts_at.astimezone(bogota)
    end = activity.ends_at.astimezone(bogota)

    ana = UserFactory(display_name="Ana", time_zone="America/Bogota")
    page = logged_in_page(open_page, live_server, ana, "America/Bogota")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/")
    page.get_by_role("link", name="Join the facilitation team").click()
    expect(page.get_by_role("heading", name="Join the facilitation team")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("interpretation", exact=True).check()
    page.locator('input[name="languages"][value="fr"]').check()
    page.locator('input[name="languages"][value="es"]').check()
    page.locator('select[name="pair_0_a"]').select_option("fr")
    page.locator('select[name="pair_0_b"]').select_option("es")
    page.locator('input[name="window_0_day"]').fill(start.date().isoformat())
    page.locator('input[name="window_0_from"]').fill(
        (start - dt.timedelta(hours=1)).strftime("%H:%M")
    )
    page.locator('input[name="window_0_to"]').fill((end + dt.timedelta(hours=1)).strftime("%H:%M"))
    page.get_by_role("button", name="Offer my help").click()
    expect(page.locator(".messages")).to_contain_text("The facilitation team will answer")
    assert_accessible(page)

    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(f"{live_server.url}/en/orga/{edition.slug}/interpretation/")
    expect(runner.locator("main")).to_contain_text("Agua y territorio")
    assert_accessible(runner)
    runner.get_by_role("button", name="Ask Ana").click()
    expect(runner.locator(".messages")).to_contain_text("Ana is asked")
    expect(runner.locator("main")).to_contain_text("Ana: asked")

    page.goto(f"{live_server.url}/en/my/interpreting/")
    expect(page.locator("main")).to_contain_text("Agua y territorio")
    assert_accessible(page)
    page.get_by_role("button", name="I will interpret it").click()
    expect(page.locator(".messages")).to_contain_text("you interpret this activity")

    page.goto(f"{live_server.url}/en/editions/{edition.slug}/program/?day=all")
    expect(page.locator(".activity-card", has_text="Agua y territorio")).to_contain_text(
        "interpreted into Spanish"
    )
    runner.reload()
    expect(runner.locator("main")).to_contain_text("Ana: accepted")
