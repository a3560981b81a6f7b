"""The propose form's language picker and its live "who is awake" preview."""

import datetime as dt
import zoneinfo

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def next_spring_forward_in_paris() -> dt.date:
    """The next day on which Paris's clocks jump from 02:00 to 03:00."""
    day = dt.datetime.now(tz=PARIS).date() + dt.timedelta(days=12)
    while True:
        before = dt.datetime.combine(day, dt.time(1), tzinfo=PARIS).utcoffset()
        after = dt.datetime.combine(day, dt.time(4), tzinfo=PARIS).utcoffset()
        if after > before:
            return day
        day += dt.timedelta(days=1)


def test_languages_are_found_by_typing_with_the_readers_own_first(live_server, open_page):
    intention_text()
    edition = make_edition("vos-langs")
    person = UserFactory(languages=["pt"], time_zone="Africa/Maputo", preferred_language="fr")
    page = logged_in_page(open_page, live_server, person, "Africa/Maputo")
    page.goto(f"{live_server.url}/fr/editions/{edition.slug}/propose/")
    yours = page.get_by_role("group", name="Vos langues")
    expect(yours.locator(".language-option")).to_have_text(
        ["portugais português", "français"], use_inner_text=True
    )
    search = page.get_by_label("Chercher une langue")
    search.fill("kiswa")
    shown = page.locator(".language-option:visible")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("swahili")
    expect(page.locator(".language-search [aria-live]")).to_have_text("Langues affichées : 1")
    assert_accessible(page)
    search.press("Enter")
    expect(page.get_by_role("checkbox", name="swahili Kiswahili")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="swahili Kiswahili")).to_be_checked()
    search.fill("")
    expect(page.locator(".language-option:visible")).to_have_count(
        page.locator(".language-option").count()
    )


def test_the_live_preview_reads_as_the_server_and_clears_on_an_impossible_time(
    live_server, open_page
):
    intention_text()
    gap_day = next_spring_forward_in_paris()
    edition = make_edition("vos-spring", start=gap_day - dt.timedelta(days=1))
    person = UserFactory(time_zone="America/Caracas")
    page = logged_in_page(open_page, live_server, person, "America/Caracas")
    page.goto(f"{live_server.url}/es/editions/{edition.slug}/propose/")
    page.get_by_role("combobox", name="Zona horaria de las horas indicadas abajo").fill("Francia")
    page.locator("#id_start").fill(f"{gap_day.isoformat()}T18:00")
    preview = page.locator(".time-preview")
    expect(preview.locator("[data-preview=utc] span")).not_to_have_text("—")
    live = preview.inner_text()
    # "Check the times" renders the page on the server: the preview reads the same.
    page.get_by_role("button", name="Revisa los horarios").click()
    expect(page.locator(".time-preview")).to_have_text(live, use_inner_text=True)
    assert "noche" in live
    assert_accessible(page)

    page.locator("#id_start").fill(f"{gap_day.isoformat()}T02:30")
    expect(preview.locator(".error")).to_contain_text("no existe en")
    expect(preview.locator("[data-preview=utc] span")).to_have_text("—")
    page.locator("#id_start").fill(f"{gap_day.isoformat()}T18:00")
    page.locator("#id_end").fill(f"{gap_day.isoformat()}T17:00")
    expect(preview.locator(".error")).to_have_text("El fin debe ser posterior al inicio.")
    expect(preview.locator("tr[data-awake-zone] td").first).to_have_text("—")
    assert_accessible(page)
