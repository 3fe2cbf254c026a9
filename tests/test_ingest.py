"""Ingesting batches: everything reported, nothing stored twice, nothing overwritten."""

import json

from sqlalchemy import func, select

from visitkb.database import models as m
from visitkb.documents import read_documents
from visitkb.ingest import ingest

from .conftest import SEEDS


def _count_documents(engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(m.Document))


def test_seeds_ingest_once(fresh_db):
    first = ingest(fresh_db, read_documents([SEEDS]))
    again = ingest(fresh_db, read_documents([SEEDS]))
    assert first.counts == {"added": 5}
    assert again.counts == {"unchanged": 5}
    assert _count_documents(fresh_db) == 5


def test_bad_and_conflicting_documents_are_reported_and_the_rest_stored(fresh_db, tmp_path):
    ingest(fresh_db, read_documents([SEEDS]))
    seed_id = sorted(p.stem for p in SEEDS.glob("*.txt"))[0]
    lines = [
        {"id": "new-1", "text": "زار الرئيس بغداد"},
        {"id": seed_id, "text": "نص آخر"},
        {"id": "copy", "text": (SEEDS / f"{seed_id}.txt").read_text(encoding="utf-8")},
        {"id": "bad-lang", "lang": "xx", "text": "..."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n{oops\n", encoding="utf-8"
    )
    report = ingest(fresh_db, read_documents([path]))
    outcomes = {d.document: d.outcome for d in report.documents}
    assert outcomes == {
        "new-1": "added",
        seed_id: "conflict",
        "copy": "duplicate",
        "bad-lang": "error",
        "batch.jsonl:5": "error",
    }
    assert {d.document for d in report.problems} == {seed_id, "bad-lang", "batch.jsonl:5"}
    assert _count_documents(fresh_db) == 6
    with fresh_db.connect() as conn:
        kept = conn.scalar(select(m.Document.text).where(m.Document.external_id == seed_id))
    assert kept == (SEEDS / f"{seed_id}.txt").read_text(encoding="utf-8")
