"""Exports: everything a listing shows, with the same filters, as one streamed download."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from visitkb import records as r
from visitkb.api.deps import EngineDep
from visitkb.api.filters import (
    AgreementFiltersDep,
    PersonFiltersDep,
    SortOrder,
    VisitFiltersDep,
)
from visitkb.api.problems import responses
from visitkb.database import Connection, Engine, queries
from visitkb.database.queries import Sort
from visitkb.export import MEDIA_TYPES, Format, batched, stream

router = APIRouter(prefix="/export", tags=["export"])

FormatQuery = Annotated[
    Format,
    Query(alias="format", description="`jsonl` (JSON Lines), `csv` or `json` (one array)"),
]
DOWNLOAD = {
    200: {
        "description": "The records, streamed; `Content-Disposition` names the file",
        "content": {media: {} for media in MEDIA_TYPES.values()},
    },
    **responses(422),
}


def _download(
    engine: Engine,
    records: Callable[[Connection], Iterable[r.Record]],
    kind: type[r.Record],
    fmt: Format,
    name: str,
) -> StreamingResponse:
    """Stream ``records`` as ``fmt``; the connection lives as long as the download."""

    def body() -> Iterator[str]:
        with engine.connect() as conn:
            yield from batched(stream(records(conn), fmt, kind))

    return StreamingResponse(
        body(),
        media_type=MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt.value}"'},
    )


@router.get("/visits", response_class=StreamingResponse, responses=DOWNLOAD)
async def export_visits(
    engine: EngineDep,
    filters: VisitFiltersDep,
    fmt: FormatQuery = Format.jsonl,
    sort: SortOrder = Sort.date,
) -> StreamingResponse:
    """Every visit matching the filters of `GET /visits`, as full records (oldest first by
    default). The same bytes as `visitkb export --what visits` with the same options.
    """
    return _download(
        engine, lambda conn: queries.iter_visits(conn, filters, sort), r.Visit, fmt, "visits"
    )


@router.get("/people", response_class=StreamingResponse, responses=DOWNLOAD)
async def export_people(
    engine: EngineDep, filters: PersonFiltersDep, fmt: FormatQuery = Format.jsonl
) -> StreamingResponse:
    """Every person matching the filters of `GET /people`, with the documents naming them and
    the roles they held, by id.
    """
    return _download(
        engine, lambda conn: queries.iter_people(conn, filters), r.PersonEntry, fmt, "people"
    )


@router.get("/agreements", response_class=StreamingResponse, responses=DOWNLOAD)
async def export_agreements(
    engine: EngineDep,
    filters: AgreementFiltersDep,
    fmt: FormatQuery = Format.jsonl,
    sort: SortOrder = Sort.date,
) -> StreamingResponse:
    """Every agreement claim matching the filters of `GET /agreements` (oldest first by
    default), conflicts flagged.
    """
    return _download(
        engine,
        lambda conn: queries.iter_agreements(conn, filters, sort),
        r.AgreementEntry,
        fmt,
        "agreements",
    )
