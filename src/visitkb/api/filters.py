"""Query parameters of the listings and exports, parsed into the database's filter values.

The list endpoints and the exports share these dependencies, so a filter means the same thing
in both; the CLI builds the same filter values from its options.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Path, Query
from pydantic import BeforeValidator

from visitkb.database.queries import AgreementFilters, PersonFilters, Sort, VisitFilters
from visitkb.database.queries.filters import MAX_ID
from visitkb.database.queries.paging import MAX_PAGE

PERSON = (
    "A person id, or a name in any script, matched through every name form the knowledge base "
    "has for the person (as written, normalised, or by the script-independent name key)"
)

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _written_as_day(value: Any) -> Any:
    """Only ``YYYY-MM-DD``: pydantic alone also takes numbers as Unix times (``to=1.5e9``)."""
    if isinstance(value, str) and not _DAY.fullmatch(value):
        raise ValueError("a day is written YYYY-MM-DD")
    return value


Day = Annotated[date, BeforeValidator(_written_as_day)]

From = Annotated[
    Day | None,
    Query(
        alias="from",
        description="Keep visits whose days, or window of possible days, reach this day or later",
        examples=["2019-03-01"],
    ),
]
To = Annotated[
    Day | None,
    Query(
        alias="to",
        description="Keep visits whose days, or window of possible days, begin on this day or "
        "earlier",
        examples=["2019-03-31"],
    ),
]
Country = Annotated[str | None, Query(description="ISO 3166-1 alpha-3 code", examples=["IRQ"])]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page, at most {MAX_PAGE}")]
Cursor = Annotated[
    str | None, Query(description="The `next` value of the previous page", examples=[None])
]
SortOrder = Annotated[
    Sort,
    Query(description="`-date`: newest first; `date`: oldest first. Ties by id."),
]


async def visit_filters(
    date_from: From = None,
    date_to: To = None,
    official: Annotated[
        str | None,
        Query(description=f"The guest or a participant. {PERSON}", examples=["سامي راشد"]),
    ] = None,
    guest: Annotated[
        str | None, Query(description=f"The travelling official. {PERSON}", examples=["3"])
    ] = None,
    participant: Annotated[
        str | None,
        Query(description=f"Someone the guest met or was received by. {PERSON}"),
    ] = None,
    guest_country: Country = None,
    host_country: Country = None,
    country: Annotated[
        str | None, Query(description="Guest or host country (ISO alpha-3)", examples=["IRN"])
    ] = None,
    status: Annotated[
        str | None, Query(description="`occurred` or `planned`", examples=["occurred"])
    ] = None,
    lang: Annotated[
        str | None, Query(description="Reported by a document in this language (ar, hi)")
    ] = None,
    document: Annotated[str | None, Query(description="Reported by this document id")] = None,
    q: Annotated[
        str | None,
        Query(
            description="Free text: part of the name of the guest, of a participant or of a "
            "place, in any script",
            examples=["Baghdad"],
        ),
    ] = None,
) -> VisitFilters:
    return VisitFilters(
        date_from=date_from,
        date_to=date_to,
        official=official,
        guest=guest,
        participant=participant,
        guest_country=guest_country,
        host_country=host_country,
        country=country,
        status=status,
        lang=lang,
        document=document,
        q=q,
    )


async def person_filters(
    name: Annotated[
        str | None,
        Query(
            description="A name in any script, matched through every name form",
            examples=["सामी राशिद"],
        ),
    ] = None,
    q: Annotated[
        str | None, Query(description="Part of a name, in any script", examples=["Rashid"])
    ] = None,
    country: Annotated[
        str | None, Query(description="State served, now or in a term of office", examples=["IRN"])
    ] = None,
    role: Annotated[
        str | None,
        Query(description="Role held, now or in a term of office", examples=["president"]),
    ] = None,
) -> PersonFilters:
    return PersonFilters(name=name, q=q, country=country, role=role)


async def agreement_filters(
    country: Annotated[
        list[str] | None,
        Query(
            description="One country (either side), or two for a pair (either direction)",
            examples=[["IRN", "IRQ"]],
        ),
    ] = None,
    guest_country: Country = None,
    host_country: Country = None,
    date_from: From = None,
    date_to: To = None,
    kind: Annotated[
        str | None, Query(description="agreement, mou, mixed or other", examples=["mou"])
    ] = None,
    visit: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Claims about this visit id")
    ] = None,
    document: Annotated[str | None, Query(description="Claims made by this document id")] = None,
) -> AgreementFilters:
    return AgreementFilters(
        countries=tuple(country or ()),
        guest_country=guest_country,
        host_country=host_country,
        date_from=date_from,
        date_to=date_to,
        kind=kind,
        visit=visit,
        document=document,
    )


VisitFiltersDep = Annotated[VisitFilters, Depends(visit_filters)]
PersonFiltersDep = Annotated[PersonFilters, Depends(person_filters)]
AgreementFiltersDep = Annotated[AgreementFilters, Depends(agreement_filters)]
