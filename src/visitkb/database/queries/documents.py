"""Documents: listings without text, one document with its text and every extracted span."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, Integer, String, bindparam, func, literal, select, union_all

from visitkb import records as r
from visitkb.database import models as m
from visitkb.database.queries.paging import InvalidCursor, Page, decode_cursor, encode_cursor

_DOCUMENT_SUMMARY = (
    m.Document.id,
    m.Document.external_id,
    m.Document.lang,
    m.Document.published,
    m.Document.url,
    m.Document.title,
    m.Document.content_hash,
    m.Document.ingested_at,
    func.length(m.Document.text).label("chars"),
)

_DOCUMENT = bindparam("document", type_=Integer)


def _claim_spans(kind: str, table: Any) -> Any:
    """Spans of a per-source claim table (evidence, places, agreements) in the document."""
    return (
        select(
            literal(kind, String).label("kind"),
            table.start,
            table.end,
            table.text,
            literal(None, Integer).label("person"),
            m.VisitSource.visit_id.label("visit"),
        )
        .join(m.VisitSource, m.VisitSource.id == table.visit_source_id)
        .where(m.VisitSource.document_id == _DOCUMENT)
    )


_SPANS = union_all(
    select(
        literal("person", String).label("kind"),
        m.Mention.start,
        m.Mention.end,
        m.Mention.text,
        m.Mention.person_id.label("person"),
        literal(None, Integer).label("visit"),
    ).where(m.Mention.document_id == _DOCUMENT),
    _claim_spans("visit", m.EvidenceSpan),
    _claim_spans("place", m.VisitPlace),
    _claim_spans("agreement", m.AgreementClaim),
)


def _document_summary(row: Any) -> r.DocumentSummary:
    return r.DocumentSummary(
        id=row.external_id,
        lang=row.lang,
        published=row.published,
        url=row.url,
        title=row.title,
        content_hash=row.content_hash,
        # SQLite keeps no time zone; what it stored is CURRENT_TIMESTAMP, which is UTC.
        ingested_at=row.ingested_at
        if row.ingested_at.tzinfo
        else row.ingested_at.replace(tzinfo=UTC),
        chars=row.chars,
    )


def list_documents(
    conn: Connection, *, limit: int, cursor: str | None = None, lang: str | None = None
) -> Page:
    """Documents by id, ``limit`` at a time."""
    query = select(*_DOCUMENT_SUMMARY).order_by(m.Document.external_id).limit(limit + 1)
    if lang:
        query = query.where(m.Document.lang == lang)
    if cursor:
        values = decode_cursor(cursor)
        if len(values) != 1 or not isinstance(values[0], str):
            raise InvalidCursor("invalid cursor")
        query = query.where(m.Document.external_id > values[0])
    rows = conn.execute(query).all()
    items = [_document_summary(row) for row in rows[:limit]]
    more = len(rows) > limit
    return Page(items, encode_cursor([items[-1].id]) if more else None)


def document_texts(conn: Connection, external_ids: Iterable[str]) -> dict[str, str]:
    """The texts of the documents with these ids, by id (unknown ids are left out)."""
    rows = conn.execute(
        select(m.Document.external_id, m.Document.text).where(
            m.Document.external_id.in_(list(external_ids))
        )
    )
    return {external_id: text for external_id, text in rows}


def get_document(conn: Connection, external_id: str) -> r.DocumentDetail | None:
    """One document with its text and the spans extracted from it, or None."""
    row = conn.execute(
        select(*_DOCUMENT_SUMMARY, m.Document.text).where(m.Document.external_id == external_id)
    ).first()
    if row is None:
        return None
    spans = sorted(
        (r.Span(**span) for span in conn.execute(_SPANS, {"document": row.id}).mappings()),
        key=lambda s: (s.start, s.end, s.kind),
    )
    return r.DocumentDetail(**_document_summary(row).model_dump(), text=row.text, spans=spans)
