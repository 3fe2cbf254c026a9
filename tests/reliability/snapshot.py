"""What a knowledge base holds, read in one snapshot: row counts, exports, broken invariants."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, func, select

from visitkb.database import models as m
from visitkb.database import queries
from visitkb.documents import Document

from .synthetic import claim_counts, synthetic_extract

CLAIM_TABLES = {
    "mentions": (m.Mention, m.Mention.document_id),
    "visit_sources": (m.VisitSource, m.VisitSource.document_id),
    "evidence_spans": (m.EvidenceSpan, m.VisitSource.document_id),
    "visit_places": (m.VisitPlace, m.VisitSource.document_id),
    "visit_participants": (m.VisitParticipant, m.VisitSource.document_id),
    "agreement_claims": (m.AgreementClaim, m.VisitSource.document_id),
}


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows in every table of the schema."""
    with engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table))
            for name, table in m.Base.metadata.tables.items()
        }


def table_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, by primary key."""
    with engine.connect() as conn:
        return {
            name: [tuple(row) for row in conn.execute(select(table).order_by(*table.primary_key))]
            for name, table in m.Base.metadata.tables.items()
        }


def exports(conn: Connection) -> dict[str, list[dict[str, Any]]]:
    """The visits, people and agreements exports as JSON-ready dictionaries."""
    return {
        "visits": [x.model_dump(mode="json") for x in queries.iter_visits(conn)],
        "people": [x.model_dump(mode="json") for x in queries.iter_people(conn)],
        "agreements": [x.model_dump(mode="json") for x in queries.iter_agreements(conn)],
    }


def read_exports(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """``exports`` in one connection of ``engine``."""
    with engine.connect() as conn:
        return exports(conn)


def without_numbering(exported: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Exports with row ids replaced by their rank.

    Ids are kept once assigned, but PostgreSQL sequences are not transactional: a rebuild killed
    before it commits still uses up numbers, so a resumed run numbers new rows higher than an
    uninterrupted one. The records and their order must be the same.
    """
    people = {p["id"]: rank for rank, p in enumerate(exported["people"])}
    visits = {x["id"]: rank for rank, x in enumerate(exported["visits"])}

    def person(p: dict[str, Any]) -> dict[str, Any]:
        return {**p, "id": people[p["id"]]}

    return {
        "visits": [
            {
                **x,
                "id": visits[x["id"]],
                "guest": person(x["guest"]),
                "participants": [person(p) for p in x["participants"]],
            }
            for x in exported["visits"]
        ],
        "people": [person(p) for p in exported["people"]],
        "agreements": [{**a, "visit": visits[a["visit"]]} for a in exported["agreements"]],
    }


def broken_references(conn: Connection) -> list[str]:
    """Every foreign key value with no row behind it, as ``table.column=value``."""
    problems = []
    for table in m.Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            child, parent = fk.parent, fk.column
            orphans = conn.scalars(
                select(child)
                .select_from(table.outerjoin(parent.table, child == parent))
                .where(child.is_not(None), parent.is_(None))
            ).all()
            problems += [f"{table.name}.{child.name}={value}" for value in orphans]
    return problems


def incomplete_documents(conn: Connection) -> list[str]:
    """Stored documents whose claims are not exactly what synthetic extraction gives them."""
    stored: dict[str, dict[int, int]] = {}
    for name, (model, document_id) in CLAIM_TABLES.items():
        query = select(document_id, func.count()).select_from(model)
        if model is not m.Mention and model is not m.VisitSource:
            query = query.join(m.VisitSource)
        stored[name] = dict(conn.execute(query.group_by(document_id)).all())
    problems = []
    columns = (m.Document.id, m.Document.external_id, m.Document.lang, m.Document.text)
    for row in conn.execute(select(*columns, m.Document.published)):
        doc = Document(id=row.external_id, lang=row.lang, text=row.text, published=row.published)
        expected = claim_counts(synthetic_extract(doc))
        found = {name: stored[name].get(row.id, 0) for name in CLAIM_TABLES}
        if found != expected:
            problems.append(f"{row.external_id}: stored {found}, extraction gives {expected}")
    return problems


def unresolved_claims(conn: Connection) -> int:
    """Mentions with no person and visit sources with no visit."""
    return conn.scalar(
        select(func.count()).select_from(m.Mention).where(m.Mention.person_id.is_(None))
    ) + conn.scalar(
        select(func.count()).select_from(m.VisitSource).where(m.VisitSource.visit_id.is_(None))
    )


def inconsistencies(engine: Engine) -> list[str]:
    """Broken references and documents stored without all of their claims."""
    with engine.connect() as conn:
        return broken_references(conn) + incomplete_documents(conn)


def incoherent_records(exported: dict[str, list[dict[str, Any]]], documents: set[str]) -> list[str]:
    """What a reader must never see: a visit without sources, a record naming a missing row."""
    problems = []
    visit_ids = {x["id"] for x in exported["visits"]}
    person_ids = {p["id"] for p in exported["people"]}
    for visit in exported["visits"]:
        if not visit["sources"]:
            problems.append(f"visit {visit['id']} has no sources")
        problems += [
            f"visit {visit['id']} cites missing document {s['document']}"
            for s in visit["sources"]
            if s["document"] not in documents
        ]
        if visit["guest"]["id"] not in person_ids:
            problems.append(f"visit {visit['id']} has a guest missing from people")
    problems += [
        f"agreement of missing visit {a['visit']}"
        for a in exported["agreements"]
        if a["visit"] not in visit_ids
    ]
    return problems
