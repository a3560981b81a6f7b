"""Finding one's zone by country, city, former name or id, in the reader's language."""

import pytest

from vos.common.timezones import canonical_zone, selectable_zones
from vos.common.zone_search import find_zones, resolve_zone, zone_full_label, zone_name


@pytest.mark.parametrize(
    ("typed", "language", "zone"),
    [
        ("India", "en", "Asia/Kolkata"),
        ("Inde", "fr", "Asia/Kolkata"),
        ("Bombay", "en", "Asia/Kolkata"),
        ("mumbai", "pt", "Asia/Kolkata"),
        ("Mozambique", "en", "Africa/Maputo"),
        ("Moçambique", "pt", "Africa/Maputo"),
        ("mocambique", "pt", "Africa/Maputo"),
        ("Lourenço Marques", "pt", "Africa/Maputo"),
        ("Venezuela", "es", "America/Caracas"),
        ("sao paulo", "en", "America/Sao_Paulo"),
        ("America/Sao_Paulo", "en", "America/Sao_Paulo"),
        ("Asia/Calcutta", "en", "Asia/Kolkata"),
        ("München", "en", "Europe/Berlin"),
        ("Japon", "fr", "Asia/Tokyo"),
        ("Luxembourg", "fr", "Europe/Luxembourg"),
        ("Brasil (São Paulo), UTC-3", "pt", "America/Sao_Paulo"),
        ("Inde (Calcutta)", "en", "Asia/Kolkata"),
        ("UTC", "en", "UTC"),
    ],
)
def test_a_name_only_one_zone_serves_resolves_at_once(typed, language, zone):
    assert resolve_zone(typed, language) == (zone, [])


def test_a_country_with_several_zones_asks_which():
    zone, candidates = resolve_zone("Brasil", "pt")
    assert zone is None
    zones = [match.zone for match in candidates]
    assert zones[0] == "America/Sao_Paulo"  # the biggest city first
    assert {"America/Manaus", "America/Noronha", "America/Rio_Branco"} <= set(zones)
    assert all(match.name.startswith("Brasil (") for match in candidates)
    assert all(match.exact for match in candidates)


def test_an_unknown_name_resolves_to_nothing():
    assert resolve_zone("Narnia", "en") == (None, [])
    assert resolve_zone("", "en") == (None, [])


def test_suggestions_put_the_countrys_own_names_before_towns_that_start_alike():
    names = [match.name for match in find_zones("ind", "en")]
    assert names[:2] == ["India (Kolkata)", "Indonesia (Jakarta)"]


def test_a_place_name_says_what_matched_when_the_zone_does_not_show_it():
    match = find_zones("Bombay", "fr")[0]
    assert (match.zone, match.name, match.matched) == ("Asia/Kolkata", "Inde (Calcutta)", "Bombay")
    assert find_zones("Calcutta", "fr")[0].matched == ""


def test_names_and_labels_in_the_readers_language():
    assert zone_name("Asia/Kolkata", "fr") == "Inde (Calcutta)"
    assert zone_name("America/Sao_Paulo", "pt") == "Brasil (São Paulo)"
    assert zone_name("Africa/Maputo", "es") == "Mozambique (Maputo)"
    assert zone_full_label("Asia/Kolkata", None, "en") == "India (Kolkata), UTC+5:30"
    assert zone_full_label("UTC", None, "en") == "UTC"


@pytest.mark.parametrize("language", ["en", "fr", "es", "pt"])
def test_every_zone_has_its_own_name_so_that_a_name_reads_back(language):
    names = [zone_name(zone, language) for zone in selectable_zones()]
    assert len(set(names)) == len(names)
    for zone in selectable_zones():
        assert resolve_zone(zone_name(zone, language), language)[0] == zone


def test_zones_of_zone_tab_keep_their_names():
    # The tz database links Luxembourg's zone to Brussels'; people in Luxembourg keep theirs.
    assert canonical_zone("Europe/Luxembourg") == "Europe/Luxembourg"
    assert canonical_zone("asia/calcutta") == "Asia/Kolkata"
