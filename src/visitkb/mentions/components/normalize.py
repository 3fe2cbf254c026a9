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
from visitkb.mentions.components.words import Word, WordFlags, set_words, word_flags
from visitkb.mentions.forms import CliticRules, normalize_word, strict_form

# Fields of the per-word cache entries (see ``Normalizer.cache``), read in C by ``map``.
_STRICT, _NORM, _NORM_HASH, _OPEN_TO_DOCUMENT, _FLAGS = (itemgetter(k) for k in range(2, 7))
_TEXT = itemgetter(0)
# The word rows of a form: without, then with a space after it (indexed by the SPACY flag).
Static = tuple[Word, Word, str, str, int, bool, int]


class Normalizer(BatchComponent):
    """Sets ``token.norm_`` for every token: normalised, then clitics stripped where known.

    A word's norm is set once, on its lexeme; only tokens whose norm the document changes get
    one of their own. (The tokeniser sets no norms: ``mentions.tokenizer`` drops those of its
    special cases.)
    """

    def __init__(
        self, lang: str, known: frozenset[str], listed: frozenset[str], flags: WordFlags
    ) -> None:
        self.lang = lang
        self.known = known
        self.listed = listed  # words the matchers look for as written, clitic and all
        self.rules = CliticRules.of(lang)
        self.flags = flags  # the components' tests of word forms
        # Per orth hash: (its word rows without and with a space after, strict form, norm,
        # norm hash, whether the document may change the norm, flags). Normalising runs on
        # every token of every document; word forms repeat, and some flags are the lexeme's.
        self.cache: dict[int, Static] = {}
        self.tests = 0  # how many of the tests the cached flags answer

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
        return bare, spaced, strict, norm, lexeme.norm, open_to_document, self.flags.of(text, norm)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cache = self.cache
        if self.tests != len(self.flags.flags):  # a component added a test: answer it too
            cache.clear()
            self.tests = len(self.flags.flags)
        orths, spacy, idx = doc.to_array(["ORTH", "SPACY", "IDX"]).T.tolist()
        static = list(map(cache.get, orths))
        if None in static:
            for k, found in enumerate(static):
                if found is None:
                    found = cache.get(orths[k]) or self._static(orths[k], doc.vocab)
                    static[k] = cache[orths[k]] = found
        words = list(map(getitem, static, spacy))
        norms = list(map(_NORM, static))
        flags = bytearray(map(_FLAGS, static))
        if self.rules.clitics and any(map(_OPEN_TO_DOCUMENT, static)):
            self._strip_in_document(doc, static, words, norms, flags)
        set_words(doc, words, list(map(_TEXT, words)), norms, idx, bytes(flags))
        return doc

    def _strip_in_document(
        self,
        doc: Doc,
        static: list[Static],
        words: list[Word],
        norms: list[str],
        flags: bytearray,
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
                    flags[k] = self.flags.of(words[k].text, norms[k])
        if hashes is not None:
            doc.from_array(["NORM"], numpy.array(hashes, dtype="uint64").reshape(-1, 1))


@Language.factory("visitkb_normalize", default_config={"known": []})
def make_normalizer(nlp: Language, name: str, known: list[str]) -> Normalizer:
    """Normalise tokens into ``norm_``; ``known`` adds words beyond the language lexicon."""
    from visitkb.mentions.lexicon import lexicon

    lex = lexicon(nlp.lang)
    known_words = lex.strict_known | frozenset(known)
    return Normalizer(nlp.lang, known_words, lex.strict_listed, word_flags(nlp))
