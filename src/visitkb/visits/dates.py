"""Read date mentions against a reference day: exact days, or windows as narrow as the text allows.

A day written in full is that day; a day without its year takes the year that puts it nearest
the reference day (or the past/next one when the text says "الماضي"/"المقبل"); a weekday is
the latest such day on or before the reference day, or the next one on or after it when the
clause speaks of the future; a month is a window over that month; a year a window over that
year. Without a reference day only dates written in full can be read.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from visitkb.mentions import DateMention

WEEK = 7


@dataclass(frozen=True, slots=True)
class DateReading:
    """What a date mention says: a day (``start``, maybe ``end``) or a window of days."""

    start: date | None
    end: date | None
    window: tuple[date | None, date | None]

    @property
    def exact(self) -> bool:
        return self.start is not None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _pick_year(
    month: int, day: int, reference: date, modifier: str | None, future: bool
) -> date | None:
    """The year a day-and-month without a year means, read from ``reference``."""
    candidates = [
        d
        for y in (reference.year - 1, reference.year, reference.year + 1)
        if (d := _day(y, month, day))
    ]
    if modifier == "current":
        return _day(reference.year, month, day)
    if modifier == "past" or (modifier is None and not future):
        past = [d for d in candidates if d <= reference]
        if modifier == "past" or past:
            return max(past) if past else None
    future_days = [d for d in candidates if d >= reference]
    if modifier == "next" or future:
        return min(future_days) if future_days else None
    return min(candidates, key=lambda d: abs((d - reference).days)) if candidates else None


def _weekday(reference: date, weekday: int, modifier: str | None, future: bool) -> date:
    back = (reference.weekday() - weekday) % WEEK
    ahead = (weekday - reference.weekday()) % WEEK
    if modifier == "past":
        return reference - timedelta(days=back or WEEK)
    if modifier == "next":
        return reference + timedelta(days=ahead or WEEK)
    if future:
        return reference + timedelta(days=ahead)
    return reference - timedelta(days=back)


def read_date(
    mention: DateMention, reference: date | None, *, future: bool = False
) -> DateReading | None:
    """The day or window ``mention`` gives, read against ``reference``; None if it gives none.

    ``future`` says the clause speaks of something to come (a planned visit), which decides
    weekdays and years left unsaid.
    """
    kind = mention.kind
    if kind in {"day", "range"}:
        return _read_day(mention, reference, future)
    if kind == "month":
        return _read_month(mention, reference, future)
    if kind == "year":
        year = mention.year
        if year is None and reference is not None and mention.relative_unit == "year":
            year = reference.year + {"past": -1, "next": 1}.get(mention.modifier or "", 0)
        if year is None:
            return None
        return DateReading(None, None, (date(year, 1, 1), date(year, 12, 31)))
    if reference is None:
        return None
    if kind == "week":
        # "الأسبوع المقبل": some day of the coming seven; "الماضي": of the last seven.
        if mention.modifier == "next":
            return DateReading(
                None,
                None,
                (reference + timedelta(days=1), reference + timedelta(days=2 * WEEK - 1)),
            )
        if mention.modifier == "past":
            return DateReading(
                None,
                None,
                (reference - timedelta(days=2 * WEEK - 1), reference - timedelta(days=1)),
            )
        return DateReading(
            None, None, (reference - timedelta(days=WEEK - 1), reference + timedelta(days=WEEK - 1))
        )
    if kind == "relative" and mention.offset is not None:
        offset = mention.offset
        if mention.ambiguous_offset:
            offset = 1 if future else -1
        day = reference + timedelta(days=offset)
        return DateReading(day, None, (day, day))
    if kind == "weekday" and mention.weekday is not None:
        day = _weekday(reference, mention.weekday, mention.modifier, future)
        return DateReading(day, None, (day, day))
    return None


def _read_day(mention: DateMention, reference: date | None, future: bool) -> DateReading | None:
    month, day = mention.month, mention.day
    if day is None:
        return None
    if month is None:
        if reference is None or mention.relative_unit != "month":
            return None
        by = {"past": -1, "next": 1}.get(mention.modifier or "", 0)
        year, month = _shift_month(reference.year, reference.month, by)
        start = _day(year, month, day)
    elif mention.year is not None:
        start = _day(mention.year, month, day)
    elif reference is not None:
        start = _pick_year(month, day, reference, mention.modifier, future)
    else:
        return None
    if start is None:
        return None
    end = None
    if mention.end_day is not None:
        end_month = mention.end_month or start.month
        end_year = mention.end_year or (start.year + (1 if end_month < start.month else 0))
        end = _day(end_year, end_month, mention.end_day)
        if end is not None and end < start and mention.end_month is None:
            # "30 to 2 December": the month written once is the end's; the start is a month earlier.
            earlier = _day(*_shift_month(start.year, start.month, -1), day)
            start = earlier if earlier is not None and earlier <= end else start
        if end is not None and end < start:
            end = None  # a range that cannot be read in order says nothing of its end
    return DateReading(start, end, (start, start))


def _read_month(mention: DateMention, reference: date | None, future: bool) -> DateReading | None:
    month, year = mention.month, mention.year
    if month is None:
        if reference is None or mention.relative_unit != "month":
            return None
        by = {"past": -1, "next": 1}.get(mention.modifier or "", 0)
        year, month = _shift_month(reference.year, reference.month, by)
    elif year is None:
        if reference is None:
            return None
        if mention.relative_unit == "year":
            year = reference.year + {"past": -1, "next": 1}.get(mention.modifier or "", 0)
        elif mention.modifier == "current":
            year = reference.year
        elif mention.modifier == "next" or (future and mention.modifier is None):
            year = reference.year if month >= reference.month else reference.year + 1
        else:
            year = reference.year if month <= reference.month else reference.year - 1
    return DateReading(None, None, _month_window(year, month))
