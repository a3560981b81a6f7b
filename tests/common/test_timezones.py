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
    zone_city,
)

UTC = dt.UTC


def render_when(value, zone, language="en", style="datetime"):
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        return Template("{% when value style %}").render(Context({"value": value, "style": style}))


def test_when_renders_time_element_with_zone_named():
    moment = dt.datetime(2020, 9, 20, 16, 0, tzinfo=UTC)
    assert render_when(moment, "Europe/Paris") == (
        '<time datetime="2020-09-20T16:00:00Z" data-when="datetime">Sun 20 Sept, 18:00 (Paris, UTC+2)</time>'
    )


def test_when_half_hour_offset_kolkata():
    moment = dt.datetime(2020, 9, 20, 16, 0, tzinfo=UTC)
    assert render_when(moment, "Asia/Kolkata") == (
        '<time datetime="2020-09-20T16:00:00Z" data-when="datetime">Sun 20 Sept, 21:30 (Kolkata, UTC+5:30)</time>'
    )


def test_when_paris_dst_change_day_names_both_offsets():
    # On 25 Oct 2020 Paris went from UTC+2 to UTC+1 at 03:00 local: 02:30 happened twice.
    first = dt.datetime(2020, 10, 25, 0, 30, tzinfo=UTC)
    second = dt.datetime(2020, 10, 25, 1, 30, tzinfo=UTC)
    assert render_when(first, "Europe/Paris") == (
        '<time datetime="2020-10-25T00:30:00Z" data-when="datetime">Sun 25 Oct, 02:30 (Paris, UTC+2)</time>'
    )
    assert render_when(second, "Europe/Paris") == (
        '<time datetime="2020-10-25T01:30:00Z" data-when="datetime">Sun 25 Oct, 02:30 (Paris, UTC+1)</time>'
    )


def test_when_in_spanish_names_day_month_and_city_in_spanish():
    moment = dt.datetime(2020, 7, 12, 14, 0, tzinfo=UTC)
    assert render_when(moment, "America/New_York", language="es") == (
        '<time datetime="2020-07-12T14:00:00Z" data-when="datetime">dom, 12 jul, 10:00 (Nueva York, UTC-4)</time>'
    )


# One moment in the four languages, in each language's own CLDR forms.
FORMS = {
    "en": {
        "datetime": "Sun 20 Dec, 18:05",
        "date": "Sun, 20 Dec 2026",
        "long_date": "Sunday, 20 December 2026",
        "long_day": "Sunday 20 December",
        "time": "18:05",
    },
    "fr": {
        "datetime": "dim. 20 déc., 18:05",
        "date": "dim. 20 déc. 2026",
        "long_date": "dimanche 20 décembre 2026",
        "long_day": "dimanche 20 décembre",
        "time": "18:05",
    },
    "es": {
        "datetime": "dom, 20 dic, 18:05",
        "date": "dom, 20 dic 2026",
        "long_date": "domingo, 20 de diciembre de 2026",
        "long_day": "domingo, 20 de diciembre",
        "time": "18:05",
    },
    "pt": {
        "datetime": "dom., 20 de dez. 18:05",
        "date": "dom., 20 de dez. de 2026",
        "long_date": "domingo, 20 de dezembro de 2026",
        "long_day": "domingo, 20 de dezembro",
        "time": "18:05",
    },
}


@pytest.mark.parametrize("language", FORMS)
def test_each_language_writes_dates_in_its_own_form(language):
    moment = dt.datetime(2026, 12, 20, 17, 5, tzinfo=UTC)  # 18:05 in Paris
    for style, expected in FORMS[language].items():
        assert render_when(moment, "Europe/Paris", language, style) == (
            f'<time datetime="2026-12-20T17:05:00Z" data-when="{style}">{expected} (Paris, UTC+1)</time>'
        ).replace("(Paris", f"({zone_city('Europe/Paris', language)}"), (language, style)


@pytest.mark.parametrize("language", FORMS)
def test_plain_days_use_the_same_forms(language):
    with translation.override(language):
        rendered = Template('{{ day|local_date:"long_date" }}').render(
            Context({"day": dt.date(2026, 12, 20)})
        )
    assert rendered == FORMS[language]["long_date"]


def test_same_instant_keeps_each_zone_wall_clock():
    moment = dt.datetime(2026, 12, 14, 20, 0, tzinfo=UTC)
    assert render_when(moment, "America/Caracas", style="time").endswith(
        ">16:00 (Caracas, UTC-4)</time>"
    )
    assert render_when(moment, "Asia/Kolkata", style="time").endswith(
        ">01:30 (Kolkata, UTC+5:30)</time>"
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
