"""Stage 4: the knowledge base. The only package that imports SQLAlchemy."""

from sqlalchemy import Connection, Engine

from visitkb.database.engine import make_engine
from visitkb.database.migrate import check_current, upgrade

__all__ = ["Connection", "Engine", "check_current", "make_engine", "upgrade"]
