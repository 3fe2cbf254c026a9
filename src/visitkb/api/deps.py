"""Dependencies shared by the routes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from visitkb.database import Connection


def get_connection(request: Request) -> Iterator[Connection]:
    """A read connection for one request."""
    with request.app.state.engine.connect() as conn:
        yield conn


ConnectionDep = Annotated[Connection, Depends(get_connection)]
