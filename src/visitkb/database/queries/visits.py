"""Visits: filtered listings in date order, full records for export, one visit in detail."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy import Connection, Integer, Select, Text, bindparam, cast, func, select
from sqlalchemy.sql.elements import ColumnElement

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.filters import VisitFilters, visit_binding, visit_conditions
from visitkb.database.queries.paging import (
    Page,
    Position,
    Sort,
    fetch_dated,
    keyset_region,
    with_page_of,
)
from visitkb.database.queries.people import CHUNK, person_dicts

_IDS = bindparam("ids", expanding=True)
# Person records an export keeps between chunks (the same people travel again and again);
# bounded, so an export of any size runs in constant memory.
PEOPLE_KEPT = 20_000

_VISIT_COLUMNS = (
    m.Visit.id,
    m.Visit.status,
    m.Visit.guest_id,
    m.Visit.guest_country,
    m.Visit.host_country,
    m.Visit.start_date,
    m.Visit.end_date,
    m.Visit.window_start,
    m.Visit.window_end,
    m.Visit.duration_days,
    m.Visit.window_start.label("day"),  # the keyset's date: earliest possible start day
)
_VISIT_BY_ID = select(*_VISIT_COLUMNS, m.Visit.window_reasons).where(
    m.Visit.id == bindparam("id", type_=Integer)
)
_SOURCES = (
    select(m.VisitSource.id, m.VisitSource.visit_id, m.Document.external_id)
    .join(m.Document, m.Document.id == m.VisitSource.document_id)
    .where(m.VisitSource.visit_id.in_(_IDS))
    .order_by(m.VisitSource.visit_id, m.Document.external_id, m.VisitSource.ordinal)
)
_SOURCE_CLAIMS = (
    select(
        m.VisitSource.status,
        m.VisitSource.start_date,
        m.VisitSource.end_date,
        m.VisitSource.window_start,
        m.VisitSource.window_end,
        m.VisitSource.duration_days,
        m.Document.lang,
        m.Document.published,
        m.Mention.text.label("guest_as_written"),
        m.Mention.inference.label("guest_inference"),
    )
    .join(m.Document, m.Document.id == m.VisitSource.document_id)
    .join(m.Mention, m.Mention.id == m.VisitSource.guest_mention_id)
    .where(m.VisitSource.visit_id == bindparam("id", type_=Integer))
    .order_by(m.Document.external_id, m.VisitSource.ordinal)  # the order of _SOURCES
)
_EVIDENCE = (
    select(
        m.EvidenceSpan.visit_source_id,
        m.EvidenceSpan.start,
        m.EvidenceSpan.end,
        m.EvidenceSpan.text,
    )
    .where(m.EvidenceSpan.visit_source_id.in_(_IDS))
    .order_by(m.EvidenceSpan.visit_source_id, m.EvidenceSpan.start)
)
# The claims below are read by source id and ordered by it, so each visit gets them in the
# order of its sources' ids, then by position in the text.
_PLACES = (
    select(
        m.VisitPlace.visit_source_id, m.VisitPlace.name, m.VisitPlace.name_en, m.VisitPlace.country
    )
    .where(m.VisitPlace.visit_source_id.in_(_IDS))
    .order_by(m.VisitPlace.visit_source_id, m.VisitPlace.start)
)
_PARTICIPANTS = (
    select(m.VisitParticipant.visit_source_id, m.Mention.person_id)
    .join(m.Mention, m.Mention.id == m.VisitParticipant.mention_id)
    .where(m.VisitParticipant.visit_source_id.in_(_IDS), m.Mention.person_id.is_not(None))
    .order_by(m.VisitParticipant.visit_source_id, m.Mention.start)
)
_AGREEMENTS = (
    select(
        m.AgreementClaim.visit_source_id,
        m.AgreementClaim.count,
        m.AgreementClaim.kind,
        m.AgreementClaim.start,
        m.AgreementClaim.end,
        m.AgreementClaim.text,
    )
    .where(m.AgreementClaim.visit_source_id.in_(_IDS))
    .order_by(m.AgreementClaim.visit_source_id, m.AgreementClaim.start)
)


def _places_json(dialect: str) -> ColumnElement[str]:
    """The visit's places as a JSON array of {name, name_en, country}, in the order named.

    One correlated subquery instead of a second round trip per page. SQLite before 3.44 has no
    ORDER BY inside aggregates, so there the rows come ordered from a derived table.
    """
    place, source = m.VisitPlace, m.VisitSource
    keys = ("name", "name_en", "country")
    if dialect == "postgresql":
        objects = func.json_build_object(*(x for k in keys for x in (k, getattr(place, k))))
        array = func.json_agg(objects).aggregate_order_by(place.visit_source_id, place.start)
        return (
            select(func.coalesce(cast(array, Text), "[]"))
            .join_from(place, source, source.id == place.visit_source_id)
            .where(source.visit_id == m.Visit.id)
            .scalar_subquery()
        )
    ordered = (
        select(place.name, place.name_en, place.country)
        .join(source, source.id == place.visit_source_id)
        .where(source.visit_id == m.Visit.id)
        .order_by(place.visit_source_id, place.start)
        .correlate(m.Visit)
        .subquery()
    )
    objects = func.json_object(*(x for k in keys for x in (k, ordered.c[k])))
    return select(func.json_group_array(objects)).scalar_subquery()


def _summary_columns(dialect: str) -> tuple[Any, ...]:
    return (
        *_VISIT_COLUMNS,
        m.Person.name.label("guest_name"),
        m.Person.name_en.label("guest_name_en"),
        m.Person.role.label("guest_role"),
        m.Person.country.label("guest_home"),
        select(func.count())
        .where(m.VisitSource.visit_id == m.Visit.id)
        .scalar_subquery()
        .label("sources"),
        _places_json(dialect).label("places"),
    )


@cache
def _visit_page(
    dialect: str | None, shape: tuple[str, ...], descending: bool, dated: bool, after: bool
) -> Select:
    """A page statement; with a dialect, its rows carry what a listing shows (summaries)."""
    ids = keyset_region(
        select(m.Visit.id, m.Visit.window_start.label("day")).where(
            *visit_conditions(shape, dated)
        ),
        m.Visit.window_start,
        m.Visit.id,
        descending=descending,
        dated=dated,
        after=after,
    )
    if dialect is None:
        outer = select(*_VISIT_COLUMNS)
    else:
        outer = select(*_summary_columns(dialect)).join(m.Person, m.Person.id == m.Visit.guest_id)
    return with_page_of(outer, ids, m.Visit.id, descending=descending, dated=dated)


def _visit_rows(
    conn: Connection,
    filters: VisitFilters,
    sort: Sort,
    limit: int,
    position: Position | None,
    *,
    summaries: bool,
) -> tuple[list[Any], Position | None]:
    binding = visit_binding(filters)
    dialect = conn.dialect.name if summaries else None
    return fetch_dated(
        conn,
        lambda dated, after: _visit_page(dialect, binding.shape, sort.descending, dated, after),
        binding.params,
        sort=sort,
        limit=limit,
        position=position,
    )


def list_visits(
    conn: Connection,
    filters: VisitFilters,
    *,
    sort: Sort = Sort.newest,
    limit: int,
    cursor: str | None = None,
) -> Page:
    """Visits matching ``filters`` in date order, ``limit`` at a time.

    Visits with an earliest possible day come first, by that day; visits whose window has no
    start follow, by id. Raises InvalidCursor for a cursor this listing did not issue.
    """
    position = Position.decode(cursor, sort) if cursor else None
    rows, after = _visit_rows(conn, filters, sort, limit, position, summaries=True)
    return Page(_summaries(rows), after.encode() if after else None)


_SUMMARY_LIST = TypeAdapter(list[r.VisitSummary])


def _unique_places(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each place once, the first time a source names it (by English name, else as written)."""
    return list({(p["name_en"] or p["name"]): p for p in reversed(places)}.values())[::-1]


def _summaries(rows: Sequence[Any]) -> list[r.VisitSummary]:
    return _SUMMARY_LIST.validate_python(
        [
            {
                "id": row["id"],
                "status": row["status"],
                "guest": {
                    "id": row["guest_id"],
                    "name": row["guest_name"],
                    "name_en": row["guest_name_en"],
                    "role": row["guest_role"],
                    "country": row["guest_home"],
                },
                "guest_country": row["guest_country"],
                "host_country": row["host_country"],
                "start_date": row["start_date"],
                "end_date": row["end_date"],
                "date_window": (row["window_start"], row["window_end"]),
                "duration_days": row["duration_days"],
                "places": _unique_places(json.loads(row["places"])),
                "sources": row["sources"],
            }
            for row in rows
        ]
    )


def _window(row: Any) -> tuple[Any, Any]:
    return (row["window_start"], row["window_end"])


def iter_visits(
    conn: Connection, filters: VisitFilters | None = None, sort: Sort = Sort.date
) -> Iterator[r.Visit]:
    """Every visit matching ``filters`` as a full record, one chunk in memory at a time."""
    filters = filters or VisitFilters()
    people: dict[int, dict[str, Any]] = {}
    position = None
    while True:
        rows, position = _visit_rows(conn, filters, sort, CHUNK, position, summaries=False)
        if len(people) > PEOPLE_KEPT:
            people.clear()
        yield from assemble_visits(conn, rows, people)
        if position is None:
            return


_VISIT_LIST = TypeAdapter(list[r.Visit])


def assemble_visits(
    conn: Connection, rows: Sequence[Any], people: dict[int, dict[str, Any]] | None = None
) -> list[r.Visit]:
    """Turn visit rows into full records with guests, places, participants, agreements, sources.

    ``people`` holds person records already read (see ``person_dicts``).
    """
    if not rows:
        return []
    sources = conn.execute(_SOURCES, {"ids": [row["id"] for row in rows]}).all()
    visit_of = {s.id: s.visit_id for s in sources}
    document_of = {s.id: s.external_id for s in sources}
    source_ids = sorted(visit_of)

    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for sid, start, end, text in conn.execute(_EVIDENCE, {"ids": source_ids}).all():
        evidence[sid].append(
            {"document": document_of[sid], "start": start, "end": end, "text": text}
        )

    places: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for sid, name, name_en, country in conn.execute(_PLACES, {"ids": source_ids}).all():
        places[visit_of[sid]].setdefault(
            name_en or name, {"name": name, "name_en": name_en, "country": country}
        )

    participants: dict[int, dict[int, None]] = defaultdict(dict)
    for sid, person_id in conn.execute(_PARTICIPANTS, {"ids": source_ids}).all():
        participants[visit_of[sid]][person_id] = None

    agreements: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for sid, count, kind, start, end, text in conn.execute(_AGREEMENTS, {"ids": source_ids}).all():
        doc = document_of[sid]
        agreements[visit_of[sid]].append(
            {
                "count": count,
                "kind": kind,
                "document": doc,
                "evidence": {"document": doc, "start": start, "end": end, "text": text},
            }
        )

    people = person_dicts(
        conn,
        [row["guest_id"] for row in rows] + [p for ids in participants.values() for p in ids],
        people,
    )
    by_visit: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for s in sources:
        by_visit[s.visit_id].append({"document": s.external_id, "evidence": evidence[s.id]})

    return _VISIT_LIST.validate_python(
        [
            {
                "id": row["id"],
                "status": row["status"],
                "guest": people[row["guest_id"]],
                "guest_country": row["guest_country"],
                "host_country": row["host_country"],
                "start_date": row["start_date"],
                "end_date": row["end_date"],
                "date_window": _window(row),
                "duration_days": row["duration_days"],
                "places": list(places[row["id"]].values()),
                "participants": [
                    people[p] for p in participants[row["id"]] if p != row["guest_id"]
                ],
                "agreements": agreements[row["id"]],
                "sources": by_visit[row["id"]],
            }
            for row in rows
        ]
    )


def conflicting_agreements(agreements: Sequence[r.Agreement]) -> bool:
    """Whether two claims count one kind differently; "several" (no count) conflicts with none."""
    counts: dict[str, set[int]] = defaultdict(set)
    for claim in agreements:
        if claim.count is not None:
            counts[claim.kind].add(claim.count)
    return any(len(values) > 1 for values in counts.values())


def get_visit(conn: Connection, visit_id: int) -> r.VisitDetail | None:
    """One visit with each source's own claim, the window's reasons and a conflict flag."""
    row = conn.execute(_VISIT_BY_ID, {"id": visit_id}).mappings().first()
    if row is None:
        return None
    (visit,) = assemble_visits(conn, [row])
    claims = conn.execute(_SOURCE_CLAIMS, {"id": visit_id}).all()
    sources = [
        r.SourceDetail(
            document=source.document,
            evidence=source.evidence,
            lang=claim.lang,
            published=claim.published,
            status=claim.status,
            start_date=claim.start_date,
            end_date=claim.end_date,
            date_window=(claim.window_start, claim.window_end),
            duration_days=claim.duration_days,
            guest_as_written=claim.guest_as_written,
            guest_inference=claim.guest_inference,
        )
        for source, claim in zip(visit.sources, claims, strict=True)
    ]
    return r.VisitDetail(
        **visit.model_dump(exclude={"sources"}),
        sources=sources,
        window_reasons=row["window_reasons"] or [],
        conflicting_agreements=conflicting_agreements(visit.agreements),
    )


_GUEST_VISITS = select(func.count()).where(m.Visit.guest_id == bindparam("id", type_=Integer))
_MET_VISITS = select(func.count(m.VisitSource.visit_id.distinct())).where(
    m.VisitSource.id.in_(
        select(m.VisitParticipant.visit_source_id)
        .join(m.Mention, m.Mention.id == m.VisitParticipant.mention_id)
        .where(m.Mention.person_id == bindparam("id", type_=Integer))
    )
)


def person_visits(conn: Connection, person_id: int, *, as_guest: bool, latest: int) -> r.VisitPage:
    """How many visits a person made (or took part in as a host or participant), and the latest."""
    filters = VisitFilters(**{"guest" if as_guest else "participant": str(person_id)})
    total = conn.scalar(_GUEST_VISITS if as_guest else _MET_VISITS, {"id": person_id}) or 0
    page = list_visits(conn, filters, sort=Sort.newest, limit=latest)
    return r.VisitPage(total=total, latest=page.items)
