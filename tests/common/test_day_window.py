"""One day-window function, right on the days the clocks change, used by every reader."""

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse

from tests.factories import PARIS, UserFactory, intention_text, make_activity, make_edition
from vos.common.timezones import local_day_bounds
from vos.room.models import Room

UTC = dt.UTC


@pytest.mark.parametrize(
    ("day", "start", "hours"),
    [
        # 29 March 2020: Paris skipped from 02:00 to 03:00, a 23-hour day.
        (dt.date(2020, 3, 29), dt.datetime(2020, 3, 28, 23, tzinfo=UTC), 23),
        # 25 October 2020: 02:00–03:00 happened twice, a 25-hour day.
        (dt.date(2020, 10, 25), dt.datetime(2020, 10, 24, 22, tzinfo=UTC), 25),
        (dt.date(2020, 6, 21), dt.datetime(2020, 6, 20, 22, tzinfo=UTC), 24),
    ],
)
def test_local_day_bounds_in_paris(day, start, hours):
    assert local_day_bounds(day, "Europe/Paris") == (start, start + dt.timedelta(hours=hours))


def test_local_day_bounds_when_midnight_itself_is_skipped():
    # Santiago moved its clocks at midnight: 6 Sep 2020 began at 01:00 (UTC-3).
    start, end = local_day_bounds(dt.date(2020, 9, 6), zoneinfo.ZoneInfo("America/Santiago"))
    assert start == dt.datetime(2020, 9, 6, 4, tzinfo=UTC)
    assert end - start == dt.timedelta(hours=23)


@pytest.fixture
def dst_night(db):
    """VOS 1 opened on 29 March 2020, the night Paris changed its clocks."""
    intention_text()
    facilitator = UserFactory(time_zone="Europe/Paris")
    edition = make_edition("vos-1", start=dt.date(2020, 3, 28), days=4, facilitators=[facilitator])
    room = Room.objects.create(
        edition=edition, kind=Room.Kind.POOL, name="Room A", join_url="https://a.example"
    )
    evening = make_activity(
        edition,
        title="Late on the 29th",
        starts_at=dt.datetime(2020, 3, 29, 22, 0, tzinfo=PARIS),
        minutes=60,
        room=room,
        room_mode="pool",
    )
    after_midnight = make_activity(
        edition,
        title="Just after midnight",
        starts_at=dt.datetime(2020, 3, 30, 0, 30, tzinfo=PARIS),
        minutes=20,
        room=room,
        room_mode="pool",
    )
    return {"edition": edition, "facilitator": facilitator, "in": evening, "out": after_midnight}


def test_api_day_filter_ends_at_the_next_local_midnight(client, dst_night):
    edition = dst_night["edition"]
    response = client.get(f"/api/v1/activities?edition={edition.slug}&day=2020-03-29")
    assert [item["title"] for item in response.json()["items"]] == ["Late on the 29th"]


def test_rooms_timeline_ends_at_the_next_local_midnight(client, dst_night):
    edition = dst_night["edition"]
    client.force_login(dst_night["facilitator"])
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(
        reverse("room.timeline", kwargs={"slug": edition.slug}), {"day": "2020-03-29"}
    ).content.decode()
    assert "Late on the 29th" in html
    assert "Just after midnight" not in html


def test_program_day_ends_at_the_next_local_midnight(client, dst_night):
    edition = dst_night["edition"]
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(
        reverse("activity.program", kwargs={"slug": edition.slug}), {"day": "2020-03-29"}
    ).content.decode()
    assert "Late on the 29th" in html
    assert "Just after midnight" not in html


def test_moderation_day_filter_is_the_facilitators_calendar_day(client, dst_night):
    edition = dst_night["edition"]
    client.force_login(dst_night["facilitator"])
    client.cookies["vos_tz"] = "Europe%2FParis"
    html = client.get(
        reverse("activity.orga_queue", kwargs={"slug": edition.slug}),
        {"day": "2020-03-30", "state": "published"},
    ).content.decode()
    assert "Just after midnight" in html
    assert "Late on the 29th" not in html
