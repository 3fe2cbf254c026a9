"""Visits per month and country, with the filters of the visit listing: a timeline's data.

A visit's month is the month of its start day when known, else the month of its date window
when the window lies inside one month (the month is known though the day is not). Any other
visit is counted as undated, never placed at a guessed month.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from sqlalchemy import Connection, Integer, Select, and_, case, cast, extract, func, select

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.filters import VisitFilters, visit_binding, visit_conditions

Side = Literal["guest", "host"]


def _part(field: str, day: object) -> object:
    return cast(extract(field, day), Integer)


_FIRST, _LAST = m.Visit.window_start, m.Visit.window_end
_MONTH_DAY = case(
    (m.Visit.start_date.is_not(None), m.Visit.start_date),
    (
        and_(
            _part("year", _FIRST) == _part("year", _LAST),
            _part("month", _FIRST) == _part("month", _LAST),
        ),
        _FIRST,
    ),
)
_YEAR = _part("year", _MONTH_DAY).label("year")
_MONTH = _part("month", _MONTH_DAY).label("month")


@cache
def _months(shape: tuple[str, ...], side: Side) -> Select:
    """Counts by month and country of the visits with a window start (the keyset's dated region).

    Visits with a start day or a one-month window all have one; the others fall in the group
    whose month is null.
    """
    country = getattr(m.Visit, f"{side}_country").label("country")
    return (
        select(_YEAR, _MONTH, country, func.count().label("visits"))
        .where(_FIRST.is_not(None), *visit_conditions(shape, dated=True))
        .group_by(_YEAR, _MONTH, country)
        .order_by(_YEAR, _MONTH, country)
    )


@cache
def _unbounded(shape: tuple[str, ...]) -> Select:
    """How many visits have no window start at all (the keyset's undated region)."""
    return select(func.count()).where(_FIRST.is_(None), *visit_conditions(shape, dated=False))


def visit_months(conn: Connection, filters: VisitFilters, *, side: Side) -> r.VisitTimeline:
    """Visits matching ``filters`` per month and guest or host country (``side``)."""
    binding = visit_binding(filters)
    months, undated = [], conn.scalar(_unbounded(binding.shape), binding.params) or 0
    for year, month, country, visits in conn.execute(_months(binding.shape, side), binding.params):
        if year is None:
            undated += visits
        else:
            months.append(r.VisitMonth(year=year, month=month, country=country, visits=visits))
    return r.VisitTimeline(side=side, months=months, undated=undated)
