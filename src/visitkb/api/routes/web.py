"""The browsing interface: pages over the same queries and filters as the API.

Each page parses its query with the API's dependencies, calls ``database.queries`` and renders a
template of ``visitkb.web``. The routes are plain ``def`` so that the queries (the timeline
aggregates every matching visit) and the rendering run in the thread pool.
"""

from __future__ import annotations

from itertools import groupby
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse

from visitkb.api.deps import ConnectionDep
from visitkb.api.filters import (
    AgreementFiltersDep,
    Cursor,
    Id,
    Limit,
    PersonFiltersDep,
    SortOrder,
    VisitFiltersDep,
)
from visitkb.api.pages import PageRoute, render
from visitkb.database import queries
from visitkb.database.queries import Sort
from visitkb.web.highlight import cut
from visitkb.web.timeline import build_chart
from visitkb.web.writing import writing_of

router = APIRouter(
    route_class=PageRoute, include_in_schema=False, default_response_class=HTMLResponse
)

# Rows per page: a screen or two; `limit` asks for more, up to the API's maximum.
PAGE_SIZE = 25

ChartSide = Annotated[
    Literal["host", "guest"], Query(description="Count the visits by host or by guest country")
]


@router.get("/")
def visits_page(
    request: Request,
    conn: ConnectionDep,
    filters: VisitFiltersDep,
    sort: SortOrder = Sort.newest,
    limit: Limit = PAGE_SIZE,
    cursor: Cursor = None,
    chart: ChartSide = "host",
) -> Response:
    page = queries.list_visits(conn, filters, sort=sort, limit=limit, cursor=cursor)
    timeline = queries.visit_months(conn, filters, side=chart)
    return render(
        request,
        "visits.html",
        visits=page.items,
        next_cursor=page.next_cursor,
        chart=build_chart(timeline),
        undated=timeline.undated,
        side=chart,
        sort=sort,
    )


@router.get("/browse/visits/{visit_id}")
def visit_page(request: Request, visit_id: Id, conn: ConnectionDep) -> Response:
    visit = queries.get_visit(conn, visit_id)
    if visit is None:
        raise HTTPException(404, f"no visit with id {visit_id}")
    texts = queries.document_texts(conn, [source.document for source in visit.sources])
    sources = []
    for source in visit.sources:
        text = texts[source.document]
        spans = [(e.start, e.end, "visit") for e in source.evidence] + [
            (a.evidence.start, a.evidence.end, "agreement")
            for a in visit.agreements
            if a.document == source.document
        ]
        sources.append((source, writing_of(text, source.lang), cut(text, spans)))
    return render(
        request,
        "visit.html",
        visit=visit,
        sources=sources,
        conflicts=queries.conflicting_kinds(visit.agreements),
    )


@router.get("/browse/people")
def people_page(
    request: Request,
    conn: ConnectionDep,
    filters: PersonFiltersDep,
    limit: Limit = PAGE_SIZE,
    cursor: Cursor = None,
) -> Response:
    page = queries.list_people(conn, filters, limit=limit, cursor=cursor)
    return render(request, "people.html", people=page.items, next_cursor=page.next_cursor)


@router.get("/browse/people/{person_id}")
def person_page(request: Request, person_id: Id, conn: ConnectionDep) -> Response:
    person = queries.get_person(conn, person_id)
    if person is None:
        raise HTTPException(404, f"no person with id {person_id}")
    return render(request, "person.html", person=person)


@router.get("/browse/agreements")
def agreements_page(
    request: Request,
    conn: ConnectionDep,
    filters: AgreementFiltersDep,
    sort: SortOrder = Sort.newest,
    limit: Limit = PAGE_SIZE,
    cursor: Cursor = None,
) -> Response:
    page = queries.list_agreements(conn, filters, sort=sort, limit=limit, cursor=cursor)
    # Claims come in their visits' date order, so a visit's claims are next to each other.
    by_visit = [(visit, list(claims)) for visit, claims in groupby(page.items, lambda a: a.visit)]
    return render(
        request, "agreements.html", by_visit=by_visit, next_cursor=page.next_cursor, sort=sort
    )


@router.get("/browse/documents")
def documents_page(
    request: Request,
    conn: ConnectionDep,
    limit: Limit = PAGE_SIZE,
    cursor: Cursor = None,
    lang: Annotated[str | None, Query()] = None,
) -> Response:
    page = queries.list_documents(conn, limit=limit, cursor=cursor, lang=lang)
    return render(request, "documents.html", documents=page.items, next_cursor=page.next_cursor)


@router.get("/browse/documents/{document_id}")
def document_page(request: Request, document_id: str, conn: ConnectionDep) -> Response:
    document = queries.get_document(conn, document_id)
    if document is None:
        raise HTTPException(404, f"no document with id {document_id!r}")
    return render(
        request,
        "document.html",
        document=document,
        writing=writing_of(document.text, document.lang),
        pieces=cut(document.text, [(s.start, s.end, s.kind) for s in document.spans]),
    )
