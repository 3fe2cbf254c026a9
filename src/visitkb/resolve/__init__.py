"""Stage 3b: claims -> knowledge: people across scripts, roles by date, windows, merging. Pure."""

from visitkb.resolve.model import (
    KnownPerson,
    MentionClaim,
    ResolvedPerson,
    ResolvedVisit,
    SourceClaim,
    TermOfOffice,
)
from visitkb.resolve.people import resolve_people
from visitkb.resolve.visits import merge_visits

__all__ = [
    "KnownPerson",
    "MentionClaim",
    "ResolvedPerson",
    "ResolvedVisit",
    "SourceClaim",
    "TermOfOffice",
    "merge_visits",
    "resolve_people",
]
