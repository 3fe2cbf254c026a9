"""The I/O around evaluate: build a temporary knowledge base from documents and score it."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from visitkb.database import make_engine, queries, upgrade
from visitkb.documents import Document, read_documents
from visitkb.evaluate import Report, evaluate
from visitkb.ingest import ingest


def read_gold(paths: Sequence[Path]) -> list[dict]:
    """Gold annotations, one dictionary per document."""
    gold = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            gold += [json.loads(line) for line in handle if line.strip()]
    return gold


def run_evaluation(docs: Sequence[Path], gold: Sequence[Path]) -> Report:
    """Ingest ``docs`` into a fresh temporary SQLite knowledge base and score its exports."""
    items = list(read_documents(docs))
    languages = {item.id: item.lang for item in items if isinstance(item, Document)}
    with tempfile.TemporaryDirectory(prefix="visitkb-eval-") as folder:
        url = f"sqlite:///{Path(folder) / 'eval.sqlite3'}"
        upgrade(url)
        engine = make_engine(url)
        try:
            report = ingest(engine, items)
            with engine.connect() as conn:
                visits = list(queries.iter_visits(conn))
                people = list(queries.iter_people(conn))
        finally:
            engine.dispose()
    scored = evaluate(visits, people, read_gold(gold), languages)
    # A document that failed to ingest scores as all misses: say why, first.
    scored.misses[:0] = [
        f"{entry.document}: not ingested: {entry.detail}" for entry in report.problems
    ]
    return scored
