"""The Document record every later stage receives."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


def content_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: the identity used to ingest nothing twice."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One news text as given at ingest; ``text`` is kept exactly as published."""

    id: str
    lang: str
    text: str
    published: date | None = None
    url: str | None = None
    title: str | None = None
    hash: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hash", content_hash(self.text))
