"""The application factory: no engine exists until an app is created."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from visitkb import __version__
from visitkb.api import problems
from visitkb.api.headers import SecurityHeaders
from visitkb.api.limits import BodyLimit
from visitkb.api.routes import (
    agreements,
    docs,
    documents,
    exports,
    health,
    overview,
    people,
    visits,
    web,
)
from visitkb.config import Settings
from visitkb.database import make_engine
from visitkb.web import STATIC

DESCRIPTION = """
Who visited whom, when, whom they met and what was signed: diplomatic visits extracted from
Arabic and Hindi news, each fact with the document and character offsets it came from.
The same server shows them as web pages at `/`.

Listings page by cursor: follow `next` (or the `Link` header) with the same filters. Every
listing has an export under `/export/` with the same filters. Errors are RFC 9457 problem
details (`application/problem+json`).
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the API for ``settings`` (default: from the environment)."""
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.engine.dispose()

    app = FastAPI(
        title="visitkb",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by routes.docs, with its own content policy
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url, server=True)
    problems.install(app)
    for module in (health, visits, people, agreements, overview, documents, exports, web, docs):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # The last added runs first: headers go on every answer, CORS answers included.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Link", "Content-Disposition"],
        )
    app.add_middleware(SecurityHeaders)
    return app
