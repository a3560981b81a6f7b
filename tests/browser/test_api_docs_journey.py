"""The API's documentation is a page of the site, in the reader's language."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("locale", "heading", "parameters"),
    [
        ("fr-FR", "Données ouvertes : l’API", "Paramètres"),
        ("en-GB", "Open data: the API", "Parameters"),
    ],
)
def test_the_api_documentation_reads_as_a_page_of_the_site(
    live_server, open_page, locale, heading, parameters
):
    page = open_page(time_zone="Asia/Kolkata", locale=locale)
    page.goto(f"{live_server.url}/")
    page.locator(".site-footer a[href='/api/v1/docs']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    operation = page.locator("article", has=page.locator("h3", has_text="/api/v1/activities"))
    expect(operation.first.locator("caption").first).to_have_text(parameters)
    page.get_by_role("link", name="GET /api/v1/editions/{slug}", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/api/v1/docs#vos_api_v1_get_edition")
    assert_accessible(page)
    schema = page.get_by_role("link", name="OpenAPI")
    assert schema.get_attribute("href") == "/api/v1/schema"
