"""Read documents from ``.txt`` files, ``.jsonl`` files in the corpus format, and folders.

Each input yields a Document or a BadDocument naming the document and the problem; one bad
document never stops the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from visitkb.documents.language import detect_language
from visitkb.documents.model import Document
from visitkb.errors import BadDocument, UnknownLanguage
from visitkb.lang import supported_languages

ReadResult = Document | BadDocument

# News articles are kilobytes; anything this large is a wrong file, not an article.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
MAX_MB = MAX_DOCUMENT_BYTES // 2**20
# The database keeps ids in a VARCHAR(255).
MAX_ID_CHARS = 255
# Folders hold documents next to their annotations (gold*.jsonl), which are not documents.
ANNOTATION_PREFIX = "gold"
DOCUMENT_SUFFIXES = (".txt", ".jsonl")
TEXT_FIELDS = ("title", "url")
# An oversized line is not parsed; its id is looked for in this many leading bytes instead.
ID_SEARCH_BYTES = 64 * 1024
ID_FIELD = re.compile(rb'"id"\s*:\s*("(?:[^"\\]|\\.){1,1000}")')
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Characters PostgreSQL cannot store in text (NUL) or UTF-8 cannot encode (lone surrogates).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def read_documents(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Yield every document under ``paths`` (files or folders), in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = [child for child in sorted(path.rglob("*")) if _is_document_file(child)]
            if not files:
                yield BadDocument(str(path), "no .txt or .jsonl documents in this folder")
            for child in files:
                yield from _read_file(child)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield BadDocument(str(path), "no such file or folder")


def _is_document_file(path: Path) -> bool:
    return (
        path.is_file()
        and path.suffix in DOCUMENT_SUFFIXES
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
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            return BadDocument(doc_id, f"file of {size / 2**20:.0f} MB, larger than {MAX_MB} MB")
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
    empty = True
    with handle:
        for number, raw, size in _lines(handle):
            origin = f"{path.name}:{number}"
            if not raw.strip():
                continue
            empty = False
            try:
                if size > MAX_DOCUMENT_BYTES:
                    raise BadDocument(
                        _id_in(raw) or origin,
                        f"line {number} of {path.name} is {size / 2**20:.0f} MB, "
                        f"larger than {MAX_MB} MB",
                    )
                line = _decode(origin, raw)
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise BadDocument(origin, f"not valid JSON ({error.msg})") from None
                yield make_document(record, origin=origin)
            except BadDocument as error:
                yield error
    if empty:
        yield BadDocument(str(path), "empty file: no documents")


def _lines(handle: IO[bytes]) -> Iterator[tuple[int, bytes, int]]:
    """(number, bytes, size) of each line; of a line over the size limit, only its start."""
    number = 0
    while raw := handle.readline(MAX_DOCUMENT_BYTES + 1):
        number += 1
        size = len(raw)
        if size > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            raw = raw[:ID_SEARCH_BYTES]
            while rest := handle.readline(MAX_DOCUMENT_BYTES):
                size += len(rest)
                if rest.endswith(b"\n"):
                    break
        yield number, raw, size


def _id_in(raw: bytes) -> str | None:
    """The ``id`` of a JSON line too large to parse, if it is near the start and readable."""
    match = ID_FIELD.search(raw[:ID_SEARCH_BYTES])
    if match is None:
        return None
    try:
        value = json.loads(match.group(1).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return value if value.strip() and not UNSTORABLE.search(value) else None


def _decode(origin: str, data: bytes) -> str:
    if b"\x00" in data:
        raise BadDocument(origin, "binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadDocument(origin, f"not UTF-8 (byte {error.start})") from None


def make_document(record: Any, origin: str) -> Document:
    """Validate one corpus-format record (``id``, ``text``, optional ``lang``, ``published``...).

    Raises:
        BadDocument: naming the document (its id, else ``origin``) and what is wrong.
    """
    if not isinstance(record, dict):
        raise BadDocument(origin, "a document must be a JSON object")
    doc_id = _document_id(record.get("id"), origin)
    text = record.get("text")
    if text is None:
        raise BadDocument(doc_id, "missing 'text'")
    _check_string(doc_id, "text", text)
    if not text.strip():
        raise BadDocument(doc_id, "empty text")
    size = len(text.encode("utf-8"))
    if size > MAX_DOCUMENT_BYTES:
        raise BadDocument(doc_id, f"text of {size / 2**20:.0f} MB, larger than {MAX_MB} MB")
    extra = {}
    for key in TEXT_FIELDS:
        if (value := record.get(key)) is not None:
            _check_string(doc_id, key, value)
        extra[key] = value
    return Document(
        id=doc_id,
        lang=_language(doc_id, record.get("lang"), text),
        text=text,
        published=_published(doc_id, record.get("published")),
        **extra,
    )


def _document_id(value: Any, origin: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise BadDocument(origin, "missing or empty 'id'")
    _check_string(origin, "id", value)
    if len(value) > MAX_ID_CHARS:
        raise BadDocument(
            f"{value[:40]}…", f"'id' is {len(value)} characters, longer than {MAX_ID_CHARS}"
        )
    return value


def _check_string(name: str, key: str, value: Any) -> None:
    if not isinstance(value, str):
        raise BadDocument(name, f"'{key}' must be a string, not {type(value).__name__}")
    if bad := UNSTORABLE.search(value):
        what = "a NUL" if bad.group() == "\x00" else "an unpaired surrogate"
        raise BadDocument(name, f"'{key}' holds {what} character at offset {bad.start()}")


def _language(name: str, lang: Any, text: str) -> str:
    if lang is None:
        lang = detect_language(text)
        if lang is None:
            raise UnknownLanguage(name, "language not given and not detectable from the script")
    if not isinstance(lang, str) or lang not in supported_languages():
        known = ", ".join(sorted(supported_languages()))
        raise UnknownLanguage(name, f"unknown language {lang!r} (known: {known})")
    return lang


def _published(name: str, value: Any) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        raise BadDocument(name, f"'published' is not a YYYY-MM-DD date: {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise BadDocument(name, f"'published' is not a date: {value!r} ({error})") from None
