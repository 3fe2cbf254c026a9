"""Load the officials gazetteer into ``people``, ``person_names`` and ``terms``.

Seeding is idempotent: a person is found by ``gazetteer_id`` (the gazetteer's id), rows that
already match the files are left alone, and a person whose names or terms changed in the files
is brought up to date. People removed from the files stay, since mentions may point at them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from visitkb.database import models as m
from visitkb.database.engine import write_transaction
from visitkb.resolve.names import name_key
from visitkb.world.officials import Official

SOURCE = "gazetteer"
PERSON_COLUMNS = ("name", "name_en", "role", "country")
NameRow = tuple[str, str, str]  # name, script, key
TermRow = tuple[str, str, date, date | None]  # role, country, start, end


@dataclass(frozen=True)
class SeedReport:
    """How many gazetteer people seeding added, brought up to date, or found unchanged."""

    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class _Record:
    """A gazetteer person as the database holds it (or should)."""

    person: tuple[str | None, ...]  # PERSON_COLUMNS
    names: frozenset[NameRow]  # gazetteer names only
    terms: frozenset[TermRow]

    @classmethod
    def of(cls, official: Official) -> _Record:
        return cls(
            person=(
                official.name_en,
                official.name_en,
                official.latest_term.role,
                official.country,
            ),
            names=frozenset(
                (name, script, name_key(name)) for script, name in official.spellings()
            ),
            terms=frozenset((t.role, t.country, t.start, t.end) for t in official.terms),
        )

    def without_names(self, names: set[str]) -> _Record:
        """The record less the spellings already stored from texts (one row per spelling)."""
        if not names:
            return self
        kept = frozenset(row for row in self.names if row[0] not in names)
        return _Record(person=self.person, names=kept, terms=self.terms)


@dataclass
class _Changes:
    """Bulk statements' parameters, gathered before anything is written."""

    people: list[dict] = field(default_factory=list)
    stale_names: list[dict] = field(default_factory=list)
    new_names: list[dict] = field(default_factory=list)
    replaced_terms: list[int] = field(default_factory=list)
    new_terms: list[dict] = field(default_factory=list)


def seed_gazetteer(engine: Engine, officials: Sequence[Official]) -> SeedReport:
    """Insert or update every official, in one transaction of bulk statements.

    The transaction holds the write lock, so seeding never interleaves with a rebuild.
    """
    wanted = {o.id: _Record.of(o) for o in officials}
    with write_transaction(engine) as conn:
        ids, stored, other_names = _read_stored(conn)
        new = [gid for gid in wanted if gid not in ids]
        ids |= _insert_people(conn, {gid: wanted[gid] for gid in new})
        changes = _Changes()
        updated = 0
        for gid, record in wanted.items():
            want = record.without_names(other_names.get(ids[gid], set()))
            have = stored.get(gid, _Record(person=(), names=frozenset(), terms=frozenset()))
            if gid in stored and have != want:
                updated += 1
            _collect(changes, ids[gid], have, want)
        _write(conn, changes)
    return SeedReport(added=len(new), updated=updated, unchanged=len(wanted) - len(new) - updated)


def _read_stored(conn: Connection) -> tuple[dict[str, int], dict[str, _Record], dict[int, set]]:
    """Gazetteer people by id: row ids, records, and names that texts added to them."""
    ids: dict[str, int] = {}
    person: dict[int, tuple] = {}
    for row in conn.execute(
        select(
            m.Person.id, m.Person.gazetteer_id, *(getattr(m.Person, c) for c in PERSON_COLUMNS)
        ).where(m.Person.gazetteer_id.is_not(None))
    ):
        ids[row.gazetteer_id] = row.id
        person[row.id] = tuple(getattr(row, c) for c in PERSON_COLUMNS)
    names: dict[int, set[NameRow]] = {pid: set() for pid in person}
    other_names: dict[int, set[str]] = {}
    for row in conn.execute(
        select(m.PersonName)
        .join(m.Person, m.Person.id == m.PersonName.person_id)
        .where(m.Person.gazetteer_id.is_not(None))
    ).mappings():
        if row["source"] == SOURCE:
            names[row["person_id"]].add((row["name"], row["script"], row["key"]))
        else:
            other_names.setdefault(row["person_id"], set()).add(row["name"])
    terms: dict[int, set[TermRow]] = {pid: set() for pid in person}
    for row in conn.execute(
        select(m.Term)
        .join(m.Person, m.Person.id == m.Term.person_id)
        .where(m.Person.gazetteer_id.is_not(None))
    ).mappings():
        terms[row["person_id"]].add((row["role"], row["country"], row["start"], row["end"]))
    stored = {
        gid: _Record(person=person[pid], names=frozenset(names[pid]), terms=frozenset(terms[pid]))
        for gid, pid in ids.items()
    }
    return ids, stored, other_names


def _insert_people(conn: Connection, records: dict[str, _Record]) -> dict[str, int]:
    """Insert people rows; return their ids by gazetteer id."""
    if not records:
        return {}
    conn.execute(
        insert(m.Person),
        [
            {"gazetteer_id": gid, **dict(zip(PERSON_COLUMNS, r.person, strict=True))}
            for gid, r in records.items()
        ],
    )
    rows = conn.execute(
        select(m.Person.gazetteer_id, m.Person.id).where(m.Person.gazetteer_id.in_(records))
    )
    return {gid: pid for gid, pid in rows}


def _collect(changes: _Changes, pid: int, have: _Record, want: _Record) -> None:
    """Add what it takes to turn ``have`` into ``want`` for person ``pid``."""
    if have.person and have.person != want.person:
        changes.people.append(
            {"pid": pid, **{f"v_{c}": v for c, v in zip(PERSON_COLUMNS, want.person, strict=True)}}
        )
    changes.stale_names += [{"pid": pid, "v_name": n} for n, _, _ in have.names - want.names]
    changes.new_names += [
        {"person_id": pid, "name": n, "script": s, "key": k, "source": SOURCE}
        for n, s, k in sorted(want.names - have.names)
    ]
    if have.terms != want.terms:
        if have.terms:
            changes.replaced_terms.append(pid)
        changes.new_terms += [
            {"person_id": pid, "role": r, "country": c, "start": s, "end": e}
            for r, c, s, e in sorted(want.terms, key=lambda t: (t[2], t[0]))
        ]


def _write(conn: Connection, changes: _Changes) -> None:
    if changes.people:
        conn.execute(
            update(m.Person)
            .where(m.Person.id == bindparam("pid"))
            .values({c: bindparam(f"v_{c}") for c in PERSON_COLUMNS}),
            changes.people,
        )
    if changes.stale_names:
        conn.execute(
            delete(m.PersonName).where(
                m.PersonName.person_id == bindparam("pid"),
                m.PersonName.name == bindparam("v_name"),
                m.PersonName.source == SOURCE,
            ),
            changes.stale_names,
        )
    if changes.replaced_terms:
        conn.execute(delete(m.Term).where(m.Term.person_id.in_(changes.replaced_terms)))
    for table, rows in ((m.PersonName, changes.new_names), (m.Term, changes.new_terms)):
        if rows:
            conn.execute(insert(table), rows)
