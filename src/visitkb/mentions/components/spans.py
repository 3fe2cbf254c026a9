"""Mentions found: how components hand their findings to later components and to
``mentions.read``.

Each group is a list of final mention records (``mentions.model``) kept in ``doc.user_data``,
made once by the component that finds them: no ``Span`` objects (building spaCy spans for every
number and title costs more than the matching that found them) and no intermediate details.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc

from visitkb.mentions.components.sentences import sentence_numbers
from visitkb.mentions.components.words import starts_of, texts_of, words_of
from visitkb.mentions.model import Mention

M = TypeVar("M", bound=Mention)


def write_spans(doc: Doc, group: str, found: list[M]) -> None:
    """Store ``found`` as the group ``group``."""
    doc.user_data[("visitkb", group)] = found


def read_spans(doc: Doc, group: str) -> list[Any]:
    """The mentions of ``group`` (records of the group's class), in the order written
    (shared: do not change the list)."""
    return doc.user_data.get(("visitkb", group), [])


Location = tuple[int, int, str, int, int, int]
Locate = Callable[[int, int], Location]
_LOCATOR = "visitkb_locator"


def locator(doc: Doc) -> Locate:
    """``locate(start, end)``: the fields of ``Mention`` for tokens ``start``..``end``, in their
    order (start and end character, text, first and last+1 token, sentence; positional: no dict
    per mention). Made once per document, after its sentences are split."""
    locate = doc.user_data.get(_LOCATOR)
    if locate is not None:
        return locate
    starts, texts, words = starts_of(doc), texts_of(doc), words_of(doc)
    sentences = sentence_numbers(doc)

    def locate(start: int, end: int) -> Location:
        if end - start == 1:
            text = texts[start]
        else:
            text = (
                "".join([w.text + w.whitespace_ for w in words[start : end - 1]]) + texts[end - 1]
            )
        first = starts[start]
        return first, first + len(text), text, start, end, sentences[start]

    doc.user_data[_LOCATOR] = locate
    return locate
