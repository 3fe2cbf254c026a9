"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from visitkb import __version__
from visitkb.api.deps import ConnectionDep
from visitkb.database import queries

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    database: str


@router.get("/healthz")
def healthz(conn: ConnectionDep) -> Health:
    """Say whether the service runs and reaches its database."""
    return Health(status="ok", version=__version__, database=queries.ping(conn))
