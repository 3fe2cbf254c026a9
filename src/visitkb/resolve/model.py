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
    role_only: bool = False  # the text names the person only by role


@dataclass(frozen=True)
class TermOfOffice:
    """A role held for a state from ``start`` to ``end`` (None: still held)."""

    role: str
    country: str
    start: date
    end: date | None


@dataclass(frozen=True)
class KnownPerson:
    """A person of the officials gazetteer, as stored: spellings in any script and terms."""

    id: str  # gazetteer id
    country: str | None
    names: tuple[str, ...]
    terms: tuple[TermOfOffice, ...] = ()
    name_en: str | None = None


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
    reference_date: date | None = None  # the day its document was written
    ingested: date | None = None  # the day its document reached the knowledge base
    participants: tuple[int, ...] = ()  # MentionClaim ids of the people met

    @property
    def key(self) -> str:
        return f"{self.document}#{self.ordinal}"


@dataclass
class ResolvedPerson:
    """One identity: the mentions that name it and what they say of it."""

    key: str  # "gazetteer:<id>", or "text:<name key>" for people known only from texts
    name: str
    role: str | None
    country: str | None
    names: list[str] = field(default_factory=list)
    mentions: list[int] = field(default_factory=list)  # MentionClaim ids
    known: KnownPerson | None = None  # the gazetteer entry, when matched
    inferred: dict[int, str] = field(default_factory=dict)  # mention id -> how it was resolved


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
