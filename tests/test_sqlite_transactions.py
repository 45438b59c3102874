"""SQLite transactions by SQLAlchemy's documented recipe: every transaction starts with ``BEGIN IMMEDIATE``."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from companion.storage import make_engine


def _counter(engine: Engine) -> Engine:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"))
        connection.execute(text("INSERT INTO counter (id, n) VALUES (1, 0)"))
    return engine


@pytest.fixture()
def engine(tmp_path: Path) -> Iterator[Engine]:
    """The project's SQLite engine on a table with one counter."""
    engine = _counter(make_engine(f"sqlite:///{tmp_path / 'tx.db'}"))
    yield engine
    engine.dispose()


def _read(connection) -> int:  # type: ignore[no-untyped-def]
    return int(connection.execute(text("SELECT n FROM counter WHERE id = 1")).scalar_one())


def _increment(connection, n: int) -> None:  # type: ignore[no-untyped-def]
    connection.execute(text("UPDATE counter SET n = :n WHERE id = 1"), {"n": n + 1})


def _race(engine: Engine, patience: float) -> int:
    """Two read-then-write increments; the second reads once the first has read. Returns the final count."""
    first_read, second_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def second() -> None:
        first_read.wait(5)
        try:
            with engine.begin() as connection:
                _increment(connection, _read(connection))
        except Exception as error:  # noqa: BLE001 - the test reports it
            errors.append(error)
        second_done.set()

    thread = threading.Thread(target=second)
    thread.start()
    with engine.begin() as connection:
        n = _read(connection)
        first_read.set()
        second_done.wait(patience)  # give the second writer every chance to read the same value
        _increment(connection, n)
    thread.join(10)
    assert not errors, errors
    with engine.connect() as connection:
        return _read(connection)


def test_two_read_then_write_transactions_do_not_lose_an_update(engine: Engine) -> None:
    assert _race(engine, patience=0.5) == 2  # the second waited at its BEGIN for the first to commit


def test_without_the_recipe_the_same_race_loses_an_update(tmp_path: Path) -> None:
    # The control: pysqlite's own deferred transactions let the second read the value the first then overwrites.
    plain = _counter(create_engine(f"sqlite:///{tmp_path / 'plain.db'}", connect_args={"timeout": 30}))
    try:
        assert _race(plain, patience=10) == 1
    finally:
        plain.dispose()


def test_many_concurrent_writers_neither_fail_nor_lose_updates(engine: Engine) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(40):
                with engine.begin() as connection:
                    _increment(connection, _read(connection))
        except Exception as error:  # noqa: BLE001 - "database is locked" would land here
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with engine.connect() as connection:
        assert _read(connection) == 160


def test_a_transaction_holds_the_write_lock_from_its_first_statement(engine: Engine, tmp_path: Path) -> None:
    other = sqlite3.connect(tmp_path / "tx.db", timeout=0, isolation_level=None)
    try:
        with engine.connect() as connection:
            _read(connection)  # a read only, yet the transaction began IMMEDIATE
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            connection.rollback()
        other.execute("BEGIN IMMEDIATE")  # given back by the rollback
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_ddl_is_transactional(engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as connection:
        connection.execute(text("CREATE TABLE scratch (id INTEGER PRIMARY KEY)"))
        raise RuntimeError("roll it back")
    with engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all()
    assert "scratch" not in names
