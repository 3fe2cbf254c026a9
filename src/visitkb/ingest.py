"""Ingest a batch: documents -> mentions -> visits -> database, one transaction per document.

A document is stored with all of its claims or not at all; a process killed at any moment leaves
whole documents, and the next run resolves what the killed one stored but did not resolve.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from visitkb.database import Engine, knowledge
from visitkb.database.store import Outcome, find_document, store_document
from visitkb.documents import ReadResult
from visitkb.errors import BadDocument
from visitkb.visits.extract import extract

# Outcomes of documents not stored as given.
PROBLEMS = frozenset({"error", Outcome.CONFLICT})


@dataclass(frozen=True)
class DocumentReport:
    """What happened to one input document."""

    document: str
    outcome: str  # an Outcome value, or "error"
    detail: str | None = None


@dataclass
class IngestReport:
    """The per-document outcomes of one ingest run."""

    documents: list[DocumentReport] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(d.outcome for d in self.documents)

    @property
    def problems(self) -> list[DocumentReport]:
        """Errors and conflicts: the documents that were not stored as given."""
        return [d for d in self.documents if d.outcome in PROBLEMS]


def ingest(
    engine: Engine,
    items: Iterable[ReadResult],
    on_document: Callable[[DocumentReport], None] | None = None,
) -> IngestReport:
    """Store every readable new document with its claims, then resolve; report every input."""
    report = IngestReport()
    for item in items:
        entry = _ingest_one(engine, item)
        report.documents.append(entry)
        if on_document:
            on_document(entry)
    # Also after a run that added nothing, if an earlier run was interrupted before resolving.
    if report.counts[Outcome.ADDED] or knowledge.needs_rebuild(engine):
        knowledge.rebuild(engine)
    return report


def _ingest_one(engine: Engine, item: ReadResult) -> DocumentReport:
    if isinstance(item, BadDocument):
        return DocumentReport(item.document, "error", item.problem)
    found = find_document(engine, item)
    if found.outcome is Outcome.ADDED:
        # Outside any transaction: extraction is the slow part and must not hold the lock.
        try:
            extraction = extract(item)
        except Exception as error:  # one document's failure must not lose the others
            return DocumentReport(
                item.id, "error", f"extraction failed: {type(error).__name__}: {error}"
            )
        try:
            found = store_document(engine, item, extraction)
        except BadDocument as error:
            return DocumentReport(item.id, "error", error.problem)
        if found.outcome is Outcome.ADDED:
            return DocumentReport(
                item.id,
                found.outcome,
                f"{len(extraction.visits)} visits, {len(extraction.people)} people",
            )
    if found.outcome is Outcome.CONFLICT:
        return DocumentReport(
            item.id, found.outcome, "already stored with a different text; kept the stored one"
        )
    if found.outcome is Outcome.DUPLICATE:
        return DocumentReport(item.id, found.outcome, f"same text as {found.existing_id}")
    return DocumentReport(item.id, found.outcome)
