"""Engines for the embedded SQLite file and for PostgreSQL (psycopg 3), and their transactions.

Readers and writers never see each other's halves:

- every read transaction sees one snapshot: SQLite (WAL) transactions begin explicitly instead of
  pysqlite's statement-by-statement autocommit, and PostgreSQL runs at REPEATABLE READ;
- writers that read what they then change (ingest, resolution) hold the write lock for their
  whole transaction (``write_transaction``), so two processes never interleave their writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

# Writers wait this long for a lock instead of failing at once (SQLite allows one writer).
SQLITE_BUSY_TIMEOUT_MS = 30_000
# Execution option naming how a SQLite transaction begins: "" (deferred) or "IMMEDIATE".
SQLITE_BEGIN = "visitkb_sqlite_begin"
# The PostgreSQL advisory lock every visitkb writer takes; any constant unique to visitkb
# ("visitkb" as the bytes of a big-endian integer).
WRITE_LOCK_KEY = int.from_bytes(b"visitkb", "big")
# The connections an API server's engine may hold: as many as the threads that run its handlers
# (anyio's default, 40), so handlers waiting in threads for a connection never hold every
# thread while the handlers holding the connections wait for one. PostgreSQL allows 100.
SERVER_POOL_SIZE, SERVER_POOL_OVERFLOW = 10, 30


def normalize_url(url: str) -> str:
    """Route plain ``postgresql://`` URLs to psycopg 3, the driver visitkb installs."""
    parsed = make_url(url)
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, *, server: bool = False, **kwargs: Any) -> Engine:
    """An engine for ``url``; SQLite gets WAL mode, foreign keys and a busy timeout.

    ``server`` sizes the pool for an API server (``SERVER_POOL_SIZE``).
    """
    url = normalize_url(url)
    if server and make_url(url).database not in (None, "", ":memory:"):
        kwargs.setdefault("pool_size", SERVER_POOL_SIZE)
        kwargs.setdefault("max_overflow", SERVER_POOL_OVERFLOW)
    if url.startswith("sqlite"):
        engine = create_engine(url, **kwargs)
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    if url.startswith("postgresql"):
        kwargs.setdefault("isolation_level", "REPEATABLE READ")
    return create_engine(url, pool_pre_ping=True, **kwargs)


def has_idle_connection(engine: Engine) -> bool:
    """Whether ``engine.connect()`` returns at once, with a connection its pool holds idle.

    Otherwise connecting opens a connection or waits for one to be returned: blocking calls,
    which an event loop must make in a thread.
    """
    checkedin = getattr(engine.pool, "checkedin", None)
    return checkedin is not None and checkedin() > 0


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would begin transactions itself, lazily, before the first write: reads before it
    # would each see a different state. visitkb emits BEGIN itself (_begin_sqlite).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_sqlite(conn: Connection) -> None:
    conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get(SQLITE_BEGIN, '')}")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction holding visitkb's write lock: commits on exit, rolls back on error.

    SQLite takes its single writer lock at BEGIN IMMEDIATE; PostgreSQL takes an advisory
    transaction lock and reads at READ COMMITTED, so what the transaction reads after the lock
    includes everything earlier writers committed.
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        elif engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="READ COMMITTED")
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
            yield conn
