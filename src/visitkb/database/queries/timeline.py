"""Visits per month and country, with the filters of the visit listing: a timeline's data.

A visit's month is the month of its start day when known, else the month of its date window
when the window lies inside one month (the month is known though the day is not). Any other
visit is counted as undated, never placed at a guessed month.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Literal

from sqlalchemy import Connection, Select, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.filters import VisitFilters, visit_binding, visit_conditions

Side = Literal["guest", "host"]


def _month_of(day: ColumnElement[date], dialect: str) -> ColumnElement[str]:
    """``YYYY-MM`` of a date column: a prefix of SQLite's ISO text, ``to_char`` on PostgreSQL.

    Cheaper than extracting year and month apart: over 100,000 visits SQLite grouped by month
    in 98 ms this way and in 142 ms with ``strftime``.
    """
    if dialect == "postgresql":
        return func.to_char(day, "YYYY-MM")
    return func.substr(day, 1, 7)


_FIRST, _LAST = m.Visit.window_start, m.Visit.window_end


def _by_dates(shape: tuple[str, ...]) -> bool:
    return any(item.startswith("dates:") for item in shape)


@cache
def _months(dialect: str, shape: tuple[str, ...], side: Side) -> Select:
    """Counts by month and country; visits with no known month fall in the null month.

    A date filter means different conditions for visits with and without a window start (the
    keyset's regions), so then only the visits with one are counted here, the others by
    ``_unbounded``; without one, every visit is read in one scan, which SQLite runs faster than
    a walk of the window_start index (100 against 176 ms over 100,000 visits).
    """
    first = _month_of(_FIRST, dialect)
    month = case(
        (m.Visit.start_date.is_not(None), _month_of(m.Visit.start_date, dialect)),
        (first == _month_of(_LAST, dialect), first),
    ).label("month")
    country = getattr(m.Visit, f"{side}_country").label("country")
    return (
        select(month, country, func.count().label("visits"))
        .where(*([_FIRST.is_not(None)] if _by_dates(shape) else []))
        .where(*visit_conditions(shape, dated=True))
        .group_by(month, country)
        .order_by(month, country)
    )


@cache
def _unbounded(shape: tuple[str, ...]) -> Select:
    """How many visits have no window start at all (the keyset's undated region)."""
    return select(func.count()).where(_FIRST.is_(None), *visit_conditions(shape, dated=False))


def visit_months(conn: Connection, filters: VisitFilters, *, side: Side) -> r.VisitTimeline:
    """Visits matching ``filters`` per month and guest or host country (``side``)."""
    binding = visit_binding(filters)
    months, undated = [], 0
    if _by_dates(binding.shape):
        undated = conn.scalar(_unbounded(binding.shape), binding.params) or 0
    statement = _months(conn.dialect.name, binding.shape, side)
    for month, country, visits in conn.execute(statement, binding.params):
        if month is None:
            undated += visits
        else:
            year, number = map(int, month.split("-"))
            months.append(r.VisitMonth(year=year, month=number, country=country, visits=visits))
    return r.VisitTimeline(side=side, months=months, undated=undated)
