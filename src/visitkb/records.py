"""The record formats: what export, the API and evaluation exchange (see docs/records.md).

Pydantic models with no framework behind them, so the CLI, the API and the evaluator share one
contract.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(Record):
    """A span of a document; ``text == document_text[start:end]``."""

    document: str = Field(description="Document id as given at ingest")
    start: int = Field(ge=0, description="Offset of the first character (Python string index)")
    end: int = Field(gt=0, description="Offset after the last character")
    text: str


class Person(Record):
    """A person as the knowledge base knows them, with every name form seen in any script."""

    id: int
    name: str
    name_en: str | None = None
    names: list[str] = Field(default_factory=list)
    role: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")


class Place(Record):
    """A place visited: ``name`` as first written, its English name and its country."""

    name: str
    name_en: str | None = None
    country: str | None = None


class Agreement(Record):
    """One source's claim of agreements signed; ``count`` null means "several"."""

    count: int | None
    kind: str = Field(description="agreement, mou, mixed or other")
    document: str
    evidence: Evidence


class Source(Record):
    """A document reporting a visit, with the spans that say so."""

    document: str
    evidence: list[Evidence]


class Visit(Record):
    """One trip of one guest to one host country, merged over all its reports."""

    id: int
    status: str = Field(description="occurred or planned")
    guest: Person
    guest_country: str | None
    host_country: str
    start_date: date | None
    end_date: date | None
    date_window: tuple[date | None, date | None] = Field(
        description="[earliest, latest] possible start day; null ends are unbounded"
    )
    duration_days: int | None
    places: list[Place]
    participants: list[Person]
    agreements: list[Agreement]
    sources: list[Source]


class PersonRef(Record):
    """A person as listings name them (the person record adds every name form)."""

    id: int
    name: str
    name_en: str | None = None
    role: str | None = None
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")


class VisitSummary(Record):
    """A visit as listings show it: who, where, when, and how many documents report it."""

    id: int
    status: str = Field(description="occurred or planned")
    guest: PersonRef
    guest_country: str | None
    host_country: str
    start_date: date | None
    end_date: date | None
    date_window: tuple[date | None, date | None] = Field(
        description="[earliest, latest] possible start day; null ends are unbounded"
    )
    duration_days: int | None
    places: list[Place]
    sources: int = Field(description="Number of documents reporting the visit")


class SourceDetail(Source):
    """A document reporting a visit: what that document claims, and the spans that say so."""

    lang: str
    published: date | None
    status: str = Field(description="occurred or planned, as this document says")
    start_date: date | None
    end_date: date | None
    date_window: tuple[date | None, date | None]
    duration_days: int | None
    guest_as_written: str = Field(description="How this document names the guest")
    guest_inference: str | None = Field(
        default=None,
        description="How the guest was found when the document names them only by role "
        "(an inference from the gazetteer, not text evidence)",
    )


class VisitDetail(Visit):
    """A visit with every source's own claim and the reasons behind its date window."""

    sources: list[SourceDetail]
    window_reasons: list[str] = Field(
        description="Why the date window is what it is: which document fixed or narrowed it"
    )
    conflicting_agreements: bool = Field(
        description="Sources give different counts of the same kind of agreement"
    )


class Role(Record):
    """A role held, from the gazetteer's terms of office or as the texts give it."""

    role: str
    country: str | None
    start: date | None = None
    end: date | None = None


class PersonEntry(Person):
    """A person record for export: the documents naming them and the roles they held."""

    documents: list[str]
    roles: list[Role]


class AgreementEntry(Agreement):
    """An agreement claim with the visit it belongs to, for the agreements export."""

    visit: int
    guest_country: str | None
    host_country: str
    start_date: date | None
    conflicting: bool = Field(
        default=False,
        description="Another source of the same visit gives a different count of this kind",
    )


class VisitPage(Record):
    """A person's visits in one role: how many, and the latest of them."""

    total: int
    latest: list[VisitSummary] = Field(description="The most recent first")


class PersonDetail(Person):
    """A person with names by script, roles held and visits as guest and as participant."""

    names_by_script: dict[str, list[str]] = Field(
        description="ISO 15924 script code (Arab, Deva, Latn, ...) -> name forms"
    )
    roles: list[Role]
    visits_as_guest: VisitPage
    visits_as_participant: VisitPage


class Country(Record):
    """A state with the number of visits it made (as guest) and received (as host)."""

    code: str = Field(description="ISO 3166-1 alpha-3")
    name: str
    visits_as_guest: int
    visits_as_host: int


class Stats(Record):
    """What the knowledge base holds."""

    documents: int
    documents_by_lang: dict[str, int]
    visits: int
    visits_by_status: dict[str, int]
    visits_with_known_day: int
    first_day: date | None = Field(description="Earliest known or possible start day")
    last_day: date | None = Field(description="Latest known or possible start day")
    visit_sources: int = Field(description="Reports of visits, one per document and visit")
    people: int = Field(description="People some document names (the ones `/people` lists)")
    gazetteer_people: int = Field(description="Officials the gazetteer knows, named or not")
    agreement_claims: int


class DocumentSummary(Record):
    """A document without its text."""

    id: str
    lang: str
    published: date | None
    url: str | None
    title: str | None
    content_hash: str
    ingested_at: datetime
    chars: int


class Span(Record):
    """A span extraction took from a document: a person named, a visit reported, a place, a count.

    ``person`` is set on person spans, ``visit`` on the others once the claim is resolved.
    """

    kind: str = Field(description="person, visit, place or agreement")
    start: int
    end: int
    text: str
    person: int | None = None
    visit: int | None = None


class DocumentDetail(DocumentSummary):
    """A document with its full text and the spans extracted from it."""

    text: str
    spans: list[Span] = Field(default_factory=list, description="By start offset")
