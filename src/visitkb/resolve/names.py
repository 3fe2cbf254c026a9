"""Name normalisation shared by resolution and evaluation."""

from __future__ import annotations

import re
import unicodedata

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
NUKTA = "\u093c"
CHANDRABINDU, ANUSVARA = "\u0901", "\u0902"
ARABIC_ARTICLE = "ال"
_SPACES = re.compile(r"[\s\u200c\u200d\-‐–—_.,'’\"]+")


def normalize_name(name: str) -> str:
    """Fold script variants: Arabic diacritics, alef/ya/ta-marbuta forms, tatweel; Hindi nukta."""
    text = unicodedata.normalize("NFC", name)
    text = dediac_ar(text).replace(TATWEEL, "")
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    text = unicodedata.normalize("NFD", text).replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
    text = unicodedata.normalize("NFC", text).casefold()
    return _SPACES.sub(" ", text).strip()


def strip_article(word: str) -> str:
    """``العبادي`` -> ``عبادي``; other words unchanged."""
    if word.startswith(ARABIC_ARTICLE) and len(word) > len(ARABIC_ARTICLE) + 1:
        return word[len(ARABIC_ARTICLE) :]
    return word
