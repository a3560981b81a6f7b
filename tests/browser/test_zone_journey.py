"""Finding one's time zone: by country or city, in one's language, with and without
JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import make_activity, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_in_caracas_finds_kolkata_by_typing_a_country_in_french(live_server, open_page):
    page = open_page(time_zone="America/Caracas", locale="fr-FR")
    page.goto(f"{live_server.url}/fr/time-zone/")
    expect(page.locator(".zone-picker summary")).to_have_text("Fuseau : Venezuela (Caracas), UTC-4")
    field = page.get_by_role("combobox", name="Fuseau horaire")
    expect(field).to_have_value("Venezuela (Caracas)")
    field.fill("")
    field.press_sequentially("Inde")
    options = page.get_by_role("listbox", name="Fuseaux horaires proposés").get_by_role("option")
    expect(options.first).to_have_text("Inde (Calcutta), UTC+5:30", timeout=15_000)
    expect(field).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)
    field.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    field.press("Enter")
    expect(field).to_have_value("Inde (Calcutta)")
    expect(field).to_have_attribute("aria-expanded", "false")
    page.get_by_role("button", name="Utiliser ce fuseau").click()
    expect(page.locator(".messages")).to_contain_text("Inde (Calcutta), UTC+5:30")
    expect(page.locator(".zone-picker summary")).to_have_text("Fuseau : Inde (Calcutta), UTC+5:30")
    assert_accessible(page)


def test_a_former_city_name_is_suggested_with_what_matched(live_server, open_page):
    page = open_page(time_zone="Asia/Tokyo")
    page.goto(f"{live_server.url}/en/")
    page.locator(".zone-picker summary").click()
    field = page.locator("#zone-picker")
    field.fill("")
    field.press_sequentially("Bombay")
    option = page.locator("#zone-picker-options").get_by_role("option").first
    # The suggestions come from the server as one types: give a loaded machine time.
    expect(option).to_have_text("India (Kolkata), UTC+5:30 (Bombay)", timeout=15_000)
    option.click()
    expect(field).to_have_value("India (Kolkata)")
    page.locator(".zone-picker").get_by_role("button", name="Change").click()
    expect(page.locator(".zone-picker summary")).to_have_text("Times in India (Kolkata), UTC+5:30")


def test_without_javascript_a_country_with_several_zones_asks_which(live_server, open_page):
    page = open_page(time_zone="America/Sao_Paulo", locale="pt-BR", javascript=False)
    page.goto(f"{live_server.url}/pt/time-zone/")
    page.get_by_label("Fuso horário").fill("Brasil")
    page.get_by_role("button", name="Usar este fuso").click()
    expect(page.locator(".errorlist")).to_contain_text(
        "“Brasil” tem vários fusos horários: escolha o seu abaixo."
    )
    assert_accessible(page)
    page.get_by_label("Brasil (Manaus), UTC-4").check()
    page.get_by_role("button", name="Usar este fuso").click()
    expect(page.locator(".zone-picker summary")).to_contain_text("Brasil (Manaus), UTC-4")
    page.goto(f"{live_server.url}/pt/time-zone/")
    page.get_by_label("Fuso horário").fill("Moçambique")
    page.get_by_role("button", name="Usar este fuso").click()
    expect(page.locator(".zone-picker summary")).to_contain_text("Moçambique (Maputo), UTC+2")
    assert_accessible(page)


def test_a_first_visit_shows_the_readers_zone_with_one_document_request(live_server, open_page):
    edition = make_edition("vos-first")
    activity = make_activity(edition, title="Huertas urbanas")
    page = open_page(time_zone="Asia/Kolkata", locale="es-ES")
    requests = []
    page.on("request", lambda request: requests.append((request.resource_type, request.url)))
    # A page of single times: only its times are rendered again, by one small request.
    page.goto(f"{live_server.url}/es{activity.get_absolute_url()[3:]}")
    expect(page.locator("time[data-when]").first).to_contain_text("(Calcuta, UTC+5:30)")
    expect(page.locator(".zone-picker summary")).to_have_text(
        "Zona horaria: India (Calcuta), UTC+5:30"
    )
    expect(page.locator("html")).to_have_attribute("data-tz-source", "cookie")
    assert [kind for kind, _url in requests].count("document") == 1, requests
    assert [url for kind, url in requests if kind == "fetch"] == [
        f"{live_server.url}/es/time-zone/local-times"
    ]
    assert_accessible(page)
    # The program groups by the reader's days: its main part comes again, in Kolkata's days.
    requests.clear()
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/es/editions/{edition.slug}/program/?day=all")
    card = page.locator(".activity-card", has_text="Huertas urbanas")
    expect(card.locator("time").first).to_contain_text("(Calcuta, UTC+5:30)")
    expect(page.locator("html")).to_have_attribute("data-tz", "Asia/Kolkata")
    assert [kind for kind, _url in requests].count("document") == 1, requests
    assert_accessible(page)
