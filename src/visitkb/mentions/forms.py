"""The matching form of words: matching runs on these forms, offsets stay the text's.

Arabic: camel-tools folds diacritics, alef, alef maqsura and ta marbuta forms and tatweel; a
proclitic (و ف ب ك ل) is stripped when what is left is a known word (the language's lexicon, the
world gazetteer, or a word written bare elsewhere in the same document), so ``وتوكاييف`` reads
``توكاييف`` but ``فيصل`` stays whole. Hindi: NFC, nukta dropped, chandrabindu read as anusvara,
so ``इराक़`` and ``इराक`` match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from visitkb.lang import load_knowledge

TATWEEL = "\u0640"
NUKTA = "\u093c"
CHANDRABINDU, ANUSVARA = "\u0901", "\u0902"
# The folding that runs on words of a script that uses camel-tools (``grammar.yaml`` script).
ARABIC_SCRIPT = "arabic"
# A stripped word shorter than this is never trusted to be the word meant (لي, ري).
MIN_STRIPPED_LETTERS = 3
# Decimal digits of every script (Arabic-Indic, Persian, Devanagari, ...), read as ASCII.
_DIGITS = str.maketrans(
    {
        c: str(unicodedata.decimal(chr(c)))
        for c in range(0x10000)
        if unicodedata.decimal(chr(c), None) is not None
    }
)


@cache
def _script(lang: str) -> str:
    """How words of ``lang`` are folded (``grammar.yaml`` script)."""
    return str(load_knowledge(lang, "grammar").get("script", ""))


@cache
def _variants(lang: str) -> dict[int, int]:
    """Letters other languages of the script use, read as the language's own
    (``grammar.yaml`` letter_variants)."""
    variants = load_knowledge(lang, "grammar").get("letter_variants") or {}
    return str.maketrans({str(k): str(v) for k, v in variants.items()})


@lru_cache(maxsize=200_000)
def normalize_word(word: str, lang: str) -> str:
    """The matching form of one word (no clitic stripping)."""
    if _script(lang) == ARABIC_SCRIPT:
        text = normalize_unicode(word).translate(_variants(lang))
        text = dediac_ar(text).replace(TATWEEL, "")
        text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    else:
        text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", word))
        text = text.replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
        text = unicodedata.normalize("NFC", text)
    return text.translate(_DIGITS).casefold()


@lru_cache(maxsize=200_000)
def strict_form(word: str, lang: str) -> str:
    """A form that keeps ta marbuta (ة) apart from ha (ه), for stripping clitics.

    Folding them would read "وزارة" (ministry) as و + "زاره" (visited him).
    """
    if _script(lang) != ARABIC_SCRIPT:
        return normalize_word(word, lang)
    text = normalize_unicode(word).translate(_variants(lang))
    text = dediac_ar(text).replace(TATWEEL, "")
    return normalize_alef_maksura_ar(normalize_alef_ar(text)).translate(_DIGITS)


@lru_cache(maxsize=200_000)
def light_form(word: str, lang: str) -> str:
    """A lighter matching form that keeps alef maqsura (ى) apart from ya (ي).

    Folding them makes the preposition "على" and the name "علي" one word; stop words are
    compared in this form so a name can start with "علي".
    """
    if _script(lang) != ARABIC_SCRIPT:
        return normalize_word(word, lang)
    text = normalize_unicode(word).translate(_variants(lang))
    text = dediac_ar(text).replace(TATWEEL, "")
    return normalize_teh_marbuta_ar(normalize_alef_ar(text)).translate(_DIGITS)


def normalize_phrase(phrase: str, lang: str) -> str:
    """Normalise every word of a phrase (split on spaces)."""
    return " ".join(normalize_word(w, lang) for w in phrase.split())


@dataclass(frozen=True)
class CliticRules:
    """Which letters are proclitics in a language, and which only before the article."""

    clitics: frozenset[str]
    article_only: frozenset[str]
    article_eliding: frozenset[str]  # before these the article loses its first letter (لل)
    article: str
    short_words: frozenset[str]  # two-letter function words a clitic may precede ("ومن")

    @classmethod
    @cache
    def of(cls, lang: str) -> CliticRules:
        words = load_knowledge(lang, "function_words")
        eliding = load_knowledge(lang, "grammar").get("article_eliding_clitics") or []
        return cls(
            clitics=frozenset(normalize_word(c, lang) for c in words.get("clitics", [])),
            article_only=frozenset(
                normalize_word(c, lang) for c in words.get("article_only_clitics", [])
            ),
            article_eliding=frozenset(normalize_word(c, lang) for c in eliding),
            article=normalize_word(words.get("article", ""), lang),
            short_words=frozenset(
                strict_form(w, lang)
                for w in words.get("stop_words") or []
                if len(strict_form(w, lang)) < MIN_STRIPPED_LETTERS
            ),
        )

    def strip(self, word: str, *known: Collection[str]) -> str:
        """``word`` (a strict form) without its proclitics when what is left is in ``known``
        (strict forms); else ``word``."""
        for _ in range(2):  # at most two proclitics: و + ب ("وبالتالي")
            if len(word) < MIN_STRIPPED_LETTERS or word[0] not in self.clitics:
                return word
            rest = word[1:]
            if word[0] in self.article_only and not rest.startswith(self.article):
                return word
            # ل + ال is written لل: "للعراق" is ل + "العراق".
            elided = self.article[1:]
            if self.article and word[0] in self.article_eliding and rest.startswith(elided):
                joined = self.article + rest[len(elided) :]
                if any(joined in words for words in known):
                    return joined
            if rest in self.short_words:
                return rest  # "ومن", "وفي"
            if len(rest) >= MIN_STRIPPED_LETTERS and any(rest in words for words in known):
                word = rest
                continue
            return word
        return word
