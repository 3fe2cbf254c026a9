"""Keyset pagination: opaque cursors, and pages ordered by a nullable date then an id.

A cursor holds the position of the last row served, never an offset, so pages stay stable while
rows are inserted. Listings ordered by date run in two regions: rows with a date (by date, then
id), then rows without one (by id); each region is one index range on both SQLite and PostgreSQL,
where a single ``NULLS LAST`` ordering would sort the whole table.
"""

from __future__ import annotations

import base64
import enum
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Date, Integer, Select, bindparam, tuple_
from sqlalchemy.sql.elements import ColumnElement

# The largest id a row can have: ids are INTEGER columns, 32 bits on PostgreSQL (SQLite's hold
# 64); larger numbers cannot name anything.
MAX_ID = 2**31 - 1

# The largest page a listing serves: pages are for reading, exports for everything.
MAX_PAGE = 500


class InvalidCursor(ValueError):
    """A cursor that this listing did not issue."""


@dataclass(frozen=True)
class Page:
    """One page of a listing, and the opaque cursor of the next page (None at the end)."""

    items: list[Any]
    next_cursor: str | None


class Sort(enum.StrEnum):
    """Orders of date-sorted listings; ties are broken by id in the same direction."""

    date = "date"
    newest = "-date"

    @property
    def descending(self) -> bool:
        return self is Sort.newest


def is_id(value: Any) -> bool:
    """Whether a cursor's value can be a row id (an int a database column holds)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ID


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor for keyset pagination."""
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """Undo encode_cursor; raises InvalidCursor on anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidCursor("invalid cursor") from error
    if not isinstance(values, list):
        raise InvalidCursor("invalid cursor")
    return values


@dataclass(frozen=True)
class Position:
    """The last row served by a date-ordered listing: its region, date and id."""

    sort: Sort
    dated: bool
    day: date | None
    id: int

    def encode(self) -> str:
        return encode_cursor([self.sort.value, self.day.isoformat() if self.day else None, self.id])

    @classmethod
    def decode(cls, cursor: str, sort: Sort) -> Position:
        """Read a cursor issued for ``sort``; raise InvalidCursor otherwise."""
        values = decode_cursor(cursor)
        if len(values) != 3 or not is_id(values[2]):
            raise InvalidCursor("invalid cursor")
        order, day, row_id = values
        if order != sort.value:
            raise InvalidCursor(f"cursor belongs to sort={order}, not sort={sort.value}")
        if day is None:
            return cls(sort, False, None, row_id)
        try:
            return cls(sort, True, date.fromisoformat(day), row_id)
        except (TypeError, ValueError):
            raise InvalidCursor("invalid cursor") from None


def region_order(
    key: ColumnElement[Any], row_id: ColumnElement[int], *, descending: bool, dated: bool
) -> tuple[ColumnElement[Any], ...]:
    """The ORDER BY of one keyset region."""
    columns = (key, row_id) if dated else (row_id,)
    return tuple(c.desc() if descending else c.asc() for c in columns)


def keyset_region(
    base: Select,
    key: ColumnElement[Any],
    row_id: ColumnElement[int],
    *,
    descending: bool,
    dated: bool,
    after: bool,
) -> Select:
    """``base`` limited to one region, after a position (bind ``after_day``, ``after_id``), ordered.

    The limit is the bind parameter ``limit``, so one statement serves every page.
    """
    after_day = bindparam("after_day", type_=Date)
    after_id = bindparam("after_id", type_=Integer)
    if dated:
        stmt = base.where(key.is_not(None))
        if after:
            own, mark = tuple_(key, row_id), tuple_(after_day, after_id)
            stmt = stmt.where(own < mark if descending else own > mark)
    else:
        stmt = base.where(key.is_(None))
        if after:
            stmt = stmt.where(row_id < after_id if descending else row_id > after_id)
    order = region_order(key, row_id, descending=descending, dated=dated)
    return stmt.order_by(*order).limit(bindparam("limit", type_=Integer))


def with_page_of(
    outer: Select,
    ids: Select,
    row_id: ColumnElement[int],
    *,
    descending: bool,
    dated: bool,
) -> Select:
    """``outer`` restricted to the page ``ids`` selects (columns ``id`` and ``day``), in order.

    Costly columns (correlated subqueries) are then computed for the page's rows only, never
    for every row the database sorts to find the page.
    """
    page = ids.subquery("page")
    order = region_order(page.c.day, page.c.id, descending=descending, dated=dated)
    return outer.join(page, page.c.id == row_id).order_by(*order)


def fetch_dated(
    conn: Connection,
    statement: Callable[[bool, bool], Select],
    params: dict[str, Any],
    *,
    sort: Sort,
    limit: int,
    position: Position | None,
) -> tuple[list[Any], Position | None]:
    """Up to ``limit`` rows after ``position`` across both regions, and the next position.

    ``statement(dated, after)`` gives the (cached) statement of a region; rows must carry the
    ``day`` and ``id`` columns the keyset runs on.
    """
    rows: list[Any] = []
    regions = [True, False]
    if position is not None and not position.dated:
        regions = [False]
    for dated in regions:
        after = position is not None and position.dated == dated
        values = dict(params, limit=limit + 1 - len(rows))
        if after:
            assert position is not None
            values |= {"after_day": position.day, "after_id": position.id}
        rows += conn.execute(statement(dated, after), values).mappings().all()
        if len(rows) > limit:
            break
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], Position(sort, last["day"] is not None, last["day"], last["id"])
