"""Staying correct under load: per-user ordering of updates, a typing indicator (retries: see ``sender``)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseUpdateProcessor, ExtBot

logger = logging.getLogger(__name__)

TYPING_REFRESH = 4.5
"""Seconds between two "typing…" actions while a long turn runs (Telegram shows one for about 5 s)."""


class Typing:
    """Shows "typing…" once a turn has taken longer than ``delay``, and again every few seconds until stopped.

    A quick turn sends no chat action at all: the answer itself arrives before anyone would notice a wait, and
    costs one timer (the task that sends the actions starts only once the delay has passed).
    A failure here never stops the answer.
    """

    def __init__(self, bot: ExtBot[Any], chat_id: int, delay: float) -> None:
        self.bot, self.chat_id = bot, chat_id
        self._sending = asyncio.Lock()
        self._stopped = False
        self._task: asyncio.Task[None] | None = None
        self._timer = asyncio.get_running_loop().call_later(delay, self._begin)

    def _begin(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            async with self._sending:
                if self._stopped:
                    return
                with contextlib.suppress(TelegramError):
                    await self.bot.send_chat_action(self.chat_id, ChatAction.TYPING)
            await asyncio.sleep(TYPING_REFRESH)

    async def stop(self) -> None:
        """Stop before the answer is sent; a chat action already on its way arrives first."""
        self._timer.cancel()
        if self._task is None:  # the delay has not passed: nothing was started
            self._stopped = True
            return
        async with self._sending:
            self._stopped = True
            self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


class PerUserProcessor(BaseUpdateProcessor):
    """Updates of different users run concurrently; the updates of one user run one at a time, in order.

    Each update takes its user's lock in the order PTB hands updates over (asyncio locks are first in, first
    out), so a user's second message is never answered before their first.
    """

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the user's earlier updates, then process this one."""
        key = _owner(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody else queued: forget the lock, memory stays flat
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""


def _owner(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_user is not None:
        return update.effective_user.id
    return update.effective_chat.id if update.effective_chat is not None else None
