"""The tokens of a document as plain tuples, built once per document for the components.

Reading spaCy ``Token`` objects in Python loops costs more than the work done with them; the
normaliser copies the few attributes the components read here once, with the norms it sets.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

_KEY = "visitkb_words"


class Word(NamedTuple):
    """The attributes of a token the components read (named as spaCy names them)."""

    text: str
    norm_: str
    whitespace_: str
    is_punct: bool
    is_space: bool
    idx: int


def set_words(doc: Doc, words: list[Word]) -> None:
    """Keep ``words`` as the words of ``doc`` (the normaliser builds them with the norms)."""
    doc.user_data[_KEY] = words


def words_of(doc: Doc) -> list[Word]:
    """The words of ``doc`` (its norms must be final: call after normalisation)."""
    words = doc.user_data.get(_KEY)
    if words is None:
        strings = doc.vocab.strings
        rows = doc.to_array(["ORTH", "NORM", "SPACY", "IS_PUNCT", "IS_SPACE", "IDX"]).tolist()
        words = [
            Word(strings[orth], strings[norm], " " if space else "", bool(punct), bool(blank), idx)
            for orth, norm, space, punct, blank, idx in rows
        ]
        doc.user_data[_KEY] = words
    return words
