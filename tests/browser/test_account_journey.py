import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.conftest import body_of
from vos.person.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long and friendly passphrase"


def test_sign_up_verify_log_in_see_own_zone_and_switch_to_spanish(live_server, open_page, mailbox):
    # Chromium reports Asia/Calcutta for this zone; the site shows it as Kolkata.
    page = open_page(time_zone="Asia/Kolkata")
    page.goto(f"{live_server.url}/en/")
    # The first visit stores the browser's zone and shows the page again in it.
    expect(page.locator("html")).to_have_attribute("data-tz-source", "cookie")
    expect(page.locator(".hero time")).to_contain_text("(Kolkata, UTC+5:30)")
    expect(page.locator(".zone-picker summary")).to_have_text("Times in India (Kolkata), UTC+5:30")
    assert_accessible(page)

    page.get_by_role("link", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Sign Up"))
    assert_accessible(page)
    page.get_by_label("Email").fill("priya@example.org")
    page.get_by_label("Display name").fill("Priya Raman")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Verify Your Email Address")
    )
    assert_accessible(page)

    [message] = mailbox.wait_for(1)
    assert message["To"] == "priya@example.org"
    link = re.search(r"http://\S+/confirm-email/\S+", body_of(message)).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("link", name="Priya Raman")).to_be_visible()

    page.get_by_role("link", name="Log out").click()
    page.get_by_role("button", name="Sign Out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()

    page.get_by_role("link", name="Log in").click()
    expect(page.get_by_label("Email")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email").fill("priya@example.org")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Priya Raman")).to_be_visible()
    assert User.objects.get(email="priya@example.org").time_zone == "Asia/Kolkata"

    page.get_by_role("link", name="Priya Raman").click()
    expect(page.get_by_role("combobox", name="Time zone")).to_have_value("India (Kolkata)")
    assert_accessible(page)

    page.get_by_label("Language", exact=True).select_option("es")
    page.get_by_role("button", name="Change").first.click()
    expect(page).to_have_url(f"{live_server.url}/es/profile/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tu perfil")
    expect(page.locator(".zone-picker summary")).to_have_text(
        "Zona horaria: India (Calcuta), UTC+5:30"
    )
    assert_accessible(page)


def test_a_lost_reader_finds_the_way_back_from_a_missing_page(live_server, open_page):
    from tests.factories import intention_text, make_activity, make_edition

    intention_text()
    edition = make_edition("vos-lost")
    make_activity(edition, title="Mutirão de sementes")
    page = open_page(time_zone="America/Sao_Paulo", locale="pt-BR")
    response = page.goto(f"{live_server.url}/pt/editions/nao-existe/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Esta página não existe")
    assert_accessible(page)
    page.get_by_label(re.compile("Pesquisar no programa")).fill("sementes")
    page.get_by_role("button", name="Pesquisar").click()
    expect(page.get_by_role("link", name="Mutirão de sementes")).to_be_visible()


def test_portuguese_reads_brazilian_on_the_account_pages_and_emails(
    live_server, open_page, mailbox
):
    page = open_page(time_zone="America/Sao_Paulo", locale="pt-BR")
    page.goto(f"{live_server.url}/pt/accounts/signup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cadastrar-se")
    page.get_by_label("E-mail").fill("joana@example.org")
    page.get_by_label("Nome de exibição").fill("Joana")
    page.get_by_label(re.compile(r"^Senha:?$")).fill(PASSWORD)
    page.get_by_label("Senha (novamente)").fill(PASSWORD)
    assert_accessible(page)
    page.get_by_role("button", name="Cadastrar-se").click()
    main = page.locator("main")
    expect(main).to_contain_text("Enviamos")
    for european in ("Palavra-passe", "utilizador", "Enviámos"):
        expect(main).not_to_contain_text(european)
    assert_accessible(page)
    [message] = mailbox.wait_for(1)
    assert message["Subject"].strip() == "[VOS] Por favor, confirme seu endereço de e-mail."
    text = body_of(message)
    assert text.startswith("Olá da Viral Open Space!")
    assert message.get_body(preferencelist=("html",)) is not None
    for european in ("Palavra-passe", "utilizador", "Enviámos"):
        assert european not in text
