"""Storing a document's claims and reading them back as records with exact evidence."""

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from visitkb import visits as v
from visitkb.database import models as m
from visitkb.database import queries
from visitkb.database.store import Outcome, add_document, lookup_document
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


def _resolve_by_hand(session: Session) -> int:
    """Stand in for resolution: one person per mention, one visit per source."""
    for mention in session.scalars(select(m.Mention)):
        person = m.Person(name=mention.text, role=mention.role, country=mention.country)
        person.names.append(
            m.PersonName(name=mention.text, script="Arab", key=mention.text, source="text")
        )
        session.add(person)
        session.flush()
        mention.person_id = person.id
    source = session.scalars(select(m.VisitSource)).one()
    guest = session.get(m.Mention, source.guest_mention_id)
    visit = m.Visit(
        guest_id=guest.person_id,
        guest_country=source.guest_country,
        host_country=source.host_country,
        status=source.status,
        window_end=source.window_end,
    )
    session.add(visit)
    session.flush()
    session.execute(update(m.VisitSource).values(visit_id=visit.id))
    return visit.id


def test_claims_come_back_as_a_visit_record_with_exact_evidence(fresh_db):
    doc = Document(id="d1", lang="ar", text=TEXT)
    with Session(fresh_db) as session, session.begin():
        assert lookup_document(session, doc).outcome is Outcome.ADDED
        add_document(session, doc, _extraction())
        visit_id = _resolve_by_hand(session)
    with fresh_db.connect() as conn:
        (visit,) = list(queries.iter_visits(conn))
        (agreement,) = list(queries.iter_agreements(conn))
        people = list(queries.iter_people(conn))
    assert visit.id == visit_id
    assert (visit.guest.name, visit.guest.country, visit.host_country) == (
        "حسن روحاني",
        "IRN",
        "IRQ",
    )
    assert visit.date_window == (None, date(2019, 3, 14))
    assert [p.name_en for p in visit.places] == ["Baghdad"]
    assert [p.name for p in visit.participants] == ["برهم صالح"]
    assert (agreement.count, agreement.kind, agreement.visit, agreement.host_country) == (
        22,
        "mixed",
        visit_id,
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
