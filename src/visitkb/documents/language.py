"""Language detection by script, for documents that do not say their language."""

from __future__ import annotations

import unicodedata

# Script of a letter -> the language visitkb reads in that script. Arabic script is read as
# Arabic until a Persian or Urdu folder exists under lang/.
SCRIPT_LANGUAGE = {"ARABIC": "ar", "DEVANAGARI": "hi"}

# A text whose dominant script covers fewer letters than this is too short to call.
MIN_LETTERS = 3


def detect_language(text: str) -> str | None:
    """Return the language code of the script most letters of ``text`` are written in, or None."""
    counts: dict[str, int] = {}
    for char in text:
        if unicodedata.category(char)[0] not in "LM":  # letters, and vowel signs of abugidas
            continue
        script = unicodedata.name(char, "").split(" ", 1)[0]
        lang = SCRIPT_LANGUAGE.get(script)
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None
    lang, letters = max(counts.items(), key=lambda item: item[1])
    return lang if letters >= MIN_LETTERS else None
