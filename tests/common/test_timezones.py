import datetime as dt
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from vos.common.timezones import (
    AmbiguousLocalTimeError,
    NonexistentLocalTimeError,
    canonical_zone,
    format_offset,
    make_aware_strict,
    selectable_zones,
    zone_for_city,
)

UTC = dt.UTC


def render_when(value, zone, language="en", style="datetime"):
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        return Template("{% when value style %}").render(Context({"value": value, "style": style}))


def test_when_renders_time_element_with_zone_named():
    moment = dt.datetime(2020, 9, 20, 16, 0, tzinfo=UTC)
    assert render_when(moment, "Europe/Paris") == (
        '<time datetime="2020-09-20T16:00:00Z">Sun 20 Sep, 18:00 (Paris, UTC+2)</time>'
    )


def test_when_half_hour_offset_kolkata():
    moment = dt.datetime(2020, 9, 20, 16, 0, tzinfo=UTC)
    assert render_when(moment, "Asia/Kolkata") == (
        '<time datetime="2020-09-20T16:00:00Z">Sun 20 Sep, 21:30 (Kolkata, UTC+5:30)</time>'
    )


def test_when_paris_dst_change_day_names_both_offsets():
    # On 25 Oct 2020 Paris went from UTC+2 to UTC+1 at 03:00 local: 02:30 happened twice.
    first = dt.datetime(2020, 10, 25, 0, 30, tzinfo=UTC)
    second = dt.datetime(2020, 10, 25, 1, 30, tzinfo=UTC)
    assert render_when(first, "Europe/Paris") == (
        '<time datetime="2020-10-25T00:30:00Z">Sun 25 Oct, 02:30 (Paris, UTC+2)</time>'
    )
    assert render_when(second, "Europe/Paris") == (
        '<time datetime="2020-10-25T01:30:00Z">Sun 25 Oct, 02:30 (Paris, UTC+1)</time>'
    )


def test_when_in_spanish_names_day_month_and_city_in_spanish():
    moment = dt.datetime(2020, 7, 12, 14, 0, tzinfo=UTC)
    assert render_when(moment, "America/New_York", language="es") == (
        '<time datetime="2020-07-12T14:00:00Z">dom 12 Jul, 10:00 (Nueva York, UTC-4)</time>'
    )


def test_when_none_renders_nothing():
    assert render_when(None, "Europe/Paris") == ""


def test_make_aware_strict_rejects_spring_forward_gap():
    with pytest.raises(NonexistentLocalTimeError):
        make_aware_strict(dt.datetime(2020, 3, 29, 2, 30), "Europe/Paris")  # noqa: DTZ001


def test_make_aware_strict_rejects_fall_back_overlap():
    with pytest.raises(AmbiguousLocalTimeError):
        make_aware_strict(dt.datetime(2020, 10, 25, 2, 30), "Europe/Paris")  # noqa: DTZ001


def test_make_aware_strict_reads_ordinary_time():
    value = make_aware_strict(dt.datetime(2020, 7, 12, 16, 0), "Europe/Paris")  # noqa: DTZ001
    assert value.astimezone(UTC) == dt.datetime(2020, 7, 12, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("asia/kolkata", "Asia/Kolkata"),
        ("US/Eastern", "America/New_York"),
        ("Etc/UTC", "UTC"),
        ("Europe/Paris", "Europe/Paris"),
        ("Mars/Olympus", None),
        ("", None),
    ],
)
def test_canonical_zone(given, expected):
    assert canonical_zone(given) == expected


def test_selectable_zones_has_canonical_names_only():
    zones = selectable_zones()
    assert "Asia/Kolkata" in zones
    assert "Asia/Calcutta" not in zones
    assert zones[0] == "UTC"


@pytest.mark.parametrize(
    ("minutes", "expected"),
    [(0, "UTC"), (120, "UTC+2"), (330, "UTC+5:30"), (-180, "UTC-3"), (-570, "UTC-9:30")],
)
def test_format_offset(minutes, expected):
    assert format_offset(dt.timedelta(minutes=minutes)) == expected


def test_zone_for_city():
    assert zone_for_city("kolkata") == "Asia/Kolkata"
    assert zone_for_city("New York") == "America/New_York"
    assert zone_for_city("Atlantis") is None
