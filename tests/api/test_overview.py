"""GET /countries and /stats."""

import pycountry
from sqlalchemy import func, select

from visitkb.database import models as m


def test_countries_count_visits_as_guest_and_host(kb_client):
    body = kb_client.get("/countries").json()
    assert body["next"] is None
    assert len(body["data"]) == len(pycountry.countries)
    counts = {c["code"]: (c["visits_as_guest"], c["visits_as_host"]) for c in body["data"]}
    assert counts["EGY"] == (2, 2)
    assert counts["IRQ"] == (2, 2)
    assert counts["IND"] == (2, 2)
    assert sum(g for g, _ in counts.values()) == sum(h for _, h in counts.values()) == 6
    iraq = next(c for c in body["data"] if c["code"] == "IRQ")
    assert iraq["name"] == "Iraq"


def test_stats_count_what_the_knowledge_base_holds(kb_client, fresh_db):
    with fresh_db.connect() as conn:
        gazetteer = conn.scalar(select(func.count()).where(m.Person.gazetteer_id.is_not(None)))
    assert kb_client.get("/stats").json() == {
        "documents": 7,
        "documents_by_lang": {"ar": 3, "hi": 4},
        "visits": 6,
        "visits_by_status": {"occurred": 4, "planned": 2},
        "visits_with_known_day": 3,
        "first_day": "2018-01-01",
        "last_day": "2021-07-05",
        "visit_sources": 7,
        "people": 3,
        "gazetteer_people": gazetteer,
        "agreement_claims": 4,
    }


def test_stats_of_an_empty_knowledge_base(client):
    body = client.get("/stats").json()
    assert body["visits"] == 0 and body["first_day"] is None and body["documents_by_lang"] == {}
