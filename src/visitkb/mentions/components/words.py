"""The tokens of a document as plain tuples, built once per document for the components.

Reading spaCy ``Token`` objects in Python loops costs more than the work done with them; after
normalisation the few attributes the components read are copied here once.
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


def words_of(doc: Doc) -> list[Word]:
    """The words of ``doc`` (its norms must be final: call after normalisation)."""
    words = doc.user_data.get(_KEY)
    if words is None:
        words = [
            Word(t.text, t.norm_, t.whitespace_, t.is_punct, t.is_space, t.idx) for t in doc
        ]
        doc.user_data[_KEY] = words
    return words
