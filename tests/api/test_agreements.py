"""GET /agreements: every source's claim with its visit, filterable, conflicts flagged."""

import pytest

NEWEST_FIRST = ["hi-3", "hi-2", "hi-1", "ar-1"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, NEWEST_FIRST),
        ({"country": "IRQ"}, ["hi-3", "hi-1", "ar-1"]),
        ({"country": ["EGY", "IRQ"]}, ["hi-1", "ar-1"]),
        ({"country": ["IRQ", "EGY"]}, ["hi-1", "ar-1"]),
        ({"country": ["IND", "IRQ"]}, ["hi-3"]),
        ({"guest_country": "IND"}, ["hi-3"]),
        ({"host_country": "IND"}, ["hi-2"]),
        ({"from": "2020-01-01"}, ["hi-3", "hi-2"]),
        ({"from": "2019-01-01", "to": "2019-12-31"}, ["hi-1", "ar-1"]),
        ({"kind": "mou"}, ["hi-1", "ar-1"]),
        ({"kind": "agreement", "country": "EGY"}, ["hi-2"]),
        ({"document": "hi-2"}, ["hi-2"]),
        ({"sort": "date"}, ["ar-1", "hi-1", "hi-2", "hi-3"]),
    ],
    ids=lambda value: str(value),
)
@pytest.mark.parametrize("limit", [1, 50])
def test_agreement_filters_with_pages(kb_client, params, expected, limit):
    seen, cursor = [], None
    for _ in range(10):
        query = params | {"limit": limit} | ({"cursor": cursor} if cursor else {})
        body = kb_client.get("/agreements", params=query).json()
        seen += [a["document"] for a in body["data"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == expected


def test_claims_of_one_visit_filter_by_visit(kb, kb_client):
    body = kb_client.get("/agreements", params={"visit": kb.visits["V1"]}).json()
    assert [(a["document"], a["visit"]) for a in body["data"]] == [
        ("hi-1", kb.visits["V1"]),
        ("ar-1", kb.visits["V1"]),
    ]


def test_conflicting_claims_are_flagged_and_kept_apart(kb, kb_client):
    claims = {a["document"]: a for a in kb_client.get("/agreements").json()["data"]}
    assert {d: (c["count"], c["conflicting"]) for d, c in claims.items()} == {
        "ar-1": (14, True),
        "hi-1": (15, True),
        "hi-2": (None, False),
        "hi-3": (3, False),
    }
    claim = claims["ar-1"]
    assert claim["evidence"]["text"] == "14 مذكرة تفاهم"
    assert (
        kb.texts["ar-1"][claim["evidence"]["start"] : claim["evidence"]["end"]] == "14 مذكرة تفاهم"
    )
    assert (claim["guest_country"], claim["host_country"], claim["start_date"]) == (
        "EGY",
        "IRQ",
        "2019-03-10",
    )


@pytest.mark.parametrize(
    "params",
    [
        {"country": ["EGY", "IRQ", "IND"]},
        {"country": "Egypt"},
        {"kind": "treaty"},
        {"visit": "one"},
    ],
    ids=str,
)
def test_bad_agreement_parameters_are_422_problems(kb_client, params):
    response = kb_client.get("/agreements", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
