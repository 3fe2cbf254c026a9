"""Every error is RFC 9457 problem details; a server error tells nothing of the code."""

from fastapi.testclient import TestClient

from visitkb.api import create_app
from visitkb.config import Settings
from visitkb.database import queries


def test_a_server_error_is_a_500_problem_without_a_trace(database_url, monkeypatch):
    def broken(conn):
        raise RuntimeError("SELECT secret FROM internals")

    monkeypatch.setattr(queries, "get_stats", broken)
    app = create_app(Settings(database_url=database_url))
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/stats")
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "internal error; the server log has the details",
    }


def test_unknown_paths_and_methods_are_problems(client):
    missing = client.get("/treaties")
    assert (missing.status_code, missing.headers["content-type"]) == (
        404,
        "application/problem+json",
    )
    wrong = client.delete("/visits")
    assert (wrong.status_code, wrong.headers["content-type"]) == (405, "application/problem+json")


def test_openapi_documents_every_listing_filter_with_problem_responses(client):
    spec = client.get("/openapi.json").json()
    visits = spec["paths"]["/visits"]["get"]
    names = {p["name"] for p in visits["parameters"]}
    assert names >= {"from", "to", "official", "guest", "participant", "guest_country",
                     "host_country", "country", "status", "lang", "document", "q", "sort",
                     "limit", "cursor"}  # fmt: skip
    assert "application/problem+json" in visits["responses"]["422"]["content"]
    official = next(p for p in visits["parameters"] if p["name"] == "official")
    assert official["schema"]["examples"]
    export = spec["paths"]["/export/visits"]["get"]
    assert {p["name"] for p in export["parameters"]} >= names - {"limit", "cursor"} | {"format"}
    assert spec["paths"]["/documents"]["post"]["security"] == [{"HTTPBearer": []}]
    for name in ("VisitsPublic", "PeoplePublic", "AgreementsPublic"):
        assert spec["components"]["schemas"][name]["examples"], name
