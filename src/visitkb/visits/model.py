"""Claims one document makes: people, visits, places and agreements, each with its evidence.

These plain records are what extraction hands to resolution and the database; nothing
downstream sees a spaCy object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

VisitStatus = Literal["occurred", "planned"]
AgreementKind = Literal["agreement", "mou", "mixed", "other"]


@dataclass(frozen=True)
class Evidence:
    """A span of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class PersonClaim:
    """A person named in one document, with every form and mention of the name there."""

    key: int  # local to the document; visits refer to people by it
    name: str  # the fullest form written, without titles
    names: list[str] = field(default_factory=list)  # every form written, fullest first
    role: str | None = None  # lower-case English, as the text gives it at the time
    country: str | None = None  # ISO alpha-3
    mentions: list[Evidence] = field(default_factory=list)
    # False for a person the text names only by role ("the Iraqi foreign minister"): ``name`` is
    # then the role as written, and resolution finds who held the role at the time.
    named: bool = True


@dataclass
class PlaceClaim:
    """A city or site visited, as written, with its English name and country."""

    name: str
    name_en: str | None
    country: str | None
    evidence: Evidence


@dataclass
class AgreementClaim:
    """A count of agreements signed (or to be signed); ``count`` None means "several"."""

    count: int | None
    kind: AgreementKind
    evidence: Evidence


@dataclass
class VisitClaim:
    """One trip of one guest to one host country, as one document reports it."""

    guest: int  # PersonClaim.key
    guest_country: str | None
    host_country: str
    status: VisitStatus
    start_date: date | None = None
    end_date: date | None = None
    date_window: tuple[date | None, date | None] = (None, None)
    duration_days: int | None = None
    places: list[PlaceClaim] = field(default_factory=list)
    participants: list[int] = field(default_factory=list)  # PersonClaim.key
    agreements: list[AgreementClaim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)  # the sentences reporting the visit


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document_id: str
    reference_date: date | None = None  # publication date, or the dateline's when not given
    people: list[PersonClaim] = field(default_factory=list)
    visits: list[VisitClaim] = field(default_factory=list)
