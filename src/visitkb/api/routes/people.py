"""People: officials and the others the texts name, one record across scripts."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from visitkb import records as r
from visitkb.api.deps import ConnectionDep
from visitkb.api.filters import Cursor, Id, Limit, PersonFiltersDep
from visitkb.api.pagination import link_next
from visitkb.api.problems import responses
from visitkb.database import queries

router = APIRouter(prefix="/people", tags=["people"])


EXAMPLE = {
    "data": [
        {
            "id": 1374,
            "name": "Sami Rashid",
            "name_en": "Sami Rashid",
            "names": ["Sami Rashid", "سامي راشد", "सामी राशिद"],
            "role": "president",
            "country": "EGY",
        }
    ],
    "next": None,
}


class PeoplePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    data: list[r.Person]
    next: str | None = Field(
        description="Cursor of the next page (also in `Link`); null at the end"
    )


@router.get("", responses=responses(422))
async def list_people(
    request: Request,
    response: Response,
    conn: ConnectionDep,
    filters: PersonFiltersDep,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> PeoplePublic:
    """People matching every filter given, by id, with every name form known for each."""
    page = queries.list_people(conn, filters, limit=limit, cursor=cursor)
    link_next(request, response, page.next_cursor)
    return PeoplePublic(data=page.items, next=page.next_cursor)


@router.get("/{person_id}", responses=responses(404, 422))
async def get_person(person_id: Id, conn: ConnectionDep) -> r.PersonDetail:
    """One person: names by script, roles held (terms of office when known), and the latest
    visits as guest and as participant with their totals (`/visits?guest=ID` lists them all).
    """
    person = queries.get_person(conn, person_id)
    if person is None:
        raise HTTPException(404, f"no person with id {person_id}")
    return person
