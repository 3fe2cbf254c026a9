"""Reading .txt, .jsonl and folders; every bad input is a per-document error."""

import json

import pytest

from visitkb.documents import Document, read_documents
from visitkb.documents.read import MAX_DOCUMENT_BYTES
from visitkb.errors import BadDocument

from ..conftest import SEEDS


def _write_jsonl(path, *records):
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records)
        + "\n",
        encoding="utf-8",
    )
    return path


def test_seed_folder_gives_five_documents_with_detected_languages():
    docs = list(read_documents([SEEDS]))
    assert all(isinstance(d, Document) for d in docs)
    assert sorted(d.lang for d in docs) == ["ar", "ar", "ar", "ar", "hi"]
    assert docs[0].id == sorted(p.stem for p in SEEDS.glob("*.txt"))[0]


def test_txt_text_is_kept_exactly(tmp_path):
    text = "  زار الرئيس  بغداد\r\nاليوم  \n"
    (tmp_path / "doc-1.txt").write_text(text, encoding="utf-8", newline="")
    (doc,) = read_documents([tmp_path / "doc-1.txt"])
    assert (doc.id, doc.lang, doc.text) == ("doc-1", "ar", text)


def test_jsonl_fields_are_read(tmp_path):
    path = _write_jsonl(
        tmp_path / "docs.jsonl",
        {
            "id": "a",
            "lang": "hi",
            "published": "2024-06-21",
            "url": "https://x.test/a",
            "title": "t",
            "text": "मोदी ने यात्रा की",
        },
    )
    (doc,) = read_documents([path])
    assert (doc.id, doc.lang, str(doc.published), doc.url, doc.title) == (
        "a",
        "hi",
        "2024-06-21",
        "https://x.test/a",
        "t",
    )


def test_folder_skips_gold_annotations(tmp_path):
    _write_jsonl(tmp_path / "gold.jsonl", {"id": "a", "visits": []})
    _write_jsonl(tmp_path / "docs.jsonl", {"id": "a", "text": "زار الرئيس بغداد"})
    assert [d.id for d in read_documents([tmp_path])] == ["a"]


BAD_LINES = [
    pytest.param("{not json", "docs.jsonl:2", "not valid JSON", id="not-json"),
    pytest.param(json.dumps(["a list"]), "docs.jsonl:2", "JSON object", id="not-object"),
    pytest.param(json.dumps({"text": "زار"}), "docs.jsonl:2", "missing or empty 'id'", id="no-id"),
    pytest.param(json.dumps({"id": "x"}), "x", "missing 'text'", id="no-text"),
    pytest.param(json.dumps({"id": "x", "text": "   "}), "x", "empty text", id="empty-text"),
    pytest.param(
        json.dumps({"id": "x", "lang": "fr", "text": "Visite"}),
        "x",
        "unknown language 'fr'",
        id="unknown-lang",
    ),
    pytest.param(
        json.dumps({"id": "x", "text": "12345 ..."}), "x", "not detectable", id="no-script"
    ),
    pytest.param(
        json.dumps({"id": "x", "published": "last week", "text": "زار"}),
        "x",
        "not a YYYY-MM-DD date",
        id="bad-date",
    ),
    pytest.param(
        json.dumps({"id": "x", "title": 3, "text": "زار"}),
        "x",
        "'title' must be a string",
        id="bad-title",
    ),
]


@pytest.mark.parametrize(("line", "document", "problem"), BAD_LINES)
def test_bad_jsonl_line_is_reported_and_the_others_are_read(tmp_path, line, document, problem):
    path = _write_jsonl(
        tmp_path / "docs.jsonl",
        {"id": "ok-1", "text": "زار الرئيس بغداد"},
        line,
        {"id": "ok-2", "text": "मोदी"},
    )
    results = list(read_documents([path]))
    assert [r.id for r in results if isinstance(r, Document)] == ["ok-1", "ok-2"]
    (error,) = [r for r in results if isinstance(r, BadDocument)]
    assert error.document == document
    assert problem in error.problem


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"", "empty text", id="empty"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", "binary", id="binary"),
        pytest.param("زار".encode("cp1256"), "not UTF-8", id="cp1256"),
    ],
)
def test_bad_txt_file_is_reported(tmp_path, content, problem):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("زار الرئيس بغداد", encoding="utf-8")
    results = list(read_documents([tmp_path]))
    assert [r.id for r in results if isinstance(r, Document)] == ["good"]
    (error,) = [r for r in results if isinstance(r, BadDocument)]
    assert error.document == "bad"
    assert problem in error.problem


def test_oversized_document_is_refused(tmp_path):
    (tmp_path / "huge.txt").write_text("ز" * (MAX_DOCUMENT_BYTES // 2 + 1), encoding="utf-8")
    (error,) = read_documents([tmp_path / "huge.txt"])
    assert isinstance(error, BadDocument)
    assert "larger than" in error.problem


def test_missing_path_is_reported(tmp_path):
    (error,) = read_documents([tmp_path / "nope.jsonl"])
    assert isinstance(error, BadDocument)
    assert error.problem == "no such file or folder"
