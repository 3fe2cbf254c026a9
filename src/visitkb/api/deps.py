"""Dependencies shared by the routes.

They are ``async`` so that FastAPI runs them on the event loop: a sync dependency costs a
thread-pool hand-off per request, which measured as much as the query itself.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from visitkb.config import Settings
from visitkb.database import Connection, Engine, has_idle_connection


async def get_connection(request: Request) -> AsyncIterator[Connection]:
    """A read connection for one request.

    An idle connection of the pool is taken at once; otherwise connecting (or waiting for a
    connection when all are in use) runs in a thread, never on the event loop, which must go on
    returning the connections of finished requests.
    """
    engine = request.app.state.engine
    conn = (
        engine.connect() if has_idle_connection(engine) else await run_in_threadpool(engine.connect)
    )
    with conn:
        yield conn


async def get_engine(request: Request) -> Engine:
    """The application's engine, for responses that outlive the request's dependencies."""
    return request.app.state.engine


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


ConnectionDep = Annotated[Connection, Depends(get_connection)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

_bearer = HTTPBearer(auto_error=False, description="The server's VISITKB_API_TOKEN")


async def require_writer(
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let the request write only with the configured bearer token (compared in constant time)."""
    if settings.api_token is None:
        raise HTTPException(403, "writes are disabled: the server has no VISITKB_API_TOKEN")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), settings.api_token.encode()):
        raise HTTPException(
            401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
        )


WriterDep = Depends(require_writer)


class WriteRoute(APIRoute):
    """A write route: the token is checked before the body is read.

    FastAPI reads and parses a body before it solves dependencies, so with ``WriterDep`` alone
    a client without the token could still make the server read and parse megabytes of JSON.
    ``WriterDep`` stays on the route too, where it puts the bearer scheme into the OpenAPI schema.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def write(request: Request) -> Response:
            await require_writer(request.app.state.settings, await _bearer(request))
            return await handler(request)

        return write
