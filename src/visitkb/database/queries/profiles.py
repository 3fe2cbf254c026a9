"""A person's page: names by script, roles held, visits as guest and as participant."""

from __future__ import annotations

from sqlalchemy import Connection

from visitkb import records as r
from visitkb.database.queries.people import fetch_people, names_by_script, person_roles
from visitkb.database.queries.visits import person_visits

# Visits shown on a person's record per role; the visit listing pages through the rest.
LATEST_VISITS = 20


def get_person(conn: Connection, person_id: int) -> r.PersonDetail | None:
    """One person in detail, or None."""
    person = fetch_people(conn, [person_id]).get(person_id)
    if person is None:
        return None
    return r.PersonDetail(
        **person.model_dump(),
        names_by_script=names_by_script(conn, person_id),
        roles=person_roles(conn, person),
        visits_as_guest=person_visits(conn, person_id, as_guest=True, latest=LATEST_VISITS),
        visits_as_participant=person_visits(conn, person_id, as_guest=False, latest=LATEST_VISITS),
    )
