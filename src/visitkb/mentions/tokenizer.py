"""Fixes to spaCy's blank tokenisers that news text needs (see NLP_NOTES "spaCy tokenisation").

Blank ``ar`` leaves a period or a closing quote attached to the word before it (``2016.``,
``جميلة".``), keeps ``12-سبتمبر-2021`` and ``و"نشكر`` whole, and its URL rule glues ``أمس.وفي``;
the extra suffix, prefix and infix rules below split them, and only text that starts like a
URL is kept whole as one. Blank ``hi`` needs none.

In both languages the special cases that only repeat a whitespace character (``"\\n"``) are
dropped: they tokenise the same without them, but a special case met in a text stops spaCy from
caching how every later word of that text splits, so with them nearly every word of every
article (a headline ends with a line break) went through the affix rules again.
"""

from __future__ import annotations

import re

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from visitkb.mentions.lexicon import grammar

DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f]"
URL = re.compile(r"^(?:[a-z]+://|www\.)\S+$", re.IGNORECASE)
EXTRA_RULES: dict[str, dict[str, list[str]]] = {
    "ar": {
        "prefixes": [],  # and the language's conjunction clitics before a quote (clitic_prefixes)
        "suffixes": [r"\.", r"[\"”“»']"],
        "infixes": [
            rf"(?<={DIGIT})-(?=[^\W\d_])",  # 12-سبتمبر
            rf"(?<=[^\W\d_])-(?={DIGIT})",  # سبتمبر-2021
            r"(?<=[^\W\d_])\.(?=[^\W\d_])",  # أمس.وفي
            r"(?<=[^\W\d_])[\"“”«»](?=[^\W\d_])",
        ],
    },
}


def clitic_prefixes(lang: str) -> list[str]:
    """A conjunction written on an opening quote is a token of its own (``و"نشكر``)."""
    clitics = sorted(grammar(lang).conjunction_clitics)
    return [rf"{re.escape(c)}(?=[\"“«'])" for c in clitics]


def fix_tokenizer(nlp: Language) -> None:
    """Add the language's extra prefix, suffix and infix rules to ``nlp.tokenizer``; drop the
    whitespace special cases that only disable its cache, and the norms special cases set (the
    normaliser sets every norm, on the words' lexemes)."""
    nlp.tokenizer.rules = {
        text: [{k: v for k, v in token.items() if k != NORM} for token in tokens]
        for text, tokens in nlp.tokenizer.rules.items()
        if not (text.isspace() and tokens == [{ORTH: text}])
    }
    rules = EXTRA_RULES.get(nlp.lang, {})
    clitics = clitic_prefixes(nlp.lang)
    if not rules and not clitics:
        return
    defaults = nlp.Defaults
    prefixes = list(defaults.prefixes or []) + rules.get("prefixes", []) + clitics
    suffixes = list(defaults.suffixes or []) + rules.get("suffixes", [])
    infixes = list(defaults.infixes or []) + rules.get("infixes", [])
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.url_match = URL.match
