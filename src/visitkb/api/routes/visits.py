"""Visits: who travelled where and when, with the documents that say so."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from visitkb import records as r
from visitkb.api.deps import ConnectionDep
from visitkb.api.filters import Cursor, Id, Limit, SortOrder, VisitFiltersDep
from visitkb.api.pagination import link_next
from visitkb.api.problems import responses
from visitkb.database import queries
from visitkb.database.queries import Sort

router = APIRouter(prefix="/visits", tags=["visits"])


EXAMPLE = {
    "data": [
        {
            "id": 1,
            "status": "occurred",
            "guest": {
                "id": 1374,
                "name": "Sami Rashid",
                "name_en": "Sami Rashid",
                "role": "president",
                "country": "EGY",
            },
            "guest_country": "EGY",
            "host_country": "IRQ",
            "start_date": "2019-03-10",
            "end_date": "2019-03-12",
            "date_window": ["2019-03-10", "2019-03-10"],
            "duration_days": 3,
            "places": [{"name": "بغداد", "name_en": "Baghdad", "country": "IRQ"}],
            "sources": 2,
        }
    ],
    "next": "WyItZGF0ZSIsICIyMDE5LTAzLTEwIiwgMV0",
}


class VisitsPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    data: list[r.VisitSummary]
    next: str | None = Field(
        description="Cursor of the next page (also in `Link`); null at the end"
    )


@router.get("", responses=responses(422))
async def list_visits(
    request: Request,
    response: Response,
    conn: ConnectionDep,
    filters: VisitFiltersDep,
    sort: SortOrder = Sort.newest,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> VisitsPublic:
    """Visits matching every filter given, newest first by default.

    A visit's date is its earliest possible start day: the day itself when known, else the start
    of its window. Visits whose window has no start come after all others. Pages are stable
    while visits are added: follow `next` (or the `Link` header) with the same filters.
    """
    listing = partial(queries.list_visits, conn, filters, sort=sort, limit=limit, cursor=cursor)
    # Free text scans every name and place: off the event loop, so other requests go on.
    page = await run_in_threadpool(listing) if filters.q else listing()
    link_next(request, response, page.next_cursor)
    return VisitsPublic(data=page.items, next=page.next_cursor)


@router.get("/{visit_id}", responses=responses(404, 422))
async def get_visit(visit_id: Id, conn: ConnectionDep) -> r.VisitDetail:
    """One visit in full: guest, participants, places, each source's own claim with its evidence
    spans, agreement claims with the document making each, and why the date window is what it is.
    """
    visit = queries.get_visit(conn, visit_id)
    if visit is None:
        raise HTTPException(404, f"no visit with id {visit_id}")
    return visit
