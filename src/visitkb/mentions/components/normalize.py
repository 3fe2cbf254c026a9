"""The ``visitkb_normalize`` component: sets ``token.norm_`` to each word's matching form.

See ``mentions.forms`` for what normalising does in each language.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from visitkb.mentions.forms import CliticRules, normalize_word, strict_form


class Normalizer:
    """Sets ``token.norm_`` for every token: normalised, then clitics stripped where known."""

    def __init__(self, lang: str, known: frozenset[str], listed: frozenset[str]) -> None:
        self.lang = lang
        self.known = known
        self.listed = listed  # words the matchers look for as written, clitic and all
        self.rules = CliticRules.of(lang)
        # Per orth hash: (strict form, norm hash, whether the document may change it).
        self.cache: dict[int, tuple[str, int, bool]] = {}

    def _static(self, orth: int, strings) -> tuple[str, int, bool]:
        text = strings[orth]
        lang = self.lang
        if not self.rules.clitics:
            return text, strings.add(normalize_word(text, lang)), False
        strict = strict_form(text, lang)
        if strict in self.listed:
            # Written as the lexicon lists it ("بحضور", "للقاء"): matched as it is.
            return strict, strings.add(normalize_word(strict, lang)), False
        stripped = self.rules.strip(strict, self.known)
        # Unstripped words starting with a clitic may strip into a word of the document.
        open_to_document = stripped == strict and strict[:1] in self.rules.clitics
        return strict, strings.add(normalize_word(stripped, lang)), open_to_document

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        cache = self.cache
        # Arrays and a cache per word form: this runs on every token of every document.
        orths = doc.to_array("ORTH").tolist()
        static = []
        for orth in orths:
            found = cache.get(orth)
            if found is None:
                found = cache[orth] = self._static(orth, strings)
            static.append(found)
        norms = [norm for _strict, norm, _open in static]
        if any(open_ for _s, _n, open_ in static):
            # A word written bare elsewhere in the document is known here ("وتوكاييف").
            written = {strict for strict, _n, _o in static}
            for k, (strict, _norm, open_) in enumerate(static):
                if open_:
                    stripped = self.rules.strip(strict, self.known, written)
                    if stripped != strict:
                        norms[k] = strings.add(normalize_word(stripped, self.lang))
        doc.from_array(["NORM"], numpy.array(norms, dtype="uint64").reshape(-1, 1))
        return doc


@Language.factory("visitkb_normalize", default_config={"known": []})
def make_normalizer(nlp: Language, name: str, known: list[str]) -> Normalizer:
    """Normalise tokens into ``norm_``; ``known`` adds words beyond the language lexicon."""
    from visitkb.mentions.lexicon import lexicon

    lex = lexicon(nlp.lang)
    return Normalizer(nlp.lang, lex.strict_known | frozenset(known), lex.strict_listed)
