import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.registration.services import registration_cancel, registration_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_register_waitlist_promotion_and_agenda(live_server, open_page, mailbox):
    intention_text()
    edition = make_edition("vos-7")
    open_one = make_activity(edition, title="Huertas urbanas", capacity=30)
    full_one = make_activity(edition, title="Capoeira em casa", capacity=1)
    first = UserFactory(display_name="First in")
    registration_create(activity=full_one, person=first)
    person = UserFactory(
        display_name="Mei Lin", email="mei@example.org", time_zone="Asia/Kuala_Lumpur"
    )
    page = logged_in_page(open_page, live_server, person, "Asia/Kuala_Lumpur")

    page.goto(f"{live_server.url}{open_one.get_absolute_url()}")
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".messages")).to_contain_text("You are registered. See you there!")
    expect(page.get_by_role("button", name="Unregister")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{live_server.url}{full_one.get_absolute_url()}")
    expect(page.locator(".take-part")).to_contain_text("1 of 1 places taken.")
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.locator(".take-part")).to_contain_text("You are number 1 on the waiting list.")
    assert_accessible(page)

    # Each place, and the place in line, is confirmed by email; the place with its .ics.
    mine = [m for m in mailbox.wait_for(3) if m["To"] == "mei@example.org"]
    assert [m["Subject"].strip() for m in mine] == [
        "You are registered: “Huertas urbanas”",
        "You are on the waiting list: “Capoeira em casa”",
    ]
    assert [a.get_filename() for a in mine[0].iter_attachments()] == [f"activity-{open_one.pk}.ics"]
    mailbox.clear()
    registration_cancel(activity=full_one, person=first)  # someone leaves
    [message] = mailbox.wait_for(1)
    assert message["To"] == "mei@example.org"
    page.reload()
    expect(page.locator(".take-part")).to_contain_text("You are registered.")

    page.get_by_role("link", name="My agenda").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My agenda")
    for title in ("Huertas urbanas", "Capoeira em casa"):
        card = page.locator(".activity-card", has_text=title)
        expect(card).to_contain_text("you are registered")
        expect(card.locator(".when")).to_contain_text("(Kuala Lumpur, UTC+8)")
    assert_accessible(page)
