"""HTML pages: the templates of ``visitkb.web`` rendered for a request, errors as pages too.

Page routes take the API's own filter dependencies, so a page and its listing or export accept
and refuse the same things. Two differences suit browsers: a blank query parameter (an empty
form field) means the filter is not used, and errors are pages rather than problem details.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlencode

import pycountry
from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from visitkb.database.models import AGREEMENT_KINDS, VISIT_STATUSES
from visitkb.database.queries import FilterError, InvalidCursor
from visitkb.lang import supported_languages
from visitkb.web import TEMPLATES
from visitkb.web.highlight import SPAN_LABELS
from visitkb.web.writing import SCRIPT_NAMES, writing_of
from visitkb.world.countries import all_countries, country_name


def query_with(request: Request, drop: Iterable[str] = (), **changes: object) -> str:
    """The request's query string with ``drop`` removed and ``changes`` set (None removes).

    Repeated parameters (``country=IRN&country=IRQ``) are kept as they are.
    """
    removed = set(drop) | changes.keys()
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in removed]
    for key, value in changes.items():
        if value is not None:
            items.append((key, value.isoformat() if isinstance(value, date) else str(value)))
    return f"?{urlencode(items)}" if items else "?"


@cache
def _languages() -> list[tuple[str, str]]:
    """The languages visitkb reads, as (code, English name)."""
    return [(c, pycountry.languages.get(alpha_2=c).name) for c in sorted(supported_languages())]


templates = Jinja2Templates(directory=TEMPLATES)
templates.env.globals |= {
    "agreement_kinds": AGREEMENT_KINDS,
    "countries": all_countries,
    "country_name": lambda code: (country_name(code) or code) if code else None,
    "languages": _languages,
    "query_with": query_with,
    "script_names": SCRIPT_NAMES,
    "span_labels": SPAN_LABELS,
    "statuses": VISIT_STATUSES,
    "writing_of": writing_of,
}
templates.env.trim_blocks = templates.env.lstrip_blocks = True


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """The page ``name`` rendered with ``context``."""
    return templates.TemplateResponse(request, name, context, status_code=status)


def _without_blanks(request: Request) -> Request:
    """The request with its blank query parameters left out (``?official=&lang=ar``)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if v.strip()]
    scope = dict(request.scope, query_string=urlencode(items).encode())
    return Request(scope, request.receive)


def _messages(error: Exception) -> list[str]:
    if isinstance(error, RequestValidationError):
        return [f"{e['loc'][-1]}: {e['msg']}" for e in error.errors()]
    if isinstance(error, FilterError):
        return [f"{error.name}: {error.message}"]
    if isinstance(error, InvalidCursor):
        return [f"cursor: {error}"]
    assert isinstance(error, HTTPException)
    return [str(error.detail)]


class PageRoute(APIRoute):
    """A route answering with pages, whose errors are pages with the status of the error; a
    page read with GET answers HEAD too (link checkers ask with HEAD)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        if "GET" in self.methods:
            self.methods.add("HEAD")

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            request = _without_blanks(request)
            try:
                return await handler(request)
            except (RequestValidationError, FilterError, InvalidCursor) as error:
                return render(request, "error.html", 422, messages=_messages(error))
            except HTTPException as error:
                return render(request, "error.html", error.status_code, messages=_messages(error))

        return page
