"""CSV, JSON Lines and JSON streams of records, shared by the CLI and the API.

Streams are generators of text chunks, so an export of any size runs in constant memory and
the CLI and the API give the same bytes for the same records.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Callable, Iterable, Iterator

from visitkb import records as r


class Format(enum.StrEnum):
    """Export formats."""

    jsonl = "jsonl"
    csv = "csv"
    json = "json"


# Characters per piece handed to a network response: one record per write costs a round trip
# through the server for every few hundred bytes.
BATCH_CHARS = 64 * 1024

MEDIA_TYPES = {
    Format.jsonl: "application/x-ndjson",
    Format.csv: "text/csv; charset=utf-8",
    Format.json: "application/json",
}


def _joined(values: Iterable[str | None]) -> str:
    return "; ".join(v for v in values if v)


def _person_label(person: r.Person) -> str:
    return person.name_en or person.name


def _visit_row(visit: r.Visit) -> dict[str, object]:
    start, end = visit.date_window
    return {
        "id": visit.id,
        "status": visit.status,
        "guest_id": visit.guest.id,
        "guest": _person_label(visit.guest),
        "guest_role": visit.guest.role,
        "guest_country": visit.guest_country,
        "host_country": visit.host_country,
        "start_date": visit.start_date,
        "end_date": visit.end_date,
        "window_start": start,
        "window_end": end,
        "duration_days": visit.duration_days,
        "places": _joined(p.name_en or p.name for p in visit.places),
        "participants": _joined(_person_label(p) for p in visit.participants),
        "agreements": _joined(
            f"{'several' if a.count is None else a.count} {a.kind} ({a.document})"
            for a in visit.agreements
        ),
        "documents": _joined(s.document for s in visit.sources),
    }


def _person_row(person: r.PersonEntry) -> dict[str, object]:
    return {
        "id": person.id,
        "name": person.name,
        "name_en": person.name_en,
        "names": _joined(person.names),
        "role": person.role,
        "country": person.country,
        "documents": _joined(person.documents),
    }


def _agreement_row(claim: r.AgreementEntry) -> dict[str, object]:
    return {
        "visit": claim.visit,
        "guest_country": claim.guest_country,
        "host_country": claim.host_country,
        "start_date": claim.start_date,
        "count": claim.count,
        "kind": claim.kind,
        "document": claim.document,
        "evidence_start": claim.evidence.start,
        "evidence_end": claim.evidence.end,
        "evidence": claim.evidence.text,
        "conflicting": claim.conflicting,
    }


CSV_ROWS: dict[type[r.Record], Callable[..., dict[str, object]]] = {
    r.Visit: _visit_row,
    r.PersonEntry: _person_row,
    r.AgreementEntry: _agreement_row,
}
CSV_COLUMNS: dict[type[r.Record], list[str]] = {
    r.Visit: [
        "id",
        "status",
        "guest_id",
        "guest",
        "guest_role",
        "guest_country",
        "host_country",
        "start_date",
        "end_date",
        "window_start",
        "window_end",
        "duration_days",
        "places",
        "participants",
        "agreements",
        "documents",
    ],
    r.PersonEntry: ["id", "name", "name_en", "names", "role", "country", "documents"],
    r.AgreementEntry: [
        "visit",
        "guest_country",
        "host_country",
        "start_date",
        "count",
        "kind",
        "document",
        "evidence_start",
        "evidence_end",
        "evidence",
        "conflicting",
    ],
}


def stream(records: Iterable[r.Record], fmt: Format, kind: type[r.Record]) -> Iterator[str]:
    """Serialise ``records`` (all of type ``kind``) as ``fmt``, one chunk per record."""
    if fmt is Format.jsonl:
        for record in records:
            yield record.model_dump_json() + "\n"
    elif fmt is Format.json:
        yield "["
        for index, record in enumerate(records):
            yield ("," if index else "") + "\n" + record.model_dump_json()
        yield "\n]\n"
    else:
        yield from _stream_csv(records, CSV_COLUMNS[kind], CSV_ROWS[kind])


def batched(chunks: Iterable[str], size: int = BATCH_CHARS) -> Iterator[str]:
    """Join small chunks into pieces of about ``size`` characters (fewer writes, same bytes)."""
    pending: list[str] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield "".join(pending)
            pending, length = [], 0
    if pending:
        yield "".join(pending)


def _stream_csv(
    records: Iterable[r.Record], columns: list[str], to_row: Callable[..., dict[str, object]]
) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(to_row(record))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()
