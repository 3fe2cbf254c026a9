"""GET /visits and /visits/{id} over the hand-resolved knowledge base (see conftest)."""

from datetime import date

import pytest
from sqlalchemy import insert, select

from visitkb.database import models as m
from visitkb.database.queries.paging import encode_cursor
from visitkb.resolve.names import name_key

from .conftest import PEOPLE

# Newest first: visits with a start day or window start by it, then those without, by id.
NEWEST_FIRST = ["V5", "V3", "V1", "V2", "V6", "V4"]

FILTERS = [
    ({}, NEWEST_FIRST),
    ({"from": "2019-03-11", "to": "2019-03-11"}, ["V1"]),  # inside V1's three days
    ({"from": "2018-03-01", "to": "2018-03-31"}, ["V2"]),  # inside V2's window
    ({"to": "2017-12-31"}, ["V4"]),  # V4's window is open at its start
    ({"from": "2020-01-01"}, ["V5", "V3"]),
    ({"official": "Sami Rashid"}, ["V3", "V1"]),
    ({"official": "Lina Haddad"}, ["V5", "V1", "V6", "V4"]),  # guest twice, participant twice
    ({"official": "Ravi Kumar"}, ["V5", "V3", "V2"]),
    ({"guest": "लीना हद्दाद"}, ["V6", "V4"]),
    ({"participant": "لينا حداد"}, ["V5", "V1"]),
    ({"guest_country": "IND"}, ["V5", "V2"]),
    ({"host_country": "irq"}, ["V5", "V1"]),
    ({"country": "EGY"}, ["V3", "V1", "V2", "V4"]),
    ({"status": "planned"}, ["V2", "V6"]),
    ({"lang": "ar"}, ["V1", "V2", "V4"]),
    ({"lang": "hi"}, ["V5", "V3", "V1", "V6"]),
    ({"document": "hi-1"}, ["V1"]),
    ({"q": "baghdad"}, ["V1"]),
    ({"q": "بغداد"}, ["V1"]),
    ({"q": "Delhi"}, ["V3"]),
    ({"q": "راشد"}, ["V3", "V1"]),
    ({"q": "हद्दाद"}, ["V5", "V1", "V6", "V4"]),
    ({"official": "Lina Haddad", "lang": "hi"}, ["V5", "V1", "V6"]),
    ({"country": "EGY", "status": "occurred", "from": "2019-01-01"}, ["V3", "V1"]),
    ({"guest_country": "IND", "host_country": "EGY"}, ["V2"]),
    ({"q": "Baghdad", "lang": "ar", "official": "Sami Rashid", "to": "2019-12-31"}, ["V1"]),
    ({"guest": "Sami Rashid", "participant": "Ravi Kumar"}, ["V3"]),
    ({"status": "planned", "country": "EGY", "from": "2019-01-01"}, []),
]
# More pages than any listing here can have: a cursor that fails to advance must not hang.
MAX_PAGES = 20
IDS = [",".join(f"{k}={v}" for k, v in params.items()) or "none" for params, _ in FILTERS]


def _ids(kb, keys):
    return [kb.visits[k] for k in keys]


def _all_pages(client, params, limit):
    """Follow `next` from the first page to the last; return every visit id in order."""
    seen, cursor = [], None
    for _ in range(MAX_PAGES):
        query = params | {"limit": limit} | ({"cursor": cursor} if cursor else {})
        response = client.get("/visits", params=query)
        assert response.status_code == 200, response.json()
        body = response.json()
        assert len(body["data"]) <= limit
        seen += [visit["id"] for visit in body["data"]]
        cursor = body["next"]
        if cursor is None:
            assert "link" not in response.headers
            return seen
        assert response.headers["link"].endswith('>; rel="next"')
        assert f"cursor={cursor}" in response.headers["link"]
    raise AssertionError(f"no last page after {MAX_PAGES} pages")


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=IDS)
def test_each_filter_and_combination(kb, kb_client, params, expected):
    body = kb_client.get("/visits", params=params).json()
    assert [v["id"] for v in body["data"]] == _ids(kb, expected)
    assert body["next"] is None


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=IDS)
@pytest.mark.parametrize("limit", [1, 2])
def test_pages_of_any_filter_add_up_to_the_listing(kb, kb_client, params, expected, limit):
    assert _all_pages(kb_client, params, limit) == _ids(kb, expected)


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=IDS)
def test_oldest_first_is_the_reverse_within_each_region(kb, kb_client, params, expected):
    dated = [k for k in expected if k not in ("V4", "V6")]
    undated = [k for k in expected if k in ("V4", "V6")]
    oldest = _all_pages(kb_client, params | {"sort": "date"}, 1)
    assert oldest == _ids(kb, dated[::-1] + undated[::-1])


@pytest.mark.parametrize("script", ["Latn", "Arab", "Deva"])
def test_official_in_any_script_gives_the_same_visits(kb, kb_client, script):
    for person, spec in PEOPLE.items():
        by_id = kb_client.get("/visits", params={"official": kb.people[person]}).json()
        by_name = kb_client.get("/visits", params={"official": spec.names[script]}).json()
        assert by_name == by_id
        assert by_id["data"]


def test_official_matches_a_spelling_variant_through_the_name_key(kb, kb_client):
    vocalised = "سَامِي رَاشِد"  # the stored Arabic spelling with short vowels written
    assert [
        v["id"] for v in kb_client.get("/visits", params={"official": vocalised}).json()["data"]
    ] == _ids(kb, ["V3", "V1"])


def test_a_spelling_no_source_uses_is_matched_by_the_script_independent_key(kb, kb_client):
    body = kb_client.get("/visits", params={"official": "Leena Hadad"}).json()
    assert [v["id"] for v in body["data"]] == _ids(kb, ["V5", "V1", "V6", "V4"])


def test_an_exact_spelling_wins_over_a_key_shared_with_another_person(kb, kb_client, fresh_db):
    with fresh_db.begin() as conn:  # "Sam Rashed" has Sami Rashid's key but is someone else
        other = conn.execute(
            insert(m.Person).values(name="Sam Rashed", key="test:sam").returning(m.Person.id)
        ).scalar_one()
        conn.execute(
            insert(m.PersonName).values(
                person_id=other, name="Sam Rashed", script="Latn", key=name_key("Sam Rashed"),
                source="text",
            )
        )  # fmt: skip
        conn.execute(
            insert(m.Visit).values(
                key="other#0", guest_id=other, host_country="IND", status="occurred",
                window_reasons=[],
            )
        )  # fmt: skip
    sami = [
        v["id"] for v in kb_client.get("/visits", params={"official": "سامي راشد"}).json()["data"]
    ]
    assert sami == _ids(kb, ["V3", "V1"])
    by_key = kb_client.get("/visits", params={"official": "Sami Rasheed"}).json()["data"]
    assert {v["guest"]["id"] for v in by_key} == {kb.people["sami"], other}


def test_unknown_official_gives_no_visits(kb_client):
    for official in ("Nobody Known", "999999", "²"):
        body = kb_client.get("/visits", params={"official": official}).json()
        assert body == {"data": [], "next": None}


def test_a_listed_visit_shows_who_where_when(kb, kb_client):
    (visit,) = kb_client.get("/visits", params={"document": "ar-1"}).json()["data"]
    assert visit == {
        "id": kb.visits["V1"],
        "status": "occurred",
        "guest": {
            "id": kb.people["sami"],
            "name": "Sami Rashid",
            "name_en": "Sami Rashid",
            "role": "president",
            "country": "EGY",
        },
        "guest_country": "EGY",
        "host_country": "IRQ",
        "start_date": "2019-03-10",
        "end_date": "2019-03-12",
        "date_window": ["2019-03-10", "2019-03-10"],
        "duration_days": 3,
        "places": [{"name": "بغداد", "name_en": "Baghdad", "country": "IRQ"}],
        "sources": 2,
    }


def test_pages_are_stable_when_visits_are_added(kb, kb_client, fresh_db):
    first = kb_client.get("/visits", params={"limit": 2}).json()
    assert [v["id"] for v in first["data"]] == _ids(kb, ["V5", "V3"])
    with fresh_db.begin() as conn:  # a newer visit: it sorts before the page already served
        newest = conn.execute(
            insert(m.Visit)
            .values(
                key="added#0",
                guest_id=kb.people["ravi"],
                guest_country="IND",
                host_country="EGY",
                status="occurred",
                start_date=date(2024, 1, 1),
                window_start=date(2024, 1, 1),
                window_end=date(2024, 1, 1),
                window_reasons=[],
            )
            .returning(m.Visit.id)
        ).scalar_one()
    rest = _all_pages_after(kb_client, first["next"])
    assert rest == _ids(kb, ["V1", "V2", "V6", "V4"])
    assert newest == kb_client.get("/visits", params={"limit": 1}).json()["data"][0]["id"]


def _all_pages_after(client, cursor):
    seen = []
    for _ in range(MAX_PAGES):
        if not cursor:
            return seen
        body = client.get("/visits", params={"limit": 2, "cursor": cursor}).json()
        seen += [v["id"] for v in body["data"]]
        cursor = body["next"]
    raise AssertionError(f"no last page after {MAX_PAGES} pages")


def test_visit_detail_has_sources_evidence_agreements_and_reasons(kb, kb_client):
    visit = kb_client.get(f"/visits/{kb.visits['V1']}").json()
    assert visit["guest"]["names"] == ["Sami Rashid", "سامي راشد", "सामी राशिद"]
    assert [p["name"] for p in visit["participants"]] == ["Lina Haddad"]
    assert visit["window_reasons"] == ["as ar-1 says"]
    assert visit["conflicting_agreements"] is True
    assert [(a["count"], a["kind"], a["document"]) for a in visit["agreements"]] == [
        (14, "mou", "ar-1"),
        (15, "mou", "hi-1"),
    ]
    sources = {s["document"]: s for s in visit["sources"]}
    assert {d: (s["lang"], s["end_date"]) for d, s in sources.items()} == {
        "ar-1": ("ar", "2019-03-12"),
        "hi-1": ("hi", None),  # each source keeps its own claim
    }
    evidence = [e for s in visit["sources"] for e in s["evidence"]]
    evidence += [a["evidence"] for a in visit["agreements"]]
    for span in evidence:
        text = kb.texts[span["document"]]
        assert text[span["start"] : span["end"]] == span["text"]


def test_one_count_of_several_conflicts_with_nothing(kb, kb_client):
    visit = kb_client.get(f"/visits/{kb.visits['V3']}").json()
    assert [a["count"] for a in visit["agreements"]] == [None]
    assert visit["conflicting_agreements"] is False


def test_unknown_visit_is_a_404_problem(kb_client):
    response = kb_client.get("/visits/999999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json() == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "no visit with id 999999",
    }


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"country": "XX"}, "country"),
        ({"guest_country": "ZZZ"}, "guest_country"),
        ({"status": "done"}, "status"),
        ({"lang": "fr"}, "lang"),
        ({"from": "2020-13-01"}, "from"),
        ({"to": "1700000000"}, "to"),  # not a Unix time either
        ({"from": "5.4e-305"}, "from"),
        ({"from": "٢٠٢٠-٠١-٠١"}, "from"),
        ({"from": "2020-02-01", "to": "2020-01-01"}, "to"),
        ({"q": "a"}, "q"),
        ({"official": "  "}, "official"),
        ({"official": "9" * 20}, "official"),
        ({"document": "a\x00b"}, "document"),
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "limit"),
        ({"sort": "name"}, "sort"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_bad_parameters_are_422_problems_naming_the_parameter(kb_client, params, parameter):
    response = kb_client.get("/visits", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422 and body["title"] == "Unprocessable Entity"
    assert [e["loc"][-1] for e in body["errors"]] == [parameter]
    assert "Traceback" not in response.text


def test_a_cursor_of_one_sort_is_refused_by_the_other(kb_client):
    cursor = kb_client.get("/visits", params={"limit": 1}).json()["next"]
    response = kb_client.get("/visits", params={"limit": 1, "cursor": cursor, "sort": "date"})
    assert response.status_code == 422
    assert "sort=-date" in response.json()["detail"]


# 2**31 is past what an id column holds on PostgreSQL (it was a server error there).
@pytest.mark.parametrize("visit_id", ["first", "0", "9" * 20, str(2**31)])
def test_a_visit_id_that_cannot_be_one_is_a_422_problem(kb_client, visit_id):
    response = kb_client.get(f"/visits/{visit_id}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "visit_id"]


def test_a_cursor_with_an_impossible_position_is_a_422_problem(kb_client):
    for values in (
        ["-date", "2019-01-01", 2**64],
        ["-date", "2019-01-01", 2**31],
        ["-date", "2019-13-01", 1],
        ["-date", None],
    ):
        response = kb_client.get("/visits", params={"cursor": encode_cursor(values)})
        assert response.status_code == 422, values


def test_visits_without_dates_stay_out_of_date_filters(kb, fresh_db, kb_client):
    with fresh_db.connect() as conn:
        undated = conn.scalar(
            select(m.Visit.id).where(m.Visit.window_start.is_(None), m.Visit.window_end.is_(None))
        )
    assert undated == kb.visits["V6"]
    for params in ({"from": "1900-01-01"}, {"to": "2100-01-01"}):
        ids = [v["id"] for v in kb_client.get("/visits", params=params).json()["data"]]
        assert undated not in ids
