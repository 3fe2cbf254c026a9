"""Name normalisation and the script-independent name key shared by resolution and evaluation.

The key maps Arabic, Persian, Devanagari and Latin letters to shared consonant classes
(``letter_classes.json``), so ``إبراهيم رئيسي``, ``इब्राहीम रईसी`` and ``Ebrahim Raisi`` all give
``brhmrs``. An equal key makes a candidate, to be confirmed by role, country or gazetteer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)

TATWEEL = "\u0640"
NUKTA = "\u093c"
CHANDRABINDU, ANUSVARA = "\u0901", "\u0902"
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
ARABIC_ARTICLE = "ال"
# The article written with alef wasla, as in vocalised or Quranic spelling.
ARABIC_ARTICLE_WASLA = "ٱل"
LETTER_CLASSES_FILE = Path(__file__).with_name("letter_classes.json")
_SPACES = re.compile(r"[\s\u200c\u200d\-‐–—_.,'’\"]+")
# Words of a name: runs of letters and combining marks (Devanagari matras, virama, Arabic harakat).
_WORDS = re.compile(
    r"[^\W\d_]+(?:[\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f"
    r"\u0951-\u0957\u0962\u0963]+[^\W\d_]*)*"
)
_DOUBLES = re.compile(r"(.)\1+")


def normalize_arabic(text: str) -> str:
    """Arabic script without diacritics or tatweel, with one alef, one ya and ha for ta marbuta."""
    text = dediac_ar(unicodedata.normalize("NFC", text)).replace(TATWEEL, "")
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))


def normalize_hindi(text: str) -> str:
    """Devanagari in NFC without nukta (``इराक़`` = ``इराक``), chandrabindu written as anusvara."""
    text = unicodedata.normalize("NFD", text).replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
    return unicodedata.normalize("NFC", text)


def normalize_name(name: str) -> str:
    """Fold script variants (Arabic and Hindi normalisation, case) and separators."""
    text = normalize_hindi(normalize_arabic(name.translate(ZERO_WIDTH))).casefold()
    return _SPACES.sub(" ", text).strip()


def strip_article(word: str) -> str:
    """``العبادي`` -> ``عبادي``; other words unchanged."""
    if word.startswith(ARABIC_ARTICLE) and len(word) > len(ARABIC_ARTICLE) + 1:
        return word[len(ARABIC_ARTICLE) :]
    return word


class _KeyTables:
    """The letter classes, Latin rewrites and article forms of ``letter_classes.json``."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.letter_class = {
            letter: cls for cls, letters in data["classes"].items() for letter in letters
        }
        self.latin_letters = str.maketrans(data["latin_letters"])
        digraphs = data["latin_digraphs"]
        self.latin_digraphs = re.compile("|".join(sorted(digraphs, key=len, reverse=True)))
        self.digraph_class = digraphs
        self.article_words = frozenset(data["articles"]["words"])
        prefixes = data["articles"]["prefixes"]
        self.prefixes = sorted(
            ((k, v) for k, v in prefixes.items() if not k.startswith("_")),
            key=lambda kv: -len(kv[0]),
        )


@cache
def _tables() -> _KeyTables:
    return _KeyTables(LETTER_CLASSES_FILE)


def name_key(name: str) -> str:
    """Script-independent consonant key of a name: equal for spellings of one name.

    Vowels, matras, semivowels, ain and hamza are dropped, the Arabic article is dropped (as a
    word, as a prefix ``ال``, and inside ``عبدال``/``Abdul``/``अब्दुल``), a word-final h is
    dropped (ta marbuta, ``Abdullah``/``अब्दुल्ला``), and doubled classes collapse.
    """
    tables = _tables()
    skeleton = []
    for word in _WORDS.findall(name.translate(ZERO_WIDTH)):
        for prefix in (ARABIC_ARTICLE, ARABIC_ARTICLE_WASLA):
            # Two letters at least after the article: آل and ال alone are dropped as words below.
            if word.startswith(prefix) and len(word) > len(prefix) + 1:
                word = word[len(prefix) :]
        word = normalize_hindi(normalize_arabic(word)).casefold()
        if word in tables.article_words:
            continue
        for prefix, replacement in tables.prefixes:
            if word.startswith(prefix):
                word = replacement + word[len(prefix) :]
                break
        skeleton.append(_word_skeleton(word, tables))
    return _DOUBLES.sub(r"\1", "".join(skeleton))


def _word_skeleton(word: str, tables: _KeyTables) -> str:
    """Consonant classes of one normalised word, without a final h."""
    if word.isascii() or any("LATIN" in unicodedata.name(c, "") for c in word):
        word = _fold_latin(word, tables)
    classes = "".join(tables.letter_class.get(c, "") for c in word)
    return classes[:-1] if classes.endswith("h") else classes


def _fold_latin(word: str, tables: _KeyTables) -> str:
    """Latin letters without accents, with digraphs (sh, kh, ...) rewritten to one class."""
    word = word.translate(tables.latin_letters)
    word = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return tables.latin_digraphs.sub(lambda m: tables.digraph_class[m.group()], word)
