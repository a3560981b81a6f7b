import datetime as dt
import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import PARIS, UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.edition.models import Edition
from vos.edition.services import edition_create_slots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def logged_in_page(open_page, live_server, person, time_zone):
    client = Client()
    client.force_login(person)
    page = open_page(time_zone=time_zone)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page


def test_propose_in_a_slot_publish_and_read_from_kolkata(live_server, open_page):
    intention_text()
    facilitator = UserFactory(display_name="Ana Facilitadora", time_zone="America/Sao_Paulo")
    edition = make_edition("vos-9", scheduling=Edition.Scheduling.SLOTS, facilitators=[facilitator])
    day = edition.start_date + dt.timedelta(days=1)
    # 21:00 in Paris: 15:00 or 16:00 in Caracas, and already the next day in Kolkata.
    evening = dt.datetime.combine(day, dt.time(21), tzinfo=PARIS)
    slot = edition_create_slots(
        edition=edition,
        first_start=dt.datetime.combine(edition.start_date, dt.time(21), tzinfo=PARIS),
        length=dt.timedelta(minutes=90),
        count_per_day=1,
        gap=dt.timedelta(0),
        places=3,
    )[1]
    assert slot.starts_at == evening
    make_activity(
        edition, title="English only talk", languages=["en"], starts_at=evening, slot=slot
    )

    # A participant in Caracas proposes an activity in the slot.
    proposer = UserFactory(display_name="Lucía", time_zone="America/Caracas")
    page = logged_in_page(open_page, live_server, proposer, "America/Caracas")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/propose/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose an activity")
    page.locator("#id_title").fill("Radio comunitaria con el celular")
    page.locator("#id_summary").fill("Cómo informar a tu barrio con un teléfono.")
    page.get_by_label("Type").select_option(label="Workshop")
    languages = page.get_by_label("Find a language")
    languages.fill("spanish")
    page.get_by_role("checkbox", name="Spanish español").check()
    languages.fill("portu")
    page.get_by_role("checkbox", name="Portuguese português").check()
    slot_input = page.locator(f"#slot-{slot.pk}")
    slot_label = page.locator(f"label[for=slot-{slot.pk}]")
    expect(slot_label).to_contain_text("2 places left")
    # Who is awake: the slot is night in Kolkata and Tokyo, and the live preview says so.
    expect(slot_label.locator("abbr", has_text="Kolkata")).to_be_visible()
    slot_input.check()
    expect(page.locator('tr[data-awake-zone="Asia/Kolkata"]')).to_have_class("night")
    expect(page.locator('tr[data-awake-zone="America/Caracas"]')).not_to_have_class("night")
    page.get_by_label("I have read the intention text and I share it.").check()
    assert_accessible(page)
    page.get_by_role("button", name="Send my proposal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Radio comunitaria con el celular")
    expect(page.locator(".messages")).to_contain_text("Your proposal is sent")
    assert_accessible(page)
    activity = Activity.objects.get(title="Radio comunitaria con el celular")
    assert activity.state == Activity.State.PROPOSED
    assert activity.intention_text.version == 1

    # The facilitator publishes it from the back office.
    page = logged_in_page(open_page, live_server, facilitator, "America/Sao_Paulo")
    page.goto(f"{live_server.url}/en/orga/{edition.slug}/")
    assert_accessible(page)
    page.get_by_role("link", name="Radio comunitaria con el celular").click()
    expect(page.get_by_role("button", name="Publish")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("Decision recorded")
    activity.refresh_from_db()
    assert activity.state == Activity.State.PUBLISHED

    # A visitor whose browser is in Kolkata finds it on their own day, at their own time.
    page = open_page(time_zone="Asia/Kolkata")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/program/")
    expect(page.locator("html")).to_have_attribute("data-tz-source", "cookie")
    kolkata_day = (day + dt.timedelta(days=1)).strftime("%a %-d %b")
    page.locator("nav.days").get_by_role("link", name=kolkata_day).click()
    card = page.locator(".activity-card", has_text="Radio comunitaria con el celular")
    expect(card.locator(".when time").first).to_contain_text(
        re.compile(r"01:30 \(Kolkata, UTC\+5:30\)")
    )
    expect(page.locator(".activity-card", has_text="English only talk")).to_be_visible()
    assert_accessible(page)

    page.locator("form.filters select[name=language]").select_option("es")
    page.locator("form.filters").get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"language=es"))
    expect(
        page.locator(".activity-card", has_text="Radio comunitaria con el celular")
    ).to_be_visible()
    expect(page.locator(".activity-card", has_text="English only talk")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Timeline").click()
    expect(page.locator("table.timeline")).to_contain_text("Radio comunitaria con el celular")
    assert_accessible(page)


def test_organizer_edits_an_activity_whose_slot_is_full(live_server, open_page):
    intention_text()
    edition = make_edition("vos-full", scheduling=Edition.Scheduling.SLOTS)
    slot = edition_create_slots(
        edition=edition,
        first_start=dt.datetime.combine(edition.start_date, dt.time(16), tzinfo=PARIS),
        length=dt.timedelta(minutes=90),
        count_per_day=1,
        gap=dt.timedelta(0),
        places=2,
    )[0]
    organizer = UserFactory(display_name="Kenji", time_zone="Asia/Tokyo")
    mine = make_activity(
        edition,
        title="Haiku circle",
        starts_at=slot.starts_at,
        slot=slot,
        organizer=organizer,
        state=Activity.State.CHANGES_REQUESTED,
        capacity=10,
    )
    make_activity(edition, title="Other", starts_at=slot.starts_at, slot=slot)  # now full

    page = logged_in_page(open_page, live_server, organizer, "Asia/Tokyo")
    page.goto(f"{live_server.url}/en/editions/{edition.slug}/activities/{mine.pk}/edit/")
    own = page.locator(f"#slot-{slot.pk}")
    expect(own).to_be_enabled()
    expect(own).to_be_checked()
    expect(page.locator(f"label[for=slot-{slot.pk}]")).to_contain_text("your activity's slot")
    assert_accessible(page)
    page.locator("#id_capacity").fill("20")
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Haiku circle")
    mine.refresh_from_db()
    assert (mine.capacity, mine.slot_id, mine.state) == (20, slot.pk, Activity.State.PROPOSED)
    assert_accessible(page)


def test_the_propose_form_shows_only_the_fields_that_apply(live_server, open_page):
    intention_text()
    free = make_edition("vos-free")
    slots = make_edition("vos-slots", scheduling=Edition.Scheduling.SLOTS)
    edition_create_slots(
        edition=slots,
        first_start=dt.datetime.combine(slots.start_date, dt.time(16), tzinfo=PARIS),
        length=dt.timedelta(minutes=90),
        count_per_day=1,
        gap=dt.timedelta(0),
        places=2,
    )
    page = logged_in_page(open_page, live_server, UserFactory(), "America/Lima")
    page.goto(f"{live_server.url}/en/editions/{free.slug}/propose/")
    # No type chosen in advance.
    expect(page.get_by_label("Type")).to_have_value("")
    # The video link appears only for "my own video link".
    expect(page.locator("#id_room_url")).to_be_hidden()
    page.get_by_label("My own video link").check()
    expect(page.locator("#id_room_url")).to_be_visible()
    expect(page.locator("#id_time_zone")).to_be_visible()
    assert_accessible(page)
    # With slots, the times are the slots': no zone to type.
    page.goto(f"{live_server.url}/en/editions/{slots.slug}/propose/")
    expect(page.locator("#id_time_zone")).to_be_hidden()
    assert_accessible(page)
