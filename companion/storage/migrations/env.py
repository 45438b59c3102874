"""Alembic environment: runs migrations on the connection handed over by ``companion.storage.db``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from companion.storage.models import Base

# PostgreSQL advisory lock id, so two processes starting together don't migrate at the same time.
MIGRATION_LOCK_ID = 725_1984


def run_migrations_online() -> None:
    """Run the migrations inside the caller's connection."""
    connection = context.config.attributes["connection"]
    is_postgres = connection.dialect.name == "postgresql"
    if is_postgres:
        connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": MIGRATION_LOCK_ID})
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    finally:
        if is_postgres:
            connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": MIGRATION_LOCK_ID})
            connection.commit()


run_migrations_online()
