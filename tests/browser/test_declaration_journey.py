"""A letter from draft to signatures: the team writes two versions, a reviewer proposes
a paragraph the team accepts, a translator adds the Spanish, signatures open, an
organization and a person sign, a reader in Caracas reads it all in Spanish, and the
printable letter lists the signatories."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory
from vos.declaration.models import Declaration
from vos.declaration.review import reviewer_invite
from vos.declaration.translation import translator_add
from vos.organization.services import OrganizationDetails, organization_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = "Dear Secretary-General,\n\nWe write to you.\n\nWith hope."


def test_a_letter_from_draft_to_signatures_read_in_spanish(live_server, open_page, mailbox):
    ana = UserFactory(display_name="Ana", time_zone="America/Sao_Paulo")
    rui = UserFactory(display_name="Rui")
    lucia = UserFactory(display_name="Lucía")
    admin = UserFactory(display_name="Grace")
    organization_create(
        creator=admin, details=OrganizationDetails(name="Attac", kind="ngo", countries=["FR"])
    )

    # Ana starts the letter and saves a second version.
    page = logged_in_page(open_page, live_server, ana, "America/Sao_Paulo")
    page.goto(f"{live_server.url}/en/declarations/new/")
    page.locator("#id_title").fill("Letter to the UN")
    page.locator("#id_addressee").fill("UN Secretary-General")
    page.locator("#id_text").fill(FIRST)
    assert_accessible(page)
    page.get_by_role("button", name="Save the first draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Letter to the UN")
    page.get_by_role("link", name="Edit the text").click()
    page.locator("#id_text").fill(FIRST.replace("We write to you.", "We write to you, urgently."))
    page.locator("#id_note").fill("urgency")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.locator(".messages")).to_contain_text("Saved as version 2.")
    declaration = Declaration.objects.get()
    reviewer_invite(declaration=declaration, actor=ana, email=rui.email)
    translator_add(declaration=declaration, actor=ana, email=lucia.email, language="es")

    # Rui proposes a warmer closing paragraph.
    page = logged_in_page(open_page, live_server, rui, "Europe/Lisbon")
    page.goto(f"{live_server.url}/en/declarations/{declaration.pk}/")
    closing = page.locator("#paragraph-2")
    closing.get_by_text("Comment on this paragraph").click()
    closing.get_by_label("Your comment").fill("Warmer?")
    closing.get_by_label("Propose a new text for this paragraph (optional)").fill("In solidarity.")
    assert_accessible(page)
    closing.get_by_role("button", name="Send").click()
    expect(page.locator(".messages")).to_contain_text("Your comment is saved.")

    # Ana accepts it (version 3), then Lucía translates into Spanish.
    page = logged_in_page(open_page, live_server, ana, "America/Sao_Paulo")
    page.goto(f"{live_server.url}/en/declarations/{declaration.pk}/")
    page.get_by_role("button", name="Accept the proposal").click()
    expect(page.locator(".messages")).to_contain_text("Saved as version 3.")
    page = logged_in_page(open_page, live_server, lucia, "America/Caracas")
    page.goto(f"{live_server.url}/en/declarations/{declaration.pk}/translations/es/")
    page.locator("#id_title").fill("Carta a la ONU")
    page.locator("#id_text").fill(
        "Estimado Secretario General:\n\nLe escribimos, con urgencia.\n\nEn solidaridad."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Save the translation").click()

    # Ana opens signatures; Attac signs through Grace; a person signs and confirms.
    page = logged_in_page(open_page, live_server, ana, "America/Sao_Paulo")
    page.goto(f"{live_server.url}/en/declarations/{declaration.pk}/?original=1")
    page.get_by_role("button", name="Open signatures").click()
    expect(page.locator(".messages")).to_contain_text("Signatures are open")
    page = logged_in_page(open_page, live_server, admin, "Africa/Nairobi")
    page.goto(f"{live_server.url}/en/declarations/{declaration.pk}/")
    page.get_by_role("button", name="Sign for Attac").click()
    expect(page.locator(".messages")).to_contain_text("Attac has signed.")
    visitor = open_page(time_zone="Africa/Dakar")
    visitor.goto(f"{live_server.url}/fr/declarations/{declaration.pk}/")
    visitor.get_by_label("Votre nom").fill("Amina Diop")
    visitor.get_by_label("Votre courriel").fill("amina@example.org")
    visitor.locator("#id_country").select_option("SN")
    assert_accessible(visitor)
    visitor.get_by_role("button", name="Signer la déclaration").click()
    [message] = mailbox.wait_for(1)
    token_path = re.search(
        r"/declarations/signatures/[\w-]+/", message.get_body(("plain",)).get_content()
    ).group(0)
    visitor.goto(f"{live_server.url}/fr{token_path}")
    visitor.get_by_role("button", name="Confirmer ma signature").click()
    expect(visitor.locator(".messages")).to_contain_text("votre signature est confirmée")

    # A reader in Caracas reads it in Spanish, with both signatories.
    reader = open_page(time_zone="America/Caracas", locale="es-VE")
    reader.goto(f"{live_server.url}/es/declarations/{declaration.pk}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Carta a la ONU")
    expect(reader.locator(".declaration__text")).to_contain_text("En solidaridad.")
    signatories = reader.locator("#signatories")
    expect(signatories).to_contain_text("Attac")
    expect(signatories).to_contain_text("Amina Diop")
    expect(signatories).to_contain_text("1 organización · 1 persona")
    assert_accessible(reader)
    reader.get_by_role("link", name="Carta para imprimir").click()
    expect(reader.locator(".signatories-print")).to_contain_text("Attac")
    expect(reader.locator(".signatories-print")).to_contain_text("Amina Diop")
    assert_accessible(reader)
