"""Finding one's time zone by what people know: a country, a city, a former or local
name, or the zone's id.

Every zone is named as people say it, in the reader's language: "Inde (Calcutta)",
"Brasil (São Paulo)", from CLDR through Babel. Countries come from tzdata's ``zone.tab``
(each zone with the country it serves), cities' other names from GeoNames
(``data/zone_places.tsv``, written by ``tools/zone_places.py``). Nothing here is a list
typed by hand.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.utils import translation

from vos.common.dates import cldr_locale
from vos.common.search import fold
from vos.common.timezones import (
    canonical_zone,
    format_offset,
    list_comma,
    selectable_zones,
    zone_city,
    zone_countries,
    zone_links,
    zone_offset,
)

# How a typed word matched a name, best first.
EXACT, START, WORD_START, INSIDE = 0, 1, 2, 3
# Shorter queries than this only match from the start of a name.
MIN_INSIDE = 3


@dataclass(frozen=True)
class ZoneMatch:
    zone: str
    name: str  # "Inde (Calcutta)"
    label: str  # "Inde (Calcutta), UTC+5:30"
    matched: str  # "Bombay" when the name does not show what matched, else ""
    exact: bool


def _language(language: str | None) -> str:
    return (language or translation.get_language() or "en").split("-")[0]


def zone_country_name(name: str, language: str | None = None) -> str:
    """The country a zone serves, in the reader's language ("" for UTC)."""
    country = zone_countries().get(name)
    if not country:
        return ""
    return cldr_locale(_language(language)).territories.get(country, country)


@cache
def _zone_name(name: str, language: str) -> str:
    if name == "UTC":
        return "UTC"
    city = zone_city(name, str(cldr_locale(language)))
    country = zone_country_name(name, language)
    return f"{country} ({city})" if country and country != city else city


def zone_name(name: str, language: str | None = None) -> str:
    """A zone as people name it: "Inde (Calcutta)", "Brasil (São Paulo)"."""
    return _zone_name(name, _language(language))


def zone_full_label(name: str, at: dt.datetime | None = None, language: str | None = None) -> str:
    """The zone's name with its offset at that moment: "Inde (Calcutta), UTC+5:30"."""
    label = zone_name(name, language)
    offset = format_offset(zone_offset(name, at))
    return label if name == "UTC" else f"{label}{list_comma()}{offset}"


def zone_block_label(
    name: str, start: dt.datetime, end: dt.datetime, language: str | None = None
) -> str:
    """A zone named once for a block of times (a day's grid, a list of slots), with the
    offset of those times, not of today: "France (Paris), UTC+2"; both offsets when the
    clocks change within the block: "France (Paris), UTC+2 → UTC+1"."""
    label = zone_name(name, language)
    if name == "UTC":
        return label
    first = format_offset(zone_offset(name, start))
    last = format_offset(zone_offset(name, end - dt.timedelta(seconds=1)))
    comma = list_comma()
    return f"{label}{comma}{first}" if first == last else f"{label}{comma}{first} → {last}"


@cache
def _places() -> dict[str, list[tuple[str, str]]]:
    """Folded place name → [(zone, name as written)], biggest places first."""
    path = Path(__file__).parent / "data" / "zone_places.tsv"
    places: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line:
            continue
        zone, names = line.split("\t", 1)
        zone = canonical_zone(zone)
        if zone is None:
            continue
        for written in names.split("|"):
            places.setdefault(fold(written), []).append((zone, written))
    return places


@cache
def _size_rank() -> dict[str, int]:
    """Zone → the rank of its biggest city among the world's, to list São Paulo before
    Noronha."""
    ranks: dict[str, int] = {}
    for found in _places().values():
        for zone, _written in found:
            ranks.setdefault(zone, len(ranks))
    return ranks


@cache
def _aliases() -> dict[str, list[str]]:
    """Zone → the names it had before (Asia/Kolkata → Calcutta)."""
    aliases: dict[str, list[str]] = {}
    for old, new in zone_links().items():
        if "/" in old:
            aliases.setdefault(new, []).append(old.rsplit("/", 1)[-1].replace("_", " "))
    return aliases


@cache
def _index() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(zone, folded names it is known by) for every selectable zone: its id, former
    ids, and its country and city in every site language (people type their own)."""
    entries = []
    for name in selectable_zones():
        terms = {
            fold(name).replace("_", " "),
            fold(name.rsplit("/", 1)[-1]).replace("_", " "),
            *(fold(alias) for alias in _aliases().get(name, [])),
        }
        for lang in (code for code, _name in settings.LANGUAGES):
            terms.add(fold(zone_country_name(name, lang)))
            terms.add(fold(zone_city(name, str(cldr_locale(lang)))))
        terms.discard("")
        entries.append((name, tuple(sorted(terms))))
    return tuple(entries)


def _grade(term: str, query: str) -> int | None:
    if term == query:
        return EXACT
    if term.startswith(query):
        return START
    if f" {query}" in term or f"/{query}" in term or f"-{query}" in term:
        return WORD_START
    if len(query) >= MIN_INSIDE and query in term:
        return INSIDE
    return None


def find_zones(query: str, language: str | None = None, limit: int = 12) -> list[ZoneMatch]:
    """Zones whose country, city, former name, nearby place or id matches ``query``,
    best first: exact names, then names that start with it, then names containing it."""
    language = _language(language)
    wanted = fold(query).strip().replace("_", " ")
    if not wanted:
        return []
    # zone → (grade, whether a place matched rather than the zone's own names, the place)
    best: dict[str, tuple[int, bool, str]] = {}
    for name, terms in _index():
        grades = [g for g in (_grade(term, wanted) for term in terms) if g is not None]
        if grades:
            best[name] = (min(grades), False, "")
    for folded, found in _places().items():
        grade = _grade(folded, wanted)
        if grade is None or grade == INSIDE:
            continue
        for zone, written in found:
            if zone not in best or (grade, True) < best[zone][:2]:
                best[zone] = (grade, True, written)
    ranks = _size_rank()
    ordered = sorted(best.items(), key=lambda item: (*item[1][:2], ranks.get(item[0], 10**6)))
    matches = []
    for zone, (grade, _place, written) in ordered[:limit]:
        name = zone_name(zone, language)
        shown = written if written and fold(written) not in fold(name) else ""
        matches.append(
            ZoneMatch(zone, name, zone_full_label(zone, None, language), shown, grade == EXACT)
        )
    return matches


@cache
def _names_everywhere() -> dict[str, str]:
    """Folded zone names in every site language → zone, to read back what a picker
    showed ("Inde (Calcutta)")."""
    names = {}
    for code, _name in settings.LANGUAGES:
        for zone in selectable_zones():
            names.setdefault(fold(zone_name(zone, code)), zone)
    return names


def resolve_zone(text: str, language: str | None = None) -> tuple[str | None, list[ZoneMatch]]:
    """The zone that ``text`` names without doubt, or None and the zones it may mean.

    A zone id or alias, a name as the picker shows it (with or without its offset), or a
    country, city or place that only one zone serves ("India", "Bombay", "Mozambique")
    resolves at once; "Brasil" gives its zones to choose from."""
    text = (text or "").strip()
    if not text:
        return None, []
    zone = canonical_zone(text.split(" (UTC", 1)[0].strip())
    if zone:
        return zone, []
    without_offset = text.rsplit(", UTC", 1)[0] if ", UTC" in text else text
    zone = _names_everywhere().get(fold(without_offset).strip())
    if zone:
        return zone, []
    matches = find_zones(text, language, limit=40)
    exact = {match.zone for match in matches if match.exact}
    if len(exact) == 1:
        return exact.pop(), []
    if exact:
        return None, [match for match in matches if match.exact]
    return None, matches[:12]
