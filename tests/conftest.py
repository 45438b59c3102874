"""Shared fixtures (a migrated database on SQLite, and on PostgreSQL when configured) and the test tiers.

Every test has exactly one tier, given by its module (or, for a few, by its name) in ``tests/support/tiers.py``:

- ``unit``: no process, no network, no compiler, no database server, no file database;
- ``integration``: a real SQLite or PostgreSQL database, Chroma, a model server, a subprocess;
- ``e2e``: the real bot over HTTP against the fake Bot API, in process or as ``companion run``, and the wheel.

A test module missing from ``TIERS`` stops the run (add it there), and so does a tier marker written in a test
module. Tests that read the shared evaluation sets (``../shared/eval``) are also marked ``devset``: they fail
when the folder is missing, and a contributor without it deselects them with ``-m "not devset"``.
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine

from companion.storage import SqlStore, make_engine, migrate
from tests.support.database import BACKENDS, postgres_schema
from tests.support.processes import api, client  # noqa: F401 - the fake Bot API fixtures, for every module
from tests.support.tiers import DEVSET, LEVELS, tier_of
from tests.support.tiers import UNIT as UNIT_MARK

# Hypothesis's 200 ms deadline per example, and its "too slow" health check, assert durations: off everywhere.
hypothesis_settings.register_profile("no-timing", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("no-timing")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every collected test with its one tier, and the dev-set tests with ``devset``."""
    unassigned: set[str] = set()
    for item in items:
        module = Path(str(item.path)).name
        name = getattr(item, "originalname", item.name)
        tier = tier_of(module, name)
        own = {mark.name for mark in item.iter_markers() if mark.name in LEVELS}
        if tier is None:
            unassigned.add(module)
            continue
        if own - {tier}:
            raise pytest.UsageError(f"{item.nodeid} marks itself {sorted(own)}: its tier is {tier!r} in TIERS "
                                    "(tests/support/tiers.py); remove the marker or change TIERS")
        item.add_marker(tier)
        if f"{module}::{name}" in DEVSET:
            item.add_marker("devset")
    if unassigned:
        raise pytest.UsageError(f"no tier for {', '.join(sorted(unassigned))}: add each module to TIERS in "
                                "tests/support/tiers.py (unit, integration or e2e)")


@pytest.fixture(autouse=True)
def _unit_tests_start_no_process_and_open_no_connection(request: pytest.FixtureRequest,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``unit`` test that starts a process, connects a socket or asks for a database fails: it is in the wrong
    tier."""
    if request.node.get_closest_marker(UNIT_MARK) is None:
        return
    assert "database_url" not in request.fixturenames, f"{request.node.nodeid} is a unit test: no database"

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{request.node.nodeid} is a unit test: no process, no network (tests/support/tiers.py)")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'companion.db'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def db_engine(database_url: str) -> Iterator[Engine]:
    """A migrated database engine."""
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def store(db_engine: Engine) -> SqlStore:
    """A store on the migrated database."""
    return SqlStore(db_engine)
