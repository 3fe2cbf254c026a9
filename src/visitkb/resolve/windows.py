"""Date windows for visits whose day the texts do not give, from what the texts do give:
the roles people held at the time (terms of office in the gazetteer) and when each report was
written (a done visit happened before, an announced one after)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from visitkb.resolve.model import MentionClaim, ResolvedPerson, SourceClaim
from visitkb.resolve.roles import base_role, is_former

Window = tuple[date | None, date | None]


@dataclass(frozen=True)
class Constraint:
    """A bound on the start day, and why."""

    window: Window
    reason: str


def intersect(a: Window, b: Window) -> Window | None:
    """The days in both windows (None ends are open), or None if there are none."""
    lo = max((d for d in (a[0], b[0]) if d), default=None)
    hi = min((d for d in (a[1], b[1]) if d), default=None)
    if lo and hi and lo > hi:
        return None
    return (lo, hi)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "open"


def role_constraint(
    person: ResolvedPerson, mention: MentionClaim, slack_days: int = 0
) -> Constraint | None:
    """The days ``person`` held the role ``mention`` gives them, from the gazetteer's terms.

    ``slack_days`` widens the lower bound for people met during the visit rather than on its
    first day.
    """
    if person.known is None or not mention.role:
        return None
    role = base_role(mention.role)
    terms = [
        t
        for t in person.known.terms
        if t.role == role and (mention.country is None or t.country == mention.country)
    ]
    if not terms:
        return None
    name = person.known.name_en or person.name
    if is_former(mention.role):
        if any(t.end is None for t in terms):
            return None
        left = max(t.end for t in terms if t.end)
        return Constraint(
            (left - timedelta(days=slack_days), None),
            f"{name}, named as former {role}, left office on {left.isoformat()}",
        )
    start = min(t.start for t in terms)
    end = None if any(t.end is None for t in terms) else max(t.end for t in terms if t.end)
    held = f"{name} was {role} of {terms[0].country} from {_iso(start)} to {_iso(end)}"
    if slack_days:
        held += f"; met during a {slack_days + 1}-day visit, which may have begun earlier"
    return Constraint((start - timedelta(days=slack_days), end), held)


def report_constraint(source: SourceClaim) -> Constraint | None:
    """A done visit started before its report was written (or, failing a date, before the
    report reached the knowledge base); an announced one after the announcement."""
    day = source.reference_date
    if source.status == "occurred":
        if day:
            return Constraint((None, day), f"reported as done by {source.document} on {day}")
        if source.ingested:
            return Constraint(
                (None, source.ingested),
                f"reported as done by {source.document}, ingested on {source.ingested}",
            )
        return None
    if day:
        return Constraint((day, None), f"announced by {source.document} on {day}")
    return None


def narrow(window: Window, constraints: Iterable[Constraint]) -> tuple[Window, list[str]]:
    """Apply every constraint that keeps the window non-empty; say which applied and which not."""
    reasons = []
    for constraint in constraints:
        narrowed = intersect(window, constraint.window)
        if narrowed is None:
            reasons.append(f"ignored, contradicts the rest: {constraint.reason}")
        elif narrowed != window:
            window = narrowed
            reasons.append(constraint.reason)
    return window, reasons
