"""Documents: the texts the knowledge base was built from, and adding new ones."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from visitkb import records as r
from visitkb.api.deps import ConnectionDep, EngineDep, WriterDep, WriteRoute
from visitkb.api.filters import Cursor, Limit
from visitkb.api.pagination import link_next
from visitkb.api.problems import responses
from visitkb.database import queries
from visitkb.documents import ReadResult
from visitkb.documents.read import make_document
from visitkb.errors import BadDocument
from visitkb.ingest import ingest

router = APIRouter(prefix="/documents", tags=["documents"])


class DocumentsPublic(BaseModel):
    data: list[r.DocumentSummary]
    next: str | None = Field(
        description="Cursor of the next page (also in `Link`); null at the end"
    )


class DocumentIn(BaseModel):
    """A document in the corpus format; checked one by one, so one bad document fails alone."""

    id: str = Field(examples=["irna-2019-03-11-001"])
    text: str = Field(description="The article exactly as published")
    lang: str | None = Field(default=None, description="ar or hi; detected by script if absent")
    published: str | None = Field(default=None, description="YYYY-MM-DD", examples=["2019-03-11"])
    url: str | None = None
    title: str | None = None


class DocumentOutcome(BaseModel):
    document: str
    outcome: str = Field(description="added, unchanged, duplicate, conflict or error")
    detail: str | None = None


class IngestPublic(BaseModel):
    data: list[DocumentOutcome]
    counts: dict[str, int] = Field(description="Documents per outcome")


@router.get("", responses=responses(422))
async def list_documents(
    request: Request,
    response: Response,
    conn: ConnectionDep,
    limit: Limit = 50,
    cursor: Cursor = None,
    lang: Annotated[
        str | None, Query(description="Only documents in this language (ar, hi)")
    ] = None,
) -> DocumentsPublic:
    """List ingested documents by id, without their text."""
    page = queries.list_documents(conn, limit=limit, cursor=cursor, lang=lang)
    link_next(request, response, page.next_cursor)
    return DocumentsPublic(data=page.items, next=page.next_cursor)


@router.get("/{document_id}", responses=responses(404))
async def get_document(document_id: str, conn: ConnectionDep) -> r.DocumentDetail:
    """One document with its full text and every span extracted from it: the people named
    (with their person id), the sentences reporting a visit, the places and the agreement counts
    (with their visit id). Offsets are Python string indices: `text[start:end]` is the span.
    """
    doc = queries.get_document(conn, document_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {document_id!r}")
    return doc


def _read(index: int, document: DocumentIn) -> ReadResult:
    try:
        return make_document(document.model_dump(exclude_none=True), origin=f"body[{index}]")
    except BadDocument as error:
        return error


# Plain `def`: extraction and resolution take a while and must not hold the event loop.
def add_documents(
    engine: EngineDep,
    documents: Annotated[
        DocumentIn | list[DocumentIn],
        Body(
            openapi_examples={
                "one": {
                    "summary": "One document",
                    "value": {"id": "doc-1", "lang": "ar", "text": "زار الرئيس ..."},
                },
                "many": {
                    "summary": "Several documents",
                    "value": [
                        {"id": "doc-1", "text": "زار الرئيس ...", "published": "2019-03-11"},
                        {"id": "doc-2", "text": "राष्ट्रपति ने ..."},
                    ],
                },
            }
        ),
    ],
) -> IngestPublic:
    """Ingest one document or a list of them (the corpus format), then update the knowledge.

    Needs `Authorization: Bearer <VISITKB_API_TOKEN>`; a server started without that variable
    refuses every write (403). A body of more than `VISITKB_MAX_BODY_BYTES` (32 MiB by default)
    is refused (413), and one that is not JSON in UTF-8 is a 400. Each document is reported:
    `added`, `unchanged` (same id, same text), `duplicate` (same text under another id),
    `conflict` (same id, other text: the stored text is kept) or `error` with the reason.
    """
    batch = documents if isinstance(documents, list) else [documents]
    report = ingest(engine, [_read(i, d) for i, d in enumerate(batch)])
    return IngestPublic(
        data=[
            DocumentOutcome(document=d.document, outcome=d.outcome, detail=d.detail)
            for d in report.documents
        ],
        counts=dict(report.counts),
    )


router.add_api_route(
    "",
    add_documents,
    methods=["POST"],
    dependencies=[WriterDep],
    responses=responses(400, 401, 403, 413, 422),
    route_class_override=WriteRoute,
)
