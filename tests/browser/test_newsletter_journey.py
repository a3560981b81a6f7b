"""A visitor subscribes to the newsletter in Portuguese and confirms from the email; a
facilitator writes a newsletter to the Portuguese subscribers, previews it and sends
it; it arrives. Every page passes axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_subscribe_in_portuguese_confirm_and_receive(live_server, open_page, mailbox):
    intention_text()
    team = UserFactory(display_name="Pierre")
    make_edition("vos-newsletter", facilitators=[team])

    visitor = open_page(time_zone="America/Sao_Paulo")
    visitor.goto(f"{live_server.url}/pt/newsletter/")
    assert_accessible(visitor)
    visitor.get_by_label("Seu e-mail").fill("rosa@example.org")
    visitor.get_by_label("Idioma do boletim").select_option("pt")
    visitor.get_by_role("button", name="Assinar").click()
    expect(visitor.locator(".messages")).to_contain_text("Quase lá")
    [message] = mailbox.wait_for(1)
    link = re.search(r"https?://\S+/newsletter/confirm/\S+", body_of(message)).group(0)
    visitor.goto(live_server.url + "/" + link.split("/", 3)[3])
    assert_accessible(visitor)
    visitor.get_by_role("button", name="Confirmar minha assinatura").click()
    expect(visitor.locator("main")).to_contain_text("sua assinatura está confirmada")

    mailbox.clear()
    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(f"{live_server.url}/en/orga/newsletters/new/")
    assert_accessible(runner)
    runner.get_by_label("Subject:", exact=True).fill("Notícias do fórum")
    runner.get_by_label("Text:", exact=True).fill("A **quinta** edição abre em dezembro.")
    runner.get_by_label("Written in").select_option("pt")
    runner.get_by_label("subscribers of one language").check()
    runner.get_by_label("Language of the subscribers").select_option("pt")
    runner.get_by_role("button", name="Save and preview").click()
    expect(runner.locator("main")).to_contain_text("It goes to 1 address.")
    assert_accessible(runner)
    runner.get_by_role("button", name="Send it").click()
    expect(runner.locator(".messages")).to_contain_text("being sent")
    [letter] = mailbox.wait_for(1)
    assert letter["To"] == "rosa@example.org"
    assert letter["Subject"] == "Notícias do fórum"
    assert "Deixar de receber o boletim" in body_of(letter)

    visitor.goto(f"{live_server.url}/pt/newsletter/archive/")
    visitor.get_by_role("link", name="Notícias do fórum").click()
    expect(visitor.locator("article strong")).to_have_text("quinta")
    assert_accessible(visitor)
