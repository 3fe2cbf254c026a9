"""Merging reports of one trip, independent of order."""

import random
from datetime import date

from visitkb.resolve import MentionClaim, SourceClaim, merge_visits, resolve_people


def _source(sid, doc, status="occurred", start=None, window=(None, None), host="SAU", guest=1):
    return SourceClaim(
        id=sid, document=doc, ordinal=0, guest_mention=guest, guest_country="CHN",
        host_country=host, status=status, start_date=start, end_date=None, window=window,
        duration_days=3 if start else None,
    )  # fmt: skip


MENTIONS = [MentionClaim(1, "a", 0, "شي جين بينغ", "president", "CHN")]


def _merge(sources):
    people = resolve_people(MENTIONS)
    return merge_visits(sources, people)


def test_announced_and_reported_visit_merge_and_the_report_decides():
    planned = _source(1, "a", "planned", start=date(2022, 12, 7))
    occurred = _source(2, "b", "occurred", start=date(2022, 12, 7))
    (visit,) = _merge([planned, occurred])
    assert visit.status == "occurred"
    assert visit.sources == [1, 2]
    assert visit.window == (date(2022, 12, 7), date(2022, 12, 7))


def test_distant_days_and_other_hosts_stay_apart():
    visits = _merge([
        _source(1, "a", start=date(2020, 8, 6)),
        _source(2, "b", start=date(2020, 9, 1)),
        _source(3, "c", start=date(2020, 8, 6), host="ARE"),
    ])  # fmt: skip
    assert len(visits) == 3


def test_undated_report_joins_the_visit_its_window_allows():
    dated = _source(1, "a", start=date(2022, 4, 28))
    month = _source(2, "b", window=(date(2022, 4, 1), date(2022, 4, 30)))
    other = _source(3, "c", window=(date(2016, 1, 1), date(2016, 1, 31)))
    visits = _merge([dated, month, other])
    assert sorted(len(v.sources) for v in visits) == [1, 2]


def test_order_does_not_change_the_result():
    sources = [
        _source(1, "a", start=date(2022, 4, 28)),
        _source(2, "b", window=(date(2022, 4, 1), date(2022, 4, 30))),
        _source(3, "c", window=(date(2022, 1, 1), date(2022, 12, 31))),
        _source(4, "d", window=(None, date(2023, 1, 1))),
        _source(5, "e", start=date(2022, 12, 7)),
    ]
    expected = _merge(sources)
    for seed in range(10):
        shuffled = sources[:]
        random.Random(seed).shuffle(shuffled)
        assert _merge(shuffled) == expected
