"""A visitor writes to the facilitation team (the browser computes the form's proof of
work; without JavaScript the form works after the wait), a facilitator answers from the
inbox and the answer arrives by email. A facilitator writes an article with a picture,
publishes it and adds its French version; a French reader finds it by subject. Every page
passes axe."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.conftest import body_of
from tests.factories import UserFactory, intention_text, make_edition
from vos.contact.models import ContactMessage
from vos.edition.models import IntentionText
from vos.news.models import Article, Subject

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_writes_and_the_team_answers(live_server, open_page, mailbox, settings):
    settings.CONTACT_WAIT_SECONDS = 3600  # only the browser's work can let the form through
    intention_text()
    team = UserFactory(display_name="Kofi")
    make_edition("vos-contact", facilitators=[team])

    visitor = open_page(time_zone="Africa/Dakar")
    visitor.goto(f"{live_server.url}/en/contact/")
    expect(visitor.locator("[data-without-scripts]")).to_be_hidden()
    assert_accessible(visitor)
    visitor.get_by_label("Your email").fill("mariam@example.org")
    visitor.get_by_label("Language of the answer").select_option("fr")
    visitor.get_by_label("Subject").fill("Interprétation en wolof ?")
    visitor.get_by_label("Message").fill("Y aura-t-il une interprétation en wolof ?")
    visitor.get_by_role("button", name="Send the message").click()
    expect(visitor.get_by_role("heading", name="Message sent")).to_be_visible()
    message = ContactMessage.objects.get()
    mailbox.wait_for(1)  # the team's notice
    mailbox.clear()

    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(f"{live_server.url}/en/orga/inbox/")
    assert_accessible(runner)
    runner.get_by_role("link", name="Interprétation en wolof ?").click()
    expect(runner.locator(".thread")).to_contain_text("interprétation en wolof")
    assert_accessible(runner)
    runner.get_by_label("Your reply").fill("Oui, le samedi matin.")
    runner.get_by_role("button", name="Send the reply").click()
    expect(runner.locator(".messages")).to_contain_text("The reply is sent")
    [reply] = mailbox.wait_for(1)
    assert reply["To"] == "mariam@example.org"
    assert reply["In-Reply-To"] == message.email_message_id
    assert "Oui, le samedi matin." in body_of(reply)


def test_without_javascript_the_form_asks_to_wait(live_server, open_page, settings):
    settings.CONTACT_WAIT_SECONDS = 3600
    visitor = open_page(javascript=False)
    visitor.goto(f"{live_server.url}/en/contact/")
    expect(visitor.locator("main")).to_contain_text("If your browser runs no scripts, please wait")
    assert_accessible(visitor)
    visitor.get_by_label("Your email").fill("mariam@example.org")
    visitor.get_by_label("Subject").fill("Hello")
    visitor.get_by_label("Message").fill("Hello")
    visitor.get_by_role("button", name="Send the message").click()
    expect(visitor.locator("[role=alert]")).to_contain_text("please wait")
    assert not ContactMessage.objects.exists()


def test_an_article_with_a_picture_and_its_french_version(live_server, open_page, tmp_path):
    intention_text()
    team = UserFactory(display_name="Pierre", email="pierre@example.org")
    make_edition("vos-news", facilitators=[team])
    Subject.objects.create(slug="water", name="Water", translations={"fr": {"name": "Eau"}})
    photo = tmp_path / "river.png"
    Image.new("RGB", (1600, 900), (20, 90, 160)).save(photo)

    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(f"{live_server.url}/en/orga/news/")
    assert_accessible(runner)
    runner.get_by_role("link", name="Water").click()
    expect(runner.get_by_label("español")).to_be_visible()
    assert_accessible(runner)
    runner.get_by_label("español").fill("Agua")
    runner.get_by_role("button", name="Save the names").click()
    expect(runner.locator(".messages")).to_contain_text("names are saved")
    runner.get_by_role("link", name="Write an article").click()
    expect(runner.get_by_label("Title")).to_be_visible()
    assert_accessible(runner)
    runner.get_by_label("Title").fill("Rivers in common")
    runner.get_by_label("Summary").fill("How communities keep their rivers alive.")
    runner.get_by_label("Text").fill("Along the river, **forty** villages meet.")
    runner.get_by_label("Written in").select_option("en")
    runner.get_by_label("Water").check()
    runner.get_by_label("Picture:", exact=True).set_input_files(str(photo))
    runner.get_by_label("Description of the picture").fill("A wide river at dawn")
    runner.get_by_role("button", name="Save").click()
    expect(runner.locator(".messages")).to_contain_text("The article is saved.")
    runner.get_by_role("button", name="Publish it").click()
    expect(runner.locator(".messages")).to_contain_text("The article is published.")
    assert_accessible(runner)
    runner.get_by_role("link", name="Add a version in another language").click()
    runner.get_by_label("Title").fill("Des rivières en commun")
    runner.get_by_label("Summary").fill("Comment les communautés font vivre leurs rivières.")
    runner.get_by_label("Text").fill("Le long du fleuve, **quarante** villages.")
    runner.get_by_label("Written in").select_option("fr")
    runner.get_by_role("button", name="Save").click()
    runner.get_by_role("button", name="Publish it").click()
    expect(runner.locator(".messages")).to_contain_text("The article is published.")
    assert Article.objects.filter(published_at__isnull=False).count() == 2

    reader = open_page(time_zone="Africa/Abidjan", locale="fr-FR")
    reader.goto(f"{live_server.url}/fr/news/")
    reader.get_by_role("link", name="Eau").first.click()
    reader.get_by_role("link", name="Des rivières en commun").click()
    expect(reader.locator("article strong")).to_have_text("quarante")
    expect(reader.get_by_role("img", name="A wide river at dawn")).to_be_visible()
    expect(reader.locator("aside")).to_contain_text("(original)")
    assert_accessible(reader)


def test_the_team_writes_the_guide_with_a_screenshot(live_server, open_page, tmp_path):
    intention_text()
    IntentionText.objects.create(version=2, bodies={"en": "We share an open and plural space."})
    team = UserFactory(display_name="Pierre")
    make_edition("vos-guide", facilitators=[team])
    shot = tmp_path / "program.png"
    Image.new("RGB", (1200, 700), (240, 240, 240)).save(shot)

    runner = logged_in_page(open_page, live_server, team, "Europe/Paris")
    runner.goto(f"{live_server.url}/en/pages/guide/")
    expect(runner.locator("main")).to_contain_text("This page is not written yet.")
    runner.get_by_role("link", name="Edit this page").click()
    expect(runner.get_by_role("button", name="Save the page")).to_be_visible()
    assert_accessible(runner)
    runner.get_by_label("Screenshot or picture").set_input_files(str(shot))
    runner.get_by_label("Description of the picture").fill("The program of a day")
    runner.get_by_role("button", name="Upload").click()
    line = runner.locator("table code").first.inner_text()
    assert line.startswith("![The program of a day](/media/pages/")
    runner.get_by_label("Title").fill("How to take part")
    runner.get_by_label("Text").fill(f"1. Open the program.\n\n{line}\n\n2. Register.")
    runner.get_by_role("button", name="Save the page").click()
    expect(runner.get_by_role("img", name="The program of a day")).to_be_visible()
    assert_accessible(runner)

    reader = open_page(time_zone="America/Lima")
    reader.goto(f"{live_server.url}/en/intention/")
    reader.get_by_role("link", name="what changed from the version before").click()
    expect(reader.locator(".diff__text ins")).to_contain_text("plural")
    assert_accessible(reader)
