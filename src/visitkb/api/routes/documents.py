"""Documents: the texts the knowledge base was built from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel

from visitkb import records as r
from visitkb.api.deps import ConnectionDep
from visitkb.database import queries

router = APIRouter(prefix="/documents", tags=["documents"])

MAX_LIMIT = 500


class DocumentsPublic(BaseModel):
    data: list[r.DocumentSummary]
    next: str | None


@router.get("")
def list_documents(
    conn: ConnectionDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    cursor: Annotated[
        str | None, Query(description="The `next` value of the previous page")
    ] = None,
    lang: Annotated[
        str | None, Query(description="Only documents in this language (ar, hi)")
    ] = None,
) -> DocumentsPublic:
    """List ingested documents by id, without their text."""
    try:
        page = queries.list_documents(conn, limit=limit, cursor=cursor, lang=lang)
    except ValueError as error:
        raise HTTPException(422, f"cursor: {error}") from None
    return DocumentsPublic(data=page.items, next=page.next_cursor)


@router.get("/{document_id}")
def get_document(document_id: str, conn: ConnectionDep) -> r.DocumentDetail:
    """One document with its full text."""
    doc = queries.get_document(conn, document_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {document_id!r}")
    return doc
