"""The language and direction of a piece of text, for ``lang`` and ``dir`` attributes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from visitkb.documents.language import detect_language

# Bidirectional classes of strong right-to-left characters (Hebrew, Arabic and Thaana letters).
RIGHT_TO_LEFT = frozenset({"R", "AL"})
# Names of the ISO 15924 codes the knowledge base files names under (``names_by_script``).
SCRIPT_NAMES = {
    "Arab": "Arabic script",
    "Deva": "Devanagari script",
    "Latn": "Latin script",
    "Zyyy": "Other",
}


@dataclass(frozen=True)
class Writing:
    """How a text is written: ``lang`` (None when not known) and ``dir`` (``ltr`` or ``rtl``)."""

    lang: str | None
    dir: str


def direction(text: str) -> str:
    """``rtl`` when most strongly directed characters of ``text`` run right to left."""
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in RIGHT_TO_LEFT:
            rtl += 1
        elif kind == "L":
            ltr += 1
    return "rtl" if rtl > ltr else "ltr"


def writing_of(text: str, lang: str | None = None) -> Writing:
    """The language (``lang`` when given, else by script) and direction of ``text``."""
    return Writing(lang or detect_language(text), direction(text))
