"""The "typing…" indicator: none for a quick turn, shown and refreshed for a long one, never after the answer."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from telegram.error import NetworkError

from companion.channels.telegram import resilience
from companion.channels.telegram.resilience import Typing


class RecordingBot:
    """Records chat actions; ``slow`` makes each one take that long, ``fail`` makes them raise."""

    def __init__(self, slow: float = 0.0, fail: bool = False) -> None:
        self.actions: list[tuple[float, int, str]] = []
        self.slow, self.fail = slow, fail

    async def send_chat_action(self, chat_id: int, action: str) -> bool:
        await asyncio.sleep(self.slow)
        self.actions.append((asyncio.get_running_loop().time(), chat_id, action))
        if self.fail:
            raise NetworkError("down")
        return True


async def test_a_quick_turn_shows_nothing() -> None:
    bot = RecordingBot()
    typing = Typing(bot, 7, delay=0.2)  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    await typing.stop()
    await asyncio.sleep(0.3)
    assert bot.actions == []


async def test_a_long_turn_shows_typing_and_refreshes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resilience, "TYPING_REFRESH", 0.1)
    bot = RecordingBot()
    typing = Typing(bot, 7, delay=0.05)  # type: ignore[arg-type]
    await asyncio.sleep(0.4)
    await typing.stop()
    count = len(bot.actions)
    assert count >= 3 and {(chat, action) for _, chat, action in bot.actions} == {(7, "typing")}
    await asyncio.sleep(0.3)
    assert len(bot.actions) == count  # nothing after stop()


async def test_stop_waits_for_an_action_on_its_way_so_it_never_follows_the_answer() -> None:
    bot = RecordingBot(slow=0.2)
    typing = Typing(bot, 7, delay=0.0)  # type: ignore[arg-type]
    await asyncio.sleep(0.05)  # the chat action is in flight
    await typing.stop()
    stopped = asyncio.get_running_loop().time()
    assert len(bot.actions) == 1 and bot.actions[0][0] <= stopped


async def test_a_failing_chat_action_is_harmless(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resilience, "TYPING_REFRESH", 0.05)
    bot: Any = RecordingBot(fail=True)
    typing = Typing(bot, 7, delay=0.0)
    await asyncio.sleep(0.2)
    await typing.stop()
    assert len(bot.actions) >= 2  # it kept trying; the turn was never disturbed
