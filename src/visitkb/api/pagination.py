"""The ``next`` of a page, as a body field and as an RFC 8288 ``Link`` header."""

from __future__ import annotations

from fastapi import Request, Response


def link_next(request: Request, response: Response, cursor: str | None) -> None:
    """Point the ``Link: rel="next"`` header at the next page, if there is one."""
    if cursor is not None:
        response.headers["Link"] = (
            f'<{request.url.include_query_params(cursor=cursor)}>; rel="next"'
        )
