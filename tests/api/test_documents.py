"""/healthz and /documents."""

from collections import Counter

import pytest
from fastapi.testclient import TestClient

from visitkb.api import create_app
from visitkb.config import Settings

from ..conftest import SEEDS


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_documents_list_the_seeds_with_their_languages(seeded_client):
    body = seeded_client.get("/documents").json()
    assert Counter(d["lang"] for d in body["data"]) == {"ar": 4, "hi": 1}
    assert [d["id"] for d in body["data"]] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert body["next"] is None
    assert "text" not in body["data"][0]


def test_documents_paginate_with_a_cursor(seeded_client):
    seen, cursor = [], None
    while True:
        params = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        body = seeded_client.get("/documents", params=params).json()
        assert len(body["data"]) <= 2
        seen += [d["id"] for d in body["data"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_document_has_its_exact_text(seeded_client):
    path = sorted(SEEDS.glob("*.txt"))[-1]
    body = seeded_client.get(f"/documents/{path.stem}").json()
    assert body["text"] == path.read_text(encoding="utf-8")
    assert body["lang"] == "hi"


def test_unknown_document_is_a_404_problem(client):
    response = client.get("/documents/nope")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "no document with id 'nope'"


def test_bad_parameters_are_a_422_problem(client):
    for params in ({"limit": 0}, {"limit": "many"}, {"cursor": "%%%"}):
        response = client.get("/documents", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 422


def test_openapi_is_served(client):
    assert client.get("/openapi.json").json()["info"]["title"] == "visitkb"
    assert client.get("/docs").status_code == 200


def test_document_has_its_extracted_spans(kb, kb_client):
    body = kb_client.get("/documents/ar-1").json()
    text = kb.texts["ar-1"]
    assert body["text"] == text
    assert [(s["kind"], s["text"]) for s in body["spans"]] == [
        ("visit", text),
        ("person", "سامي راشد"),
        ("person", "لينا حداد"),
        ("place", "بغداد"),
        ("agreement", "14 مذكرة تفاهم"),
    ]
    for span in body["spans"]:
        assert text[span["start"] : span["end"]] == span["text"]
        if span["kind"] == "person":
            assert span["person"] in kb.people.values() and span["visit"] is None
        else:
            assert span["visit"] == kb.visits["V1"] and span["person"] is None


TOKEN = "s3cret-token"
NEW_DOCUMENT = {
    "id": "new-1",
    "lang": "ar",
    "text": "نص خبر جديد عن زيارة.",
    "published": "2024-05-01",
}


@pytest.fixture
def writable_client(database_url):
    """A client of an API that accepts writes with TOKEN."""
    settings = Settings(database_url=database_url, api_token=TOKEN)
    with TestClient(create_app(settings)) as client:
        yield client


def test_writes_are_disabled_without_a_configured_token(client):
    response = client.post("/documents", json=NEW_DOCUMENT, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert "VISITKB_API_TOKEN" in response.json()["detail"]
    assert client.get("/documents/new-1").status_code == 404


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": TOKEN},
    ],
    ids=["none", "wrong", "basic", "no-scheme"],
)
def test_writes_need_the_bearer_token(writable_client, headers):
    response = writable_client.post("/documents", json=NEW_DOCUMENT, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers["content-type"] == "application/problem+json"
    assert writable_client.get("/documents/new-1").status_code == 404


def test_one_document_is_ingested_with_the_token(writable_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    response = writable_client.post("/documents", json=NEW_DOCUMENT, headers=auth)
    assert response.status_code == 200
    assert response.json() == {
        "data": [{"document": "new-1", "outcome": "added", "detail": "0 visits, 0 people"}],
        "counts": {"added": 1},
    }
    stored = writable_client.get("/documents/new-1").json()
    assert (stored["text"], stored["published"]) == (NEW_DOCUMENT["text"], "2024-05-01")
    again = writable_client.post("/documents", json=NEW_DOCUMENT, headers=auth).json()
    assert again["counts"] == {"unchanged": 1}


def test_a_batch_reports_each_document(writable_client):
    batch = [
        NEW_DOCUMENT,
        {"id": "copy", "text": NEW_DOCUMENT["text"]},
        {"id": "bad-lang", "lang": "xx", "text": "..."},
        {"id": "bad-date", "text": "नई खबर", "published": "yesterday"},
        {"id": "hindi", "text": "राष्ट्रपति की यात्रा की खबर"},
    ]
    response = writable_client.post(
        "/documents", json=batch, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 200
    outcomes = {d["document"]: d["outcome"] for d in response.json()["data"]}
    assert outcomes == {
        "new-1": "added",
        "copy": "duplicate",
        "bad-lang": "error",
        "bad-date": "error",
        "hindi": "added",
    }
    assert writable_client.get("/documents/hindi").json()["lang"] == "hi"


def test_a_body_that_is_not_documents_is_a_422_problem(writable_client):
    for body in ({"text": "no id"}, [{"id": 1}], "plain"):
        response = writable_client.post(
            "/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert response.status_code == 422, body
        assert response.headers["content-type"] == "application/problem+json"
