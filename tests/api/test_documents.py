"""/healthz and /documents."""

from collections import Counter

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
