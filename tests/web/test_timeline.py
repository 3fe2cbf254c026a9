"""The timeline's layout: a column per month, bars stacked by country, colours by country."""

import re
from datetime import date

from visitkb import records as r
from visitkb.web.timeline import BOTTOM, HEIGHT, MAX_SERIES, OTHERS, UNKNOWN, build_chart


def _timeline(*rows, undated=0, side="host"):
    return r.VisitTimeline(
        side=side,
        months=[r.VisitMonth(year=y, month=mo, country=c, visits=n) for y, mo, c, n in rows],
        undated=undated,
    )


def _bars(series):
    """The bars of a series' path: (x, y, width, height) each."""
    return [
        tuple(map(float, bar))
        for bar in re.findall(r"M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z", series.path)
    ]


def test_no_month_known_is_no_chart():
    assert build_chart(_timeline(undated=3)) is None


def test_bars_stack_by_country_within_a_month():
    chart = build_chart(_timeline((2019, 3, "IRQ", 2), (2019, 3, None, 1), (2019, 5, "IRN", 4)))
    assert [s.label for s in chart.series] == ["Iran", "Iraq", UNKNOWN]  # most visits first
    iran, iraq, unknown = (_bars(s) for s in chart.series)
    assert len(iran) == len(iraq) == len(unknown) == 1
    (ix, iy, _, ih), (qx, qy, _, qh), (ux, uy, _, uh) = iran[0], iraq[0], unknown[0]
    bottom = HEIGHT - BOTTOM
    assert round(qy + qh, 1) == bottom  # Iraq, the earlier colour, at the bottom of March
    assert round(uy + uh, 1) == round(qy, 1)  # the unknown country on top of it
    assert qx == ux < ix
    assert round(iy + ih, 1) == bottom and ih > qh + uh  # 4 visits in May against 3 in March
    assert [(m.name, m.visits, m.parts) for m in chart.months] == [
        ("Mar 2019", 3, [("Iraq", 2), (UNKNOWN, 1)]),
        ("May 2019", 4, [("Iran", 4)]),
    ]
    assert (chart.months[0].first, chart.months[0].last) == (date(2019, 3, 1), date(2019, 3, 31))
    assert chart.ticks[0].value == 0 and chart.ticks[-1].value >= 4


def test_months_without_visits_keep_their_place():
    chart = build_chart(_timeline((2019, 1, "IRQ", 1), (2019, 2, "IRQ", 1), (2019, 12, "IRQ", 1)))
    jan, feb, dec = (m.x for m in chart.months)
    assert round(dec - jan, 1) == round(11 * (feb - jan), 1)
    assert [label.text for label in chart.labels][:2] == ["Jan 2019", "Feb 2019"]
    assert len(chart.labels) == 12


def test_long_spans_are_labelled_by_year():
    chart = build_chart(_timeline((2010, 6, "IRQ", 1), (2020, 6, "IRQ", 1)))
    assert [label.text for label in chart.labels] == [str(y) for y in range(2011, 2021)]


def test_countries_past_the_palette_share_a_colour():
    codes = ["IRQ", "IRN", "IND", "EGY", "SYR", "TUR", "SAU", "JOR", "KWT"][: MAX_SERIES + 2]
    chart = build_chart(_timeline(*[(2020, 1 + i, code, 10 - i) for i, code in enumerate(codes)]))
    assert len(chart.series) == MAX_SERIES
    assert chart.series[-1].label == OTHERS
    assert [s.colour for s in chart.series] == [f"series-{i}" for i in range(6)] + ["series-other"]
    assert len(_bars(chart.series[-1])) == 3  # the three countries with the fewest visits
    assert [m.parts for m in chart.months[-3:]] == [[(OTHERS, n)] for n in (4, 3, 2)]
