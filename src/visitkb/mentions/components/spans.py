"""Found spans with details: how components hand their findings to later components.

Each group is a list of ``(start, end, details)`` token ranges kept in ``doc.user_data``.
Plain tuples, not ``Span`` objects: building spaCy spans for every number and title costs
more than the matching that found them, and nothing downstream needs them.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

Found = tuple[int, int, dict[str, Any]]


def write_spans(doc: Doc, group: str, found: list[Found]) -> None:
    """Store ``found`` (start token, end token, details) as the group ``group``."""
    doc.user_data[("visitkb", group)] = found


def read_spans(doc: Doc, group: str) -> list[Found]:
    """The (start, end, details) of ``group``, in the order written."""
    return doc.user_data.get(("visitkb", group), [])
