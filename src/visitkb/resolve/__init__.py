"""Stage 3b: claims -> knowledge: people across scripts, roles by date, windows, merging. Pure."""

from visitkb.resolve.model import MentionClaim, ResolvedPerson, ResolvedVisit, SourceClaim
from visitkb.resolve.people import resolve_people
from visitkb.resolve.visits import merge_visits

__all__ = [
    "MentionClaim",
    "ResolvedPerson",
    "ResolvedVisit",
    "SourceClaim",
    "merge_visits",
    "resolve_people",
]
