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


class DocumentDetail(DocumentSummary):
    """A document with its full text."""

    text: str
