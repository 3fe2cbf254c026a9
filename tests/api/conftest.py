"""Clients of the API over an empty knowledge base, the seeds, or a small hand-resolved one.

The hand-resolved knowledge base (``kb_client``) is written through the store like any
ingest, from hand-made extractions of invented reports in Arabic and Hindi, then resolved by
hand: three invented people with a name in Latin, Arabic and Devanagari script each, and six
visits, one reported twice (in both languages, with conflicting agreement counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from visitkb import visits as v
from visitkb.api import create_app
from visitkb.config import Settings
from visitkb.database import models as m
from visitkb.database.store import add_document
from visitkb.documents import Document, read_documents
from visitkb.ingest import ingest
from visitkb.resolve.names import name_key

from ..conftest import SEEDS


@dataclass(frozen=True)
class PersonSpec:
    names: dict[str, str]  # script -> name
    role: str
    country: str
    term: tuple[date, date | None]


PEOPLE = {
    "sami": PersonSpec(
        {"Latn": "Sami Rashid", "Arab": "سامي راشد", "Deva": "सामी राशिद"},
        "president",
        "EGY",
        (date(2014, 6, 8), None),
    ),
    "lina": PersonSpec(
        {"Latn": "Lina Haddad", "Arab": "لينا حداد", "Deva": "लीना हद्दाद"},
        "foreign minister",
        "IRQ",
        (date(2016, 1, 1), date(2022, 10, 27)),
    ),
    "ravi": PersonSpec(
        {"Latn": "Ravi Kumar", "Arab": "رافي كومار", "Deva": "रवि कुमार"},
        "prime minister",
        "IND",
        (date(2014, 5, 26), None),
    ),
}


@dataclass(frozen=True)
class Report:
    """One document reporting one visit: who (by person key), where, when, what was signed."""

    document: str
    lang: str
    visit: str
    guest: str
    guest_country: str
    host_country: str
    status: str
    window: tuple[date | None, date | None]
    start: date | None = None
    end: date | None = None
    met: tuple[str, ...] = ()
    place: tuple[str, str] | None = None  # as written, English
    agreements: tuple[tuple[int | None, str, str], ...] = ()  # count, kind, as written
    published: date | None = None


def _script(lang: str) -> str:
    return {"ar": "Arab", "hi": "Deva"}[lang]


REPORTS = [
    Report("ar-1", "ar", "V1", "sami", "EGY", "IRQ", "occurred",
           (date(2019, 3, 10), date(2019, 3, 10)), date(2019, 3, 10), date(2019, 3, 12),
           met=("lina",), place=("بغداد", "Baghdad"),
           agreements=((14, "mou", "14 مذكرة تفاهم"),), published=date(2019, 3, 12)),
    Report("hi-1", "hi", "V1", "sami", "EGY", "IRQ", "occurred",
           (date(2019, 3, 10), date(2019, 3, 10)), date(2019, 3, 10), None,
           met=("lina",), place=("बगदाद", "Baghdad"),
           agreements=((15, "mou", "15 समझौता ज्ञापनों"),), published=date(2019, 3, 11)),
    Report("ar-2", "ar", "V2", "ravi", "IND", "EGY", "planned",
           (date(2018, 1, 1), date(2018, 6, 30)), place=("القاهرة", "Cairo")),
    Report("hi-2", "hi", "V3", "sami", "EGY", "IND", "occurred",
           (date(2020, 2, 1), date(2020, 2, 1)), date(2020, 2, 1), date(2020, 2, 2),
           met=("ravi",), place=("नई दिल्ली", "New Delhi"),
           agreements=((None, "agreement", "कई समझौतों"),), published=date(2020, 2, 2)),
    Report("ar-3", "ar", "V4", "lina", "IRQ", "EGY", "occurred", (None, date(2017, 5, 1))),
    Report("hi-3", "hi", "V5", "ravi", "IND", "IRQ", "occurred",
           (date(2021, 7, 5), date(2021, 7, 5)), date(2021, 7, 5), None, met=("lina",),
           agreements=((3, "agreement", "3 समझौतों"),)),
    Report("hi-4", "hi", "V6", "lina", "IRQ", "IND", "planned", (None, None)),
]  # fmt: skip


def _text(report: Report) -> str:
    """An invented sentence naming everything the report claims, so every span is exact."""
    names = [PEOPLE[report.guest].names[_script(report.lang)]]
    names += [PEOPLE[p].names[_script(report.lang)] for p in report.met]
    parts = [f"[{report.document}]", *names]
    if report.place:
        parts.append(report.place[0])
    parts += [written for _, _, written in report.agreements]
    return " — ".join(parts) + "."


def _span(text: str, needle: str) -> v.Evidence:
    start = text.index(needle)
    return v.Evidence(start, start + len(needle), needle)


def _extraction(report: Report, text: str) -> v.Extraction:
    keys = [report.guest, *report.met]
    people = []
    for key, person in enumerate(keys):
        name = PEOPLE[person].names[_script(report.lang)]
        people.append(
            v.PersonClaim(
                key=key,
                name=name,
                names=[name],
                role=PEOPLE[person].role,
                country=PEOPLE[person].country,
                mentions=[_span(text, name)],
            )
        )
    claim = v.VisitClaim(
        guest=0,
        guest_country=report.guest_country,
        host_country=report.host_country,
        status=report.status,  # type: ignore[arg-type]
        start_date=report.start,
        end_date=report.end,
        date_window=report.window,
        duration_days=(report.end - report.start).days + 1 if report.start and report.end else None,
        places=[v.PlaceClaim(report.place[0], report.place[1], report.host_country,
                             _span(text, report.place[0]))] if report.place else [],
        participants=list(range(1, len(keys))),
        agreements=[v.AgreementClaim(count, kind, _span(text, written))  # type: ignore[arg-type]
                    for count, kind, written in report.agreements],
        evidence=[_span(text, text)],
    )  # fmt: skip
    return v.Extraction(document_id=report.document, people=people, visits=[claim])


def _resolve_by_hand(session: Session) -> dict[str, int]:
    """Stand in for resolution: the people as specified, one visit per report's visit key."""
    person_ids = {}
    for key, person in PEOPLE.items():
        person_ids[key] = session.execute(
            insert(m.Person)
            .values(name=person.names["Latn"], name_en=person.names["Latn"], role=person.role,
                    country=person.country, key=f"test:{key}")
            .returning(m.Person.id)
        ).scalar_one()  # fmt: skip
        for script, name in person.names.items():
            session.execute(
                insert(m.PersonName).values(
                    person_id=person_ids[key], name=name, script=script, key=name_key(name),
                    source="gazetteer",
                )
            )  # fmt: skip
        session.execute(
            insert(m.Term).values(person_id=person_ids[key], role=person.role,
                                  country=person.country, start=person.term[0], end=person.term[1])
        )  # fmt: skip
    visit_ids: dict[str, int] = {}
    for report in REPORTS:
        doc_id = session.scalar(
            select(m.Document.id).where(m.Document.external_id == report.document)
        )
        for claim_key, person in enumerate([report.guest, *report.met]):
            session.execute(
                update(m.Mention)
                .where(m.Mention.document_id == doc_id, m.Mention.claim_key == claim_key)
                .values(person_id=person_ids[person])
            )
        if report.visit not in visit_ids:
            visit_ids[report.visit] = session.execute(
                insert(m.Visit)
                .values(
                    key=f"{report.document}#0", guest_id=person_ids[report.guest],
                    guest_country=report.guest_country, host_country=report.host_country,
                    status=report.status, start_date=report.start, end_date=report.end,
                    window_start=report.window[0], window_end=report.window[1],
                    duration_days=(report.end - report.start).days + 1
                    if report.start and report.end else None,
                    window_reasons=[f"as {report.document} says"],
                )
                .returning(m.Visit.id)
            ).scalar_one()  # fmt: skip
        session.execute(
            update(m.VisitSource)
            .where(m.VisitSource.document_id == doc_id)
            .values(visit_id=visit_ids[report.visit])
        )
    return visit_ids


@dataclass
class KnowledgeBase:
    """Ids of what the hand-resolved knowledge base holds, by the keys the fixture uses."""

    visits: dict[str, int]
    people: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)


def build_knowledge_base(engine) -> KnowledgeBase:
    texts = {}
    with Session(engine) as session, session.begin():
        for report in REPORTS:
            text = _text(report)
            texts[report.document] = text
            doc = Document(report.document, report.lang, text, published=report.published)
            add_document(session, doc, _extraction(report, text))
        visits = _resolve_by_hand(session)
        people = {
            key: session.scalar(select(m.Person.id).where(m.Person.key == f"test:{key}"))
            for key in PEOPLE
        }
    return KnowledgeBase(visits=visits, people=people, texts=texts)


@pytest.fixture
def client(database_url):
    """A client of an API over an empty knowledge base."""
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        yield client


@pytest.fixture
def seeded_client(fresh_db, database_url):
    """A client of an API over the five seed articles."""
    ingest(fresh_db, read_documents([SEEDS]))
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        yield client


@pytest.fixture
def kb(fresh_db) -> KnowledgeBase:
    """The hand-resolved knowledge base, in the test's fresh database."""
    return build_knowledge_base(fresh_db)


@pytest.fixture
def kb_client(kb, database_url):
    """A client of an API over the hand-resolved knowledge base."""
    with TestClient(create_app(Settings(database_url=database_url))) as client:
        yield client
