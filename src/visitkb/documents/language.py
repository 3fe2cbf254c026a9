"""Language detection by script, for documents that do not say their language."""

from __future__ import annotations

import unicodedata
from functools import cache

from visitkb.lang import load_knowledge, supported_languages

# A text whose dominant script covers fewer letters than this is too short to call.
MIN_LETTERS = 3


@cache
def script_languages() -> dict[str, str]:
    """Unicode script name (``ARABIC``) -> the language visitkb reads in it, from each folder's
    ``grammar.yaml`` script. Arabic script is read as Arabic until a Persian or Urdu folder
    exists under lang/ (the first code in order wins a shared script)."""
    found: dict[str, str] = {}
    for lang in sorted(supported_languages()):
        found.setdefault(str(load_knowledge(lang, "grammar")["script"]).upper(), lang)
    return found


def detect_language(text: str) -> str | None:
    """Return the language code of the script most letters of ``text`` are written in, or None."""
    counts: dict[str, int] = {}
    script_language = script_languages()
    for char in text:
        if unicodedata.category(char)[0] not in "LM":  # letters, and vowel signs of abugidas
            continue
        script = unicodedata.name(char, "").split(" ", 1)[0]
        lang = script_language.get(script)
        if lang:
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None
    lang, letters = max(counts.items(), key=lambda item: item[1])
    return lang if letters >= MIN_LETTERS else None
