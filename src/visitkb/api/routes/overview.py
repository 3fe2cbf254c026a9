"""Countries with their visit counts, and what the knowledge base holds."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from visitkb import records as r
from visitkb.api.deps import ConnectionDep
from visitkb.database import queries

router = APIRouter(tags=["overview"])


class CountriesPublic(BaseModel):
    data: list[r.Country]
    next: None = None


# Plain `def`: these aggregate over every visit, so they run in the thread pool rather than
# holding the event loop.
@router.get("/countries")
def list_countries(conn: ConnectionDep) -> CountriesPublic:
    """Every ISO 3166-1 country by code, with the visits it made (as guest) and received (as
    host). One page: the list is short.
    """
    return CountriesPublic(data=queries.list_countries(conn))


@router.get("/stats")
def get_stats(conn: ConnectionDep) -> r.Stats:
    """Counts of documents, visits, sources, people and agreement claims, and the date span."""
    return queries.get_stats(conn)
