"""Phrase matching on normalised forms, shared by the gazetteer components.

One ``PhraseMatcher`` on ``NORM`` per pipeline holds the phrases of every component, each
labelled by the normalised phrase itself: a document is scanned once, and each component keeps
the matches of its own phrases (``PhraseTable``) and looks up what they mean in its lexicon
table; overlapping matches keep the longest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from weakref import WeakKeyDictionary

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

# Phrase of each label hash: the string store decodes a new string on every lookup. Labels
# are hashes of the phrases, the same in every vocabulary.
_PHRASES: dict[int, str] = {}


class PhraseIndex:
    """The phrases of all the components of one pipeline, in one matcher."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.labels: set[int] = set()
        self._key = ("visitkb", "phrase matches", id(self))

    def add(self, phrases: Iterable[str]) -> frozenset[int]:
        """Add normalised ``phrases`` (words separated by spaces); their labels."""
        labels = set()
        for phrase in dict.fromkeys(phrases):
            words = phrase.split()
            if not words:
                continue
            label = self.vocab.strings.add(phrase)
            labels.add(label)
            if label in self.labels:
                continue
            pattern = Doc(self.vocab, words=words)
            for token in pattern:
                token.norm_ = token.text
            self.matcher.add(phrase, [pattern])
            self.labels.add(label)
        return frozenset(labels)

    def matches(self, doc: Doc) -> tuple[list[tuple[int, int, int]], list[int]]:
        """Every match in ``doc``, longest first then in text order, and the label of each
        (found and sorted once per document; norms are final by then)."""
        found = doc.user_data.get(self._key)
        if found is None:
            ordered = sorted(self.matcher(doc), key=_longest_first)
            found = doc.user_data[self._key] = (ordered, [m[0] for m in ordered])
        return found


@dataclass(frozen=True)
class PhraseTable:
    """The phrases one component looks for, matched by its pipeline's ``PhraseIndex``."""

    index: PhraseIndex
    labels: frozenset[int]


_INDEXES: WeakKeyDictionary[Language, PhraseIndex] = WeakKeyDictionary()


def phrase_matcher(nlp: Language, phrases: Iterable[str]) -> PhraseTable:
    """The table of normalised ``phrases`` (words separated by spaces), labelled by phrase."""
    index = _INDEXES.get(nlp)
    if index is None:
        index = _INDEXES[nlp] = PhraseIndex(nlp)
    return PhraseTable(index, index.add(phrases))


def longest_matches(table: PhraseTable, doc: Doc) -> list[tuple[str, int, int]]:
    """(phrase, start, end) of the longest non-overlapping matches of ``table``'s phrases, in
    text order.

    Longer matches win, then earlier ones (as ``spacy.util.filter_spans`` decides).
    """
    ordered, labels = table.index.matches(doc)
    # The sort is stable: the table's matches keep the order they have among all of them.
    matches = list(compress(ordered, map(table.labels.__contains__, labels)))
    if not matches:
        return []
    strings = doc.vocab.strings
    taken = bytearray(len(doc))  # 1 where a kept match lies
    kept = []
    for label, start, end in matches:
        if taken.find(1, start, end) >= 0:
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
