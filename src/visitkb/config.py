"""Settings read from ``VISITKB_*`` environment variables; nothing happens at import."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# The embedded default: one SQLite file in the working directory, so `make demo` needs no server.
DEFAULT_DATABASE_FILE = "visitkb.sqlite3"
# The largest request body the API reads: a batch of documents of up to 5 MB each (the limit of
# `documents.read`), JSON-escaped (Arabic sent as \uXXXX takes 6 bytes a letter), with room.
DEFAULT_MAX_BODY_BYTES = 32 * 2**20


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of the knowledge base, its API and its CLI."""

    database_url: str = field(
        default_factory=lambda: f"sqlite:///{Path.cwd() / DEFAULT_DATABASE_FILE}"
    )
    api_token: str | None = None
    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    gazetteer_dirs: tuple[Path, ...] = ()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ``VISITKB_DATABASE_URL``, ``_API_TOKEN``, ``_CORS_ORIGINS``, ``_MAX_BODY_BYTES``
        and ``_GAZETTEER_DIR``.

        ``VISITKB_CORS_ORIGINS`` holds origins separated by commas; ``VISITKB_GAZETTEER_DIR`` one
        folder or several separated by ``os.pathsep``.

        Raises:
            ValueError: ``VISITKB_MAX_BODY_BYTES`` is not a positive whole number.
        """
        env = os.environ if environ is None else environ
        kwargs: dict[str, object] = {}
        if env.get("VISITKB_DATABASE_URL"):
            kwargs["database_url"] = env["VISITKB_DATABASE_URL"]
        if env.get("VISITKB_API_TOKEN"):
            kwargs["api_token"] = env["VISITKB_API_TOKEN"]
        origins = env.get("VISITKB_CORS_ORIGINS", "")
        if origins.strip():
            kwargs["cors_origins"] = tuple(o.strip() for o in origins.split(",") if o.strip())
        if env.get("VISITKB_MAX_BODY_BYTES", "").strip():
            size = int(env["VISITKB_MAX_BODY_BYTES"])
            if size < 1:
                raise ValueError(f"VISITKB_MAX_BODY_BYTES must be positive, not {size}")
            kwargs["max_body_bytes"] = size
        folders = env.get("VISITKB_GAZETTEER_DIR", "")
        if folders.strip():
            kwargs["gazetteer_dirs"] = tuple(Path(f) for f in folders.split(os.pathsep) if f)
        return cls(**kwargs)  # type: ignore[arg-type]
