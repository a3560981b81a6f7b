"""Time zone names, labels and the reading of times that people type.

Browsers may report legacy aliases (Chromium says ``Asia/Calcutta``); every name that
``zoneinfo`` knows is accepted and shown under its canonical name. The alias table in
``data/zone_links.json`` is taken from the tz database's own link lines.
"""

import datetime as dt
import json
import zoneinfo
from functools import cache
from importlib import resources
from pathlib import Path

from babel.dates import get_timezone_location
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

UTC_NAMES = {"UTC", "Etc/UTC", "Etc/Zulu", "Etc/Universal", "Universal", "Zulu", "Etc/UCT", "UCT"}


class NonexistentLocalTimeError(ValueError):
    """The wall-clock time is skipped by a DST change in that zone."""


class AmbiguousLocalTimeError(ValueError):
    """The wall-clock time happens twice in that zone (clocks go back)."""


@cache
def zone_links() -> dict[str, str]:
    """Legacy zone names (links in the tz database) and the zone each now stands for."""
    path = Path(__file__).parent / "data" / "zone_links.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def zone_countries() -> dict[str, str]:
    """Each zone of tzdata's ``zone.tab`` with the country (ISO 3166 code) it serves.

    Every country has at least one; a zone that the tz database now links to a
    neighbour's (Europe/Luxembourg to Europe/Brussels) keeps its own name here, so
    that people in Luxembourg pick Luxembourg."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    countries = {}
    for line in table.splitlines():
        if line and not line.startswith("#"):
            country, _coordinates, name, *_comment = line.split("\t")
            countries[name] = country
    return countries


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {name.lower(): name for name in zoneinfo.available_timezones()}


def canonical_zone(name: str | None) -> str | None:
    """The canonical IANA name for ``name`` (any case, any alias), or None if unknown."""
    if not name:
        return None
    known = _zones_by_lower_name().get(name.strip().lower())
    if known is None:
        return None
    if known in UTC_NAMES:
        return "UTC"
    if known in zone_countries():
        return known
    canonical = zone_links().get(known, known)
    return "UTC" if canonical in UTC_NAMES else canonical


@cache
def selectable_zones() -> tuple[str, ...]:
    """The zones of the countries (plus UTC), sorted: what pickers offer."""
    available = zoneinfo.available_timezones()
    return ("UTC", *sorted(name for name in zone_countries() if name in available))


def format_offset(offset: dt.timedelta | None) -> str:
    """``UTC+2``, ``UTC+5:30``, ``UTC-3``, ``UTC``."""
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}:{minutes:02d}" if minutes else f"UTC{sign}{hours}"


def zone_offset(name: str, at: dt.datetime | None = None) -> dt.timedelta:
    at = at or timezone.now()
    return at.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() or dt.timedelta(0)


def zone_city(name: str, language: str | None = None) -> str:
    """The zone's city in the reader's language (``Europe/Paris`` gives "Paris")."""
    return _zone_city(name, (language or translation.get_language() or "en").replace("-", "_"))


@cache  # every time on a page names its zone; CLDR lookups are not free
def _zone_city(name: str, language: str) -> str:
    if name == "UTC":
        return "UTC"
    try:
        return get_timezone_location(name, locale=language, return_city=True)
    except (LookupError, ValueError):
        return name.rsplit("/", 1)[-1].replace("_", " ")


def list_comma() -> str:
    """The comma between the items of a list in the reader's language: ", ", or "، " in
    Arabic."""
    return pgettext("list separator", ", ")


def zone_label(name: str, at: dt.datetime | None = None, language: str | None = None) -> str:
    """A zone named for people: "Paris, UTC+2" at the given moment."""
    offset = format_offset(zone_offset(name, at))
    city = zone_city(name, language)
    return city if city == "UTC" else f"{city}{list_comma()}{offset}"


def local_midnight(day: dt.date, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The first moment of a local day, in the zone; a midnight skipped by DST becomes the
    real first moment of that day."""
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC).astimezone(zone)


def local_day_bounds(
    day: dt.date, zone: zoneinfo.ZoneInfo | str
) -> tuple[dt.datetime, dt.datetime]:
    """A day of a reader's calendar as [start, end) in UTC, from one local midnight to the
    next: 23 or 25 hours long on the days the clocks change, never a fixed 24.

    The one day-window function: the program, the rooms timeline, the back office and
    the API all cut days with it."""
    if isinstance(zone, str):
        zone = zoneinfo.ZoneInfo(zone)
    start = local_midnight(day, zone).astimezone(dt.UTC)
    end = local_midnight(day + dt.timedelta(days=1), zone).astimezone(dt.UTC)
    return start, end


def make_aware_strict(naive: dt.datetime, zone_name: str) -> dt.datetime:
    """Read a typed wall-clock time in a zone, refusing DST gaps and overlaps.

    Returns the moment in UTC. Raises NonexistentLocalTimeError or AmbiguousLocalTimeError
    so that forms can say exactly what is wrong instead of shifting the time silently.
    """
    zone = zoneinfo.ZoneInfo(zone_name)
    early = naive.replace(tzinfo=zone, fold=0)
    late = naive.replace(tzinfo=zone, fold=1)
    if early.utcoffset() == late.utcoffset():
        # In UTC, so that adding a duration adds real minutes, not wall-clock ones.
        return early.astimezone(dt.UTC)
    round_trip = early.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise NonexistentLocalTimeError(naive)
    raise AmbiguousLocalTimeError(naive)


# Regions shown beside a time being chosen, so nobody books midnight in Tokyo by accident.
AWAKE_REGIONS = [
    (_("Americas West"), "America/Los_Angeles"),
    (_("Americas East"), "America/New_York"),
    (_("Europe / Africa"), "Europe/Paris"),
    (_("South Asia"), "Asia/Kolkata"),
    (_("East Asia / Oceania"), "Asia/Tokyo"),
]

# A dozen major cities for the "see in other time zones" panel.
WORLD_CITIES = [
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/New_York",
    "America/Caracas",
    "America/Sao_Paulo",
    "Africa/Dakar",
    "Europe/Paris",
    "Africa/Nairobi",
    "Asia/Beirut",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
]

NIGHT_STARTS, NIGHT_ENDS = 22, 7


def is_night(local: dt.datetime) -> bool:
    return local.hour >= NIGHT_STARTS or local.hour < NIGHT_ENDS


def local_times(
    starts_at: dt.datetime, ends_at: dt.datetime | None, zones: list[tuple[str, str]]
) -> list[dict]:
    """For each (label, zone): the local start and end, and whether it falls at night."""
    rows = []
    for label, name in zones:
        tz = zoneinfo.ZoneInfo(name)
        local_start = starts_at.astimezone(tz)
        local_end = ends_at.astimezone(tz) if ends_at else None
        night = is_night(local_start) or (
            local_end is not None and is_night(local_end - dt.timedelta(minutes=1))
        )
        # Wall-clock values without a zone, so templates show them as they are.
        rows.append(
            {
                "label": label,
                "zone": name,
                "city": zone_city(name),
                "start": local_start.replace(tzinfo=None),
                "end": local_end.replace(tzinfo=None) if local_end else None,
                "night": night,
                "offset": format_offset(local_start.utcoffset()),
            }
        )
    return rows
