"""Read queries: the only place that turns database rows into records."""

from __future__ import annotations

import base64
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, exists, func, select, text

from visitkb import records as r
from visitkb.database import models as m

# Rows fetched per round trip when assembling records: big enough to amortise the queries,
# small enough that an export of any size runs in constant memory.
CHUNK = 500


@dataclass(frozen=True)
class Page:
    """One page of a listing, and the opaque cursor of the next page (None at the end)."""

    items: list[Any]
    next_cursor: str | None


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor for keyset pagination."""
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """Undo encode_cursor; raises ValueError on anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as error:
        raise ValueError("invalid cursor") from error
    if not isinstance(values, list):
        raise ValueError("invalid cursor")
    return values


def ping(conn: Connection) -> str:
    """Run a trivial query; return the database's dialect name."""
    conn.execute(text("SELECT 1"))
    return conn.dialect.name


_DOCUMENT_SUMMARY = (
    m.Document.id,
    m.Document.external_id,
    m.Document.lang,
    m.Document.published,
    m.Document.url,
    m.Document.title,
    m.Document.content_hash,
    m.Document.ingested_at,
    func.length(m.Document.text).label("chars"),
)


def _document_summary(row: Any) -> r.DocumentSummary:
    return r.DocumentSummary(
        id=row.external_id,
        lang=row.lang,
        published=row.published,
        url=row.url,
        title=row.title,
        content_hash=row.content_hash,
        ingested_at=row.ingested_at,
        chars=row.chars,
    )


def list_documents(
    conn: Connection, *, limit: int, cursor: str | None = None, lang: str | None = None
) -> Page:
    """Documents by id, ``limit`` at a time."""
    query = select(*_DOCUMENT_SUMMARY).order_by(m.Document.external_id).limit(limit + 1)
    if lang:
        query = query.where(m.Document.lang == lang)
    if cursor:
        (after,) = decode_cursor(cursor)
        query = query.where(m.Document.external_id > str(after))
    rows = conn.execute(query).all()
    items = [_document_summary(row) for row in rows[:limit]]
    more = len(rows) > limit
    return Page(items, encode_cursor([items[-1].id]) if more else None)


def get_document(conn: Connection, external_id: str) -> r.DocumentDetail | None:
    """One document with its text, or None."""
    row = conn.execute(
        select(*_DOCUMENT_SUMMARY, m.Document.text).where(m.Document.external_id == external_id)
    ).first()
    if row is None:
        return None
    return r.DocumentDetail(**_document_summary(row).model_dump(), text=row.text)


def fetch_people(conn: Connection, ids: Iterable[int]) -> dict[int, r.Person]:
    """Person records by id, with every name form."""
    wanted = sorted(set(ids))
    people: dict[int, r.Person] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        names: dict[int, list[str]] = defaultdict(list)
        for person_id, name in conn.execute(
            select(m.PersonName.person_id, m.PersonName.name)
            .where(m.PersonName.person_id.in_(chunk))
            .order_by(m.PersonName.person_id, m.PersonName.id)
        ):
            names[person_id].append(name)
        for row in conn.execute(select(m.Person).where(m.Person.id.in_(chunk))).mappings():
            people[row["id"]] = r.Person(
                id=row["id"],
                name=row["name"],
                name_en=row["name_en"],
                names=names[row["id"]],
                role=row["role"],
                country=row["country"],
            )
    return people


def iter_visits(conn: Connection) -> Iterator[r.Visit]:
    """Every visit as a full record, by id, one chunk in memory at a time."""
    after = 0
    while True:
        rows = (
            conn.execute(
                select(m.Visit).where(m.Visit.id > after).order_by(m.Visit.id).limit(CHUNK)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        after = rows[-1]["id"]
        yield from assemble_visits(conn, rows)


def assemble_visits(conn: Connection, rows: Sequence[Any]) -> list[r.Visit]:
    """Turn visit rows into full records with guests, places, participants, agreements, sources."""
    visit_ids = [row["id"] for row in rows]
    sources = conn.execute(
        select(m.VisitSource.id, m.VisitSource.visit_id, m.Document.external_id)
        .join(m.Document, m.Document.id == m.VisitSource.document_id)
        .where(m.VisitSource.visit_id.in_(visit_ids))
        .order_by(m.VisitSource.visit_id, m.Document.external_id, m.VisitSource.ordinal)
    ).all()
    source_ids = [s.id for s in sources]
    document_of = {s.id: s.external_id for s in sources}
    visit_of = {s.id: s.visit_id for s in sources}

    evidence: dict[int, list[r.Evidence]] = defaultdict(list)
    for span in conn.execute(
        select(m.EvidenceSpan)
        .where(m.EvidenceSpan.visit_source_id.in_(source_ids))
        .order_by(m.EvidenceSpan.visit_source_id, m.EvidenceSpan.start)
    ).mappings():
        sid = span["visit_source_id"]
        evidence[sid].append(
            r.Evidence(
                document=document_of[sid], start=span["start"], end=span["end"], text=span["text"]
            )
        )

    places: dict[int, dict[str, r.Place]] = defaultdict(dict)
    for place in conn.execute(
        select(m.VisitPlace)
        .where(m.VisitPlace.visit_source_id.in_(source_ids))
        .order_by(m.VisitPlace.visit_source_id, m.VisitPlace.start)
    ).mappings():
        key = place["name_en"] or place["name"]
        places[visit_of[place["visit_source_id"]]].setdefault(
            key, r.Place(name=place["name"], name_en=place["name_en"], country=place["country"])
        )

    participants: dict[int, list[int]] = defaultdict(list)
    for sid, person_id in conn.execute(
        select(m.VisitParticipant.visit_source_id, m.Mention.person_id)
        .join(m.Mention, m.Mention.id == m.VisitParticipant.mention_id)
        .where(m.VisitParticipant.visit_source_id.in_(source_ids), m.Mention.person_id.is_not(None))
        .order_by(m.VisitParticipant.visit_source_id, m.Mention.start)
    ):
        if person_id not in participants[visit_of[sid]]:
            participants[visit_of[sid]].append(person_id)

    agreements: dict[int, list[r.Agreement]] = defaultdict(list)
    for claim in conn.execute(
        select(m.AgreementClaim)
        .where(m.AgreementClaim.visit_source_id.in_(source_ids))
        .order_by(m.AgreementClaim.visit_source_id, m.AgreementClaim.start)
    ).mappings():
        sid = claim["visit_source_id"]
        doc = document_of[sid]
        agreements[visit_of[sid]].append(
            r.Agreement(
                count=claim["count"],
                kind=claim["kind"],
                document=doc,
                evidence=r.Evidence(
                    document=doc, start=claim["start"], end=claim["end"], text=claim["text"]
                ),
            )
        )

    people = fetch_people(
        conn,
        [row["guest_id"] for row in rows] + [p for ids in participants.values() for p in ids],
    )
    by_visit: dict[int, list[r.Source]] = defaultdict(list)
    for s in sources:
        by_visit[s.visit_id].append(r.Source(document=s.external_id, evidence=evidence[s.id]))

    return [
        r.Visit(
            id=row["id"],
            status=row["status"],
            guest=people[row["guest_id"]],
            guest_country=row["guest_country"],
            host_country=row["host_country"],
            start_date=row["start_date"],
            end_date=row["end_date"],
            date_window=(row["window_start"], row["window_end"]),
            duration_days=row["duration_days"],
            places=list(places[row["id"]].values()),
            participants=[people[p] for p in participants[row["id"]] if p != row["guest_id"]],
            agreements=agreements[row["id"]],
            sources=by_visit[row["id"]],
        )
        for row in rows
    ]


def iter_people(conn: Connection) -> Iterator[r.PersonEntry]:
    """Every person some document names, with those documents and the roles held, by id.

    Gazetteer people no document has named yet are reference data, like countries: not listed.
    """
    named = exists().where(m.Mention.person_id == m.Person.id)
    after = 0
    while True:
        ids = list(
            conn.scalars(
                select(m.Person.id)
                .where(m.Person.id > after, named)
                .order_by(m.Person.id)
                .limit(CHUNK)
            )
        )
        if not ids:
            return
        after = ids[-1]
        people = fetch_people(conn, ids)
        documents: dict[int, list[str]] = defaultdict(list)
        for person_id, doc in conn.execute(
            select(m.Mention.person_id, m.Document.external_id)
            .join(m.Document, m.Document.id == m.Mention.document_id)
            .where(m.Mention.person_id.in_(ids))
            .group_by(m.Mention.person_id, m.Document.external_id)
            .order_by(m.Mention.person_id, m.Document.external_id)
        ):
            documents[person_id].append(doc)
        roles: dict[int, list[r.Role]] = defaultdict(list)
        for term in conn.execute(
            select(m.Term).where(m.Term.person_id.in_(ids)).order_by(m.Term.person_id, m.Term.start)
        ).mappings():
            roles[term["person_id"]].append(
                r.Role(
                    role=term["role"], country=term["country"], start=term["start"], end=term["end"]
                )
            )
        for person_id in ids:
            person = people[person_id]
            held = roles[person_id] or (
                [r.Role(role=person.role, country=person.country)] if person.role else []
            )
            yield r.PersonEntry(**person.model_dump(), documents=documents[person_id], roles=held)


def iter_agreements(conn: Connection) -> Iterator[r.AgreementEntry]:
    """Every agreement claim attributed to a visit, with the visit's countries and date."""
    after = 0
    while True:
        rows = (
            conn.execute(
                select(
                    m.AgreementClaim,
                    m.VisitSource.visit_id,
                    m.Document.external_id,
                    m.Visit.guest_country,
                    m.Visit.host_country,
                    m.Visit.start_date,
                )
                .join(m.VisitSource, m.VisitSource.id == m.AgreementClaim.visit_source_id)
                .join(m.Visit, m.Visit.id == m.VisitSource.visit_id)
                .join(m.Document, m.Document.id == m.VisitSource.document_id)
                .where(m.AgreementClaim.id > after)
                .order_by(m.AgreementClaim.id)
                .limit(CHUNK)
            )
            .mappings()
            .all()
        )
        if not rows:
            return
        after = rows[-1]["id"]
        for row in rows:
            doc = row["external_id"]
            yield r.AgreementEntry(
                count=row["count"],
                kind=row["kind"],
                document=doc,
                evidence=r.Evidence(
                    document=doc, start=row["start"], end=row["end"], text=row["text"]
                ),
                visit=row["visit_id"],
                guest_country=row["guest_country"],
                host_country=row["host_country"],
                start_date=row["start_date"],
            )
