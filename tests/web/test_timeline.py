"""The timeline's layout: one bar per month and country, stacked, colours by country."""

from datetime import date

from visitkb import records as r
from visitkb.web.timeline import BOTTOM, HEIGHT, MAX_SERIES, OTHERS, TOP, UNKNOWN, build_chart


def _timeline(*rows, undated=0, side="host"):
    return r.VisitTimeline(
        side=side,
        months=[r.VisitMonth(year=y, month=mo, country=c, visits=n) for y, mo, c, n in rows],
        undated=undated,
    )


def test_no_month_known_is_no_chart():
    assert build_chart(_timeline(undated=3)) is None


def test_bars_stack_by_country_within_a_month():
    chart = build_chart(_timeline((2019, 3, "IRQ", 2), (2019, 3, None, 1), (2019, 5, "IRN", 4)))
    assert [(b.month, b.country_label, b.visits) for b in chart.bars] == [
        ("Mar 2019", "Iraq", 2),
        ("Mar 2019", UNKNOWN, 1),
        ("May 2019", "Iran", 4),
    ]
    bottom = HEIGHT - BOTTOM
    iraq, unknown, iran = chart.bars
    assert iraq.y + iraq.height == bottom  # first series at the bottom
    assert unknown.y + unknown.height == iraq.y  # the next on top of it
    assert iran.y + iran.height == bottom
    assert iran.height > iraq.height + unknown.height - 0.2  # 4 visits against 3
    assert chart.ticks[-1].value >= 4 and chart.ticks[-1].y >= TOP
    assert (iraq.first, iraq.last) == (date(2019, 3, 1), date(2019, 3, 31))
    assert iran.x > iraq.x
    assert [s.label for s in chart.series] == ["Iran", "Iraq", UNKNOWN]  # most visits first
    assert unknown.country is None and iraq.country == "IRQ"


def test_months_without_visits_keep_their_place():
    chart = build_chart(_timeline((2019, 1, "IRQ", 1), (2019, 2, "IRQ", 1), (2019, 12, "IRQ", 1)))
    jan, feb, dec = (b.x for b in chart.bars)
    assert round(dec - jan, 1) == round(11 * (feb - jan), 1)
    assert [label.text for label in chart.labels][:2] == ["Jan 2019", "Feb 2019"]
    assert len(chart.labels) == 12


def test_long_spans_are_labelled_by_year():
    chart = build_chart(_timeline((2010, 6, "IRQ", 1), (2020, 6, "IRQ", 1)))
    assert [label.text for label in chart.labels] == [str(y) for y in range(2011, 2021)]


def test_countries_past_the_palette_share_a_colour():
    codes = ["IRQ", "IRN", "IND", "EGY", "SYR", "TUR", "SAU", "JOR", "KWT"][: MAX_SERIES + 2]
    rows = [(2020, 1 + i, code, 10 - i) for i, code in enumerate(codes)]
    chart = build_chart(_timeline(*rows))
    assert len(chart.series) == MAX_SERIES
    assert chart.series[-1].label == OTHERS
    shared = [b for b in chart.bars if b.series == MAX_SERIES - 1]
    assert [b.country for b in shared] == [None, None, None]  # a click filters by month only
    assert {b.country_label for b in shared} == {OTHERS}
