"""The reminders' way out: a port that sends a reminder's replies and says what became of them.

The Telegram channel implements it (``channels.telegram.sender.TelegramSender``): reminders never import a
channel.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Protocol

from companion.engine import Reply


class Outcome(StrEnum):
    """What became of one delivery."""

    SENT = "sent"
    BLOCKED = "blocked"  # 403: the user blocked the bot (or the chat is gone)
    FAILED = "failed"  # refused for good, or still failing after the retries: not sent
    UNKNOWN = "unknown"  # no answer after the retries: it may have arrived, so it is not sent again


class Sender(Protocol):
    """Delivers a reminder's replies to a chat."""

    async def send(self, chat_id: int, replies: Sequence[Reply]) -> Outcome:
        """Send the replies in order; never raises for a Telegram failure."""
        ...
