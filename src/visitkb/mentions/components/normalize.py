"""The ``visitkb_normalize`` component: sets ``token.norm_`` to each word's matching form.

See ``mentions.forms`` for what normalising does in each language.
"""

from __future__ import annotations

from operator import getitem, itemgetter

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from visitkb.mentions.components.batch import BatchComponent
from visitkb.mentions.components.words import Word, set_words
from visitkb.mentions.forms import CliticRules, normalize_word, strict_form

# Fields of the per-word cache entries (see ``Normalizer.cache``), read in C by ``map``.
_STRICT, _NORM, _NORM_HASH, _OPEN_TO_DOCUMENT = (itemgetter(k) for k in range(2, 6))
_TEXT = itemgetter(0)
# The word rows of a form: without, then with a space after it (indexed by the SPACY flag).
Static = tuple[Word, Word, str, str, int, bool]


class Normalizer(BatchComponent):
    """Sets ``token.norm_`` for every token: normalised, then clitics stripped where known.

    A word's norm is set once, on its lexeme; only tokens whose norm the document changes get
    one of their own. (The tokeniser sets no norms: ``mentions.tokenizer`` drops those of its
    special cases.)
    """

    def __init__(self, lang: str, known: frozenset[str], listed: frozenset[str]) -> None:
        self.lang = lang
        self.known = known
        self.listed = listed  # words the matchers look for as written, clitic and all
        self.rules = CliticRules.of(lang)
        # Per orth hash: (its word rows without and with a space after, strict form, norm,
        # norm hash, whether the document may change the norm). Normalising runs on every
        # token of every document; word forms repeat, and their flags are the lexeme's.
        self.cache: dict[int, Static] = {}

    def _static(self, orth: int, vocab: Vocab) -> Static:
        strings = vocab.strings
        lexeme = vocab[orth]
        text = strings[orth]
        lang = self.lang
        strict, open_to_document = text, False
        if not self.rules.clitics:
            norm = normalize_word(text, lang)
        else:
            strict = strict_form(text, lang)
            if strict in self.listed:
                # Written as the lexicon lists it ("بحضور", "للقاء"): matched as it is.
                norm = normalize_word(strict, lang)
            else:
                stripped = self.rules.strip(strict, self.known)
                # Unstripped words starting with a clitic may strip into a word of the document.
                open_to_document = stripped == strict and strict[:1] in self.rules.clitics
                norm = normalize_word(stripped, lang)
        bare = Word(text, norm, "", lexeme.is_punct, lexeme.is_space)
        spaced = bare._replace(whitespace_=" ")
        # The word's norm, for every document: a token whose own norm is unset reads it.
        lexeme.norm = strings.add(norm)
        return bare, spaced, strict, norm, lexeme.norm, open_to_document

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cache = self.cache
        orths, spacy, idx = doc.to_array(["ORTH", "SPACY", "IDX"]).T.tolist()
        static = list(map(cache.get, orths))
        if None in static:
            for k, found in enumerate(static):
                if found is None:
                    found = cache.get(orths[k]) or self._static(orths[k], doc.vocab)
                    static[k] = cache[orths[k]] = found
        words = list(map(getitem, static, spacy))
        norms = list(map(_NORM, static))
        if self.rules.clitics and any(map(_OPEN_TO_DOCUMENT, static)):
            self._strip_in_document(doc, static, words, norms)
        set_words(doc, words, list(map(_TEXT, words)), norms, idx)
        return doc

    def _strip_in_document(
        self, doc: Doc, static: list[Static], words: list[Word], norms: list[str]
    ) -> None:
        """A word written bare elsewhere in the document is known here ("وتوكاييف"): such
        tokens get norms of their own (the others keep their word's)."""
        written = set(map(_STRICT, static))
        hashes = None
        for k, entry in enumerate(static):
            if _OPEN_TO_DOCUMENT(entry):
                strict = _STRICT(entry)
                stripped = self.rules.strip(strict, self.known, written)
                if stripped != strict:
                    hashes = hashes or list(map(_NORM_HASH, static))
                    norms[k] = normalize_word(stripped, self.lang)
                    hashes[k] = doc.vocab.strings.add(norms[k])
                    words[k] = words[k]._replace(norm_=norms[k])
        if hashes is not None:
            doc.from_array(["NORM"], numpy.array(hashes, dtype="uint64").reshape(-1, 1))


@Language.factory("visitkb_normalize", default_config={"known": []})
def make_normalizer(nlp: Language, name: str, known: list[str]) -> Normalizer:
    """Normalise tokens into ``norm_``; ``known`` adds words beyond the language lexicon."""
    from visitkb.mentions.lexicon import lexicon

    lex = lexicon(nlp.lang)
    return Normalizer(nlp.lang, lex.strict_known | frozenset(known), lex.strict_listed)
