"""People: listings by name in any script, country and role; person records with their names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import Connection, Integer, Select, bindparam, exists, select

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.filters import PersonFilters, person_binding, person_conditions
from visitkb.database.queries.paging import (
    InvalidCursor,
    Page,
    decode_cursor,
    encode_cursor,
    is_id,
)

# Rows fetched per round trip when assembling records: big enough to amortise the queries,
# small enough that an export of any size runs in constant memory.
CHUNK = 500

_IDS = bindparam("ids", expanding=True)

_PEOPLE = select(
    m.Person.id, m.Person.name, m.Person.name_en, m.Person.role, m.Person.country
).where(m.Person.id.in_(_IDS))
_NAMES = (
    select(m.PersonName.person_id, m.PersonName.name, m.PersonName.script)
    .where(m.PersonName.person_id.in_(_IDS))
    .order_by(m.PersonName.person_id, m.PersonName.id)
)
_DOCUMENTS = (
    select(m.Mention.person_id, m.Document.external_id)
    .join(m.Document, m.Document.id == m.Mention.document_id)
    .where(m.Mention.person_id.in_(_IDS))
    .group_by(m.Mention.person_id, m.Document.external_id)
    .order_by(m.Mention.person_id, m.Document.external_id)
)
_TERMS = (
    select(m.Term.person_id, m.Term.role, m.Term.country, m.Term.start, m.Term.end)
    .where(m.Term.person_id.in_(_IDS))
    .order_by(m.Term.person_id, m.Term.start)
)
_NAME_SCRIPTS = (
    select(m.PersonName.name, m.PersonName.script)
    .where(m.PersonName.person_id == bindparam("id", type_=Integer))
    .order_by(m.PersonName.script, m.PersonName.id)
)


def person_dicts(
    conn: Connection, ids: Iterable[int], known: dict[int, dict[str, Any]] | None = None
) -> dict[int, dict[str, Any]]:
    """Person records by id as plain dicts (for bulk validation), with every name form.

    ``known`` holds records already read (an export meets the same people chunk after chunk);
    the ones read here are added to it.
    """
    known = {} if known is None else known
    wanted = sorted(set(ids) - known.keys())
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        names: dict[int, list[str]] = defaultdict(list)
        for person_id, name, _script in conn.execute(_NAMES, {"ids": chunk}).all():
            names[person_id].append(name)
        for person_id, name, name_en, role, country in conn.execute(_PEOPLE, {"ids": chunk}).all():
            known[person_id] = {
                "id": person_id,
                "name": name,
                "name_en": name_en,
                "names": names[person_id],
                "role": role,
                "country": country,
            }
    return known


_PERSON_MAP = TypeAdapter(dict[int, r.Person])


def fetch_people(conn: Connection, ids: Iterable[int]) -> dict[int, r.Person]:
    """Person records by id, with every name form."""
    return _PERSON_MAP.validate_python(person_dicts(conn, ids))


# Gazetteer people no document names yet are reference data, like countries, and people texts
# give only by role ("the Iraqi foreign minister") have no name: neither is listed.
NAMED = exists().where(m.Mention.person_id == m.Person.id, m.Mention.role_only.is_(False))


@cache
def _people_page(shape: tuple[str, ...], after: bool) -> Select:
    stmt = select(m.Person.id).where(NAMED, *person_conditions(shape))
    if after:
        stmt = stmt.where(m.Person.id > bindparam("after_id", type_=Integer))
    return stmt.order_by(m.Person.id).limit(bindparam("limit", type_=Integer))


def _person_ids(
    conn: Connection, filters: PersonFilters, limit: int, after: int | None
) -> list[int]:
    binding = person_binding(filters)
    params = dict(binding.params, limit=limit)
    if after is not None:
        params["after_id"] = after
    return list(conn.scalars(_people_page(binding.shape, after is not None), params))


def list_people(
    conn: Connection, filters: PersonFilters, *, limit: int, cursor: str | None = None
) -> Page:
    """People matching ``filters`` by id, ``limit`` at a time."""
    after = None
    if cursor:
        values = decode_cursor(cursor)
        if len(values) != 1 or not is_id(values[0]):
            raise InvalidCursor("invalid cursor")
        after = values[0]
    ids = _person_ids(conn, filters, limit + 1, after)
    people = fetch_people(conn, ids[:limit])
    more = len(ids) > limit
    return Page([people[i] for i in ids[:limit]], encode_cursor([ids[limit - 1]]) if more else None)


def _roles(conn: Connection, people: dict[int, r.Person]) -> dict[int, list[r.Role]]:
    """Terms of office from the gazetteer, else the role the texts give (with no dates)."""
    terms: dict[int, list[r.Role]] = defaultdict(list)
    for row in conn.execute(_TERMS, {"ids": list(people)}):
        terms[row.person_id].append(
            r.Role(role=row.role, country=row.country, start=row.start, end=row.end)
        )
    return {
        person_id: terms[person_id]
        or ([r.Role(role=person.role, country=person.country)] if person.role else [])
        for person_id, person in people.items()
    }


def iter_people(conn: Connection, filters: PersonFilters | None = None) -> Iterator[r.PersonEntry]:
    """Every person matching ``filters``, with the documents naming them and their roles, by id."""
    filters = filters or PersonFilters()
    after = None
    while ids := _person_ids(conn, filters, CHUNK, after):
        after = ids[-1]
        people = fetch_people(conn, ids)
        documents: dict[int, list[str]] = defaultdict(list)
        for person_id, doc in conn.execute(_DOCUMENTS, {"ids": ids}):
            documents[person_id].append(doc)
        roles = _roles(conn, people)
        for person_id in ids:
            yield r.PersonEntry(
                **people[person_id].model_dump(),
                documents=documents[person_id],
                roles=roles[person_id],
            )


def names_by_script(conn: Connection, person_id: int) -> dict[str, list[str]]:
    """A person's name forms grouped by ISO 15924 script code."""
    scripts: dict[str, list[str]] = defaultdict(list)
    for name, script in conn.execute(_NAME_SCRIPTS, {"id": person_id}):
        scripts[script].append(name)
    return dict(scripts)


def person_roles(conn: Connection, person: r.Person) -> list[r.Role]:
    """The roles a person held (see ``_roles``)."""
    return _roles(conn, {person.id: person})[person.id]
