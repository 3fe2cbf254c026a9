"""Stage 4: the knowledge base. The only package that imports SQLAlchemy."""

from sqlalchemy import Connection, Engine

from visitkb.database.engine import has_idle_connection, make_engine
from visitkb.database.migrate import check_current, upgrade

__all__ = [
    "Connection",
    "Engine",
    "check_current",
    "has_idle_connection",
    "make_engine",
    "upgrade",
]
