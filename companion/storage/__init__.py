"""Persistence: SQLAlchemy models, migrations and the unit of work (no SQL, session or engine outside)."""

from companion.storage.availability import StoreUnavailable
from companion.storage.db import database_revision, head_revision, make_engine, migrate, migrate_url
from companion.storage.reminder_store import Claimed
from companion.storage.repository import Recipient, SqlStore, UnitOfWork, VersionConflict, open_store

__all__ = ["Claimed", "Recipient", "SqlStore", "StoreUnavailable", "UnitOfWork", "VersionConflict", "database_revision",
           "head_revision", "make_engine", "migrate", "migrate_url", "open_store"]
