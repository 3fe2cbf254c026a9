"""Readers during an ingest see whole states; concurrent writers write everything once."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter

from sqlalchemy import delete, select

from visitkb.database import knowledge
from visitkb.database import models as m
from visitkb.database.store import store_document
from visitkb.documents import Document, read_documents
from visitkb.ingest import ingest

from .conftest import CORPUS_PATHS, start_ingest
from .snapshot import (
    exports,
    incoherent_records,
    inconsistencies,
    read_exports,
    row_counts,
    unresolved_claims,
    without_numbering,
)
from .synthetic import synthetic_extract

# Documents ingested one at a time while a reader exports: each is a rebuild readers can meet.
ARRIVALS = 16
# Seconds a concurrent ingest may take.
INGEST_TIMEOUT = 120
SUMMARY = re.compile(r"ingested: (.*)")


def _documents(paths) -> list[Document]:
    return [d for d in read_documents(paths) if isinstance(d, Document)]


def test_readers_never_see_half_an_ingest(database_url, engine_for, synthetic_extraction):
    # Reversed, so each new document sorts first among a visit's sources: the visit's key moves
    # to it, and resolution deletes and recreates visits, the hardest change to read through.
    arrivals = sorted(_documents(CORPUS_PATHS), key=lambda d: d.id, reverse=True)[:ARRIVALS]
    writer, reader = engine_for(database_url), engine_for(database_url)
    # Without the gazetteer, a rebuild takes a fraction of the time: more of them per second
    # for the reader to meet.
    with writer.begin() as conn:
        conn.execute(delete(m.Person))
    done = threading.Event()
    seen: list[str] = []
    reads = 0

    def read_until_done() -> None:
        nonlocal reads
        while not done.is_set():
            try:
                with reader.connect() as conn:
                    exported = exports(conn)
                    documents = set(conn.scalars(select(m.Document.external_id)))
                seen.extend(incoherent_records(exported, documents))
            except Exception as error:  # a reader must never fail
                seen.append(f"{type(error).__name__}: {error}")
            reads += 1

    thread = threading.Thread(target=read_until_done)
    thread.start()
    try:
        for doc in arrivals:
            ingest(writer, [doc])
    finally:
        done.set()
        thread.join()
    assert seen == []
    assert reads >= ARRIVALS // 2  # the reader did read while the writer wrote
    print(f"{reads} whole exports read during {len(arrivals)} ingests")
    with writer.connect() as conn:
        assert len(exports(conn)["visits"]) > 0


def test_two_ingests_at_once_store_each_document_once(
    reference, synthetic_extraction, new_database, engine_for, tmp_path
):
    url = new_database()
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    processes = [start_ingest(url, CORPUS_PATHS, log) for log in logs]
    for process in processes:
        process.join(INGEST_TIMEOUT)
    outputs = [log.read_text(encoding="utf-8") for log in logs]
    assert [p.exitcode for p in processes] == [0, 0], outputs

    outcomes: Counter[str] = Counter()
    for output in outputs:
        (summary,) = SUMMARY.findall(output)
        print(f"concurrent ingest: {summary}")
        for part in summary.split(", "):
            count, outcome = part.split(" ")
            outcomes[outcome] += int(count)
    assert outcomes == {"added": reference.documents, "unchanged": reference.documents}
    engine = engine_for(url)
    with engine.connect() as conn:
        assert unresolved_claims(conn) == 0
    assert inconsistencies(engine) == []
    assert row_counts(engine) == reference.row_counts
    assert without_numbering(read_exports(engine)) == reference.exports


def test_two_rebuilds_at_once_make_each_person_and_visit_once(reference, new_database, engine_for):
    url = new_database()
    engines = [engine_for(url), engine_for(url)]
    for doc in _documents(CORPUS_PATHS):
        store_document(engines[0], doc, synthetic_extract(doc))

    start = threading.Barrier(len(engines))
    failures: list[str] = []

    def rebuild(engine) -> None:
        start.wait()
        try:
            knowledge.rebuild(engine)
        except Exception as error:
            failures.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=rebuild, args=(e,)) for e in engines]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == [], f"after {time.monotonic() - started:.2f} s"
    assert row_counts(engines[0]) == reference.row_counts
    assert without_numbering(read_exports(engines[0])) == reference.exports
