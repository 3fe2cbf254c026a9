"""Language knowledge as data: one folder per language code, the same file names in each.

Each ``lang/<code>/<name>.yaml`` opens with a comment saying what it holds and where the
knowledge comes from; ``docs/languages.md`` says how to add a language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).parent

# The files every language folder holds; a missing one is an error, not an empty table.
KNOWLEDGE_FILES = (
    "agreements",
    "durations",
    "function_words",
    "grammar",
    "months",
    "nationality",
    "numbers",
    "relative_days",
    "titles",
    "visit_terms",
    "weekdays",
)


@cache
def supported_languages() -> frozenset[str]:
    """Language codes that have a knowledge folder (``lang/<code>/``)."""
    return frozenset(
        p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))
    )


@cache
def load_knowledge(lang: str, name: str) -> dict[str, Any]:
    """The parsed ``lang/<lang>/<name>.yaml``."""
    if name not in KNOWLEDGE_FILES:
        raise KeyError(f"no knowledge file named {name!r}")
    path = LANG_DIR / lang / f"{name}.yaml"
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}
