"""Property-based tests: readers and normalisers are total on any input, and matching is symmetric.

Each property runs a bounded number of examples (the ``quick`` profile of ``tests/conftest.py``)
so the suite stays quick; set ``HYPOTHESIS_PROFILE=thorough`` for a longer search.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from visitkb.documents import Document, detect_language, read_documents
from visitkb.documents.read import make_document
from visitkb.errors import BadDocument
from visitkb.evaluate import EQUAL, name_match
from visitkb.lang import supported_languages
from visitkb.resolve.names import normalize_name

ARABIC_LETTERS = st.characters(min_codepoint=0x0621, max_codepoint=0x064A)
DEVANAGARI_CONSONANTS = st.characters(min_codepoint=0x0915, max_codepoint=0x0939)
# What breaks text handling: NUL, lone surrogates, marks, joiners, tatweel, BOM, newlines.
AWKWARD = st.sampled_from(
    [
        *("\x00", "\ud800", "\udfff", "\u0651", "\u064b", "\u093c", "\u200c", "\u200d"),
        *("\u0640", "\ufeff", "\n", "\r\n", " ", "ال", "İ", "ß"),
    ]
)
TEXTS = st.lists(st.one_of(st.text(max_size=8), ARABIC_LETTERS, AWKWARD), max_size=12).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)
FIELDS = {
    "id": st.one_of(TEXTS, st.text(min_size=250, max_size=300), JSON_VALUES),
    "text": st.one_of(TEXTS, JSON_VALUES),
    "lang": st.one_of(st.sampled_from(["ar", "hi", "xx", "", "AR"]), JSON_VALUES),
    "published": st.one_of(
        st.dates().map(str), st.sampled_from(["2024-02-30", "20240621", "2024-W01-1"]), TEXTS
    ),
    "url": st.one_of(TEXTS, JSON_VALUES),
    "title": st.one_of(TEXTS, JSON_VALUES),
}
RECORDS = st.one_of(st.fixed_dictionaries({}, optional=FIELDS), JSON_VALUES)
# A JSON Lines file as it may arrive: records, broken JSON and stray bytes, one a line.
JSONL = st.lists(
    st.one_of(
        RECORDS.map(lambda r: json.dumps(r).encode()),
        RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
        st.binary(max_size=40),
    ),
    max_size=5,
).map(b"\n".join)
NAMES = st.one_of(
    TEXTS,
    st.lists(st.sampled_from(["عبد", "الله", "عبدالله", "العبادي", "عبادي", "ال"]), max_size=4).map(
        " ".join
    ),
)


def _storable(text: str) -> bool:
    return "\x00" not in text and not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def _check_document(doc: Document) -> None:
    assert doc.id.strip() and doc.text.strip()
    assert doc.lang in supported_languages()
    assert _storable(doc.id) and _storable(doc.text)
    assert len(doc.hash) == 64


@given(RECORDS)
def test_make_document_returns_a_document_or_says_what_is_wrong(record):
    try:
        doc = make_document(record, origin="docs.jsonl:1")
    except BadDocument as error:
        assert error.document and error.problem
        return
    _check_document(doc)
    assert (doc.id, doc.text) == (record["id"], record["text"])


@given(st.binary(max_size=200), JSONL)
def test_read_documents_never_fails_on_any_bytes(txt, jsonl):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "doc.txt").write_bytes(txt)
        (Path(folder) / "docs.jsonl").write_bytes(jsonl)
        results = list(read_documents([folder]))
    assert all(isinstance(r, Document | BadDocument) for r in results)
    assert sum(isinstance(r, Document) and r.id == "doc" for r in results) <= 1
    assert len(results) >= 2  # the .txt, and the .jsonl's documents or "empty file"
    for result in results:
        if isinstance(result, Document):
            _check_document(result)


@given(NAMES)
def test_normalize_name_is_total_and_idempotent(name):
    normalized = normalize_name(name)
    assert isinstance(normalized, str)
    assert normalize_name(normalized) == normalized


@given(NAMES, NAMES)
def test_name_match_is_symmetric(a, b):
    assert name_match(a, b) == name_match(b, a)


@given(NAMES)
def test_a_name_matches_itself(name):
    assert name_match(name, name) == (EQUAL if normalize_name(name) else 0)


@given(TEXTS)
def test_detect_language_is_total(text):
    assert detect_language(text) in supported_languages() | {None}


@given(st.text(ARABIC_LETTERS, min_size=3), st.text(DEVANAGARI_CONSONANTS, min_size=3))
def test_detect_language_names_the_script_of_the_letters(arabic, hindi):
    assert (detect_language(arabic), detect_language(hindi)) == ("ar", "hi")
