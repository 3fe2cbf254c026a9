"""ISO 3166-1 countries: English names from pycountry, Arabic and Hindi names and adjectives.

Formal names in each language come from pycountry's gettext translations; short forms, spelling
variants and nationality adjectives from ``world/data/countries.yaml``.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry
import yaml

from visitkb.lang import load_knowledge

DATA = Path(__file__).parent / "data"
# pycountry writes "إيران، الجمهوريّة الإسلاميّة الإيرانيّة" and "Holy See (Vatican City State)":
# each part between these separators (and the language's commas, ``grammar.yaml`` commas) is a
# name of its own. Only parts in the script of the language's letters (``grammar.yaml``
# letters) are kept: translations pycountry lacks come back in English.
_NAME_SEPARATORS = ",()"


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


@cache
def _curated() -> dict[str, dict[str, list[str]]]:
    with (DATA / "countries.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def country_names(lang: str) -> dict[str, tuple[str, ...]]:
    """Every name of every country written in ``lang``, by alpha-3 code."""
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        translation = gettext.NullTranslations()
    grammar = load_knowledge(lang, "grammar")
    first, last = grammar["letters"]
    script = re.compile(rf"^[{first}-{last}\s\-]+$")
    separators = re.compile("[" + re.escape("".join(grammar["commas"]) + _NAME_SEPARATORS) + "]")
    names: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        found = list(_curated().get(country.alpha_3, {}).get(lang, []))
        for attr in ("name", "common_name", "official_name"):
            english = getattr(country, attr, None)
            if not english:
                continue
            for part in separators.split(translation.gettext(english)):
                part = " ".join(part.split())
                if part and (script is None or script.match(part)) and part not in found:
                    found.append(part)
        if found:
            names[country.alpha_3] = tuple(found)
    return names


@cache
def country_adjectives(lang: str) -> dict[str, tuple[str, ...]]:
    """Nationality adjectives in ``lang`` (base forms), by alpha-3 code."""
    return {
        code: tuple(entry.get(f"{lang}_adj", []))
        for code, entry in _curated().items()
        if entry.get(f"{lang}_adj")
    }


@cache
def state_words(lang: str) -> dict[str, tuple[str, ...]]:
    """Forms of state written alone ("المملكة") and the countries each may stand for."""
    words: dict[str, list[str]] = {}
    for code, entry in _curated().items():
        for word in entry.get(f"{lang}_state", []):
            words.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in words.items()}
