"""What the API refuses and what its answers tell browsers: body limit, token before body, CORS,
security headers, errors that show no code or SQL, and SQL injection leaving the database as it
was."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, func, select
from sqlalchemy.exc import OperationalError

from visitkb.api import create_app
from visitkb.api.headers import API_POLICY, PAGE_POLICY
from visitkb.config import DEFAULT_MAX_BODY_BYTES, Settings
from visitkb.database import queries

from ..html_tree import parse

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON_AUTH = AUTH | {"Content-Type": "application/json"}
LIMIT = 10_000
DOCUMENT = {"id": "new-1", "lang": "ar", "text": "نص خبر جديد عن زيارة."}


def _app(database_url, **settings):
    return create_app(Settings(database_url=database_url, **settings))


@pytest.fixture
def limited_client(database_url):
    """A client of an API taking writes with TOKEN and bodies of LIMIT bytes at most."""
    with TestClient(_app(database_url, api_token=TOKEN, max_body_bytes=LIMIT)) as client:
        yield client


def _is_too_large(response):
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert "VISITKB_MAX_BODY_BYTES" in response.json()["detail"]


# --- the body limit ----------------------------------------------------------------------------


def test_the_body_limit_is_read_from_the_environment():
    assert Settings.from_env({}).max_body_bytes == DEFAULT_MAX_BODY_BYTES == 32 * 2**20
    assert Settings.from_env({"VISITKB_MAX_BODY_BYTES": "1000"}).max_body_bytes == 1000
    with pytest.raises(ValueError, match="positive"):
        Settings.from_env({"VISITKB_MAX_BODY_BYTES": "0"})


def test_a_body_under_the_limit_is_ingested(limited_client):
    document = DOCUMENT | {"text": DOCUMENT["text"] + " " + "كلمة " * 300}
    body = json.dumps(document).encode()
    assert len(body) < LIMIT
    response = limited_client.post("/documents", content=body, headers=JSON_AUTH)
    assert response.json()["counts"] == {"added": 1}


def test_a_body_declared_over_the_limit_is_a_413_problem(limited_client):
    document = DOCUMENT | {"text": "كلمة " * LIMIT}
    _is_too_large(limited_client.post("/documents", json=document, headers=AUTH))
    # Refused before the token is looked at: nothing of it is read either way.
    _is_too_large(limited_client.post("/documents", json=document))
    assert limited_client.get("/documents/new-1").status_code == 404


def test_a_body_longer_than_it_declared_is_a_413_problem(limited_client):
    body = json.dumps(DOCUMENT | {"text": "كلمة " * LIMIT}).encode()
    headers = AUTH | {"Content-Type": "application/json", "Content-Length": "100"}
    _is_too_large(limited_client.post("/documents", content=body, headers=headers))


def test_a_chunked_body_over_the_limit_is_a_413_problem(limited_client):
    def chunks():
        yield b'[{"id": "new-1", "text": "'
        for _ in range(LIMIT // 50):
            yield "كلمة ".encode() * 10
        yield b'"}]'

    response = limited_client.post("/documents", content=chunks(), headers=JSON_AUTH)
    assert response.request.headers["transfer-encoding"] == "chunked"
    _is_too_large(response)
    assert limited_client.get("/documents/new-1").status_code == 404


def _post_endless_body(app, headers: dict[str, str], chunk: int = 1000) -> tuple[int, int]:
    """POST /documents a body that never ends, straight to the ASGI app.

    Returns the status answered and how many bytes of the body the app read.
    """
    read = 0
    status = 0

    async def receive():
        nonlocal read
        assert read < 100 * LIMIT, "the app reads on and on"
        read += chunk
        return {"type": "http.request", "body": b" " * chunk, "more_body": True}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/documents",
        "raw_path": b"/documents",
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
        "app": app,
    }
    asyncio.run(app(scope, receive, send))
    return status, read


def test_a_body_that_is_not_json_in_utf8_is_a_400_problem(limited_client):
    response = limited_client.post("/documents", content=b'{"id": "\xff"}', headers=JSON_AUTH)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_a_body_is_refused_while_it_arrives_not_after(database_url):
    app = _app(database_url, api_token=TOKEN, max_body_bytes=LIMIT)
    status, read = _post_endless_body(app, AUTH | {"Content-Type": "application/json"})
    assert status == 413
    assert LIMIT < read <= LIMIT + 1000


def test_a_write_without_the_token_is_refused_before_its_body_is_read(database_url):
    app = _app(database_url, api_token=TOKEN)
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        assert _post_endless_body(app, headers | {"Content-Type": "application/json"}) == (401, 0)
    assert _post_endless_body(_app(database_url), AUTH) == (403, 0)  # no token configured


# --- CORS --------------------------------------------------------------------------------------

ORIGIN = "https://maps.example.org"
PREFLIGHT = {
    "Origin": ORIGIN,
    "Access-Control-Request-Method": "GET",
    "Access-Control-Request-Headers": "authorization",
}


def test_cors_is_off_by_default(client):
    response = client.get("/visits", headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options("/visits", headers=PREFLIGHT)
    assert preflight.status_code == 405
    assert not [h for h in preflight.headers if h.startswith("access-control-")]


def test_cors_origins_come_from_the_environment():
    env = {"VISITKB_CORS_ORIGINS": f" {ORIGIN}, http://localhost:3000 ,"}
    assert Settings.from_env(env).cors_origins == (ORIGIN, "http://localhost:3000")


def test_cors_allows_the_configured_origins_only(database_url):
    app = _app(database_url, cors_origins=(ORIGIN,))
    with TestClient(app) as client:
        response = client.get("/visits", headers={"Origin": ORIGIN})
        assert response.headers["access-control-allow-origin"] == ORIGIN
        assert "link" in response.headers["access-control-expose-headers"].lower()
        preflight = client.options("/visits", headers=PREFLIGHT)
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == ORIGIN
        assert "GET" in preflight.headers["access-control-allow-methods"]
        assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
        other = "https://elsewhere.example.com"
        response = client.get("/visits", headers={"Origin": other})
        assert "access-control-allow-origin" not in response.headers
        refused = client.options("/visits", headers=PREFLIGHT | {"Origin": other})
        assert refused.status_code == 400
        assert "access-control-allow-origin" not in refused.headers


# --- security headers --------------------------------------------------------------------------


def _pages(kb):
    return [
        "/",
        "/?official=سامي راشد",
        f"/browse/visits/{kb.visits['V1']}",
        "/browse/people",
        f"/browse/people/{kb.people['sami']}",
        "/browse/agreements",
        "/browse/documents",
        "/browse/documents/ar-1",
        "/?country=XYZ",  # an error page
        "/browse/visits/999999",  # a missing one
    ]


def test_pages_carry_a_policy_without_inline_scripts(kb, kb_client):
    for path in _pages(kb):
        response = kb_client.get(path)
        assert response.headers["content-type"].startswith("text/html"), path
        headers = response.headers
        assert headers["content-security-policy"] == PAGE_POLICY, path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
    directives = dict(d.strip().split(" ", 1) for d in PAGE_POLICY.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_pages_hold_no_inline_script_style_or_handler(kb, kb_client):
    """What the policy would block: the pages must not need it."""
    for path in _pages(kb):
        page = parse(kb_client.get(path).text)
        for element in page.iter():
            if element.tag == "script":
                assert element.attrs.get("src") and not element.text.strip(), path
            assert element.tag != "style", path
            for name, value in element.attrs.items():
                assert not name.startswith("on") and name != "style", (path, element.tag, name)
                assert not (value or "").strip().lower().startswith("javascript:"), path


@pytest.mark.parametrize(
    "path", ["/visits", "/visits/999999", "/stats", "/export/visits?format=csv", "/openapi.json"]
)
def test_api_answers_carry_nosniff_and_a_policy_allowing_nothing(client, path):
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["content-security-policy"] == API_POLICY
    assert headers["referrer-policy"] == "no-referrer"


def test_the_api_documentation_allows_its_own_inline_script_only(client):
    response = client.get("/docs")
    assert response.status_code == 200
    policy = dict(
        d.strip().split(" ", 1) for d in response.headers["content-security-policy"].split(";")
    )
    scripts = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    assert scripts
    hashes = {
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in scripts
    }
    sources = set(policy["script-src"].split())
    assert sources == hashes | {"https://cdn.jsdelivr.net"}
    assert "'unsafe-inline'" not in sources
    assert response.headers["x-content-type-options"] == "nosniff"


# --- errors --------------------------------------------------------------------------------------

# What must never reach a client: the code, the SQL, the drivers.
LEAKS = re.compile(r"(?i:Traceback|File \"|sqlalchemy|psycopg|sqlite3|\[SQL:)|SELECT |FROM \w+")


def test_a_database_error_is_a_500_problem_without_sql(database_url, monkeypatch):
    def broken(conn, *args, **kwargs):
        raise OperationalError(
            "SELECT visits.id, people.name FROM visits JOIN people", {"q": "secret"}, Exception()
        )

    monkeypatch.setattr(queries, "list_visits", broken)
    with TestClient(_app(database_url), raise_server_exceptions=False) as client:
        for path in ("/visits", "/"):
            response = client.get(path)
            assert response.status_code == 500
            assert response.headers["content-type"] == "application/problem+json"
            assert response.json()["detail"] == "internal error; the server log has the details"
            assert not LEAKS.search(response.text), response.text
            assert "secret" not in response.text
            assert response.headers["x-content-type-options"] == "nosniff"


INJECTIONS = [
    "' OR 1=1 --",
    "'; DROP TABLE visits; --",
    "x') OR ('1'='1",
    '" OR ""="',
    "1 UNION SELECT name, key FROM people --",
    "%%",
    "__",
    "-- ",
    "\\' OR 1=1 --",
    "1; DELETE FROM documents",
]
TEXT_PARAMETERS = [
    ("/visits", p)
    for p in ("official", "guest", "participant", "q", "country", "guest_country",
              "host_country", "document", "status", "lang", "sort", "cursor")
] + [("/people", p) for p in ("name", "q", "country", "role", "cursor")] + [
    ("/agreements", p) for p in ("country", "kind", "document", "sort", "cursor")
] + [("/documents", p) for p in ("lang", "cursor")] + [
    ("/export/visits", "official"), ("/export/people", "q"), ("/export/agreements", "document"),
    ("/", "official"), ("/", "q"), ("/browse/people", "q"),
]  # fmt: skip


def _row_counts(engine) -> dict[str, int]:
    tables = MetaData()
    tables.reflect(engine)
    with engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table))
            for name, table in tables.tables.items()
        }


def _cursor(values) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def test_sql_in_any_text_filter_matches_nothing_and_changes_nothing(kb, fresh_db, kb_client):
    before = _row_counts(fresh_db)
    listing = kb_client.get("/visits", params={"limit": 500}).json()
    for path, parameter in TEXT_PARAMETERS:
        for value in INJECTIONS:
            response = kb_client.get(path, params={parameter: value})
            where = (path, parameter, value)
            assert response.status_code in (200, 422), where
            assert not LEAKS.search(response.text.replace(value, "")), where
            if response.status_code == 200 and path in ("/visits", "/people", "/agreements"):
                assert response.json()["data"] == [], where
            elif response.status_code == 200 and path.startswith("/export/"):
                assert response.text == "", where
    for value in INJECTIONS:
        for path in ("/documents/", "/browse/documents/"):
            assert kb_client.get(path + value).status_code in (404, 422), value
        for sort in ("-date", "date"):
            cursor = _cursor([sort, value, 1])
            response = kb_client.get("/visits", params={"cursor": cursor, "sort": sort})
            assert response.status_code == 422, value
    assert _row_counts(fresh_db) == before
    assert kb_client.get("/visits", params={"limit": 500}).json() == listing


# --- limit ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/visits", "/people", "/agreements", "/documents", "/"])
def test_limit_is_capped_at_500(kb_client, path):
    assert kb_client.get(path, params={"limit": 500}).status_code == 200
    response = kb_client.get(path, params={"limit": 501})
    assert response.status_code == 422
    assert "500" in response.text
