"""Capitals and major cities of the world with their country and Arabic and Hindi names.

``world/data/places.tsv`` is generated from GeoNames by ``python -m visitkb.world.build_places``;
``world/data/places_extra.yaml`` adds names GeoNames lacks (press spellings, capitals with no
Arabic or Hindi name there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Place:
    """A city: English name, country (ISO alpha-3), whether it is the capital, its names."""

    name_en: str
    country: str
    capital: bool
    population: int
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    site: bool = False  # a building (a seat of government), not a city


@cache
def all_places() -> tuple[Place, ...]:
    """Every place known, most populous first."""
    places: dict[tuple[str, str], Place] = {}
    with (DATA / "places.tsv").open(encoding="utf-8") as handle:
        langs = next(handle).rstrip("\n").split("\t")[4:]  # a column of names per language
        for line in handle:
            name_en, country, capital, population, *columns = line.rstrip("\n").split("\t")
            key = (name_en, country)
            if key in places:  # two GeoNames entries of one name in one country: keep the first
                continue
            places[key] = Place(
                name_en=name_en,
                country=country,
                capital=capital == "1",
                population=int(population),
                names={
                    lang: tuple(filter(None, column.split("|")))
                    for lang, column in zip(langs, columns, strict=True)
                },
            )
    with (DATA / "places_extra.yaml").open(encoding="utf-8") as handle:
        extra = yaml.safe_load(handle)
    for entry in extra["places"]:
        key = (entry["name_en"], entry["country"])
        old = places.get(key)
        names = {
            lang: tuple(
                dict.fromkeys([*(old.names.get(lang, ()) if old else ()), *entry.get(lang, [])])
            )
            for lang in langs
        }
        places[key] = Place(
            name_en=entry["name_en"],
            country=entry["country"],
            capital=entry.get("capital", old.capital if old else False),
            population=old.population if old else entry.get("population", 0),
            names=names,
            site=bool(entry.get("site")),
        )
    return tuple(sorted(places.values(), key=lambda p: (-p.population, p.name_en)))


@cache
def capitals() -> dict[str, Place]:
    """The capital of each country that has one listed, by alpha-3 code."""
    found: dict[str, Place] = {}
    for place in all_places():
        if place.capital:
            found.setdefault(place.country, place)
    return found
