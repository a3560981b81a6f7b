"""Searching the program: accents and case ignored, and filters that fold on a phone."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import make_activity, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def program(live_server):
    edition = make_edition("vos-search")
    for number in range(8):
        make_activity(edition, title=f"Taller {number}", languages=["es"])
    make_activity(edition, title="Comunicación popular", languages=["es", "pt"])
    make_activity(edition, title="Sementes de Lucía", languages=["pt"])
    return f"{live_server.url}/{{language}}/editions/{edition.slug}/program/?day=all"


def test_on_a_phone_the_filters_fold_and_search_ignores_accents(program, open_page):
    page = open_page(time_zone="America/Sao_Paulo", locale="pt-BR")
    page.set_viewport_size(PHONE)
    page.goto(program.format(language="pt"))
    # The page's times are rendered again in the browser's zone on a first visit; measure
    # the cards once that is done, not while they are being replaced.
    expect(page.locator("html")).to_have_attribute("data-tz-source", "cookie")
    search = page.get_by_label("Pesquisar")
    expect(search).to_be_hidden()
    first = page.locator(".activity-card").first
    expect(first).to_be_in_viewport()
    assert first.bounding_box()["y"] + 40 < PHONE["height"]
    assert_accessible(page)
    page.get_by_text("Filtrar", exact=True).first.click()
    expect(search).to_be_visible()
    search.fill("comunicacion")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.locator(".activity-card")).to_have_count(1)
    expect(page.locator(".activity-card")).to_contain_text("Comunicación popular")
    # With a filter on, the filters stay open and say so.
    expect(page.locator(".filters-fold summary")).to_have_text("Filtros (alguns estão ativos)")
    expect(search).to_be_visible()
    assert_accessible(page)


def test_on_a_wide_screen_the_filters_are_open_and_case_is_ignored(program, open_page):
    page = open_page(time_zone="Asia/Tokyo", locale="es-ES")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(program.format(language="es"))
    expect(page.locator(".filters-fold summary")).to_be_hidden()
    page.get_by_label("Buscar").fill("LUCIA")
    page.get_by_role("button", name="Filtrar").click()
    expect(page.locator(".activity-card")).to_have_count(1)
    expect(page.locator(".activity-card")).to_contain_text("Sementes de Lucía")
    assert_accessible(page)
