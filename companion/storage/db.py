"""Database engine creation and migrations."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

logger = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """Use psycopg 3 for ``postgresql://`` URLs (SQLAlchemy's default driver is psycopg2)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str) -> Engine:
    """Create the SQLAlchemy engine; SQLite gets foreign keys, WAL, a busy timeout and ``BEGIN IMMEDIATE``."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        serialise_sqlite_writers(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def serialise_sqlite_writers(engine: Engine) -> None:
    """SQLAlchemy's documented SQLite recipe ("Serializable isolation / Savepoints / Transactional DDL").

    pysqlite's own transaction handling is turned off (``isolation_level = None``) and every transaction SQLAlchemy
    begins is opened with ``BEGIN IMMEDIATE``: a transaction takes SQLite's write lock when it starts, not at
    its first write. Two writers then queue in SQLite's busy handler (``busy_timeout``) instead of one of them
    failing with "database is locked" when it upgrades a read snapshot another writer has made stale; reads
    and writes of one unit of work cannot interleave with another's; DDL is transactional too.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # pysqlite emits no BEGIN (nor COMMIT before DDL) of its own
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        # Erased rows are overwritten with zeros, not left in free pages of the file (/oubli).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def dialect_insert(session: Session, table: Any):  # noqa: ANN201 - the dialect's INSERT, which has ON CONFLICT
    """``INSERT`` for the session's database (PostgreSQL or SQLite), with ``on_conflict_do_nothing`` & co."""
    return (postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert)(table)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("companion.storage") / "migrations"))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision``."""
    config = _alembic_config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()
    logger.info("database migrated to %s", revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None if it was never migrated."""
    if "alembic_version" not in inspect(engine).get_table_names():
        return None
    with engine.connect() as connection:
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest migration this code knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def database_revision(url: str) -> str | None:
    """The revision of the database at ``url`` (None if never migrated); raises if it cannot be reached."""
    engine = make_engine(url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def migrate_url(url: str) -> None:
    """Apply every migration to the database at ``url``."""
    engine = make_engine(url)
    try:
        migrate(engine)
    finally:
        engine.dispose()


def create_schema(url: str, schema: str) -> None:
    """Create a PostgreSQL schema (a scratch database for a benchmark)."""
    _admin(url, f'CREATE SCHEMA "{schema}"')


def drop_schema(url: str, schema: str) -> None:
    """Drop a PostgreSQL schema and everything in it."""
    _admin(url, f'DROP SCHEMA "{schema}" CASCADE')


def _admin(url: str, statement: str) -> None:
    admin = create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(statement)
    finally:
        admin.dispose()
