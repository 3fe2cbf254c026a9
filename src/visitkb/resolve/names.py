"""Name normalisation and the script-independent name key shared by resolution and evaluation.

The key maps Arabic, Persian, Devanagari and Latin letters to shared consonant classes
(``letter_classes.json``), so ``إبراهيم رئيسي``, ``इब्राहीम रईसी`` and ``Ebrahim Raisi`` all give
``brhmrs``. An equal key makes a candidate, to be confirmed by role, country or gazetteer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
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
LETTER_CLASSES_FILE = Path(__file__).with_name("letter_classes.json")
_SPACES = re.compile(r"[\s\u200c\u200d\-‐–—_.,'’\"]+")
# Words of a name: runs of letters and combining marks (Devanagari matras, virama, Arabic harakat).
_WORDS = re.compile(
    r"[^\W\d_]+(?:[\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f"
    r"\u0951-\u0957\u0962\u0963]+[^\W\d_]*)*"
)
_DOUBLES = re.compile(r"(.)\1+")
# h heard as aspiration after a stop: भ is one letter, بها two.
_AFTER_STOP_H = re.compile(r"(?<=[bdtkj])h+")
# The article's forms, ta marbuta said t before الله and و as a consonant are in
# ``letter_classes.json`` (article_forms, t_before, consonant_waw).


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
    text = normalize_hindi(normalize_arabic(name)).casefold()
    return _SPACES.sub(" ", text).strip()


def strip_article(word: str) -> str:
    """``العبادي`` -> ``عبادي``; other words unchanged (``آل`` and ``ال`` alone too)."""
    for article in _tables().article_forms:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


class _KeyTables:
    """The letter classes, rewrites and name-part rules of ``letter_classes.json``."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.letter_class = {
            letter: cls for cls, letters in data["classes"].items() for letter in letters
        }
        self.rewrites = _Rewrite(data["rewrites"])
        self.final_rewrites = _Rewrite(data["final_rewrites"], suffix="$")
        self.latin_letters = str.maketrans(data["latin_letters"])
        self.latin_digraphs = _Rewrite(data["latin_digraphs"])
        self.article_words = frozenset(data["articles"]["words"])
        self.prefixes = _longest_first(data["articles"]["prefixes"])
        self.compound_endings = _longest_first(data["compound_endings"])
        self.article_forms = tuple(data["article_forms"])
        t_before = data["t_before"]
        self.t_letter, self.t_as, self.t_word = t_before["letter"], t_before["as"], t_before["word"]
        self.consonant_waw = re.compile(data["consonant_waw"]["pattern"])
        self.waw_as = data["consonant_waw"]["as"]


class _Rewrite:
    """Replace any key of a mapping (longest first, NFC) by its value."""

    def __init__(self, mapping: dict[str, str], suffix: str = "") -> None:
        self.table = {unicodedata.normalize("NFC", k): v for k, v in mapping.items()}
        keys = sorted(self.table, key=len, reverse=True)
        self.pattern = re.compile("(?:" + "|".join(map(re.escape, keys)) + ")" + suffix)

    def __call__(self, text: str) -> str:
        return self.pattern.sub(lambda m: self.table[m.group()], text)


def _longest_first(mapping: dict[str, str]) -> list[tuple[str, str]]:
    table = {unicodedata.normalize("NFC", k): v for k, v in mapping.items()}
    return sorted(table.items(), key=lambda kv: -len(kv[0]))


@cache
def _tables() -> _KeyTables:
    return _KeyTables(LETTER_CLASSES_FILE)


# Every rebuild keys the whole gazetteer (tens of thousands of spellings) and the texts' names:
# remembering keys makes that a lookup after the first time in a process.
KEY_CACHE_SIZE = 200_000


@lru_cache(maxsize=KEY_CACHE_SIZE)
def name_key(name: str) -> str:
    """Script-independent consonant key of a name: equal for spellings of one name.

    Vowels, matras, ya, ain and hamza are dropped; so is the Arabic article (as a word, as the
    prefix ``ال``, and inside ``عبدال``/``Abdul``/``अब्दुल``). h is dropped after a stop (Devanagari
    writes aspirates as one letter, Arabic as a letter and ه) and at the end of a word (ta
    marbuta; ``Abdullah``/``अब्दुल्ला``). Doubled classes collapse.
    """
    tables = _tables()
    words = _WORDS.findall(unicodedata.normalize("NFC", name.translate(ZERO_WIDTH)))
    skeletons = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        for part in _name_parts(word, following, tables):
            skeletons.append(_word_skeleton(part, tables).rstrip("h"))
    key = _AFTER_STOP_H.sub("", "".join(skeletons))
    return _DOUBLES.sub(r"\1", key)


def _name_parts(word: str, following: str, tables: _KeyTables) -> list[str]:
    """The normalised parts of one written word that carry consonants (none for an article)."""
    word = strip_article(dediac_ar(word))
    if word.endswith(tables.t_letter) and normalize_arabic(following) == tables.t_word:
        # ة before الله is said t (هبة الله, Hibatullah; رحمة الله, Rahmatullah).
        word = word[: -len(tables.t_letter)] + tables.t_as
    word = tables.final_rewrites(tables.rewrites(normalize_arabic(word)))
    word = tables.consonant_waw.sub(tables.waw_as, word)
    word = normalize_hindi(word).casefold()
    if word in tables.article_words:
        return []
    for prefix, replacement in tables.prefixes:
        if word.startswith(prefix):
            word = replacement + word[len(prefix) :]
            break
    for ending, replacement in tables.compound_endings:
        if word.endswith(ending) and len(word) > len(ending):
            return [word[: -len(ending)], replacement]
    return [word]


def _word_skeleton(word: str, tables: _KeyTables) -> str:
    """Consonant classes of one normalised word."""
    if any("LATIN" in unicodedata.name(c, "") for c in word):
        word = word.translate(tables.latin_letters)
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
        )
        word = tables.latin_digraphs(word)
    return "".join(tables.letter_class.get(c, "") for c in word)
