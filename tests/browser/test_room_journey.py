import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_program_journey import logged_in_page
from tests.factories import UserFactory, intention_text, make_activity, make_edition
from vos.activity.models import Activity
from vos.common.multilingual import in_languages
from vos.registration.services import registration_create
from vos.room.models import Room

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_join_button_appears_shortly_before_the_start(live_server, open_page):
    intention_text()
    now = timezone.now()
    edition = make_edition("vos-room", start=(now - dt.timedelta(days=1)).date(), days=3)
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.OWN,
        name="Sala",
        provider=Room.Provider.ZOOM,
        join_url="https://zoom.example/j/93968057512",
        meeting_id="939 680 575",
        passcode="12072020",
    )
    activity = make_activity(
        edition,
        title="Asamblea",
        starts_at=now + dt.timedelta(minutes=20),
        room=room,
        room_mode="own",
    )
    person = UserFactory(display_name="Diego", time_zone="America/Santiago")
    registration_create(activity=activity, person=person)
    page = logged_in_page(open_page, live_server, person, "America/Santiago")

    # Twenty minutes before: the page says when the way in will appear.
    page.goto(f"{live_server.url}{activity.get_absolute_url()}")
    expect(page.locator(".join--later")).to_contain_text("The way into the room appears here at")
    expect(page.get_by_role("link", name="Join the room")).to_have_count(0)
    expect(page.locator("body")).not_to_contain_text("12072020")
    assert_accessible(page)

    # Ten minutes before (the test moves the activity, not the clock).
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=now + dt.timedelta(minutes=10), ends_at=now + dt.timedelta(minutes=100)
    )
    page.reload()
    expect(page.get_by_role("link", name="Join the room")).to_be_visible()
    expect(page.locator(".join")).to_contain_text("12072020")
    assert_accessible(page)


def test_accepting_the_intention_text_opens_the_plenary_room(live_server, open_page):
    intention_text()
    edition = make_edition("vos-plenary")
    room = Room.objects.create(
        edition=edition,
        kind=Room.Kind.SHARED,
        name="Meeting room",
        translations=in_languages("name", es="Sala de encuentro"),
        provider=Room.Provider.ZOOM,
        join_url="https://zoom.example/j/93968057500",
        meeting_id="939 680 500",
        passcode="20122020",
    )
    room.dial_ins.create(country="AR", number="+54 341 512 2188", pin="4455")
    person = UserFactory(display_name="Lucía", time_zone="America/Argentina/Buenos_Aires")
    page = logged_in_page(open_page, live_server, person, "America/Argentina/Buenos_Aires")

    page.goto(f"{live_server.url}/es{edition.get_absolute_url()[3:]}")
    shared = page.locator(".shared-room")
    expect(shared.get_by_role("heading", name="Sala de encuentro")).to_be_visible()
    expect(shared).to_contain_text("Argentina")
    expect(shared).not_to_contain_text("20122020")
    assert_accessible(page)

    shared.get_by_role("link", name="Acepta el texto de intención").click()
    expect(page.get_by_role("button", name=re.compile("lo comparto"))).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name=re.compile("lo comparto")).click()

    expect(page).to_have_url(f"{live_server.url}/es{edition.get_absolute_url()[3:]}")
    expect(shared).to_contain_text("20122020")
    expect(shared).to_contain_text("4455")
    link = shared.get_by_role("link", name="Entrar en la sala")
    assert link.get_attribute("href") == f"/es/editions/{edition.slug}/rooms/{room.pk}/join/"
    assert "zoom.example" not in page.content()
    assert_accessible(page)
