"""Apply the Alembic migrations in ``migrations/`` and keep reference rows in sync.

Reference rows are the ISO countries and the officials gazetteer (people, names, terms).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, insert, select

from visitkb.database.engine import make_engine, normalize_url
from visitkb.database.gazetteer import SeedReport, seed_gazetteer
from visitkb.database.models import Country
from visitkb.errors import DatabaseNotReady
from visitkb.world.countries import all_countries
from visitkb.world.officials import load_officials


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


def upgrade(url: str, revision: str = "head") -> SeedReport:
    """Migrate the database at ``url`` to ``revision``, sync countries and seed the gazetteer.

    Raises:
        GazetteerError: a gazetteer file (shipped or in ``VISITKB_GAZETTEER_DIR``) is invalid;
            the schema is migrated all the same.
    """
    command.upgrade(alembic_config(url), revision)
    engine = make_engine(url)
    try:
        sync_countries(engine)
        return seed_gazetteer(engine, load_officials())
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
