"""The "typing…" indicator: none for a quick turn, shown and refreshed for a long one, never after the answer.

The tests wait for events (an action sent, an action on its way), never for a duration to pass.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from telegram.error import NetworkError

from companion.channels.telegram import resilience
from companion.channels.telegram.resilience import Typing


class RecordingBot:
    """Records chat actions; with ``hold`` each one stays on its way until ``release`` is set; ``fail`` raises."""

    def __init__(self, hold: bool = False, fail: bool = False) -> None:
        self.actions: list[tuple[int, str]] = []
        self.on_its_way = asyncio.Event()
        self.release = asyncio.Event()
        if not hold:
            self.release.set()
        self.fail = fail

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        self.on_its_way.set()
        await self.release.wait()
        self.actions.append((chat_id, action))
        if self.fail:
            raise NetworkError("down")
        return True


async def until(condition: Callable[[], bool]) -> None:
    """Let the loop run until ``condition`` holds (the bound only turns a broken indicator into a failure)."""
    async with asyncio.timeout(60):
        while not condition():
            await asyncio.sleep(0.005)


async def test_a_quick_turn_shows_nothing() -> None:
    bot = RecordingBot()
    typing = Typing(bot, 7, delay=0.02)  # type: ignore[arg-type]
    await typing.stop()  # the answer came before the delay could pass: the loop has not run since
    await asyncio.sleep(0.1)  # long past the delay: a timer left running would have sent an action by now
    assert bot.actions == []


async def test_a_long_turn_shows_typing_and_refreshes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resilience, "TYPING_REFRESH", 0.01)
    bot = RecordingBot()
    typing = Typing(bot, 7, delay=0.0)  # type: ignore[arg-type]
    await until(lambda: len(bot.actions) >= 3)
    await typing.stop()
    count = len(bot.actions)
    assert set(bot.actions) == {(7, "typing")}
    await asyncio.sleep(0.1)  # several refresh periods
    assert len(bot.actions) == count  # nothing after stop()


async def test_stop_waits_for_an_action_on_its_way_so_it_never_follows_the_answer() -> None:
    bot = RecordingBot(hold=True)
    typing = Typing(bot, 7, delay=0.0)  # type: ignore[arg-type]
    await until(bot.on_its_way.is_set)
    stopping = asyncio.create_task(typing.stop())
    for _ in range(5):
        await asyncio.sleep(0)
    assert not stopping.done()  # the answer waits for the action already sent
    bot.release.set()
    await stopping
    assert bot.actions == [(7, "typing")]


async def test_a_failing_chat_action_is_harmless(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resilience, "TYPING_REFRESH", 0.01)
    bot: Any = RecordingBot(fail=True)
    typing = Typing(bot, 7, delay=0.0)
    await until(lambda: len(bot.actions) >= 2)  # it kept trying; the turn was never disturbed
    await typing.stop()
    assert set(bot.actions) == {(7, "typing")}
