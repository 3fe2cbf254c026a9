"""What resolution reads (claims as stored) and what it decides (people and visits)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class MentionClaim:
    """A stored mention of a person in a document."""

    id: int
    document: str  # external id
    claim_key: int  # the person's key within the document
    text: str
    role: str | None
    country: str | None


@dataclass(frozen=True)
class SourceClaim:
    """A stored visit claim of one document."""

    id: int
    document: str
    ordinal: int
    guest_mention: int  # MentionClaim.id
    guest_country: str | None
    host_country: str
    status: str
    start_date: date | None
    end_date: date | None
    window: tuple[date | None, date | None]
    duration_days: int | None

    @property
    def key(self) -> str:
        return f"{self.document}#{self.ordinal}"


@dataclass
class ResolvedPerson:
    """One identity: the mentions that name it and what they say of it."""

    key: str  # "text:<name key>" for people known only from texts
    name: str
    role: str | None
    country: str | None
    names: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # MentionClaim ids


@dataclass
class ResolvedVisit:
    """One trip merged from one or more sources."""

    key: str  # the key of its first source, by document id and ordinal
    guest: str  # ResolvedPerson.key
    guest_country: str | None
    host_country: str
    status: str
    start_date: date | None
    end_date: date | None
    window: tuple[date | None, date | None]
    duration_days: int | None
    reasons: list[str]
    sources: list[int]  # SourceClaim ids
