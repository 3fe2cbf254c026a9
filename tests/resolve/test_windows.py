"""Undated visits narrowed by terms of office and report dates."""

from datetime import date

from visitkb.resolve import (
    KnownPerson,
    MentionClaim,
    SourceClaim,
    TermOfOffice,
    merge_visits,
    resolve_people,
)


def _known(pid: str, name: str, role: str, country: str, start: date, end: date) -> KnownPerson:
    return KnownPerson(pid, country, (name,), (TermOfOffice(role, country, start, end),))


GUEST = _known("guest", "Guest Person", "president", "AAA", date(2013, 8, 3), date(2021, 8, 3))
HOST = _known("host", "Host Person", "president", "BBB", date(2018, 10, 2), date(2022, 10, 17))
PREMIER = _known(
    "premier", "Premier Person", "prime minister", "BBB", date(2018, 10, 25), date(2020, 5, 7)
)
OLD = _known("old", "Old Premier", "prime minister", "BBB", date(2014, 9, 8), date(2018, 10, 25))
MENTIONS = [
    MentionClaim(1, "d", 0, "Guest Person", "president", "AAA"),
    MentionClaim(2, "d", 1, "Host Person", "president", "BBB"),
    MentionClaim(3, "d", 2, "Premier Person", "prime minister", "BBB"),
    MentionClaim(4, "d", 3, "Old Premier", "former prime minister", "BBB"),
]


def _visit(participants, reference_date=None, status="occurred"):
    source = SourceClaim(
        id=1, document="d", ordinal=0, guest_mention=1, guest_country="AAA", host_country="BBB",
        status=status, start_date=None, end_date=None, window=(None, None), duration_days=3,
        reference_date=reference_date, participants=participants,
    )  # fmt: skip
    people = resolve_people(MENTIONS, [GUEST, HOST, PREMIER, OLD])
    (visit,) = merge_visits([source], people, {m.id: m for m in MENTIONS})
    return visit


def test_terms_of_guest_and_participants_give_a_finite_window():
    visit = _visit((2, 3, 4))
    # Met on any of the 3 days: the premier's first day bounds the start two days earlier.
    assert visit.window == (date(2018, 10, 23), date(2020, 5, 7))
    assert visit.start_date is None
    assert any("Premier Person was prime minister" in r for r in visit.reasons)


def test_former_office_bounds_from_below_and_the_report_from_above():
    visit = _visit((4,), reference_date=date(2019, 3, 14))
    assert visit.window == (date(2018, 10, 23), date(2019, 3, 14))


def test_announced_visit_starts_after_its_announcement():
    visit = _visit((), reference_date=date(2019, 3, 1), status="planned")
    assert visit.window == (date(2019, 3, 1), date(2021, 8, 3))


def test_contradictions_are_set_aside_and_said():
    visit = _visit((2,), reference_date=date(2015, 1, 1))
    assert visit.window == (date(2013, 8, 3), date(2015, 1, 1))
    assert any(r.startswith("ignored") for r in visit.reasons)


def test_without_a_report_date_a_done_visit_happened_before_it_was_ingested():
    source = SourceClaim(
        id=1, document="d", ordinal=0, guest_mention=1, guest_country="AAA", host_country="BBB",
        status="occurred", start_date=None, end_date=None, window=(None, None), duration_days=None,
        ingested=date(2026, 11, 23),
    )  # fmt: skip
    people = resolve_people(MENTIONS[:1], [GUEST])
    (visit,) = merge_visits([source], people, {1: MENTIONS[0]})
    assert visit.window == (date(2013, 8, 3), date(2021, 8, 3))
    source = SourceClaim(**{**source.__dict__, "guest_mention": 9})
    (visit,) = merge_visits([source], {9: people[1]}, {})
    assert visit.window == (None, date(2026, 11, 23))
    assert visit.reasons == ["reported as done by d, ingested on 2026-11-23"]
