"""Write documents and their claims: one locked transaction per document, nothing overwritten."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from visitkb import visits
from visitkb.database import models as m
from visitkb.database.engine import write_transaction
from visitkb.documents import Document
from visitkb.errors import BadDocument


class Outcome(enum.StrEnum):
    """What ingesting one document did."""

    ADDED = "added"
    UNCHANGED = "unchanged"  # same id, same text: already there
    DUPLICATE = "duplicate"  # same text under another id: kept once
    CONFLICT = "conflict"  # same id, different text: the stored text is kept


@dataclass(frozen=True)
class Lookup:
    """Whether a document is new, and if not, which stored document it collides with."""

    outcome: Outcome
    existing_id: str | None = None


def lookup_document(session: Session, doc: Document) -> Lookup:
    """Compare ``doc`` with what is stored, by id and by content hash."""
    stored_hash = session.scalar(
        select(m.Document.content_hash).where(m.Document.external_id == doc.id)
    )
    if stored_hash is not None:
        return Lookup(Outcome.UNCHANGED if stored_hash == doc.hash else Outcome.CONFLICT, doc.id)
    twin = session.scalar(
        select(m.Document.external_id).where(m.Document.content_hash == doc.hash).limit(1)
    )
    if twin is not None:
        return Lookup(Outcome.DUPLICATE, twin)
    return Lookup(Outcome.ADDED)


def find_document(engine: Engine, doc: Document) -> Lookup:
    """Whether ``doc`` is new (``ADDED``), or which stored document it collides with."""
    with Session(engine) as session:
        return lookup_document(session, doc)


def store_document(engine: Engine, doc: Document, extraction: visits.Extraction) -> Lookup:
    """Store ``doc`` and its claims in one transaction, unless it collides with a stored one.

    The transaction holds the write lock, so the check is final among visitkb writers; a row
    written by anything else under the same id or text is reported as the collision it is.

    Raises:
        BadDocument: the database refused the document or one of its claims (nothing of it
            is stored).
    """
    try:
        with write_transaction(engine) as conn, Session(conn) as session:
            found = lookup_document(session, doc)
            if found.outcome is Outcome.ADDED:
                add_document(session, doc, extraction)
                session.flush()
            return found
    except IntegrityError as error:
        found = find_document(engine, doc)
        if found.outcome is not Outcome.ADDED:
            return found
        raise BadDocument(doc.id, f"not stored: {_reason(error)}") from error
    except DataError as error:
        raise BadDocument(doc.id, f"not stored: {_reason(error)}") from error


def _reason(error: DBAPIError) -> str:
    """The database's own message, first line only: no SQL, no parameters."""
    return str(error.orig).strip().splitlines()[0]


def add_document(session: Session, doc: Document, extraction: visits.Extraction) -> m.Document:
    """Add a new document and every claim extracted from it (the caller commits)."""
    row = m.Document(
        external_id=doc.id,
        lang=doc.lang,
        published=doc.published,
        url=doc.url,
        title=doc.title,
        text=doc.text,
        content_hash=doc.hash,
        reference_date=extraction.reference_date,
    )
    session.add(row)
    session.flush()
    first_mention = _add_mentions(session, row.id, extraction.people)
    for ordinal, claim in enumerate(extraction.visits):
        _add_visit_source(session, row.id, ordinal, claim, first_mention)
    return row


def _add_mentions(
    session: Session, document_id: int, people: list[visits.PersonClaim]
) -> dict[int, m.Mention]:
    """Store every mention of every person; return each person's first mention by claim key."""
    first: dict[int, m.Mention] = {}
    for person in people:
        for span in sorted(person.mentions, key=lambda s: (s.start, s.end)):
            mention = m.Mention(
                document_id=document_id,
                start=span.start,
                end=span.end,
                text=span.text,
                claim_key=person.key,
                role=person.role,
                country=person.country,
                role_only=not person.named,
            )
            session.add(mention)
            first.setdefault(person.key, mention)
    session.flush()
    return first


def _add_visit_source(
    session: Session,
    document_id: int,
    ordinal: int,
    claim: visits.VisitClaim,
    mentions: dict[int, m.Mention],
) -> None:
    window_start, window_end = claim.date_window
    source = m.VisitSource(
        document_id=document_id,
        ordinal=ordinal,
        guest_mention_id=mentions[claim.guest].id,
        guest_country=claim.guest_country,
        host_country=claim.host_country,
        status=claim.status,
        start_date=claim.start_date,
        end_date=claim.end_date,
        window_start=window_start,
        window_end=window_end,
        duration_days=claim.duration_days,
        evidence=[m.EvidenceSpan(start=e.start, end=e.end, text=e.text) for e in claim.evidence],
    )
    session.add(source)
    session.flush()
    for place in claim.places:
        session.add(
            m.VisitPlace(
                visit_source_id=source.id,
                name=place.name,
                name_en=place.name_en,
                country=place.country,
                start=place.evidence.start,
                end=place.evidence.end,
                text=place.evidence.text,
            )
        )
    for key in dict.fromkeys(claim.participants):
        if key != claim.guest and key in mentions:
            session.add(m.VisitParticipant(visit_source_id=source.id, mention_id=mentions[key].id))
    for agreement in claim.agreements:
        session.add(
            m.AgreementClaim(
                visit_source_id=source.id,
                count=agreement.count,
                kind=agreement.kind,
                start=agreement.evidence.start,
                end=agreement.evidence.end,
                text=agreement.evidence.text,
            )
        )
