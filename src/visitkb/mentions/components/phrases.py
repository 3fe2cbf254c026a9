"""Phrase matching on normalised forms, shared by the gazetteer components.

A ``PhraseMatcher`` on ``NORM`` whose label is the normalised phrase itself, so a component
looks up what a match means in its lexicon table; overlapping matches keep the longest.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc


def phrase_matcher(nlp: Language, phrases: Iterable[str]) -> PhraseMatcher:
    """A matcher for normalised ``phrases`` (words separated by spaces), labelled by phrase."""
    matcher = PhraseMatcher(nlp.vocab, attr="NORM")
    for phrase in dict.fromkeys(phrases):
        words = phrase.split()
        if not words:
            continue
        pattern = Doc(nlp.vocab, words=words)
        for token in pattern:
            token.norm_ = token.text
        matcher.add(phrase, [pattern])
    return matcher


def longest_matches(matcher: PhraseMatcher, doc: Doc) -> list[tuple[str, int, int]]:
    """(phrase, start, end) of the longest non-overlapping matches, in text order.

    Longer matches win, then earlier ones (as ``spacy.util.filter_spans`` decides).
    """
    strings = doc.vocab.strings
    taken: set[int] = set()
    kept = []
    for label, start, end in sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
        if any(k in taken for k in range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((strings[label], start, end))
    return sorted(kept, key=lambda m: m[1])
