"""Security headers on every response: what a browser may load, sniff, send on or frame.

Pages load scripts, styles and images from this server only and run no inline script or style,
so a document text that got past escaping still could not run. Other responses (JSON, CSV, the
exports) are never documents to render: their policy allows nothing at all.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# Every response: no guessing a type other than the one sent (a JSON body holding markup is
# never run as a page), and no address of ours sent on to the news sites the pages link to.
COMMON_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
# Every response but a page; errors the application's middleware never sees (a 500) take these.
API_HEADERS = COMMON_HEADERS | {"Content-Security-Policy": API_POLICY}
PAGE_HEADERS = COMMON_HEADERS | {"Content-Security-Policy": PAGE_POLICY, "X-Frame-Options": "DENY"}


class SecurityHeaders:
    """ASGI middleware adding ``PAGE_HEADERS`` to HTML responses, ``API_HEADERS`` to the others.

    A header the response already has is kept: the API documentation page sets its own policy.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                content_type = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                extra = PAGE_HEADERS if content_type.startswith(b"text/html") else API_HEADERS
                headers += [
                    (name.lower().encode(), value.encode())
                    for name, value in extra.items()
                    if name.lower().encode() not in present
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
