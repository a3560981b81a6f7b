"""The program's shared part: built once per content version for every reader of the
same address, language and zone (signed in or not), then each signed-in reader's own
places marked on it; rebuilt on every kind of change it shows."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from tests.factories import UserFactory, make_activity, make_edition
from vos.activity.models import Activity
from vos.activity.services import activity_cancel, activity_decide
from vos.activity.services.rooms import room_move
from vos.organization.models import Organization
from vos.registration.services import registration_create
from vos.room.models import Room

pytestmark = pytest.mark.django_db(transaction=True)

READERS = [("en", "Europe%2FParis"), ("es", "Asia%2FTokyo")]
MINE = '<span class="badge badge--mine">'


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60


@pytest.fixture
def edition():
    edition = make_edition("vos-program-cache")
    for title in ("Huertas urbanas", "Radio comunitaria"):
        make_activity(edition, title=title, capacity=1, published_at=timezone.now())
    return edition


def program(client, edition, language="en", zone="Europe%2FParis"):
    client.cookies["vos_tz"] = zone
    response = client.get(f"/{language}/editions/{edition.slug}/program/?day=all")
    assert response.status_code == 200
    return response.content.decode()


def card(html: str, title: str) -> str:
    start = html.index(title)
    return html[html.rindex("<li ", 0, start) : html.index("</li>", start)]


def test_signed_in_readers_share_the_program_and_see_their_own_places(
    client, edition, django_assert_num_queries
):
    huertas = edition.activities.get(title="Huertas urbanas")
    radio = edition.activities.get(title="Radio comunitaria")
    ana, bea, carla = UserFactory(), UserFactory(), UserFactory()
    registration_create(activity=huertas, person=ana)
    registration_create(activity=huertas, person=bea)  # full: Bea waits
    client.force_login(carla)
    program(client, edition)  # builds the shared part

    client.force_login(bea)
    # Bea (her session is in the cache), the edition, her places: none of the program's.
    with django_assert_num_queries(3):
        html = program(client, edition)
    assert "You are on the waiting list" in card(html, "Huertas urbanas")
    assert MINE not in card(html, "Radio comunitaria")

    client.force_login(ana)
    html = program(client, edition)
    assert "You are registered" in card(html, "Huertas urbanas")
    assert html.count(MINE) == 1
    assert "Full" in card(html, "Huertas urbanas")
    assert "Full" not in card(html, "Radio comunitaria")

    client.logout()
    assert MINE not in program(client, edition)
    assert radio.pk


def change_published(edition, facilitator):
    proposal = make_activity(edition, title="Semillas libres", state=Activity.State.PROPOSED)
    activity_decide(activity=proposal, facilitator=facilitator, decision="publish")
    return "Semillas libres", None


def change_edited(edition, facilitator):
    activity = edition.activities.get(title="Huertas urbanas")
    activity.title = "Huertas comunitarias"
    activity.summary = "Semillas y compost."
    activity.save()
    return "Huertas comunitarias", "Huertas urbanas"


def change_moved(edition, facilitator):
    activity = edition.activities.get(title="Huertas urbanas")
    activity.starts_at += dt.timedelta(hours=3)
    activity.ends_at += dt.timedelta(hours=3)
    activity.save()
    local = activity.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Paris"))
    return f"{local:%H:%M}", None


def change_cancelled(edition, facilitator):
    activity = edition.activities.get(title="Radio comunitaria")
    activity_cancel(activity=activity, actor=facilitator, reason="The host is ill.")
    return "activity-card--cancelled", None


def change_filled(edition, facilitator):
    activity = edition.activities.get(title="Radio comunitaria")
    registration_create(activity=activity, person=UserFactory())
    return "badge--full", None


def change_organization_renamed(edition, facilitator):
    organization = Organization.objects.get(name="Radio Libre")
    organization.name = "Radio Popular"
    organization.save()
    return "Radio Popular", "Radio Libre"


CHANGES = [
    change_published,
    change_edited,
    change_moved,
    change_cancelled,
    change_filled,
    change_organization_renamed,
]


@pytest.mark.parametrize("signed_in", [False, True])
@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_every_kind_of_change_rebuilds_the_program_in_every_language_and_zone(
    client, edition, change, signed_in
):
    facilitator = UserFactory()
    edition.facilitators.add(facilitator)
    radio = edition.activities.get(title="Radio comunitaria")
    radio.organizations.add(Organization.objects.create(name="Radio Libre"))
    if signed_in:
        client.force_login(UserFactory())
    before = {reader: program(client, edition, *reader) for reader in READERS}
    shown, gone = change(edition, facilitator)
    for reader in READERS:
        html = program(client, edition, *reader)
        assert html != before[reader], reader
        if reader[1] == "Europe%2FParis" or ":" not in shown:
            assert shown in html, reader
        if gone:
            assert gone not in html, reader


def test_a_room_reassigned_shows_in_the_exports_at_once(client, edition):
    facilitator = UserFactory()
    edition.facilitators.add(facilitator)
    first, second = (
        Room.objects.create(edition=edition, name=name, join_url=f"https://meet.example/{name}")
        for name in ("Agora", "Ágora norte")
    )
    activity = edition.activities.get(title="Huertas urbanas")
    activity.room, activity.room_mode = first, "pool"
    activity.save()
    path = f"/editions/{edition.slug}/schedule.json"
    for language in ("en", "es"):
        assert '"room": "Agora"' in client.get(path, HTTP_ACCEPT_LANGUAGE=language).text
    room_move(activity=activity, room=second, facilitator=facilitator)
    for language in ("en", "es"):
        export = client.get(path, HTTP_ACCEPT_LANGUAGE=language).text
        assert '"room": "Ágora norte"' in export
        assert '"room": "Agora"' not in export
