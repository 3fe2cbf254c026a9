"""The tokens of a document as plain tuples, built once per document for the components.

Reading spaCy ``Token`` objects in Python loops costs more than the work done with them; the
normaliser copies the few attributes the components read here once, with the norms it sets.
The texts and norms are also kept as plain lists, for components that only scan one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import repeat
from typing import NamedTuple

from spacy.tokens import Doc

_KEY = "visitkb_words"
_TEXTS = "visitkb_texts"
_NORMS = "visitkb_norms"
# A token's whitespace_ from its SPACY flag.
_WHITESPACE = ("", " ")


class Word(NamedTuple):
    """The attributes of a token the components read (named as spaCy names them)."""

    text: str
    norm_: str
    whitespace_: str
    is_punct: bool
    is_space: bool
    idx: int


def set_words(
    doc: Doc,
    texts: list[str],
    norms: list[str],
    spacy: Iterable[int],
    punct: Iterable[bool],
    space: Iterable[bool],
    idx: Iterable[int],
) -> None:
    """Keep the words of ``doc`` from its columns (the normaliser builds them with the norms).

    The rows are made by ``tuple.__new__`` (what ``Word._make`` calls) inside ``map``: no
    Python frame per token.
    """
    whitespace = map(_WHITESPACE.__getitem__, spacy)
    rows = zip(texts, norms, whitespace, punct, space, idx, strict=True)
    doc.user_data[_KEY] = list(map(tuple.__new__, repeat(Word), rows))
    doc.user_data[_TEXTS] = texts
    doc.user_data[_NORMS] = norms


def words_of(doc: Doc) -> list[Word]:
    """The words of ``doc`` (its norms must be final: call after normalisation)."""
    words = doc.user_data.get(_KEY)
    if words is None:
        strings = doc.vocab.strings
        columns = doc.to_array(["ORTH", "NORM", "SPACY", "IS_PUNCT", "IS_SPACE", "IDX"])
        orth, norm, spacy, punct, space, idx = columns.T.tolist()
        texts = [strings[h] for h in orth]
        norms = [strings[h] for h in norm]
        set_words(doc, texts, norms, spacy, map(bool, punct), map(bool, space), idx)
        words = doc.user_data[_KEY]
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
