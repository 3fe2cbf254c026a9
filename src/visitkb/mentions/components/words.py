"""The tokens of a document as plain tuples, built once per document for the components.

Reading spaCy ``Token`` objects in Python loops costs more than the work done with them; the
normaliser copies the few attributes the components read here once, with the norms it sets.
The texts, norms and offsets are also kept as plain lists, for components that only scan one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress, repeat
from typing import NamedTuple
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.tokens import Doc

_KEY = "visitkb_words"
_TEXTS = "visitkb_texts"
_NORMS = "visitkb_norms"
_STARTS = "visitkb_starts"
_FLAGS = "visitkb_flags"
# A token's whitespace_ from its SPACY flag.
_WHITESPACE = ("", " ")
# Tests of word forms a pipeline can keep answers to (``WordFlags``: one byte per token).
MAX_FLAGS = 8
# Word forms a component's cache of answers per form keeps; past this (a long ingest of new
# words) it starts over rather than grow without bound.
MAX_TESTED_WORDS = 200_000


class Word(NamedTuple):
    """The attributes of a token the components read (named as spaCy names them).

    Nothing here depends on where the token stands, so one row serves every token of the same
    form and spacing (the normaliser keeps them); offsets are a column (``starts_of``).
    """

    text: str
    norm_: str
    whitespace_: str
    is_punct: bool
    is_space: bool


def set_words(
    doc: Doc,
    words: list[Word],
    texts: list[str],
    norms: list[str],
    idx: list[int],
    flags: bytes | None = None,
) -> None:
    """Keep the words of ``doc``, with their text and norm columns, character offsets and
    flags (``WordFlags``)."""
    if flags is not None:
        doc.user_data[_FLAGS] = flags
    doc.user_data[_KEY] = words
    doc.user_data[_TEXTS] = texts
    doc.user_data[_NORMS] = norms
    doc.user_data[_STARTS] = idx


def words_of(doc: Doc) -> list[Word]:
    """The words of ``doc`` (its norms must be final: call after normalisation)."""
    words = doc.user_data.get(_KEY)
    if words is None:
        strings = doc.vocab.strings
        columns = doc.to_array(["ORTH", "NORM", "SPACY", "IS_PUNCT", "IS_SPACE", "IDX"])
        orth, norm, spacy, punct, space, idx = columns.T.tolist()
        texts = [strings[h] for h in orth]
        norms = [strings[h] for h in norm]
        whitespace = map(_WHITESPACE.__getitem__, spacy)
        rows = zip(texts, norms, whitespace, map(bool, punct), map(bool, space), strict=True)
        words = list(map(tuple.__new__, repeat(Word), rows))
        set_words(doc, words, texts, norms, idx)
    return words


def texts_of(doc: Doc) -> list[str]:
    """``token.text`` of every token of ``doc`` (shared: do not change the list)."""
    if _TEXTS not in doc.user_data:
        words_of(doc)
    return doc.user_data[_TEXTS]


def norms_of(doc: Doc) -> list[str]:
    """``token.norm_`` of every token of ``doc`` (shared: do not change the list)."""
    if _NORMS not in doc.user_data:
        words_of(doc)
    return doc.user_data[_NORMS]


def starts_of(doc: Doc) -> list[int]:
    """``token.idx`` (character offset) of every token of ``doc`` (shared: do not change)."""
    if _STARTS not in doc.user_data:
        words_of(doc)
    return doc.user_data[_STARTS]


class WordFlags:
    """The yes/no tests of word forms a pipeline's components scan documents with.

    Components start reading only at the few tokens that can begin what they find. The
    normaliser answers every test once per word form and keeps the answers as the bits of one
    byte per token: a component then finds the tokens its test holds for with no look-up and no
    Python call per token.
    """

    def __init__(self) -> None:
        self.flags: list[WordFlag] = []

    def add(self, test: Callable[[str], bool], *, of_norm: bool) -> WordFlag:
        """A flag for ``test`` of each token's norm (``of_norm``) or text."""
        if len(self.flags) == MAX_FLAGS:
            raise ValueError(f"a pipeline's components have at most {MAX_FLAGS} word tests")
        bit = 1 << len(self.flags)
        flag = WordFlag(bit, bytes(int(bool(v & bit)) for v in range(256)), test, of_norm)
        self.flags.append(flag)
        return flag

    def of(self, text: str, norm: str) -> int:
        """The flags of a word written ``text`` with the norm ``norm``."""
        flags = 0
        for flag in self.flags:
            if flag.test(norm if flag.of_norm else text):
                flags |= flag.bit
        return flags


_REGISTRIES: WeakKeyDictionary[Language, WordFlags] = WeakKeyDictionary()


def word_flags(nlp: Language) -> WordFlags:
    """The tests of ``nlp``'s components (one registry per pipeline)."""
    flags = _REGISTRIES.get(nlp)
    if flags is None:
        flags = _REGISTRIES[nlp] = WordFlags()
    return flags


@dataclass(frozen=True)
class WordFlag:
    """One test of ``WordFlags``: its bit, the byte table that keeps only that bit, and the test
    itself."""

    bit: int
    only: bytes
    test: Callable[[str], bool]
    of_norm: bool

    def positions(self, doc: Doc) -> list[int]:
        """The tokens of ``doc`` the test holds for, in order."""
        flags = doc.user_data.get(_FLAGS)
        if flags is None or len(flags) != len(doc):  # not normalised: each word tested here
            words = norms_of(doc) if self.of_norm else texts_of(doc)
            return [k for k, word in enumerate(words) if self.test(word)]
        return list(compress(range(len(flags)), flags.translate(self.only)))
