"""Phrase matching on normalised forms, shared by the gazetteer components.

A ``PhraseMatcher`` on ``NORM`` whose label is the normalised phrase itself, so a component
looks up what a match means in its lexicon table; overlapping matches keep the longest.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

# Phrase of each label hash: the string store decodes a new string on every lookup. Labels
# are hashes of the phrases, the same in every vocabulary.
_PHRASES: dict[int, str] = {}


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
    matches = matcher(doc)
    if not matches:
        return []
    strings = doc.vocab.strings
    taken = bytearray(len(doc))  # 1 where a kept match lies
    kept = []
    for label, start, end in sorted(matches, key=_longest_first):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        phrase = _PHRASES.get(label)
        if phrase is None:
            phrase = _PHRASES[label] = strings[label]
        kept.append((phrase, start, end))
    kept.sort(key=itemgetter(1))
    return kept


def _longest_first(match: tuple[int, int, int]) -> tuple[int, int]:
    return match[1] - match[2], match[1]
