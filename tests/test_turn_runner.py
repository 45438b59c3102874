"""The channel's turn threads: how many, and "sent" confirmations deleted in batches."""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest

from companion.channels.telegram.turns import TurnRunner
from companion.config import load_settings
from companion.storage.availability import StoreUnavailable


class Ledger:
    """Records each batch of update ids it is asked to forget."""

    def __init__(self, fail: bool = False) -> None:
        self.batches: list[list[int]] = []
        self.threads: list[str] = []
        self.fail = fail

    def __call__(self, update_ids: Sequence[int]) -> None:
        self.threads.append(threading.current_thread().name)
        if self.fail:
            raise StoreUnavailable("database unavailable")
        self.batches.append(list(update_ids))


async def test_work_runs_on_the_turn_threads() -> None:
    runner = TurnRunner(1, Ledger())
    try:
        name = await runner.run(lambda: threading.current_thread().name)
        assert name.startswith("turns") and name != threading.current_thread().name
        assert await runner.run(divmod, 7, 2) == (3, 1)
    finally:
        await runner.close()


async def test_confirmations_that_wait_for_the_thread_are_deleted_in_one_transaction() -> None:
    ledger = Ledger()
    runner = TurnRunner(1, ledger)
    release = threading.Event()
    try:
        busy = asyncio.ensure_future(runner.run(release.wait, 10))  # a long turn holds the only thread
        await asyncio.sleep(0.05)
        confirmations = [asyncio.ensure_future(runner.confirm_sent(update_id)) for update_id in range(1, 6)]
        await asyncio.sleep(0.05)
        assert ledger.batches == [] and not any(c.done() for c in confirmations)  # nothing deleted before the turn
        release.set()
        await asyncio.wait_for(asyncio.gather(busy, *confirmations), 5)
        assert ledger.batches == [[1, 2, 3, 4, 5]]  # one batch, in the order they came
        assert ledger.threads == ["turns_0"]
        await asyncio.wait_for(runner.confirm_sent(6), 5)  # on an idle thread: at once, alone
        assert ledger.batches == [[1, 2, 3, 4, 5], [6]]
    finally:
        release.set()
        await runner.close()


async def test_a_database_outage_is_logged_and_releases_every_waiting_confirmation(
        caplog: pytest.LogCaptureFixture) -> None:
    runner = TurnRunner(1, Ledger(fail=True))
    try:
        with caplog.at_level(logging.WARNING, logger="companion.channels.telegram.turns"):
            await asyncio.wait_for(asyncio.gather(runner.confirm_sent(1), runner.confirm_sent(2)), 5)
        assert "could not record" in caplog.text and "database unavailable" in caplog.text
    finally:
        await runner.close()


@pytest.mark.parametrize(("overrides", "threads"), [
    ({}, 2),  # SQLite in the data directory, no model: turns only compute and write locally
    ({"database_url": "postgresql://db/companion"}, 8),
    ({"llm": "openai:gpt-4o-mini"}, 8),
    ({"chroma_host": "chroma"}, 8),
    ({"turn_threads": 3}, 3),
    ({"turn_threads": 2, "llm": "openai:gpt-4o-mini"}, 2),
])
def test_how_many_turn_threads(overrides: dict[str, object], threads: int, monkeypatch: pytest.MonkeyPatch,
                               tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    for name in ("DATABASE_URL", "LLM", "CHROMA_HOST", "TURN_THREADS"):
        monkeypatch.delenv(f"COMPANION_{name}", raising=False)
    assert load_settings(**overrides).resolved_turn_threads == threads
