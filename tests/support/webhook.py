"""The real Telegram application in webhook mode, in-process, against the fake Bot API.

Updates are injected into the fake server as a user would send them, taken out of its queue and posted to
the bot's webhook over HTTP with Telegram's secret-token header, exactly as Telegram delivers them.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from telegram.ext import Application

from companion.bootstrap import Services, build_services
from companion.channels.telegram.app import build_application
from companion.channels.telegram.webhook import serving, webhook_secret
from companion.config import load_settings
from companion.evals.fake_bot_api import FakeBotApi, running
from tests.support.telegram import PUBLIC_URL, TOKEN, buttons, free_port


@dataclass
class Bot:
    """One running bot and its fake Telegram."""

    api: FakeBotApi
    services: Services
    application: Application
    url: str
    secret: str
    http: httpx.AsyncClient
    errors: list[BaseException] = field(default_factory=list)

    async def deliver(self, secret: str | None = None) -> list[httpx.Response]:
        """Post every queued update to the webhook, in order; returns the HTTP answers."""
        answers = []
        for update in self.api.pop_updates():
            answers.append(await self.post(update, secret))
        return answers

    async def post(self, update: dict[str, Any], secret: str | None = None) -> httpx.Response:
        """Post one update with the secret header (``secret=""`` sends none)."""
        token = self.secret if secret is None else secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": token} if token else {}
        return await self.http.post(self.url, json=update, headers=headers)

    async def say(self, user: int, text: str = "", **kw: Any) -> int:
        """The user sends a message (``kind=`` sticker, photo…); returns its message id."""
        sent = self.api.inject_message(user, text, **kw)
        await self.deliver()
        return int(sent["message_id"])

    async def press(self, user: int, message_id: int, data: str) -> None:
        """The user presses a button of a bot message."""
        self.api.inject_callback(user, message_id, data)
        await self.deliver()

    async def idle(self, timeout: float = 30.0) -> None:
        """Wait until every delivered update was fully processed."""
        processor = self.application.update_processor
        deadline = asyncio.get_running_loop().time() + timeout
        calm = 0
        while calm < 5:
            busy = not self.application.update_queue.empty() or processor.current_concurrent_updates
            calm = 0 if busy else calm + 1
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError("the bot is still busy")
            await asyncio.sleep(0.01)

    async def turn(self, user: int, text: str = "", timeout: float = 30.0, **kw: Any) -> list[dict[str, Any]]:
        """Send a message and return what the bot sent back to that chat for it."""
        seq = self.api.last_seq()
        await self.say(user, text, **kw)
        await self.idle(timeout)
        return self.api.sent(user, seq)

    async def click(self, user: int, message: dict[str, Any], index: int = 0) -> list[dict[str, Any]]:
        """Press the ``index``-th button of ``message`` and return the answer."""
        seq = self.api.last_seq()
        await self.press(user, message["message_id"], buttons(message)[index]["callback_data"])
        await self.idle()
        return self.api.sent(user, seq)

    async def onboard(self, user: int) -> list[dict[str, Any]]:
        """/start and "I agree": the user can use everything."""
        welcome = await self.turn(user, "/start")
        return await self.click(user, welcome[-1])


@asynccontextmanager
async def webhook_bot(tmp_path: Path, database_url: str, *, overall_max_rate: float = 30,
                      **overrides: Any) -> AsyncIterator[Bot]:
    """Run the real application in webhook mode against a fake Bot API on this event loop.

    ``overall_max_rate`` is the rate limiter's messages per second (0: no ceiling, for long fuzz runs).
    """
    async with running(token=TOKEN) as api:
        values: dict[str, Any] = {
            "telegram_token": TOKEN, "telegram_base_url": api.base_url, "telegram_base_file_url": api.base_file_url,
            "database_url": database_url, "data_dir": tmp_path / "data", "retrieval": "bm25",
            "webhook_port": free_port(), "webhook_path": "tg", "webhook_url": PUBLIC_URL, "db_retry_seconds": 5,
        }
        values.update(overrides)
        settings = load_settings(**values)
        services = await asyncio.to_thread(build_services, settings)
        application = build_application(services, overall_max_rate=overall_max_rate)
        bot_errors: list[BaseException] = []

        async def record(update: object, context: Any) -> None:
            if context.error is not None:
                bot_errors.append(context.error)

        application.add_error_handler(record)
        try:
            async with serving(application, settings) as url, httpx.AsyncClient(timeout=30) as http:
                yield Bot(api, services, application, url, webhook_secret(settings), http, bot_errors)
        finally:
            services.store.engine.dispose()
