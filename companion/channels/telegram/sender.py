"""The one way out to Telegram: one bot, one rate limiter, one retry policy, for turns, unsent replies and reminders.

Retry policy, the same for every call:

* A 429 is waited out by PTB's ``AIORateLimiter`` (``retry_after``, then the call again, a few times).
* A call Telegram did not answer is repeated, with a short backoff, up to :data:`SEND_ATTEMPTS` tries: a 5xx
  answer, a connection that failed or was dropped, and a timeout. The read timeout (:data:`SEND_READ_TIMEOUT`)
  is long, so that only a lost request times out, not a slow one: a late answer is rarely a duplicate, and a
  conversation without its answer is worse than a rare message twice.
* A refusal (400 bad request, 403 blocked by the user) is final and never repeated.

Reminders stay exactly-once where it is decided, in the database: a delivery is claimed by one dispatcher and
its outcome recorded; one left "sending" by a dead process is never sent again (see ``storage.reminder_store``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import AIORateLimiter, ExtBot
from telegram.request import HTTPXRequest

from companion.channels.telegram.codec import CallbackCodec
from companion.channels.telegram.render import bubbles, escape_parts, keyboard
from companion.config import Settings
from companion.engine import Reply
from companion.reminders.sender import Outcome

logger = logging.getLogger(__name__)
T = TypeVar("T")

CONNECTION_POOL = 8
"""Telegram takes about 30 messages a second from a bot: a few connections carry that."""
SEND_READ_TIMEOUT = 20.0
"""Seconds to wait for Telegram's answer before a call counts as lost (PTB's default is 5)."""
OVERALL_MAX_RATE = 30.0
"""Telegram's limit of about 30 messages per second for a bot."""
RATE_LIMIT_RETRIES = 3
"""How many 429s in a row the rate limiter waits out before the call fails."""
SEND_ATTEMPTS = 6
"""Tries of one call that Telegram did not answer (a 5xx, a dropped connection, a timeout)."""
BACKOFF = (0.2, 0.5, 1.0, 2.0, 4.0)


def make_bot(settings: Settings, *, overall_max_rate: float = OVERALL_MAX_RATE) -> ExtBot[None]:
    """The bot every part of Compagnon sends through: PTB's HTTP transport and PTB's ``AIORateLimiter``.

    ``overall_max_rate`` 0 lifts the overall limit (benchmarks against a local fake server measure our own cost,
    not Telegram's limit).
    """
    if settings.telegram_token is None:
        raise ValueError("COMPANION_TELEGRAM_TOKEN is required for the Telegram channel")
    return ExtBot(
        settings.telegram_token.get_secret_value(),
        base_url=settings.telegram_base_url,
        base_file_url=settings.telegram_base_file_url or "https://api.telegram.org/file/bot",
        request=HTTPXRequest(connection_pool_size=CONNECTION_POOL, read_timeout=SEND_READ_TIMEOUT,
                             write_timeout=SEND_READ_TIMEOUT, media_write_timeout=SEND_READ_TIMEOUT),
        get_updates_request=HTTPXRequest(connection_pool_size=1, read_timeout=SEND_READ_TIMEOUT),
        rate_limiter=AIORateLimiter(overall_max_rate=overall_max_rate, max_retries=RATE_LIMIT_RETRIES),
    )


class TelegramSender:
    """Sends replies to a chat as the bot renders them (escaped HTML, signed buttons), with the one retry policy.

    ``send`` answers an :class:`~companion.reminders.sender.Outcome` (the reminders' port); ``deliver`` raises
    the last :class:`~telegram.error.TelegramError` instead (turns and unsent replies).
    """

    def __init__(self, bot: ExtBot[Any], codec: CallbackCodec, *, attempts: int = SEND_ATTEMPTS,
                 sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.bot = bot
        self.codec = codec
        self.attempts = attempts
        self._sleep = sleep

    async def call(self, send: Callable[[], Awaitable[T]], what: str) -> T:
        """Run one Bot API call, repeating it while Telegram does not answer; refusals raise at once."""
        for attempt in range(1, self.attempts + 1):
            try:
                return await send()
            except (BadRequest, Forbidden, RetryAfter):  # refused, or still flooded after the limiter's waits
                raise
            except NetworkError as error:  # includes TimedOut and 5xx answers
                if attempt == self.attempts:
                    raise
                delay = BACKOFF[min(attempt - 1, len(BACKOFF) - 1)]
                logger.warning("%s failed (%s), retrying in %.1fs (attempt %d)", what, type(error).__name__, delay,
                               attempt)
                await self._sleep(delay)
        raise AssertionError("unreachable")

    async def text(self, chat_id: int, text: str, what: str) -> None:
        """Send one plain text message (a catalog line: no markup, no buttons)."""
        await self.call(lambda: self.bot.send_message(chat_id, text), what)

    async def deliver(self, chat_id: int, replies: Sequence[Reply]) -> None:
        """Send replies in order: images as photos, long texts in parts, buttons on the last part, then files."""
        for reply in bubbles(list(replies)):
            if reply.image is not None:
                image = reply.image
                await self.call(lambda i=image: self.bot.send_photo(chat_id, i.data, caption=i.alt[:1024],
                                                                    filename=i.filename), "photo")
            parts = escape_parts(reply.text)
            for index, part in enumerate(parts):
                markup = keyboard(reply, self.codec) if index == len(parts) - 1 else None
                await self.call(lambda p=part, m=markup: self.bot.send_message(
                    chat_id, p, parse_mode=ParseMode.HTML, reply_markup=m), "message")
            for document in reply.documents:
                await self.call(lambda d=document: self.bot.send_document(
                    chat_id, InputFile(d.data, filename=d.filename)), "document")

    async def send(self, chat_id: int, replies: Sequence[Reply]) -> Outcome:
        """Send every reply in order and say what became of them; stops at the first that cannot be sent."""
        try:
            await self.deliver(chat_id, replies)
        except Forbidden:
            return Outcome.BLOCKED
        except BadRequest as error:
            if "chat not found" in str(error).lower():
                return Outcome.BLOCKED
            logger.error("refused by Telegram: %s", type(error).__name__)
            return Outcome.FAILED
        except TimedOut:  # still no answer after every try: it may have arrived
            return Outcome.UNKNOWN
        except TelegramError as error:
            logger.error("not sent: %s", type(error).__name__)
            return Outcome.FAILED
        return Outcome.SENT
