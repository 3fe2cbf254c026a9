"""Agreement claims with their visit, in the visit's date order, conflicts flagged."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, exists, select
from sqlalchemy.orm import aliased

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.filters import (
    AgreementFilters,
    agreement_binding,
    agreement_conditions,
)
from visitkb.database.queries.paging import (
    Page,
    Position,
    Sort,
    fetch_dated,
    keyset_region,
    with_page_of,
)
from visitkb.database.queries.people import CHUNK

_OTHER_CLAIM = aliased(m.AgreementClaim)
_OTHER_SOURCE = aliased(m.VisitSource)

# Another source of the same visit counts the same kind differently. NULL counts ("several")
# compare as unknown, so they conflict with nothing.
_CONFLICTING = (
    exists()
    .where(
        _OTHER_CLAIM.visit_source_id == _OTHER_SOURCE.id,
        _OTHER_SOURCE.visit_id == m.VisitSource.visit_id,
        _OTHER_CLAIM.kind == m.AgreementClaim.kind,
        _OTHER_CLAIM.count != m.AgreementClaim.count,
    )
    .correlate(m.AgreementClaim, m.VisitSource)
)

_CLAIM_COLUMNS = (
    m.AgreementClaim.id,
    m.AgreementClaim.count,
    m.AgreementClaim.kind,
    m.AgreementClaim.start,
    m.AgreementClaim.end,
    m.AgreementClaim.text,
    m.VisitSource.visit_id,
    m.Document.external_id,
    m.Visit.guest_country,
    m.Visit.host_country,
    m.Visit.start_date,
    m.Visit.window_start.label("day"),
)


def _joined(stmt: Select, documents: bool = True) -> Select:
    """Claims with their source and visit, and the source's document when ``documents``."""
    stmt = (
        stmt.select_from(m.AgreementClaim)
        .join(m.VisitSource, m.VisitSource.id == m.AgreementClaim.visit_source_id)
        .join(m.Visit, m.Visit.id == m.VisitSource.visit_id)
    )
    return stmt.join(m.Document, m.Document.id == m.VisitSource.document_id) if documents else stmt


@cache
def _agreement_page(shape: tuple[str, ...], descending: bool, dated: bool, after: bool) -> Select:
    """A page of claims, found on the cheap columns; the conflict flag is computed for it only."""
    ids = keyset_region(
        _joined(
            select(m.AgreementClaim.id, m.Visit.window_start.label("day")),
            documents="document" in shape,
        ).where(*agreement_conditions(shape, dated)),
        m.Visit.window_start,
        m.AgreementClaim.id,
        descending=descending,
        dated=dated,
        after=after,
    )
    return with_page_of(
        _joined(select(*_CLAIM_COLUMNS, _CONFLICTING.label("conflicting"))),
        ids,
        m.AgreementClaim.id,
        descending=descending,
        dated=dated,
    )


def _agreement_rows(
    conn: Connection, filters: AgreementFilters, sort: Sort, limit: int, position: Position | None
) -> tuple[list[Any], Position | None]:
    binding = agreement_binding(filters)
    return fetch_dated(
        conn,
        lambda dated, after: _agreement_page(binding.shape, sort.descending, dated, after),
        binding.params,
        sort=sort,
        limit=limit,
        position=position,
    )


def _entries(rows: Sequence[Any]) -> list[r.AgreementEntry]:
    entries = []
    for row in rows:
        doc = row["external_id"]
        entries.append(
            r.AgreementEntry(
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
                conflicting=bool(row["conflicting"]),
            )
        )
    return entries


def list_agreements(
    conn: Connection,
    filters: AgreementFilters,
    *,
    sort: Sort = Sort.newest,
    limit: int,
    cursor: str | None = None,
) -> Page:
    """Agreement claims matching ``filters`` in their visits' date order, ``limit`` at a time."""
    position = Position.decode(cursor, sort) if cursor else None
    rows, after = _agreement_rows(conn, filters, sort, limit, position)
    return Page(_entries(rows), after.encode() if after else None)


def iter_agreements(
    conn: Connection, filters: AgreementFilters | None = None, sort: Sort = Sort.date
) -> Iterator[r.AgreementEntry]:
    """Every agreement claim attributed to a visit and matching ``filters``."""
    filters = filters or AgreementFilters()
    position = None
    while True:
        rows, position = _agreement_rows(conn, filters, sort, CHUNK, position)
        yield from _entries(rows)
        if position is None:
            return
