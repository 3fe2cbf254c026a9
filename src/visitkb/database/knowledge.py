"""Rebuild people and visits from the stored claims with the resolve stage.

The rebuild is a pure function of all claims, so the result never depends on the order
documents were ingested in; rows keep their ids across rebuilds through their keys.
"""

from __future__ import annotations

import unicodedata

from sqlalchemy import Connection, Engine, bindparam, delete, exists, insert, select, update

from visitkb import resolve
from visitkb.database import models as m
from visitkb.database.engine import write_transaction

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
        mentions = [
            resolve.MentionClaim(r.id, r.external_id, r.claim_key, r.text, r.role, r.country)
            for r in conn.execute(
                select(m.Mention, m.Document.external_id).join(
                    m.Document, m.Document.id == m.Mention.document_id
                )
            )
        ]
        sources = [
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
            )
            for r in conn.execute(
                select(m.VisitSource, m.Document.external_id).join(
                    m.Document, m.Document.id == m.VisitSource.document_id
                )
            )
        ]
        by_mention = resolve.resolve_people(mentions)
        visits = resolve.merge_visits(sources, by_mention)
        person_ids = _write_people(conn, by_mention)
        _write_visits(conn, visits, person_ids)
    return len(person_ids), len(visits)


def _write_people(
    conn: Connection, by_mention: dict[int, resolve.ResolvedPerson]
) -> dict[str, int]:
    people = {p.key: p for p in by_mention.values()}
    ids = dict(
        conn.execute(select(m.Person.key, m.Person.id).where(m.Person.key.is_not(None))).all()
    )
    for key, person in sorted(people.items()):
        values = {"name": person.name, "role": person.role, "country": person.country}
        if key in ids:
            conn.execute(update(m.Person).where(m.Person.id == ids[key]).values(**values))
        else:
            ids[key] = conn.execute(
                insert(m.Person).values(key=key, **values).returning(m.Person.id)
            ).scalar_one()
    known = set(conn.execute(select(m.PersonName.person_id, m.PersonName.name)).all())
    # A dict, because one name can reach a person twice (two mentions written alike).
    new_names = {
        (ids[p.key], name): {
            "person_id": ids[p.key],
            "name": name,
            "script": script_of(name),
            "key": p.key,
            "source": "text",
        }
        for p in people.values()
        for name in p.names
        if (ids[p.key], name) not in known
    }
    if new_names:
        conn.execute(insert(m.PersonName), list(new_names.values()))
    links = [{"mention": mention, "person": ids[p.key]} for mention, p in by_mention.items()]
    if links:
        conn.execute(
            update(m.Mention)
            .where(m.Mention.id == bindparam("mention"))
            .values(person_id=bindparam("person")),
            links,
        )
    return {key: ids[key] for key in people}


def _write_visits(
    conn: Connection, visits: list[resolve.ResolvedVisit], person_ids: dict[str, int]
) -> None:
    ids = dict(conn.execute(select(m.Visit.key, m.Visit.id)).all())
    wanted = {v.key for v in visits}
    conn.execute(update(m.VisitSource).values(visit_id=None))
    stale = [visit_id for key, visit_id in ids.items() if key not in wanted]
    if stale:
        conn.execute(delete(m.Visit).where(m.Visit.id.in_(stale)))
    links = []
    for visit in visits:
        values = {
            "guest_id": person_ids[visit.guest],
            "guest_country": visit.guest_country,
            "host_country": visit.host_country,
            "status": visit.status,
            "start_date": visit.start_date,
            "end_date": visit.end_date,
            "window_start": visit.window[0],
            "window_end": visit.window[1],
            "duration_days": visit.duration_days,
            "window_reasons": visit.reasons,
        }
        if visit.key in ids:
            visit_id = ids[visit.key]
            conn.execute(update(m.Visit).where(m.Visit.id == visit_id).values(**values))
        else:
            visit_id = conn.execute(
                insert(m.Visit).values(key=visit.key, **values).returning(m.Visit.id)
            ).scalar_one()
        links += [{"source": source, "visit": visit_id} for source in visit.sources]
    if links:
        conn.execute(
            update(m.VisitSource)
            .where(m.VisitSource.id == bindparam("source"))
            .values(visit_id=bindparam("visit")),
            links,
        )
