"""The tokens of a document as plain tuples, built once per document for the components.

Reading spaCy ``Token`` objects in Python loops costs more than the work done with them; the
normaliser copies the few attributes the components read here once, with the norms it sets.
The texts, norms and offsets are also kept as plain lists, for components that only scan one.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, repeat
from typing import NamedTuple

from spacy.tokens import Doc

_KEY = "visitkb_words"
_TEXTS = "visitkb_texts"
_NORMS = "visitkb_norms"
_STARTS = "visitkb_starts"
# A token's whitespace_ from its SPACY flag.
_WHITESPACE = ("", " ")
# Word forms a ``WordTest`` keeps its answers for; past this (a long ingest of new words) it
# starts over rather than grow without bound.
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


def set_words(doc: Doc, words: list[Word], texts: list[str], norms: list[str], idx: list[int]):
    """Keep the words of ``doc``, with their text and norm columns and character offsets."""
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


class WordTest:
    """Where in a document's words a test holds, the answer kept per word form.

    Components start reading only at the few tokens that can begin what they find. Word forms
    repeat across documents, so each form is tested once; a document whose forms are all known
    is then read without a Python call per token.
    """

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.answers: dict[str, bool] = {}

    def positions(self, words: list[str]) -> list[int]:
        """The indices of ``words`` the test holds for, in order."""
        answers = self.answers
        try:
            flags = list(map(answers.__getitem__, words))
        except KeyError:
            if len(answers) > MAX_TESTED_WORDS:
                answers.clear()
            test = self.test
            flags = []
            for word in words:
                flag = answers.get(word)
                if flag is None:
                    flag = answers[word] = test(word)
                flags.append(flag)
        return list(compress(range(len(words)), flags))
