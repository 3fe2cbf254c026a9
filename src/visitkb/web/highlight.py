"""A text cut into pieces at span offsets, so templates mark spans without writing raw markup.

Templates render each piece escaped, inside a ``<mark>`` when spans cover it; overlapping spans
(a name inside a reported sentence) give pieces that carry every kind covering them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

# What each kind of span is, as a page's legend and a mark's tooltip say it (the kinds of
# ``records.Span``).
SPAN_LABELS = {
    "visit": "reports a visit",
    "person": "names a person",
    "place": "names a place visited",
    "agreement": "counts agreements signed",
}


@dataclass(frozen=True)
class Piece:
    """A run of text and the kinds of the spans covering all of it (none: plain text)."""

    text: str
    kinds: tuple[str, ...] = ()


def cut(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Piece]:
    """``text`` in pieces at every boundary of ``spans`` (start, end, kind); joined, the text.

    Offsets are Python string indices, as evidence stores them; spans are clipped to the text.
    """
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for start, end, kind in spans:
        start, end = max(start, 0), min(end, len(text))
        if start < end:
            starts.setdefault(start, []).append(kind)
            ends.setdefault(end, []).append(kind)
    open_kinds: Counter[str] = Counter()
    pieces = []
    bounds = sorted({0, len(text), *starts, *ends})
    for left, right in pairwise(bounds):
        open_kinds.subtract(ends.get(left, ()))
        open_kinds.update(starts.get(left, ()))
        kinds = tuple(sorted(k for k, n in open_kinds.items() if n > 0))
        pieces.append(Piece(text[left:right], kinds))
    return pieces
