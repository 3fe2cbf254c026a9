"""Ingest a batch: documents -> mentions -> visits -> database, one transaction per document.

A document is stored with all of its claims or not at all; a process killed at any moment leaves
whole documents, and the next run resolves what the killed one stored but did not resolve.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from visitkb.database import Engine, knowledge
from visitkb.database.store import Lookup, Outcome, find_document, store_document
from visitkb.documents import Document, ReadResult
from visitkb.errors import BadDocument
from visitkb.visits import Extraction
from visitkb.visits.extract import extract_batch

# New documents extracted together: the pipeline is faster over a batch (``extract_batch``).
EXTRACT_BATCH = 32
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
    iterator = iter(items)
    while batch := list(islice(iterator, EXTRACT_BATCH)):
        for entry in _ingest_batch(engine, batch):
            report.documents.append(entry)
            if on_document:
                on_document(entry)
    # Also after a run that added nothing, if an earlier run was interrupted before resolving.
    if report.counts[Outcome.ADDED] or knowledge.needs_rebuild(engine):
        knowledge.rebuild(engine)
    return report


def _ingest_batch(engine: Engine, items: list[ReadResult]) -> list[DocumentReport]:
    """Check each document, extract the new ones together, store each; reports in input order."""
    reports: list[DocumentReport | None] = []
    new: list[tuple[int, Document]] = []  # (report index, document)
    for item in items:
        if isinstance(item, BadDocument):
            reports.append(DocumentReport(item.document, "error", item.problem))
            continue
        found = find_document(engine, item)
        if found.outcome is Outcome.ADDED:
            new.append((len(reports), item))
            reports.append(None)
        else:
            reports.append(_not_added(item, found))
    # Outside any transaction: extraction is the slow part and must not hold the lock.
    extractions = extract_batch([doc for _k, doc in new])
    for (k, doc), extraction in zip(new, extractions, strict=True):
        reports[k] = _store(engine, doc, extraction)
    return [r for r in reports if r is not None]


def _store(engine: Engine, doc: Document, extraction: Extraction | Exception) -> DocumentReport:
    if isinstance(extraction, Exception):  # one document's failure must not lose the others
        problem = f"extraction failed: {type(extraction).__name__}: {extraction}"
        return DocumentReport(doc.id, "error", problem)
    try:
        found = store_document(engine, doc, extraction)
    except BadDocument as error:
        return DocumentReport(doc.id, "error", error.problem)
    if found.outcome is Outcome.ADDED:
        counts = f"{len(extraction.visits)} visits, {len(extraction.people)} people"
        return DocumentReport(doc.id, found.outcome, counts)
    return _not_added(doc, found)


def _not_added(doc: Document, found: Lookup) -> DocumentReport:
    """The report of a document already stored (as it is, under another id, or another text)."""
    if found.outcome is Outcome.CONFLICT:
        return DocumentReport(
            doc.id, found.outcome, "already stored with a different text; kept the stored one"
        )
    if found.outcome is Outcome.DUPLICATE:
        return DocumentReport(doc.id, found.outcome, f"same text as {found.existing_id}")
    return DocumentReport(doc.id, found.outcome)
