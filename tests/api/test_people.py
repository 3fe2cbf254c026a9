"""GET /people and /people/{id}: names in any script, country, role, visits by role."""

from datetime import date

import pytest
from sqlalchemy import insert

from visitkb.database import models as m

from .conftest import PEOPLE


def _ids(kb, keys):
    return [kb.people[k] for k in keys]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["sami", "lina", "ravi"]),
        ({"name": "لينا حداد"}, ["lina"]),
        ({"name": "रवि कुमार"}, ["ravi"]),
        ({"name": "Sami Rashid"}, ["sami"]),
        ({"name": "Sami"}, []),  # a name is a whole name; `q` finds parts
        ({"q": "Ku"}, ["ravi"]),
        ({"q": "حداد"}, ["lina"]),
        ({"country": "irq"}, ["lina"]),
        ({"role": "President"}, ["sami"]),
        ({"role": "president", "country": "IND"}, []),
    ],
    ids=lambda value: str(value),
)
def test_people_filters(kb, kb_client, params, expected):
    body = kb_client.get("/people", params=params).json()
    assert [p["id"] for p in body["data"]] == _ids(kb, expected)


def test_roles_and_countries_of_past_terms_count(kb, kb_client, fresh_db):
    with fresh_db.begin() as conn:
        conn.execute(
            insert(m.Term).values(
                person_id=kb.people["ravi"],
                role="foreign minister",
                country="IND",
                start=date(2009, 1, 1),
                end=date(2014, 5, 1),
            )
        )
    body = kb_client.get("/people", params={"role": "foreign minister"}).json()
    assert [p["id"] for p in body["data"]] == _ids(kb, ["lina", "ravi"])


def test_people_pages_add_up(kb, kb_client):
    seen, cursor = [], None
    for _ in range(10):
        body = kb_client.get(
            "/people", params={"limit": 1} | ({"cursor": cursor} if cursor else {})
        ).json()
        seen += [p["id"] for p in body["data"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == _ids(kb, ["sami", "lina", "ravi"])


def test_a_person_has_names_by_script_roles_and_visits_by_role(kb, kb_client):
    person = kb_client.get(f"/people/{kb.people['lina']}").json()
    assert person["names_by_script"] == {
        script: [name] for script, name in sorted(PEOPLE["lina"].names.items())
    }
    assert person["roles"] == [
        {"role": "foreign minister", "country": "IRQ", "start": "2016-01-01", "end": "2022-10-27"}
    ]
    as_guest, met = person["visits_as_guest"], person["visits_as_participant"]
    assert as_guest["total"] == 2
    assert [v["id"] for v in as_guest["latest"]] == [kb.visits["V6"], kb.visits["V4"]]
    assert met["total"] == 2
    assert [v["id"] for v in met["latest"]] == [kb.visits["V5"], kb.visits["V1"]]


def test_unknown_person_is_a_404_problem(kb_client):
    response = kb_client.get("/people/424242")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "no person with id 424242"


def test_bad_people_parameters_are_422_problems(kb_client):
    for params in ({"country": "Iraq"}, {"q": "x"}, {"limit": 1000}, {"cursor": "WyJ4Il0"}):
        response = kb_client.get("/people", params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize("person_id", ["0", str(2**31)])
def test_a_person_id_that_cannot_be_one_is_a_422_problem(kb_client, person_id):
    response = kb_client.get(f"/people/{person_id}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "person_id"]
