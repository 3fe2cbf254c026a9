"""The timeline chart of visits per month: bars stacked by country, laid out for inline SVG.

The layout is computed here so templates only place shapes; coordinates are in the units of a
fixed ``viewBox`` and the SVG scales to the page's width.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date
from math import ceil

from visitkb import records as r
from visitkb.world.countries import country_name

WIDTH, HEIGHT = 800, 220
# Room for the count axis (left) and the month labels (bottom).
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 12, 30
# Colours of the chart: past this many countries, the last colour is shared by the others. The
# stylesheet has that many hues, told apart easily, and a grey for the shared one.
MAX_SERIES = 7
# Labels on the month axis: more would overlap at the chart's width.
MAX_LABELS = 12
# Ticks on the count axis at most.
MAX_TICKS = 5
# Share of a month's slot its bar fills, and the widest slot: a few months make thin bars, not
# bars as wide as the chart.
BAR_SHARE = 0.8
MAX_SLOT = 48
OTHERS = "other countries"
UNKNOWN = "country not known"


@dataclass
class Series:
    """One colour of the chart: a country, or the countries sharing the last colour.

    ``path`` draws all its bars as one SVG path, which keeps a chart of many months small.
    """

    index: int
    label: str
    path: str = ""

    @property
    def colour(self) -> str:
        """The stylesheet's class: the palette's grey for the shared colour."""
        return "series-other" if self.label == OTHERS else f"series-{self.index}"


@dataclass(frozen=True)
class Month:
    """A month with visits: its column (x, width), its counts by series, the days it covers."""

    x: float
    width: float
    name: str
    visits: int
    parts: list[tuple[str, int]]
    first: date
    last: date


@dataclass(frozen=True)
class Label:
    x: float
    text: str


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    """Everything a template needs to draw the chart and its table."""

    months: list[Month]
    series: list[Series]
    labels: list[Label]
    ticks: list[Tick]
    first_month: str
    last_month: str
    visits: int
    undated: int
    side: str
    width: int = WIDTH
    height: int = HEIGHT
    top: int = TOP
    left: int = LEFT
    right: int = WIDTH - RIGHT
    bottom: int = HEIGHT - BOTTOM


def month_name(year: int, month: int) -> str:
    return f"{calendar.month_abbr[month]} {year}"


def _country_label(code: str | None) -> str:
    if code is None:
        return UNKNOWN
    return country_name(code) or code


def _step(largest: int) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving at most MAX_TICKS ticks."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if ceil(largest / step) <= MAX_TICKS:
                return step
        magnitude *= 10


def _series(timeline: r.VisitTimeline) -> tuple[list[Series], dict[str | None, Series]]:
    """Colours by country, most visits first; past MAX_SERIES the rest share the last one."""
    totals: Counter[str | None] = Counter()
    for row in timeline.months:
        totals[row.country] += row.visits
    ranked = sorted(totals, key=lambda c: (-totals[c], c is None, c or ""))
    own = ranked if len(ranked) <= MAX_SERIES else ranked[: MAX_SERIES - 1]
    series = [Series(i, _country_label(c)) for i, c in enumerate(own)]
    of_country = dict(zip(own, series, strict=True))
    if len(own) < len(ranked):
        series.append(Series(len(own), OTHERS))
        of_country |= dict.fromkeys(ranked[len(own) :], series[-1])
    return series, of_country


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def build_chart(timeline: r.VisitTimeline) -> Chart | None:
    """The chart of ``timeline``, or None when no visit has a known month."""
    if not timeline.months:
        return None
    series, of_country = _series(timeline)
    per_month: dict[tuple[int, int], Counter[int]] = {}
    for row in timeline.months:
        counts = per_month.setdefault((row.year, row.month), Counter())
        counts[of_country[row.country].index] += row.visits
    first, last = timeline.months[0], timeline.months[-1]
    span = (last.year - first.year) * 12 + last.month - first.month + 1
    slot = min((WIDTH - LEFT - RIGHT) / span, MAX_SLOT)
    height = HEIGHT - TOP - BOTTOM
    largest = max(sum(counts.values()) for counts in per_month.values())
    step = _step(largest)
    top = ceil(largest / step) * step
    scale = height / top

    months, paths = [], [[] for _ in series]
    for (year, month), counts in per_month.items():
        x = LEFT + ((year - first.year) * 12 + month - first.month) * slot
        stacked = 0
        for colour in sorted(counts):
            y = TOP + height - (stacked + counts[colour]) * scale
            bar = counts[colour] * scale
            paths[colour].append(
                f"M{_number(x + slot * (1 - BAR_SHARE) / 2)} {_number(y)}"
                f"h{_number(slot * BAR_SHARE)}v{_number(bar)}h-{_number(slot * BAR_SHARE)}z"
            )
            stacked += counts[colour]
        months.append(
            Month(
                x=round(x, 1),
                width=round(slot, 1),
                name=month_name(year, month),
                visits=stacked,
                parts=[(series[c].label, counts[c]) for c in sorted(counts)],
                first=date(year, month, 1),
                last=date(year, month, calendar.monthrange(year, month)[1]),
            )
        )
    for colour, parts in zip(series, paths, strict=True):
        colour.path = "".join(parts)
    return Chart(
        months=months,
        series=series,
        labels=_labels(first.year, first.month, span, slot),
        ticks=[
            Tick(round(TOP + height - value * scale, 1), value) for value in range(0, top + 1, step)
        ],
        first_month=month_name(first.year, first.month),
        last_month=month_name(last.year, last.month),
        visits=sum(row.visits for row in timeline.months),
        undated=timeline.undated,
        side=timeline.side,
    )


def _labels(year: int, month: int, months: int, slot: float) -> list[Label]:
    """Every month when few; else the years at their Januaries, every few years when many."""
    labels = []
    every = ceil(months / 12 / MAX_LABELS)
    for i in range(months):
        here_year, here_month = divmod(year * 12 + month - 1 + i, 12)
        x = round(LEFT + (i + 0.5) * slot, 1)
        if months <= MAX_LABELS:
            labels.append(Label(x, month_name(here_year, here_month + 1)))
        elif here_month == 0 and here_year % every == 0:
            labels.append(Label(x, str(here_year)))
    return labels
