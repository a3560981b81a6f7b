"""The back office as a facilitator walks it: a queue whose labels sit on their fields,
a review page with what a decision needs, and histories told in sentences."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, make_activity, make_edition
from vos.activity.models import Activity

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_labels_sit_on_their_fields(form) -> None:
    for field in form.locator("select, input:not([type=hidden])").all():
        label = form.locator(f"label[for='{field.get_attribute('id')}']")
        label_box, field_box = label.bounding_box(), field.bounding_box()
        assert abs(label_box["x"] - field_box["x"]) < 2, field.get_attribute("name")
        assert label_box["y"] + label_box["height"] <= field_box["y"] + 1
        assert field_box["y"] - (label_box["y"] + label_box["height"]) < 24


def test_a_facilitator_reviews_asks_for_changes_and_reads_the_history(live_server, open_page):
    ana = UserFactory(display_name="Ana", time_zone="Africa/Maputo", preferred_language="fr")
    edition = make_edition("vos-orga", facilitators=[ana])
    make_activity(
        edition,
        title="Semillas libres",
        state=Activity.State.PROPOSED,
        languages=["es", "pt"],
        accessibility="Sous-titres en direct",
        capacity=20,
    )
    page = logged_in_page(open_page, live_server, ana, "Africa/Maputo")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/fr/orga/{edition.slug}/")
    assert_labels_sit_on_their_fields(page.locator("form.filters"))
    assert_accessible(page)

    page.get_by_role("link", name="Semillas libres").click()
    facts = page.locator("dl").first
    expect(facts).to_contain_text("espagnol, portugais")
    expect(facts).to_contain_text("Sous-titres en direct")
    expect(facts).to_contain_text("20")
    assert_accessible(page)
    page.get_by_label("Message aux organisatrices et organisateurs").fill("Précisez la langue.")
    page.get_by_role("button", name="Demander des modifications").click()
    expect(page.locator(".history")).to_contain_text(
        "Ana a demandé des changements : Précisez la langue."
    )
    expect(page.locator("main")).not_to_contain_text("activity.request_changes")
    assert_accessible(page)

    # The edition's log tells the same in Spanish, for a facilitator in Caracas.
    lucia = UserFactory(display_name="Lucía", time_zone="America/Caracas")
    edition.facilitators.add(lucia)
    page = logged_in_page(open_page, live_server, lucia, "America/Caracas")
    page.goto(f"{live_server.url}/es/orga/{edition.slug}/log/")
    expect(page.locator("main")).to_contain_text("Ana pidió cambios: Précisez la langue.")
    expect(page.locator("main")).to_contain_text("(Caracas, UTC-4)")
    expect(page.locator("main")).not_to_contain_text("request_changes")
    assert_accessible(page)
