"""Ingesting batches: everything reported, nothing stored twice, nothing overwritten."""

import json

from sqlalchemy import func, select

from visitkb import visits as v
from visitkb.database import models as m
from visitkb.documents import read_documents
from visitkb.ingest import ingest
from visitkb.mentions.components.people import PeopleFinder
from visitkb.visits.extract import assemble, extract, extract_batch

from .conftest import CORPUS, SEEDS


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


def _batch(tmp_path, *ids: str):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": i, "text": f"زار الرئيس بغداد {i}"}, ensure_ascii=False) for i in ids
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_extraction_crash_is_reported_for_its_document_and_the_others_stored(
    fresh_db, tmp_path, monkeypatch
):
    def crash_on_b(doc, found):
        if doc.id == "b":
            raise RecursionError("maximum recursion depth exceeded")
        return assemble(doc, found)

    monkeypatch.setattr("visitkb.visits.extract.assemble", crash_on_b)
    report = ingest(fresh_db, read_documents([_batch(tmp_path, "a", "b", "c")]))
    assert [(d.document, d.outcome) for d in report.documents] == [
        ("a", "added"),
        ("b", "error"),
        ("c", "added"),
    ]
    assert report.documents[1].detail == (
        "extraction failed: RecursionError: maximum recursion depth exceeded"
    )
    assert _count_documents(fresh_db) == 2
    monkeypatch.setattr("visitkb.visits.extract.assemble", assemble)
    again = ingest(fresh_db, read_documents([_batch(tmp_path, "a", "b", "c")]))
    assert again.counts == {"added": 1, "unchanged": 2}


def test_a_pipeline_crash_on_one_document_of_a_batch_loses_none_of_the_others(
    fresh_db, tmp_path, monkeypatch
):
    """The batch runs through the pipeline together; when one document breaks a component,
    each is read again alone."""
    people = PeopleFinder.__call__

    def crash_on_b(self, doc):
        if doc.text.endswith(" b"):
            raise ValueError("a component failed")
        return people(self, doc)

    monkeypatch.setattr(PeopleFinder, "__call__", crash_on_b)
    report = ingest(fresh_db, read_documents([_batch(tmp_path, "a", "b", "c")]))
    assert [(d.document, d.outcome, d.detail) for d in report.documents] == [
        ("a", "added", "0 visits, 0 people"),
        ("b", "error", "extraction failed: ValueError: a component failed"),
        ("c", "added", "0 visits, 0 people"),
    ]
    assert _count_documents(fresh_db) == 2


def test_a_batch_gives_what_one_document_at_a_time_gives():
    """Both languages mixed in one batch, in the order given."""
    docs = list(read_documents([SEEDS, CORPUS / "dev" / "docs.jsonl"]))
    assert {doc.lang for doc in docs} == {"ar", "hi"}
    assert extract_batch(docs) == [extract(doc) for doc in docs]


def test_a_claim_the_database_refuses_leaves_nothing_of_its_document(
    fresh_db, tmp_path, monkeypatch
):
    def unknown_country_in_b(doc, found):
        extraction = assemble(doc, found)
        if doc.id == "b":
            start = doc.text.index("الرئيس")
            span = v.Evidence(start, start + len("الرئيس"), "الرئيس")
            extraction.people = [v.PersonClaim(key=0, name=span.text, mentions=[span])]
            extraction.visits = [v.VisitClaim(0, None, "ZZZ", "occurred", evidence=[span])]
        return extraction

    monkeypatch.setattr("visitkb.visits.extract.assemble", unknown_country_in_b)
    report = ingest(fresh_db, read_documents([_batch(tmp_path, "a", "b", "c")]))
    outcomes = {d.document: (d.outcome, d.detail) for d in report.documents}
    assert outcomes["b"][0] == "error"
    assert outcomes["b"][1].startswith("not stored: ")
    assert "FOREIGN KEY" in outcomes["b"][1] or "foreign key" in outcomes["b"][1]
    assert report.counts == {"added": 2, "error": 1}
    with fresh_db.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(m.Mention)) == 0
        assert conn.scalar(select(func.count()).select_from(m.VisitSource)) == 0
    assert _count_documents(fresh_db) == 2
