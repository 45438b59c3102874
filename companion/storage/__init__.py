"""Persistence: SQLAlchemy models, migrations and the unit of work."""

from companion.storage.db import make_engine, migrate
from companion.storage.repository import SqlStore, UnitOfWork, VersionConflict

__all__ = ["SqlStore", "UnitOfWork", "VersionConflict", "make_engine", "migrate"]
