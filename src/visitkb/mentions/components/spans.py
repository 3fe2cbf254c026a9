"""Span groups with details: how components hand their findings to later components.

``doc.spans[group]`` holds the spans; the details of each span (a dict) are kept beside them
in ``doc.user_data``, because spaCy keys span extensions by offsets only, so two groups with a
span over the same words would share one value.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span


def write_spans(doc: Doc, group: str, found: list[tuple[Span, dict[str, Any]]]) -> None:
    """Store ``found`` (span, details) as the span group ``group``."""
    doc.spans[group] = [span for span, _ in found]
    doc.user_data[("visitkb", group)] = [details for _, details in found]


def read_spans(doc: Doc, group: str) -> list[tuple[Span, dict[str, Any]]]:
    """The (span, details) pairs of ``group``, in the order written."""
    spans = list(doc.spans[group]) if group in doc.spans else []
    return list(zip(spans, doc.user_data.get(("visitkb", group), []), strict=True))
