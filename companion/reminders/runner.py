"""The dispatcher inside the bot process: started after PTB initialises, stopped before it shuts down."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from telegram.ext import Application

from companion.bootstrap import Services
from companion.channels.telegram.codec import CallbackCodec
from companion.channels.telegram.lifecycle import run_alongside
from companion.channels.telegram.request import AiohttpRequest
from companion.reminders.dispatcher import Dispatcher
from companion.reminders.lookback import MatplotlibCharts
from companion.reminders.sender import LeanBot, RateLimiter, TelegramSender

logger = logging.getLogger(__name__)
PIPELINE = 3


class ReminderLoop:
    """Owns the dispatcher, its own ``Bot`` (its own rate limiter) and the asyncio task that ticks."""

    def __init__(self, services: Services, codec: CallbackCodec) -> None:
        settings = services.settings
        assert settings.telegram_token is not None
        self.interval = settings.reminder_tick_seconds
        self.bot = LeanBot(settings.telegram_token.get_secret_value(), base_url=settings.telegram_base_url,
                       base_file_url=settings.telegram_base_file_url or "https://api.telegram.org/file/bot",
                       request=AiohttpRequest(connections=16))
        limiter = RateLimiter(per_second=settings.reminder_rate, per_chat=1.0)
        sender = TelegramSender(self.bot, codec, limiter)
        # Small chunks (a tenth of a second of sending each, three at a time): a crash leaves at most
        # ``chunk * pipeline`` deliveries in doubt, and those are never sent twice.
        chunk = max(1, round(settings.reminder_rate / 10))
        self.dispatcher = Dispatcher(services.store, services.conversations.engine, sender, charts=MatplotlibCharts(),
                                     batch=max(50, chunk * 20), chunk=chunk, pipeline=PIPELINE,
                                     lease=timedelta(seconds=settings.reminder_lease_seconds))
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Open the bot's connection and start ticking."""
        await self.bot.initialize()
        self._stop.clear()
        self._task = asyncio.create_task(self.dispatcher.run(self.interval, self._stop), name="reminders")
        logger.info("reminder dispatcher started (every %.0f s)", self.interval)

    async def stop(self) -> None:
        """Let the current tick finish, then close."""
        self._stop.set()
        if self._task is not None:
            await self._task
        await self.bot.shutdown()
        self.dispatcher.close()


def attach(application: Application, services: Services, codec: CallbackCodec) -> None:  # type: ignore[type-arg]
    """Run the reminder dispatcher alongside the bot (no-op when COMPANION_REMINDER_TICK_SECONDS is 0)."""
    if services.settings.reminder_tick_seconds <= 0 or services.settings.telegram_token is None:
        return
    loop = ReminderLoop(services, codec)

    async def start(_app: Application) -> None:  # type: ignore[type-arg]
        await loop.start()

    run_alongside(application, start, loop.stop)
