"""Agreement claims: what each source says was signed during a visit."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from visitkb import records as r
from visitkb.api.deps import ConnectionDep
from visitkb.api.filters import AgreementFiltersDep, Cursor, Limit, SortOrder
from visitkb.api.pagination import link_next
from visitkb.api.problems import responses
from visitkb.database import queries
from visitkb.database.queries import Sort

router = APIRouter(prefix="/agreements", tags=["agreements"])


EXAMPLE = {
    "data": [
        {
            "count": 15,
            "kind": "mou",
            "document": "hi-1",
            "evidence": {"document": "hi-1", "start": 44, "end": 62, "text": "15 समझौता ज्ञापनों"},
            "visit": 1,
            "guest_country": "EGY",
            "host_country": "IRQ",
            "start_date": "2019-03-10",
            "conflicting": True,
        },
        {
            "count": 14,
            "kind": "mou",
            "document": "ar-1",
            "evidence": {"document": "ar-1", "start": 41, "end": 55, "text": "14 مذكرة تفاهم"},
            "visit": 1,
            "guest_country": "EGY",
            "host_country": "IRQ",
            "start_date": "2019-03-10",
            "conflicting": True,
        },
    ],
    "next": None,
}


class AgreementsPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    data: list[r.AgreementEntry]
    next: str | None = Field(
        description="Cursor of the next page (also in `Link`); null at the end"
    )


# Plain `def`, run in the thread pool: finding a page joins and sorts thousands of claims, and
# SQLite lets other threads run meanwhile, so the other core serves other requests (measured:
# the event-loop variant fell behind Datasette here while it led on the visit listings).
@router.get("", responses=responses(422))
def list_agreements(
    request: Request,
    response: Response,
    conn: ConnectionDep,
    filters: AgreementFiltersDep,
    sort: SortOrder = Sort.newest,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> AgreementsPublic:
    """Agreement claims with their visit, in the visit's date order (newest first by default).

    Every source's claim is listed, never merged: when two sources of one visit count the same
    kind differently, both claims say `conflicting: true`.
    """
    page = queries.list_agreements(conn, filters, sort=sort, limit=limit, cursor=cursor)
    link_next(request, response, page.next_cursor)
    return AgreementsPublic(data=page.items, next=page.next_cursor)
