"""ISO 3166-1 countries from pycountry, with their English display names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry


@dataclass(frozen=True)
class CountryInfo:
    """A state: ISO alpha-3 code and the short English name people use."""

    code: str
    name_en: str


@cache
def all_countries() -> tuple[CountryInfo, ...]:
    """Every ISO 3166-1 country, by alpha-3 code."""
    return tuple(
        CountryInfo(code=c.alpha_3, name_en=getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
    )


def country_name(code: str) -> str | None:
    """English name of an alpha-3 code, or None for an unknown code."""
    found = pycountry.countries.get(alpha_3=code.upper())
    return None if found is None else getattr(found, "common_name", None) or found.name
