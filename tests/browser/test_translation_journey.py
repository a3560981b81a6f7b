"""An organizer translates an activity; readers find and read it in their language."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organizer_translates_and_readers_read_in_their_language(live_server, open_page):
    intention_text()
    edition = make_edition("vos-tr")
    organizer = UserFactory(display_name="Lucía")
    activity = make_activity(
        edition,
        title="Huertas urbanas",
        languages=["es"],
        original_language="es",
        organizer=organizer,
    )
    reader = UserFactory(display_name="Claire")

    # A French reader sees the Spanish original, named, and asks for a translation.
    page = logged_in_page(open_page, live_server, reader, "Europe/Paris")
    page.goto(f"{live_server.url}/fr{activity.get_absolute_url()[3:]}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huertas urbanas")
    expect(page.locator("h1")).to_have_attribute("lang", "es")
    expect(page.locator(".translation-note")).to_contain_text("En espagnol")
    page.get_by_role("button", name="Demander une traduction").click()
    expect(page.locator(".messages")).to_contain_text("les organisateurs verront")
    assert_accessible(page)

    # The organizer sees the request and writes the French text.
    page = logged_in_page(open_page, live_server, organizer, "America/Bogota")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/activities/{activity.pk}/edit/")
    french = page.locator("details", has_text="français")
    expect(french).to_contain_text("asked for by 1 reader")
    french.locator("summary").click()
    french.get_by_label("Title (français)").fill("Jardins urbains")
    french.get_by_label("Short summary (français)").fill("Cultiver en ville, ensemble.")
    assert_accessible(page)
    page.get_by_role("button", name="Save the changes").click()
    expect(page.locator(".messages")).to_contain_text("Your changes are saved.")

    # Readers in French find it by its French title and read it in French.
    page = open_page()
    page.goto(f"{live_server.url}/fr/editions/{edition.slug}/program/?day=all&q=jardins")
    card = page.locator(".activity-card")
    expect(card).to_have_count(1)
    expect(card.get_by_role("link", name="Jardins urbains")).to_be_visible()
    assert_accessible(page)
    card.get_by_role("link", name="Jardins urbains").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jardins urbains")
    expect(page.locator(".translation-note")).to_have_count(0)
    assert_accessible(page)
