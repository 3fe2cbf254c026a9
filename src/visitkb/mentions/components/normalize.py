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

    def __init__(self, lang: str, known: frozenset[str]) -> None:
        self.lang = lang
        self.known = known
        self.rules = CliticRules.of(lang)

    def __call__(self, doc: Doc) -> Doc:
        lang = self.lang
        strings = doc.vocab.strings
        # Arrays instead of Token objects: this runs on every token of every document.
        texts = [strings[h] for h in doc.to_array("ORTH").tolist()]
        if self.rules.clitics:
            # A word written bare elsewhere in the document is known here ("وتوكاييف").
            strict = [strict_form(t, lang) for t in texts]
            written = set(strict)
            norms = [normalize_word(self.rules.strip(w, self.known, written), lang) for w in strict]
        else:
            norms = [normalize_word(t, lang) for t in texts]
        if norms:
            hashes = numpy.array([strings.add(n) for n in norms], dtype="uint64")
            doc.from_array(["NORM"], hashes.reshape(-1, 1))
        return doc


@Language.factory("visitkb_normalize", default_config={"known": []})
def make_normalizer(nlp: Language, name: str, known: list[str]) -> Normalizer:
    """Normalise tokens into ``norm_``; ``known`` adds words beyond the language lexicon."""
    from visitkb.mentions.lexicon import lexicon

    return Normalizer(nlp.lang, lexicon(nlp.lang).strict_known | frozenset(known))
