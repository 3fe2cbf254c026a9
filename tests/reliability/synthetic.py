"""A deterministic stand-in for extraction that writes many claims per document.

The reliability tests are about storage: whether a document and its claims are written together,
and whether resolution copes with concurrent writers. Real extraction yields few claims and is
slow to load; this one yields dozens per document in microseconds, from the text alone, so the
claims any stored document must have can be recomputed and compared. Recurring words become
people met across documents, so resolution merges people and visits across documents.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from datetime import timedelta

from visitkb import visits as v
from visitkb.documents import Document

WORD = re.compile(r"\w{4,}")
NUMBER = re.compile(r"\d+")
SENTENCE = re.compile(r"[^.!?؟।\n]+")
# Every n-th word names a person; a few dozen mentions per news article.
PERSON_EVERY = 4
MAX_MENTIONS = 150
MAX_VISITS = 4
# Hosts are real ISO codes (the countries table is a foreign key); chosen by a stable hash.
HOSTS = ("IRQ", "IND", "SAU", "EGY", "JOR")
KINDS = ("agreement", "mou", "mixed", "other")


def _stable(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _span(match: re.Match[str]) -> v.Evidence:
    return v.Evidence(match.start(), match.end(), match.group())


def synthetic_extract(doc: Document) -> v.Extraction:
    """Claims derived from the words of ``doc``: the same text always gives the same claims."""
    people: dict[str, v.PersonClaim] = {}
    words = list(WORD.finditer(doc.text))
    for match in words[::PERSON_EVERY][:MAX_MENTIONS]:
        name = match.group().casefold()
        person = people.get(name)
        if person is None:
            person = people[name] = v.PersonClaim(
                key=len(people),
                name=match.group(),
                names=[match.group()],
                role="president" if _stable(name) % 3 == 0 else None,
                country=HOSTS[_stable(name) % len(HOSTS)] if _stable(name) % 2 else None,
            )
        person.mentions.append(_span(match))
    sentences = [s for s in SENTENCE.finditer(doc.text) if s.group().strip()]
    numbers = list(NUMBER.finditer(doc.text))
    guests = list(people.values())[:MAX_VISITS]
    visit_claims = []
    for index, guest in enumerate(guests):
        seed = _stable(guest.name.casefold())
        window = (None, None)
        if doc.published:
            window = (doc.published - timedelta(days=seed % 5), doc.published)
        place_word = words[(seed + index) % len(words)]
        visit_claims.append(
            v.VisitClaim(
                guest=guest.key,
                guest_country=guest.country,
                host_country=HOSTS[seed % len(HOSTS)],
                status="occurred" if seed % 4 else "planned",
                date_window=window,
                duration_days=1 + seed % 3 if seed % 2 else None,
                places=[v.PlaceClaim(place_word.group(), None, None, _span(place_word))],
                participants=[p.key for p in guests if p.key != guest.key],
                agreements=[
                    v.AgreementClaim(int(n.group()[:6]), KINDS[seed % len(KINDS)], _span(n))
                    for n in numbers[index::MAX_VISITS][:3]
                ],
                evidence=[_span(s) for s in sentences[index :: len(guests)][:2]],
            )
        )
    return v.Extraction(
        document_id=doc.id,
        reference_date=doc.published,
        people=list(people.values()),
        visits=visit_claims,
    )


def claim_counts(extraction: v.Extraction) -> dict[str, int]:
    """How many rows of each claim table storing ``extraction`` writes."""
    return {
        "mentions": sum(len(p.mentions) for p in extraction.people),
        "visit_sources": len(extraction.visits),
        "evidence_spans": sum(len(c.evidence) for c in extraction.visits),
        "visit_places": sum(len(c.places) for c in extraction.visits),
        "visit_participants": sum(len(set(c.participants)) for c in extraction.visits),
        "agreement_claims": sum(len(c.agreements) for c in extraction.visits),
    }


def synthetic_extract_batch(docs: Sequence[Document]) -> list[v.Extraction | Exception]:
    """``synthetic_extract`` of each document, as ``extract_batch`` answers."""
    return [synthetic_extract(doc) for doc in docs]
