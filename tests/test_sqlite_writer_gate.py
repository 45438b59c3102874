"""SQLite writers of one process queue on a lock instead of in SQLite's sleeping busy handler (storage.db)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text

from companion.storage import make_engine


@pytest.fixture()
def impatient(tmp_path: Path) -> Engine:
    """A SQLite engine whose busy timeout is zero: a writer that meets SQLite's lock fails at once."""
    engine = make_engine(f"sqlite:///{tmp_path / 'gate.db'}")

    @event.listens_for(engine, "connect")
    def _no_busy_wait(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA busy_timeout=0")

    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    yield engine
    engine.dispose()


def _write_in_thread(engine: Engine, body: str, outcome: dict[str, object]) -> threading.Thread:
    def write() -> None:
        try:
            with engine.begin() as connection:
                connection.execute(text("INSERT INTO notes (body) VALUES (:body)"), {"body": body})
            outcome["done_at"] = time.monotonic()
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            outcome["error"] = error

    thread = threading.Thread(target=write)
    thread.start()
    return thread


def test_a_second_writer_waits_for_the_first_to_commit_instead_of_failing(impatient: Engine) -> None:
    outcome: dict[str, object] = {}
    with impatient.connect() as first:
        first.execute(text("INSERT INTO notes (body) VALUES ('first')"))  # holds SQLite's write lock from here
        second = _write_in_thread(impatient, "second", outcome)
        time.sleep(0.3)
        assert second.is_alive() and not outcome  # waiting on the gate, not refused by SQLite
        first.commit()
        committed_at = time.monotonic()
    second.join(5)
    assert "error" not in outcome, outcome
    assert float(outcome["done_at"]) >= committed_at  # type: ignore[arg-type]
    with impatient.connect() as connection:
        assert connection.execute(text("SELECT body FROM notes ORDER BY id")).scalars().all() == ["first", "second"]


def test_readers_do_not_wait_for_a_writer(impatient: Engine) -> None:
    with impatient.connect() as writer, impatient.connect() as reader:
        writer.execute(text("INSERT INTO notes (body) VALUES ('pending')"))
        started = time.monotonic()
        assert reader.execute(text("SELECT count(*) FROM notes")).scalar() == 0  # WAL: the committed snapshot
        assert time.monotonic() - started < 1.0
        writer.rollback()


@pytest.mark.parametrize("ending", ["rollback", "close"])
def test_the_gate_is_given_back_however_the_transaction_ends(impatient: Engine, ending: str) -> None:
    connection = impatient.connect()
    connection.execute(text("INSERT INTO notes (body) VALUES ('dropped')"))
    if ending == "rollback":
        connection.rollback()
    connection.close()  # "close": back to the pool, which rolls it back itself
    outcome: dict[str, object] = {}
    started = time.monotonic()
    _write_in_thread(impatient, "next", outcome).join(5)
    assert "error" not in outcome, outcome
    assert float(outcome["done_at"]) - started < 2.0  # type: ignore[arg-type]
