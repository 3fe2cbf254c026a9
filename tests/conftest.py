"""Fixtures shared by the suite.

Tests run on SQLite by default. With ``VISITKB_TEST_DATABASE_URL`` set to a PostgreSQL
database, every test that needs a database gets a fresh one on that server instead, cloned from
a template migrated once per run.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from visitkb.database import make_engine, upgrade
from visitkb.database.engine import normalize_url

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
TEST_DATABASE_URL = os.environ.get("VISITKB_TEST_DATABASE_URL")
ON_POSTGRES = TEST_DATABASE_URL is not None

# Property-based tests search a bounded number of examples, so CI stays quick; the thorough
# profile is for a longer search by hand (HYPOTHESIS_PROFILE=thorough). CI (`.ci/run`) searches
# the same examples every run (HYPOTHESIS_PROFILE=ci), so a landing never fails on a new draw;
# a search by hand draws new ones.
settings.register_profile("quick", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True)
settings.register_profile("thorough", max_examples=5_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


@contextmanager
def postgres_database(suffix: str, template: str | None = None) -> Iterator[str]:
    """Create a database next to the test database, yield its URL, drop it afterwards."""
    assert TEST_DATABASE_URL is not None
    base = make_url(normalize_url(TEST_DATABASE_URL))
    name = f"{base.database}_{suffix}"
    admin = make_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    clone = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"{clone}'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database migrated to head once per run (SQLite file path or PostgreSQL name)."""
    if not ON_POSTGRES:
        path = tmp_path_factory.mktemp("template") / "template.sqlite3"
        upgrade(f"sqlite:///{path}")
        yield str(path)
        return
    with postgres_database("tpl") as url:
        upgrade(url)
        yield make_url(url).database


@pytest.fixture
def database_url(migrated_template: str, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh, migrated, empty knowledge base for one test."""
    if not ON_POSTGRES:
        path = tmp_path / "visitkb.sqlite3"
        shutil.copyfile(migrated_template, path)
        yield f"sqlite:///{path}"
        return
    with postgres_database(uuid.uuid4().hex[:10], template=migrated_template) as url:
        yield url


@pytest.fixture
def unmigrated_url(tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database with no schema at all."""
    if not ON_POSTGRES:
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    with postgres_database(uuid.uuid4().hex[:10]) as url:
        yield url


@pytest.fixture
def fresh_db(database_url: str) -> Iterator[Engine]:
    """An engine on a fresh, migrated, empty knowledge base."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()
