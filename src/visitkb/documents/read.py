"""Read documents from ``.txt`` files, ``.jsonl`` files in the corpus format, and folders.

Each input yields a Document or a BadDocument naming the document and the problem; one bad
document never stops the others.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from visitkb.documents.language import detect_language
from visitkb.documents.model import Document
from visitkb.errors import BadDocument, UnknownLanguage
from visitkb.lang import supported_languages

ReadResult = Document | BadDocument

# News articles are kilobytes; anything this large is a wrong file, not an article.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
# Folders hold documents next to their annotations (gold*.jsonl), which are not documents.
ANNOTATION_PREFIX = "gold"
TEXT_FIELDS = ("title", "url")


def read_documents(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Yield every document under ``paths`` (files or folders), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if _is_document_file(child):
                    yield from _read_file(child)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield BadDocument(str(path), "no such file or folder")


def _is_document_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix in {".txt", ".jsonl"}
        and not path.name.startswith(ANNOTATION_PREFIX)
    )


def _read_file(path: Path) -> Iterator[ReadResult]:
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path)
    elif path.suffix == ".txt":
        yield _read_txt(path)
    else:
        yield BadDocument(
            str(path), f"unsupported file type {path.suffix or '(none)'}; use .txt or .jsonl"
        )


def _read_txt(path: Path) -> ReadResult:
    doc_id = path.stem
    try:
        if path.stat().st_size > MAX_DOCUMENT_BYTES:
            return BadDocument(doc_id, f"larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
        text = _decode(doc_id, path.read_bytes())
        return make_document({"id": doc_id, "text": text}, origin=doc_id)
    except BadDocument as error:
        return error
    except OSError as error:
        return BadDocument(doc_id, f"cannot read {path}: {error.strerror}")


def _read_jsonl(path: Path) -> Iterator[ReadResult]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield BadDocument(str(path), f"cannot read: {error.strerror}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            origin = f"{path.name}:{number}"
            if not raw.strip():
                continue
            try:
                if len(raw) > MAX_DOCUMENT_BYTES:
                    raise BadDocument(
                        origin, f"line larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB"
                    )
                line = _decode(origin, raw)
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise BadDocument(origin, f"not valid JSON ({error.msg})") from None
                yield make_document(record, origin=origin)
            except BadDocument as error:
                yield error


def _decode(origin: str, data: bytes) -> str:
    if b"\x00" in data:
        raise BadDocument(origin, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadDocument(origin, f"not UTF-8 (byte {error.start})") from None


def make_document(record: Any, origin: str) -> Document:
    """Validate one corpus-format record (``id``, ``text``, optional ``lang``, ``published``...)."""
    if not isinstance(record, dict):
        raise BadDocument(origin, "a document must be a JSON object")
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise BadDocument(origin, "missing or empty 'id'")
    name = doc_id
    text = record.get("text")
    if not isinstance(text, str):
        raise BadDocument(name, "missing 'text'" if text is None else "'text' must be a string")
    if not text.strip():
        raise BadDocument(name, "empty text")
    if len(text.encode("utf-8")) > MAX_DOCUMENT_BYTES:
        raise BadDocument(name, f"text larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
    lang = record.get("lang")
    if lang is None:
        lang = detect_language(text)
        if lang is None:
            raise UnknownLanguage(name, "language not given and not detectable from the script")
    if lang not in supported_languages():
        known = ", ".join(sorted(supported_languages()))
        raise UnknownLanguage(name, f"unknown language {lang!r} (known: {known})")
    published = record.get("published")
    if published is not None:
        try:
            published = date.fromisoformat(published)
        except (TypeError, ValueError):
            raise BadDocument(
                name, f"'published' is not a YYYY-MM-DD date: {published!r}"
            ) from None
    extra = {}
    for key in TEXT_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadDocument(name, f"'{key}' must be a string or null")
        extra[key] = value
    return Document(id=doc_id, lang=lang, text=text, published=published, **extra)
