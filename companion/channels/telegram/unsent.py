"""Sending the replies a bot process kept but never confirmed, because it died in between (see storage.outbox)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import Any

from telegram.error import TelegramError
from telegram.ext import Application

from companion.channels.telegram.lifecycle import run_alongside
from companion.storage.availability import StoreUnavailable

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=5)
"""A claimed row is left alone this long by other processes (then it is theirs to try)."""


class UnsentReplies:
    """Every few seconds: claim replies older than the grace period and send them, once each."""

    def __init__(self, channel: Any, bot: Any, grace: float) -> None:
        self.channel, self.bot = channel, bot
        self.grace = timedelta(seconds=grace)
        self.interval = max(0.5, min(30.0, grace / 2))
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def tick(self) -> int:
        """Send what is due now; returns how many turns' replies were sent."""
        conversations = self.channel.services.conversations
        try:
            due = await asyncio.to_thread(conversations.unsent_replies, self.grace, LEASE)
        except StoreUnavailable:
            return 0
        sent = 0
        for item in due:
            try:
                await self.channel.deliver(self.bot, item.chat_id, item.update_id, item.replies)
                sent += 1
            except TelegramError as error:  # kept: tried again once the lease runs out
                logger.warning("unsent replies still not delivered (%s)", type(error).__name__)
        if sent:
            logger.warning("sent the replies of %d turn(s) a stopped process had not sent", sent)
        return sent

    async def run(self) -> None:
        """Tick until stopped; a failing tick never stops the loop."""
        while not self._stop.is_set():
            try:
                await self.tick()
            except Exception:
                logger.exception("unsent replies: tick failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), self.interval)

    def start(self) -> None:
        """Start ticking in the background."""
        self._stop.clear()
        self._task = asyncio.create_task(self.run(), name="unsent-replies")

    async def stop(self) -> None:
        """Let the current tick finish."""
        self._stop.set()
        if self._task is not None:
            await self._task


def attach(application: Application, channel: Any) -> None:  # type: ignore[type-arg]
    """Run the unsent-replies loop alongside the bot (off when COMPANION_OUTBOX_GRACE_SECONDS is 0)."""
    grace = channel.services.settings.outbox_grace_seconds
    if grace <= 0:
        return
    loop: UnsentReplies | None = None

    async def start(app: Application) -> None:  # type: ignore[type-arg]
        nonlocal loop
        loop = UnsentReplies(channel, app.bot, grace)
        loop.start()

    async def stop() -> None:
        if loop is not None:
            await loop.stop()

    run_alongside(application, start, stop)
