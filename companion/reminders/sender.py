"""Sending reminders to Telegram: a rate limiter, retries on 429, blocked users reported, nothing sent twice.

The dispatcher's ``Bot`` talks HTTP through aiohttp (:class:`~companion.channels.telegram.request.AiohttpRequest`),
like the bot's own.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from datetime import timedelta
from enum import StrEnum
from typing import Any

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut

from companion.channels.telegram.codec import CallbackCodec
from companion.channels.telegram.render import escape_parts, keyboard
from companion.engine import Reply

logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    """What became of one delivery."""

    SENT = "sent"
    BLOCKED = "blocked"  # 403: the user blocked the bot (or the chat is gone)
    FAILED = "failed"  # refused for good, or still failing after the retries: not sent
    UNKNOWN = "unknown"  # timed out after the request left: it may have arrived, so it is not sent again


class LeanBot(Bot):
    """A ``Bot`` that can skip building the ``Message`` object of an answer nobody reads (a third of the cost)."""

    async def post_lean(self, endpoint: str, data: dict[str, Any]) -> None:
        """Call ``endpoint``; errors are raised as by any bot method (RetryAfter, Forbidden, …)."""
        await self._post(endpoint, data)


class RateLimiter:
    """About ``per_second`` messages overall and one per ``per_chat`` seconds in each chat; None lifts a limit."""

    def __init__(self, per_second: float | None = 25.0, per_chat: float | None = 1.0) -> None:
        self.interval = 1.0 / per_second if per_second else 0.0
        self.per_chat = per_chat or 0.0
        self._next = 0.0
        self._hold_until = 0.0
        self._chats: dict[int, float] = {}

    async def acquire(self, chat_id: int) -> None:
        """Wait for this chat's and the bot's next free slot."""
        now = time.monotonic()
        wait = 0.0
        if self.per_chat:
            if len(self._chats) > 10_000:  # forget chats whose slot is long past
                self._chats = {c: t for c, t in self._chats.items() if t > now}
            slot = max(now, self._chats.get(chat_id, 0.0), self._hold_until)
            self._chats[chat_id] = slot + self.per_chat
            wait = slot - now
        if self.interval:
            slot = max(now + wait, self._next, self._hold_until)
            self._next = slot + self.interval
            wait = slot - now
        elif self._hold_until > now:
            wait = max(wait, self._hold_until - now)
        if wait > 0:
            await asyncio.sleep(wait)

    def hold(self, seconds: float) -> None:
        """Telegram asked to wait (429): nobody sends before then."""
        self._hold_until = max(self._hold_until, time.monotonic() + seconds)


def _seconds(value: int | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class TelegramSender:
    """Sends a reminder's replies to one chat, as the bot renders them (escaped HTML, signed buttons)."""

    def __init__(self, bot: Bot, codec: CallbackCodec, limiter: RateLimiter, *, max_retries: int = 3,
                 max_wait: float = 120.0) -> None:
        self.bot = bot
        self.codec = codec
        self.limiter = limiter
        self.max_retries = max_retries
        self.max_wait = max_wait

    async def deliver(self, chat_id: int, replies: Sequence[Reply]) -> Outcome:
        """Send every reply in order; stop at the first one that cannot be sent."""
        for reply in replies:
            if reply.image is not None:
                image = reply.image
                outcome = await self._call(chat_id, lambda i=image: self.bot.send_photo(
                    chat_id, i.data, caption=i.alt[:1024], filename=i.filename))
                if outcome is not Outcome.SENT:
                    return outcome
            parts = escape_parts(reply.text)
            for index, part in enumerate(parts):
                markup = keyboard(reply, self.codec) if index == len(parts) - 1 else None
                outcome = await self._call(chat_id, lambda p=part, m=markup: self._send_text(chat_id, p, m))
                if outcome is not Outcome.SENT:
                    return outcome
        return Outcome.SENT

    async def _send_text(self, chat_id: int, text: str, markup: Any) -> None:
        data: dict[str, Any] = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML}
        if markup is not None:
            data["reply_markup"] = markup
        if isinstance(self.bot, LeanBot):
            await self.bot.post_lean("sendMessage", data)
        else:
            await self.bot.send_message(**data)

    async def _call(self, chat_id: int, send: Any) -> Outcome:
        waited = 0.0
        for attempt in range(self.max_retries + 1):
            await self.limiter.acquire(chat_id)
            try:
                await send()
                return Outcome.SENT
            except RetryAfter as error:
                delay = _seconds(error.retry_after)
                logger.warning("flood control: waiting %.0f s (attempt %d)", delay, attempt + 1)
                self.limiter.hold(delay)
                waited += delay
                if waited > self.max_wait:
                    return Outcome.FAILED
            except Forbidden:
                return Outcome.BLOCKED
            except BadRequest as error:
                if "chat not found" in str(error).lower():
                    return Outcome.BLOCKED
                logger.error("reminder refused by Telegram: %s", type(error).__name__)
                return Outcome.FAILED
            except TimedOut:
                return Outcome.UNKNOWN
            except NetworkError:  # refused before it left, or a 5xx: Telegram did not take it, try again
                await asyncio.sleep(min(2.0 ** attempt, 10.0))
            except TelegramError as error:
                logger.error("reminder not sent: %s", type(error).__name__)
                return Outcome.FAILED
        return Outcome.FAILED
