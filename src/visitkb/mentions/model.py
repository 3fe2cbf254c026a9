"""Mentions one document holds, as plain records: what the spaCy pipeline hands downstream.

Offsets are character offsets into the original text (``text[start:end]``); ``token`` and
``sentence`` place a mention in reading order so later stages can measure distances without
seeing a spaCy object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

CountryKind = Literal["name", "adjective"]
DateKind = Literal["day", "range", "month", "year", "week", "weekday", "relative"]
Modifier = Literal["past", "next", "current"]


@dataclass(slots=True)
class Mention:
    """Where a mention is: its text span, first and last+1 token, and its sentence."""

    start: int
    end: int
    text: str
    token: int
    token_end: int
    sentence: int


@dataclass(slots=True)
class CountryMention(Mention):
    """A country named (``العراق``, ``इराक़``) or an adjective of one (``الإيراني``, ``ईरानी``)."""

    code: str = ""
    kind: CountryKind = "name"


@dataclass(slots=True)
class PlaceMention(Mention):
    """A city or site from the world gazetteer."""

    name_en: str = ""
    country: str = ""
    capital: bool = False
    site: bool = False  # a building standing for its country ("البيت الأبيض"), not a place


@dataclass(slots=True)
class PersonMention(Mention):
    """A person's name as written (no titles), with what its title says of them.

    ``person`` groups the mentions of one person in the document (full name, surname-only and
    article-less repeats); ``title_start`` is where the title before the name starts, if any.
    """

    person: int = 0
    role: str | None = None
    country: str | None = None
    title_start: int | None = None
    title_token: int | None = None
    role_only: bool = False  # a title with no name ("الرئيس الإيراني"), linked by role
    counterpart: bool = False  # "نظيره": the same role as the person it is said of
    guest: bool = False  # "الضيف": the visiting guest


@dataclass(slots=True)
class TermMention(Mention):
    """A word of ``visit_terms.yaml`` (``category`` is its key there), or a clause marker."""

    category: str = ""
    future: bool = False  # a future form (سيزور, करेंगे)


@dataclass(slots=True)
class DateMention(Mention):
    """A date expression, parsed but not yet read against the reference date.

    Fields left None are not written. A range fills ``day``..``end_day`` (with ``end_month``
    and ``end_year`` when they differ); ``offset`` is a relative day (اليوم 0, أمس -1); a
    ``weekday`` alone is read against the reference date with ``modifier``.
    """

    kind: DateKind = "day"
    day: int | None = None
    month: int | None = None
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    end_year: int | None = None
    weekday: int | None = None
    offset: int | None = None
    modifier: Modifier | None = None
    hijri: bool = False
    relative_unit: str | None = None  # "week" / "month" / "year": "الشهر المقبل", "العام الماضي"
    ambiguous_offset: bool = False  # कल: yesterday or tomorrow


@dataclass(slots=True)
class NumberMention(Mention):
    """A number in digits (any script) or words."""

    value: int = 0
    ordinal: bool = False


@dataclass(slots=True)
class DurationMention(Mention):
    """A length of time in days (``3 ايام``, ``يومين``, ``दो दिवसीय``)."""

    days: int = 0
    stated: bool = False  # introduced as a visit's length (تستغرق, दिवसीय, before a visit noun)


@dataclass(slots=True)
class AgreementMention(Mention):
    """A count of agreements signed; ``count`` None means "several"."""

    count: int | None = None
    kind: str = "agreement"
    signed: bool = False  # a signing word is near
    anaphoric: bool = False  # "this agreement": refers back
    existing: bool = False  # said to exist already (signed in an earlier year)
    explicit: bool = False  # the count is written as a number, not implied by a singular noun


@dataclass(slots=True)
class Sentence:
    """A sentence: its character span and token span."""

    start: int
    end: int
    token: int
    token_end: int


@dataclass
class DocumentMentions:
    """Everything the mentions stage found in one text."""

    lang: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)  # normalised forms, for word tests
    words: list[str] = field(default_factory=list)  # the tokens as written
    countries: list[CountryMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    terms: list[TermMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    durations: list[DurationMention] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)
