"""A limit on the size of request bodies, enforced while the body arrives.

A body declared larger than the limit is refused before any of it is read; a body without a
declared length (chunked), or longer than it declared, is counted as it is read and refused as
soon as the count passes the limit. Either way the client gets a 413 problem and the server
never holds more than the limit.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from visitkb.api.problems import problem


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit} bytes (VISITKB_MAX_BODY_BYTES)"


class BodyLimit:
    """ASGI middleware refusing request bodies of more than ``max_bytes`` with a 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for n, v in scope["headers"] if n == b"content-length"), None)
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = problem(413, _too_large(self.max_bytes))
            response.headers["Connection"] = "close"
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # Raised in the reader of the body (FastAPI's parsing, a route's own
                    # reading), whose problem handler answers it.
                    raise HTTPException(413, _too_large(self.max_bytes))
            return message

        await self.app(scope, counting_receive, send)
