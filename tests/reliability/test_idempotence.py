"""Ingesting the same corpus again changes nothing: not a row, not an export, not an id."""

from __future__ import annotations

import pytest

from visitkb.documents import read_documents
from visitkb.ingest import ingest

from .conftest import CORPUS_PATHS
from .snapshot import read_exports, table_rows
from .synthetic import synthetic_extract_batch


@pytest.mark.parametrize("extraction", ["real", "synthetic"])
def test_ingesting_the_corpus_twice_changes_nothing(fresh_db, monkeypatch, extraction):
    if extraction == "synthetic":
        monkeypatch.setattr("visitkb.ingest.extract_batch", synthetic_extract_batch)
    first = ingest(fresh_db, read_documents(CORPUS_PATHS))
    rows, exported = table_rows(fresh_db), read_exports(fresh_db)
    again = ingest(fresh_db, read_documents(CORPUS_PATHS))
    assert first.counts == {"added": len(rows["documents"])}
    assert again.counts == {"unchanged": len(rows["documents"])}
    assert table_rows(fresh_db) == rows
    assert read_exports(fresh_db) == exported
