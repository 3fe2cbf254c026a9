"""The application factory: no engine exists until an app is created."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from visitkb import __version__
from visitkb.api import problems
from visitkb.api.routes import agreements, documents, exports, health, overview, people, visits
from visitkb.config import Settings
from visitkb.database import make_engine

DESCRIPTION = """
Who visited whom, when, whom they met and what was signed: diplomatic visits extracted from
Arabic and Hindi news, each fact with the document and character offsets it came from.

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

    app = FastAPI(title="visitkb", version=__version__, description=DESCRIPTION, lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    problems.install(app)
    for module in (health, visits, people, agreements, overview, documents, exports):
        app.include_router(module.router)
    return app
