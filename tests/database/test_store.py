"""Storing a document's claims and reading them back as records with exact evidence."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from visitkb import visits as v
from visitkb.database import knowledge, queries
from visitkb.database import models as m
from visitkb.database.store import Lookup, Outcome, add_document, lookup_document, store_document
from visitkb.documents import Document

TEXT = "زار الرئيس الإيراني حسن روحاني بغداد والتقى برهم صالح ووقع 22 اتفاقية."


def _span(text: str, needle: str) -> v.Evidence:
    start = text.index(needle)
    return v.Evidence(start, start + len(needle), needle)


def _extraction() -> v.Extraction:
    guest = v.PersonClaim(
        key=0,
        name="حسن روحاني",
        names=["حسن روحاني"],
        role="president",
        country="IRN",
        mentions=[_span(TEXT, "حسن روحاني")],
    )
    host = v.PersonClaim(
        key=1, name="برهم صالح", names=["برهم صالح"], mentions=[_span(TEXT, "برهم صالح")]
    )
    visit = v.VisitClaim(
        guest=0,
        guest_country="IRN",
        host_country="IRQ",
        status="occurred",
        date_window=(None, date(2019, 3, 14)),
        places=[v.PlaceClaim("بغداد", "Baghdad", "IRQ", _span(TEXT, "بغداد"))],
        participants=[1],
        agreements=[v.AgreementClaim(22, "mixed", _span(TEXT, "22 اتفاقية"))],
        evidence=[_span(TEXT, TEXT)],
    )
    return v.Extraction(document_id="d1", people=[guest, host], visits=[visit])


def test_claims_come_back_as_a_visit_record_with_exact_evidence(fresh_db):
    doc = Document(id="d1", lang="ar", text=TEXT)
    with Session(fresh_db) as session, session.begin():
        assert lookup_document(session, doc).outcome is Outcome.ADDED
        add_document(session, doc, _extraction())
    assert knowledge.needs_rebuild(fresh_db)
    assert knowledge.rebuild(fresh_db) == (2, 1)
    assert not knowledge.needs_rebuild(fresh_db)
    with fresh_db.connect() as conn:
        (visit,) = list(queries.iter_visits(conn))
        (agreement,) = list(queries.iter_agreements(conn))
        people = list(queries.iter_people(conn))
    # Both people are in the officials gazetteer: their records carry its names too.
    assert (visit.guest.name, visit.guest.country, visit.host_country) == (
        "Hassan Rouhani",
        "IRN",
        "IRQ",
    )
    assert "حسن روحاني" in visit.guest.names
    # The text bounds the start by 2019-03-14; the gazetteer adds Rouhani's first day in office.
    assert visit.date_window == (date(2013, 8, 3), date(2019, 3, 14))
    assert [p.name_en for p in visit.places] == ["Baghdad"]
    assert [p.name_en for p in visit.participants] == ["Barham Salih"]
    assert (agreement.count, agreement.kind, agreement.visit, agreement.host_country) == (
        22,
        "mixed",
        visit.id,
        "IRQ",
    )
    evidence = [e for s in visit.sources for e in s.evidence] + [agreement.evidence]
    assert all(TEXT[e.start : e.end] == e.text and e.document == "d1" for e in evidence)
    assert [p.documents for p in people] == [["d1"], ["d1"]]


def test_same_id_other_text_is_a_conflict_and_same_text_other_id_a_duplicate(fresh_db):
    with Session(fresh_db) as session, session.begin():
        add_document(session, Document(id="d1", lang="ar", text=TEXT), v.Extraction("d1"))
    with Session(fresh_db) as session:
        assert (
            lookup_document(session, Document(id="d1", lang="ar", text=TEXT)).outcome
            is Outcome.UNCHANGED
        )
        assert (
            lookup_document(session, Document(id="d1", lang="ar", text=TEXT + "!")).outcome
            is Outcome.CONFLICT
        )
        twin = lookup_document(session, Document(id="d2", lang="ar", text=TEXT))
        assert (twin.outcome, twin.existing_id) == (Outcome.DUPLICATE, "d1")


def test_rebuild_keeps_ids_and_is_idempotent(fresh_db):
    with Session(fresh_db) as session, session.begin():
        add_document(session, Document(id="d1", lang="ar", text=TEXT), _extraction())
    knowledge.rebuild(fresh_db)
    with fresh_db.connect() as conn:
        before = [v.model_dump() for v in queries.iter_visits(conn)]
    knowledge.rebuild(fresh_db)
    with fresh_db.connect() as conn:
        assert [v.model_dump() for v in queries.iter_visits(conn)] == before


def test_an_insert_race_lost_is_reported_as_the_collision_not_raised(fresh_db, monkeypatch):
    """A writer that checked before another committed the same id finds out at INSERT."""
    stored = Document(id="d1", lang="ar", text=TEXT)
    assert store_document(fresh_db, stored, v.Extraction("d1")).outcome is Outcome.ADDED
    stale = True

    def checked_too_early(session, doc):
        nonlocal stale
        stale = not stale  # every other check: the one before the INSERT
        return lookup_document(session, doc) if stale else Lookup(Outcome.ADDED)

    monkeypatch.setattr("visitkb.database.store.lookup_document", checked_too_early)
    same = store_document(fresh_db, stored, v.Extraction("d1"))
    changed = Document(id="d1", lang="ar", text=TEXT + "!")
    other = store_document(fresh_db, changed, v.Extraction("d1"))
    assert (same.outcome, other.outcome) == (Outcome.UNCHANGED, Outcome.CONFLICT)
    with fresh_db.connect() as conn:
        assert conn.scalar(select(m.Document.text)) == TEXT


def test_a_name_written_twice_in_a_document_is_one_name_of_its_person(fresh_db):
    text = "روحاني في بغداد. قال روحاني"
    first, second = (i for i, _ in enumerate(text) if text.startswith("روحاني", i))
    person = v.PersonClaim(
        key=0,
        name="روحاني",
        mentions=[_span_at(text, first, "روحاني"), _span_at(text, second, "روحاني")],
    )
    with Session(fresh_db) as session, session.begin():
        add_document(
            session, Document(id="d1", lang="ar", text=text), v.Extraction("d1", people=[person])
        )
    knowledge.rebuild(fresh_db)
    with fresh_db.connect() as conn:
        (entry,) = queries.iter_people(conn)
    assert entry.names == ["روحاني"]


def _span_at(text: str, start: int, needle: str) -> v.Evidence:
    assert text[start : start + len(needle)] == needle
    return v.Evidence(start, start + len(needle), needle)


def test_window_reasons_name_gazetteer_people_in_english(fresh_db):
    with Session(fresh_db) as session, session.begin():
        add_document(session, Document(id="d1", lang="ar", text=TEXT), _extraction())
    knowledge.rebuild(fresh_db)
    with fresh_db.connect() as conn:
        (visit,) = list(queries.iter_visits(conn))
        detail = queries.get_visit(conn, visit.id)
    assert any(r.startswith("Hassan Rouhani was president of IRN") for r in detail.window_reasons)
