"""Rebuild people and visits from the stored claims with the resolve stage.

The rebuild is a pure function of all claims, so the result never depends on the order
documents were ingested in; rows keep their ids across rebuilds through their keys.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from sqlalchemy import Connection, Engine, bindparam, delete, exists, insert, select, update

from visitkb import resolve
from visitkb.database import models as m
from visitkb.database.engine import write_transaction
from visitkb.database.gazetteer import SOURCE as GAZETTEER
from visitkb.resolve.names import name_key

SCRIPTS = {"ARABIC": "Arab", "DEVANAGARI": "Deva", "LATIN": "Latn"}


def script_of(name: str) -> str:
    """The script of the first letter of ``name`` (ISO 15924 code), ``Zyyy`` if none."""
    for char in name:
        if char.isalpha():
            return SCRIPTS.get(unicodedata.name(char, "").split(" ", 1)[0], "Zyyy")
    return "Zyyy"


def needs_rebuild(engine: Engine) -> bool:
    """Whether some claim is not linked to the knowledge yet (e.g. after an interrupted ingest)."""
    with engine.connect() as conn:
        unlinked_mention = exists().where(m.Mention.person_id.is_(None))
        unlinked_source = exists().where(m.VisitSource.visit_id.is_(None))
        return bool(conn.scalar(select(unlinked_mention | unlinked_source)))


def rebuild(engine: Engine) -> tuple[int, int]:
    """Resolve every claim into people and visits; return (people, visits) counts.

    One transaction under the write lock: readers see the knowledge before or after, never
    half of it, and concurrent rebuilds run one after the other on the same claims.
    """
    with write_transaction(engine) as conn:
        mentions = _read_mentions(conn)
        sources = _read_sources(conn)
        dates = dict(conn.execute(select(m.Document.external_id, m.Document.reference_date)).all())
        days = {
            mention: s.start_date
            for s in sources
            if s.start_date
            for mention in (s.guest_mention, *s.participants)
        }
        by_mention = resolve.resolve_people(mentions, _read_known_people(conn), dates, days)
        visits = resolve.merge_visits(sources, by_mention, {c.id: c for c in mentions})
        person_ids = _write_people(conn, by_mention)
        _write_visits(conn, visits, person_ids)
    return len(person_ids), len(visits)


def _read_mentions(conn: Connection) -> list[resolve.MentionClaim]:
    rows = conn.execute(
        select(m.Mention, m.Document.external_id).join(
            m.Document, m.Document.id == m.Mention.document_id
        )
    )
    return [
        resolve.MentionClaim(r.id, r.external_id, r.claim_key, r.text, r.role, r.country)
        for r in rows
    ]


def _read_sources(conn: Connection) -> list[resolve.SourceClaim]:
    participants: dict[int, list[int]] = defaultdict(list)
    for source_id, mention_id in conn.execute(
        select(m.VisitParticipant.visit_source_id, m.VisitParticipant.mention_id).order_by(
            m.VisitParticipant.id
        )
    ):
        participants[source_id].append(mention_id)
    rows = conn.execute(
        select(
            m.VisitSource, m.Document.external_id, m.Document.reference_date, m.Document.ingested_at
        ).join(m.Document, m.Document.id == m.VisitSource.document_id)
    )
    return [
        resolve.SourceClaim(
            id=r.id,
            document=r.external_id,
            ordinal=r.ordinal,
            guest_mention=r.guest_mention_id,
            guest_country=r.guest_country,
            host_country=r.host_country,
            status=r.status,
            start_date=r.start_date,
            end_date=r.end_date,
            window=(r.window_start, r.window_end),
            duration_days=r.duration_days,
            reference_date=r.reference_date,
            ingested=r.ingested_at.date() if r.ingested_at else None,
            participants=tuple(participants[r.id]),
        )
        for r in rows
    ]


def _read_known_people(conn: Connection) -> list[resolve.KnownPerson]:
    """The gazetteer as seeded: people with a gazetteer id, their spellings and terms."""
    names: dict[int, list[str]] = defaultdict(list)
    for person_id, name in conn.execute(
        select(m.PersonName.person_id, m.PersonName.name)
        .where(m.PersonName.source == GAZETTEER)
        .order_by(m.PersonName.id)
    ):
        names[person_id].append(name)
    terms: dict[int, list[resolve.TermOfOffice]] = defaultdict(list)
    for t in conn.execute(select(m.Term).order_by(m.Term.start, m.Term.id)).mappings():
        terms[t["person_id"]].append(
            resolve.TermOfOffice(t["role"], t["country"], t["start"], t["end"])
        )
    return [
        resolve.KnownPerson(
            id=row.gazetteer_id,
            country=row.country,
            names=tuple(names[row.id]),
            terms=tuple(terms[row.id]),
            name_en=row.name_en,
        )
        for row in conn.execute(
            select(m.Person.id, m.Person.gazetteer_id, m.Person.country, m.Person.name_en).where(
                m.Person.gazetteer_id.is_not(None)
            )
        )
    ]


def _write_people(
    conn: Connection, by_mention: dict[int, resolve.ResolvedPerson]
) -> dict[str, int]:
    people = {p.key: p for p in by_mention.values()}
    ids = dict(
        conn.execute(select(m.Person.key, m.Person.id).where(m.Person.key.is_not(None))).all()
    )
    known = {p.known.id for p in people.values() if p.known}
    if known:
        ids.update(
            (f"gazetteer:{gid}", pid)
            for gid, pid in conn.execute(
                select(m.Person.gazetteer_id, m.Person.id).where(m.Person.gazetteer_id.in_(known))
            )
        )
    for key, person in sorted(people.items()):
        if person.known:
            continue  # the gazetteer says who they are
        values = {"name": person.name, "role": person.role, "country": person.country}
        if key in ids:
            conn.execute(update(m.Person).where(m.Person.id == ids[key]).values(**values))
        else:
            ids[key] = conn.execute(
                insert(m.Person).values(key=key, **values).returning(m.Person.id)
            ).scalar_one()
    stored = set(conn.execute(select(m.PersonName.person_id, m.PersonName.name)).all())
    # A dict, because one name can reach a person twice (two mentions written alike).
    new_names = {
        (ids[p.key], name): {
            "person_id": ids[p.key],
            "name": name,
            "script": script_of(name),
            "key": name_key(name),
            "source": "text",
        }
        for p in sorted(people.values(), key=lambda p: p.key)
        for name in p.names
        if (ids[p.key], name) not in stored
    }
    if new_names:
        conn.execute(insert(m.PersonName), list(new_names.values()))
    links = [
        {"mention": mention, "person": ids[p.key], "how": p.inferred.get(mention)}
        for mention, p in by_mention.items()
    ]
    if links:
        conn.execute(
            update(m.Mention)
            .where(m.Mention.id == bindparam("mention"))
            .values(person_id=bindparam("person"), inference=bindparam("how")),
            links,
        )
    return {key: ids[key] for key in people}


VISIT_COLUMNS = (
    "guest_id",
    "guest_country",
    "host_country",
    "status",
    "start_date",
    "end_date",
    "window_start",
    "window_end",
    "duration_days",
    "window_reasons",
)


def _write_visits(
    conn: Connection, visits: list[resolve.ResolvedVisit], person_ids: dict[str, int]
) -> None:
    """Insert new visits, update the changed ones (only those), delete the gone, relink sources."""
    columns = [getattr(m.Visit, c) for c in VISIT_COLUMNS]
    stored = {row[0]: row[1:] for row in conn.execute(select(m.Visit.key, m.Visit.id, *columns))}
    wanted = {v.key for v in visits}
    conn.execute(update(m.VisitSource).values(visit_id=None))
    stale = [row[0] for key, row in stored.items() if key not in wanted]
    if stale:
        conn.execute(delete(m.Visit).where(m.Visit.id.in_(stale)))
    changed, new = [], []
    for visit in visits:
        values = (
            person_ids[visit.guest],
            visit.guest_country,
            visit.host_country,
            visit.status,
            visit.start_date,
            visit.end_date,
            visit.window[0],
            visit.window[1],
            visit.duration_days,
            visit.reasons,
        )
        row = dict(zip(VISIT_COLUMNS, values, strict=True))
        if visit.key not in stored:
            new.append({"key": visit.key, **row})
        elif tuple(stored[visit.key][1:]) != values:
            changed.append({"visit": stored[visit.key][0], **row})
    if changed:
        bound = {c: bindparam(f"new_{c}") for c in VISIT_COLUMNS}
        rows = [{"visit": r.pop("visit"), **{f"new_{c}": v for c, v in r.items()}} for r in changed]
        conn.execute(update(m.Visit).where(m.Visit.id == bindparam("visit")).values(bound), rows)
    if new:
        conn.execute(insert(m.Visit), new)
    ids = dict(conn.execute(select(m.Visit.key, m.Visit.id)).all())
    links = [{"source": s, "visit": ids[visit.key]} for visit in visits for s in visit.sources]
    if links:
        conn.execute(
            update(m.VisitSource)
            .where(m.VisitSource.id == bindparam("source"))
            .values(visit_id=bindparam("visit")),
            links,
        )
