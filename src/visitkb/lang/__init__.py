"""Language knowledge as data: one folder per language code, the same file names in each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).parent


@cache
def supported_languages() -> frozenset[str]:
    """Language codes that have a knowledge folder (``lang/<code>/``)."""
    return frozenset(
        p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )
