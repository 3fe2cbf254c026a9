"""One visit across reports: sources with the same guest and host and compatible dates merge."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from visitkb.resolve.model import MentionClaim, ResolvedPerson, ResolvedVisit, SourceClaim
from visitkb.resolve.windows import (
    Constraint,
    Window,
    intersect,
    narrow,
    report_constraint,
    role_constraint,
)

# Reports of one trip disagree by a day or so (announced day vs arrival, time zones).
SAME_DAY_TOLERANCE_DAYS = 1


def _window(source: SourceClaim) -> Window:
    if source.start_date:
        return (source.start_date, source.start_date)
    return source.window


def _precision(source: SourceClaim) -> tuple[int, int]:
    """Sort key: sources with a known day first, then narrower windows."""
    if source.start_date:
        return (0, 0)
    lo, hi = source.window
    if lo and hi:
        return (1, (hi - lo).days)
    return (2 if lo or hi else 3, 0)


class _Cluster:
    def __init__(self, first: SourceClaim) -> None:
        self.sources = [first]
        self.window: Window = _window(first)
        self.documents = {first.document}

    def accepts(self, source: SourceClaim) -> bool:
        if source.document in self.documents:
            return False  # one document reports one trip once
        day = source.start_date
        days = [s.start_date for s in self.sources if s.start_date]
        if day and days:
            return any(abs((day - d).days) <= SAME_DAY_TOLERANCE_DAYS for d in days)
        return intersect(self.window, _window(source)) is not None

    def add(self, source: SourceClaim) -> None:
        self.sources.append(source)
        self.documents.add(source.document)
        self.window = intersect(self.window, _window(source)) or self.window


def merge_visits(
    sources: Iterable[SourceClaim],
    people: Mapping[int, ResolvedPerson],
    mentions: Mapping[int, MentionClaim] | None = None,
) -> list[ResolvedVisit]:
    """Group sources into visits; the result does not depend on the order sources come in.

    With ``mentions`` (by id), a visit whose day no source gives gets the narrowest window the
    roles of its guest and participants and the report dates allow.
    """
    by_pair: dict[tuple[str, str], list[SourceClaim]] = defaultdict(list)
    for source in sources:
        by_pair[(people[source.guest_mention].key, source.host_country)].append(source)

    visits = []
    for (guest, _host), group in sorted(by_pair.items()):
        clusters: list[_Cluster] = []
        for source in sorted(group, key=lambda s: (_precision(s), s.document, s.ordinal)):
            home = next((c for c in clusters if c.accepts(source)), None)
            if home is None:
                clusters.append(_Cluster(source))
            else:
                home.add(source)
        visits += [_merged(guest, c.sources, people, mentions or {}) for c in clusters]
    return sorted(visits, key=lambda v: v.key)


def _vote(values: Iterable[object]) -> object | None:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _merged(
    guest: str,
    sources: list[SourceClaim],
    people: Mapping[int, ResolvedPerson],
    mentions: Mapping[int, MentionClaim],
) -> ResolvedVisit:
    ordered = sorted(sources, key=lambda s: (s.document, s.ordinal))
    occurred = [s for s in ordered if s.status == "occurred"]
    # A trip reported as done by one source and as announced by another has happened: the
    # reports of it happening know the real days.
    deciding = occurred or ordered
    start = _vote(s.start_date for s in deciding)
    duration = _vote(s.duration_days for s in deciding)
    window: Window = (start, start) if start else (None, None)
    reasons = []
    if start:
        said_by = [s.document for s in deciding if s.start_date == start]
        reasons.append(f"start day {start.isoformat()} given by {', '.join(said_by)}")
    else:
        given = [
            Constraint(s.window, f"{s.document} dates it {_span(s.window)}")
            for s in ordered
            if s.window != (None, None)
        ]
        inferred = [
            c for s in ordered for c in _inferred(s, people, mentions, duration) if c is not None
        ]
        window, reasons = narrow(window, given + inferred)
    return ResolvedVisit(
        key=ordered[0].key,
        guest=guest,
        guest_country=_vote(s.guest_country for s in ordered),  # type: ignore[arg-type]
        host_country=ordered[0].host_country,
        status="occurred" if occurred else "planned",
        start_date=start,  # type: ignore[arg-type]
        end_date=_vote(s.end_date for s in deciding),  # type: ignore[arg-type]
        window=window,
        duration_days=duration,  # type: ignore[arg-type]
        reasons=reasons,
        sources=[s.id for s in ordered],
    )


def _span(window: Window) -> str:
    lo, hi = (d.isoformat() if d else "open" for d in window)
    return f"{lo} to {hi}"


def _inferred(
    source: SourceClaim,
    people: Mapping[int, ResolvedPerson],
    mentions: Mapping[int, MentionClaim],
    duration: object,
) -> list[Constraint | None]:
    """What the roles in a source and its report date say of the start day."""
    # People met on the last day of a trip held office from that day on, not from the first.
    slack = duration - 1 if isinstance(duration, int) and duration > 1 else 0
    found = [report_constraint(source)]
    if source.guest_mention in mentions:
        found.append(role_constraint(people[source.guest_mention], mentions[source.guest_mention]))
    for mention_id in source.participants:
        if mention_id in mentions and mention_id in people:
            found.append(role_constraint(people[mention_id], mentions[mention_id], slack))
    return found
