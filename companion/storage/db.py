"""Database engine creation and migrations."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
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
    """Create the SQLAlchemy engine; SQLite gets foreign keys, WAL and a busy timeout."""
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        WriterGate(engine).install()

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            # Erased rows are overwritten with zeros, not left in free pages of the file (/oubli).
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


class WriterGate:
    """One SQLite write transaction at a time among this process's connections, handed over by a lock.

    SQLite lets one connection write at a time; the others wait in its busy handler, which sleeps and retries
    with growing pauses (1, 2, 5, 10… up to 100 ms). With a few turns writing at once, those pauses were most
    of a turn's latency: in ``companion bench updates``' latency pass the turn's first write waited up to
    180 ms. Here a connection takes the gate before its first write and gives it back once its transaction
    has ended (after SQLite released its lock), so the writers of this process queue on a lock and start the
    moment the previous one commits. Other processes still meet SQLite's busy handler. A gate not obtained
    within the busy timeout is not waited for any longer: SQLite's own locking decides, as before.
    """

    READS = ("SELECT", "PRAGMA", "BEGIN", "SAVEPOINT", "RELEASE", "ROLLBACK", "COMMIT")

    def __init__(self, engine: Engine, timeout: float = 30.0) -> None:
        self.engine = engine
        self.timeout = timeout
        self._lock = threading.Lock()
        self._holder: Any = None  # the DBAPI connection in a write transaction, if any

    def install(self) -> None:
        """Watch the engine's statements; give the gate back after every commit or rollback, the pool's too."""
        event.listen(self.engine, "before_cursor_execute", self._before_execute)
        dialect = self.engine.dialect
        dialect.do_commit = self._after(dialect.do_commit)  # type: ignore[method-assign]
        dialect.do_rollback = self._after(dialect.do_rollback)  # type: ignore[method-assign]
        event.listen(self.engine.pool, "close", self._on_close)

    def _before_execute(self, _connection: Any, cursor: Any, statement: str, *_args: Any) -> None:
        dbapi_connection = cursor.connection
        if self._holder is dbapi_connection or statement.lstrip()[:9].upper().startswith(self.READS):
            return
        if self._lock.acquire(timeout=self.timeout):
            self._holder = dbapi_connection

    def _after(self, end: Callable[[Any], None]) -> Callable[[Any], None]:
        def ended(dbapi_connection: Any) -> None:
            try:
                end(dbapi_connection)
            finally:
                self._release(dbapi_connection)
        return ended

    def _on_close(self, dbapi_connection: Any, _record: Any) -> None:
        self._release(dbapi_connection)

    def _release(self, connection: Any) -> None:
        # The dialect gets the pool's proxy, the cursor and the pool events the sqlite3 connection itself.
        dbapi_connection = getattr(connection, "dbapi_connection", connection)
        if self._holder is dbapi_connection and dbapi_connection is not None:
            self._holder = None
            self._lock.release()


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
