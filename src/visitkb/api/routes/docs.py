"""The interactive API documentation (Swagger UI), with a content policy of its own.

Swagger UI comes from a CDN and starts with an inline script, which the pages' policy forbids;
this page allows that CDN and that one script, by its hash, and nothing else inline.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

CDN = "https://cdn.jsdelivr.net"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _script_hashes(html: str) -> str:
    return " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in _INLINE_SCRIPT.findall(html)
    )


@router.get("/docs")
async def api_documentation(request: Request) -> HTMLResponse:
    page = get_swagger_ui_html(
        openapi_url=request.app.openapi_url,
        title=f"{request.app.title} API",
        swagger_favicon_url=str(request.url_for("static", path="favicon.svg").path),
    )
    html = bytes(page.body).decode()
    # Swagger UI sets style attributes as it renders, hence inline styles (never scripts).
    page.headers["Content-Security-Policy"] = (
        f"default-src 'self'; script-src {CDN} {_script_hashes(html)}; "
        f"style-src {CDN} 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'"
    )
    return page
