"""Read queries: the only place that turns database rows into records.

Listings take filter values (``filters``) and page by keyset (``paging``); exports iterate the
same listings chunk by chunk, so a filter means the same thing in the API, the CLI and exports.
"""

from visitkb.database.queries.agreements import iter_agreements, list_agreements
from visitkb.database.queries.documents import get_document, list_documents
from visitkb.database.queries.filters import (
    AgreementFilters,
    FilterError,
    PersonFilters,
    VisitFilters,
)
from visitkb.database.queries.overview import get_stats, list_countries, ping
from visitkb.database.queries.paging import InvalidCursor, Page, Sort
from visitkb.database.queries.people import fetch_people, iter_people, list_people
from visitkb.database.queries.profiles import get_person
from visitkb.database.queries.visits import (
    assemble_visits,
    get_visit,
    iter_visits,
    list_visits,
)

__all__ = [
    "AgreementFilters",
    "FilterError",
    "InvalidCursor",
    "Page",
    "PersonFilters",
    "Sort",
    "VisitFilters",
    "assemble_visits",
    "fetch_people",
    "get_document",
    "get_person",
    "get_stats",
    "get_visit",
    "iter_agreements",
    "iter_people",
    "iter_visits",
    "list_agreements",
    "list_countries",
    "list_documents",
    "list_people",
    "list_visits",
    "ping",
]
