"""Settings read from ``VISITKB_*`` environment variables; nothing happens at import."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

# The embedded default: one SQLite file in the working directory, so `make demo` needs no server.
DEFAULT_DATABASE_FILE = "visitkb.sqlite3"


@dataclass(frozen=True)
class Settings:
    """Runtime configuration of the knowledge base, its API and its CLI."""

    database_url: str = field(
        default_factory=lambda: f"sqlite:///{Path.cwd() / DEFAULT_DATABASE_FILE}"
    )
    api_token: str | None = None
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ``VISITKB_DATABASE_URL``, ``VISITKB_API_TOKEN`` and ``VISITKB_CORS_ORIGINS``."""
        env = os.environ if environ is None else environ
        kwargs: dict[str, object] = {}
        if env.get("VISITKB_DATABASE_URL"):
            kwargs["database_url"] = env["VISITKB_DATABASE_URL"]
        if env.get("VISITKB_API_TOKEN"):
            kwargs["api_token"] = env["VISITKB_API_TOKEN"]
        origins = env.get("VISITKB_CORS_ORIGINS", "")
        if origins.strip():
            kwargs["cors_origins"] = tuple(o.strip() for o in origins.split(",") if o.strip())
        return cls(**kwargs)  # type: ignore[arg-type]
