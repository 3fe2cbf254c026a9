"""The migrated schema is exactly the models' schema, on SQLite and on PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from visitkb.database import check_current, make_engine, upgrade
from visitkb.database.models import Base
from visitkb.errors import DatabaseNotReady


def test_autogenerate_finds_no_difference(fresh_db):
    with fresh_db.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrade_creates_every_table_and_the_countries(unmigrated_url):
    upgrade(unmigrated_url)
    engine = make_engine(unmigrated_url)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with engine.connect() as conn:
        codes = {row[0] for row in conn.exec_driver_sql("SELECT code FROM countries")}
    assert {"IRQ", "IRN", "IND", "VAT", "USA"} <= codes
    engine.dispose()


def test_upgrade_twice_is_harmless(unmigrated_url):
    upgrade(unmigrated_url)
    upgrade(unmigrated_url)
    engine = make_engine(unmigrated_url)
    check_current(engine)
    engine.dispose()


def test_unmigrated_database_is_reported(unmigrated_url):
    engine = make_engine(unmigrated_url)
    with pytest.raises(DatabaseNotReady, match="visitkb db upgrade"):
        check_current(engine)
    engine.dispose()
