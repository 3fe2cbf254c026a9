"""Errors as RFC 9457 problem details (``application/problem+json``), never a stack trace."""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from visitkb.api.headers import API_HEADERS
from visitkb.database.queries import FilterError, InvalidCursor

MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    errors: list[dict[str, object]] | None = None


def problem(status: int, detail: str, **extra: object) -> JSONResponse:
    """A problem-details response."""
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def _parameter_problem(name: str, message: str) -> JSONResponse:
    loc = ["query", name]
    return problem(
        422,
        f"query.{name}: {message}",
        errors=[{"loc": loc, "msg": message, "type": "value_error"}],
    )


def responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI entries for the problem responses a route can give."""
    schema = Problem.model_json_schema()
    return {
        status: {
            "description": HTTPStatus(status).phrase,
            "content": {MEDIA_TYPE: {"schema": schema}},
        }
        for status in statuses
    }


def install(app: FastAPI) -> None:
    """Register handlers that turn every error into problem details."""

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
        response = problem(error.status_code, str(error.detail))
        if error.headers:
            response.headers.update(error.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in error.errors()
        ]
        summary = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return problem(422, summary or "invalid request", errors=errors)

    @app.exception_handler(FilterError)
    async def invalid_filter(_request: Request, error: FilterError) -> JSONResponse:
        return _parameter_problem(error.name, error.message)

    @app.exception_handler(InvalidCursor)
    async def invalid_cursor(_request: Request, error: InvalidCursor) -> JSONResponse:
        return _parameter_problem("cursor", str(error))

    @app.exception_handler(Exception)
    async def server_error(_request: Request, error: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=error)
        response = problem(500, "internal error; the server log has the details")
        # Served outside every middleware (Starlette's outermost one calls this handler).
        response.headers.update(API_HEADERS)
        return response
