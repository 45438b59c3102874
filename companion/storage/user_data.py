"""Everything stored about one user, over every table that has a ``user_id`` column: export and erasure.

Generic on purpose: a table added later (by any feature) is exported and erased without changing this file,
as long as its model is imported with the others (``companion.storage.repository`` imports them all).
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from companion.storage.models import Base, User


def user_tables() -> list[Table]:
    """Tables holding rows about a user (a ``user_id`` column), children before parents."""
    return [table for table in reversed(Base.metadata.sorted_tables) if "user_id" in table.c]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def export(session: Session, user_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every row about the user, table by table (text decrypted), as plain JSON-able values."""
    users = Base.metadata.tables[User.__tablename__]
    found: dict[str, list[dict[str, Any]]] = {}
    for table, column in [(users, users.c.id)] + [(t, t.c.user_id) for t in reversed(user_tables())]:
        rows = session.execute(select(table).where(column == user_id)).mappings()
        found[table.name] = [{key: _plain(value) for key, value in row.items()} for row in rows]
    return found


def erase(session: Session, user_id: str) -> int:
    """Delete every row about the user, the ``users`` row last; returns the number of rows deleted."""
    deleted = 0
    for table in user_tables():
        deleted += session.execute(delete(table).where(table.c.user_id == user_id)).rowcount  # type: ignore[attr-defined]
    deleted += session.execute(delete(User).where(User.id == user_id)).rowcount  # type: ignore[attr-defined]
    return deleted


def scrub(session: Session) -> None:
    """After an erasure on SQLite, fold the write-ahead log into the database and empty it.

    With ``secure_delete`` on (see ``make_engine``), deleted rows are overwritten with zeros in the database
    file; the WAL still holds the old pages until it is checkpointed and truncated.
    """
    engine = session.get_bind()
    if engine.dialect.name == "sqlite":
        # Outside any transaction (a checkpoint inside one is refused): on the driver's connection, which
        # SQLAlchemy's ``BEGIN IMMEDIATE`` (storage.db) does not wrap.
        raw = engine.raw_connection()  # type: ignore[union-attr]
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
        finally:
            raw.close()


def purge_journal(session: Session, before: datetime) -> int:
    """Delete every journal entry written before ``before`` (retention); returns how many."""
    from companion.storage.models import JournalEntry

    result = session.execute(delete(JournalEntry).where(JournalEntry.created_at < before))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def reencrypt(session: Session, batch: int = 500) -> int:
    """Rewrite every encrypted column with the engine's current cipher (newest key); returns rows rewritten.

    Used after adding a key in front of ``COMPANION_ENCRYPTION_KEY`` (rotation), or after setting a key for the
    first time (clear rows become encrypted).
    """
    from companion.storage.encrypted import EncryptedJSON, EncryptedText

    rewritten = 0
    for table in Base.metadata.sorted_tables:
        columns = [c for c in table.c if isinstance(c.type, EncryptedText | EncryptedJSON)]
        if not columns:
            continue
        keys = list(table.primary_key.columns)
        offset = 0
        while True:
            rows = session.execute(select(*keys, *columns).order_by(*keys).limit(batch).offset(offset)).all()
            if not rows:
                break
            for row in rows:
                where = [key == row._mapping[key.name] for key in keys]
                session.execute(table.update().where(*where).values({c.name: row._mapping[c.name] for c in columns}))
            rewritten += len(rows)
            offset += batch
    return rewritten
