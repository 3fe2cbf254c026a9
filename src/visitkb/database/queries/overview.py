"""The knowledge base at a glance: countries with their visit counts, totals, a health check."""

from __future__ import annotations

from sqlalchemy import Connection, func, select, text

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.people import NAMED


def ping(conn: Connection) -> str:
    """Run a trivial query; return the database's dialect name."""
    conn.execute(text("SELECT 1"))
    return conn.dialect.name


def list_countries(conn: Connection) -> list[r.Country]:
    """Every country, by code, with the visits it made as guest and received as host."""
    as_guest = dict(
        conn.execute(
            select(m.Visit.guest_country, func.count())
            .where(m.Visit.guest_country.is_not(None))
            .group_by(m.Visit.guest_country)
        ).all()
    )
    as_host = dict(
        conn.execute(
            select(m.Visit.host_country, func.count()).group_by(m.Visit.host_country)
        ).all()
    )
    return [
        r.Country(
            code=code,
            name=name,
            visits_as_guest=as_guest.get(code, 0),
            visits_as_host=as_host.get(code, 0),
        )
        for code, name in conn.execute(
            select(m.Country.code, m.Country.name).order_by(m.Country.code)
        )
    ]


def _count(conn: Connection, table: type[m.Base]) -> int:
    return conn.scalar(select(func.count()).select_from(table)) or 0


def get_stats(conn: Connection) -> r.Stats:
    """Counts of what the knowledge base holds, and the span of its visit dates."""
    by_lang = dict(
        conn.execute(select(m.Document.lang, func.count()).group_by(m.Document.lang)).all()
    )
    by_status = dict(
        conn.execute(select(m.Visit.status, func.count()).group_by(m.Visit.status)).all()
    )
    first, last, known = conn.execute(
        select(
            func.min(m.Visit.window_start),
            func.max(func.coalesce(m.Visit.window_end, m.Visit.window_start)),
            func.count(m.Visit.start_date),
        )
    ).one()
    return r.Stats(
        documents=sum(by_lang.values()),
        documents_by_lang=by_lang,
        visits=sum(by_status.values()),
        visits_by_status=by_status,
        visits_with_known_day=known,
        first_day=first,
        last_day=last,
        visit_sources=_count(conn, m.VisitSource),
        people=conn.scalar(select(func.count()).select_from(m.Person).where(NAMED)) or 0,
        gazetteer_people=conn.scalar(select(func.count()).where(m.Person.gazetteer_id.is_not(None)))
        or 0,
        agreement_claims=_count(conn, m.AgreementClaim),
    )
