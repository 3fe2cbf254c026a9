"""Apply the Alembic migrations in ``migrations/`` and keep reference rows (countries) in sync."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, insert, select

from visitkb.database.engine import make_engine, normalize_url
from visitkb.database.models import Country
from visitkb.errors import DatabaseNotReady
from visitkb.world.countries import all_countries


def migrations_dir() -> Path:
    """The Alembic script folder: the repository's ``migrations/``, or the copy in the wheel."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent.parent / "migrations", package / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise DatabaseNotReady("the migrations folder is missing from this installation")


def alembic_config(url: str) -> Config:
    """An Alembic configuration for ``url`` without an ini file."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.set_main_option("sqlalchemy.url", normalize_url(url).replace("%", "%%"))
    return config


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` to ``revision`` and sync the country list."""
    command.upgrade(alembic_config(url), revision)
    engine = make_engine(url)
    try:
        sync_countries(engine)
    finally:
        engine.dispose()


def sync_countries(engine: Engine) -> int:
    """Insert ISO countries missing from the ``countries`` table; return how many were added."""
    with engine.begin() as conn:
        known = set(conn.scalars(select(Country.code)))
        rows = [{"code": c.code, "name": c.name_en} for c in all_countries() if c.code not in known]
        if rows:
            conn.execute(insert(Country), rows)
    return len(rows)


def check_current(engine: Engine) -> None:
    """Raise DatabaseNotReady unless the database is at the newest migration."""
    head = ScriptDirectory.from_config(alembic_config(str(engine.url))).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current != head:
        raise DatabaseNotReady(
            f"database schema is at {current or 'nothing'}, this visitkb needs {head}: "
            "run `visitkb db upgrade`"
        )
