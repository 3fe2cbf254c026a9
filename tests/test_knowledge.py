"""Resolution over the shared corpus: ingestion order does not matter, and every report of one
trip ends up in one visit."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import pytest

from visitkb.database import make_engine, queries, upgrade
from visitkb.documents import read_documents
from visitkb.ingest import ingest

from .conftest import CORPUS

DOCS = [CORPUS / "seeds" / "docs.jsonl", CORPUS / "dev" / "docs.jsonl"]
GOLD = [CORPUS / "seeds" / "gold.jsonl", CORPUS / "dev" / "gold.jsonl"]

pytestmark = pytest.mark.skipif(not DOCS[1].exists(), reason="shared corpus not found")


def _content(visit) -> tuple:
    """A visit without database ids."""
    person = lambda p: p.name_en or p.name  # noqa: E731
    return (
        person(visit.guest),
        visit.host_country,
        visit.status,
        visit.start_date,
        visit.date_window,
        visit.duration_days,
        tuple(sorted(s.document for s in visit.sources)),
        tuple(sorted(p.name for p in visit.places)),
        tuple(sorted(person(p) for p in visit.participants)),
        tuple(sorted((a.count or -1, a.kind, a.document) for a in visit.agreements)),
    )


def _knowledge(url: str, batches: list[list]) -> set[tuple]:
    upgrade(url)
    engine = make_engine(url)
    for batch in batches:
        ingest(engine, batch)
    with engine.connect() as conn:
        visits = {_content(v) for v in queries.iter_visits(conn)}
    engine.dispose()
    return visits


@pytest.fixture(scope="module")
def corpus_items():
    return list(read_documents(DOCS))


@pytest.fixture(scope="module")
def knowledge(corpus_items, tmp_path_factory):
    return _knowledge(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'a.sqlite3'}", [corpus_items])


def test_ingestion_order_does_not_change_the_visits(corpus_items, knowledge, tmp_path):
    backwards = corpus_items[::-1]
    half = len(backwards) // 2
    other = _knowledge(f"sqlite:///{tmp_path / 'b.sqlite3'}", [backwards[:half], backwards[half:]])
    assert other == knowledge


def test_reports_of_one_trip_are_one_visit(knowledge):
    """Gold visits of several documents with one guest, host and real first day: one visit."""
    trips = defaultdict(set)
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for visit in doc["visits"]:
                if visit.get("true_start_date"):
                    key = (
                        visit["guest"]["name_en"],
                        visit["host_country"],
                        visit["true_start_date"],
                    )
                    trips[key].add(doc["id"])
    shared = {key: docs for key, docs in trips.items() if len(docs) > 1}
    assert shared, "the corpus has reports of one trip in several documents"
    for (guest, host, day), docs in shared.items():
        around = [v for v in knowledge if v[1] == host and _within(date.fromisoformat(day), v[4])]
        merged = [v for v in around if set(docs) <= set(v[6])]
        assert len(merged) == 1, (guest, host, sorted(docs), around)


def _within(day: date, window: tuple[date | None, date | None]) -> bool:
    return (window[0] is None or window[0] <= day) and (window[1] is None or day <= window[1])


def test_undated_seed_visits_get_a_finite_window_around_the_real_day(knowledge):
    """Seed visits the texts give no day for: terms of office bound them on both sides."""
    undated = []
    for line in GOLD[0].read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        undated += [
            (doc["id"], v["host_country"], date.fromisoformat(v["true_start_date"]))
            for v in doc["visits"]
            if v["start_date"] is None and v.get("true_start_date")
        ]
    assert undated
    for doc, host, day in undated:
        (visit,) = [v for v in knowledge if v[1] == host and doc in v[6]]
        low, high = visit[4]
        assert low is not None and high is not None and low <= day <= high, (doc, visit[4])
