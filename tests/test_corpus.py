"""Extraction quality on the shared corpora, per language: the thresholds of the extraction issue.

The one place corpus figures are asserted. Scored with the evaluation the ``visitkb eval``
command runs (a temporary knowledge base built by ingest, then its exports against gold).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from visitkb.documents import Document, read_documents
from visitkb.evaluation import run_evaluation
from visitkb.visits.extract import extract

from .conftest import CORPUS

CORPORA = ("seeds", "dev")
LANGUAGES = ("ar", "hi")
# (measure, key, minimum): F1 for sets, accuracy for the fields of matched visits.
THRESHOLDS = (
    ("visits", "f1", 0.90),
    ("guest_country", "accuracy", 0.90),
    ("status", "accuracy", 0.90),
    ("start_date", "accuracy", 0.90),
    ("duration", "accuracy", 0.90),
    ("agreements", "accuracy", 0.90),
    ("people", "f1", 0.85),
    ("participants", "f1", 0.80),
)

pytestmark = pytest.mark.skipif(
    not (CORPUS / "dev" / "gold.jsonl").exists(), reason="shared corpus not found"
)


def _files(corpus: str) -> tuple[Path, Path]:
    return CORPUS / corpus / "docs.jsonl", CORPUS / corpus / "gold.jsonl"


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    return {c: run_evaluation([_files(c)[0]], [_files(c)[1]]).as_dict() for c in CORPORA}


@pytest.mark.parametrize("corpus", CORPORA)
def test_every_document_extracts(corpus):
    """The evaluation stores what extraction gives; a document that fails would go unseen."""
    for item in read_documents([_files(corpus)[0]]):
        assert isinstance(item, Document)
        extract(item)


@pytest.mark.parametrize(
    ("corpus", "lang", "measure", "key", "minimum"),
    [(c, lang, *t) for c in CORPORA for lang in LANGUAGES for t in THRESHOLDS],
    ids=lambda v: str(v),
)
def test_threshold(reports, corpus, lang, measure, key, minimum):
    score = reports[corpus]["scores"][lang][measure][key]
    assert score is not None and score >= minimum, json.dumps(
        [m for m in reports[corpus]["misses"] if measure.split("_")[0] in m], ensure_ascii=False
    )


def test_every_seed_visit_found_with_guest_host_duration_and_agreements(reports):
    scores = reports["seeds"]["scores"]["all"]
    assert scores["visits"]["recall"] == 1.0
    for field in ("guest_country", "duration", "agreements"):
        assert scores[field]["accuracy"] == 1.0, field
