"""The tokens of a document as plain tuples, built once per document for the components.

Reading spaCy ``Token`` objects in Python loops costs more than the work done with them; the
normaliser copies the few attributes the components read here once, with the norms it sets.
The texts and norms are also kept as plain lists, for components that only scan one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, repeat
from typing import NamedTuple

from spacy.tokens import Doc

_KEY = "visitkb_words"
_TEXTS = "visitkb_texts"
_NORMS = "visitkb_norms"
# A token's whitespace_ from its SPACY flag.
_WHITESPACE = ("", " ")
# Word forms a ``WordTest`` keeps its answers for; past this (a long ingest of new words) it
# starts over rather than grow without bound.
MAX_TESTED_WORDS = 200_000


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
