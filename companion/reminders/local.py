"""Reminders for the terminal chat: one user's due reminders, worded by the engine, handed back as replies."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import datetime

from companion.engine import Engine, Reply
from companion.engine.ports import Charts
from companion.reminders.dispatcher import Dispatcher
from companion.reminders.sender import Outcome
from companion.storage import SqlStore
from companion.storage.models import utcnow


class Collected:
    """A sender that keeps what it is given, to be shown by whoever asks next."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []

    async def send(self, chat_id: int, replies: Sequence[Reply]) -> Outcome:
        """Keep the replies; they count as sent."""
        self.replies.extend(replies)
        return Outcome.SENT

    def take(self) -> list[Reply]:
        """What was kept since the last call."""
        taken, self.replies = self.replies, []
        return taken


class LocalReminders:
    """``due()`` claims and words the user's reminders that are due now, marks them sent, and returns them."""

    def __init__(self, store: SqlStore, engine: Engine, user_id: str, *, charts: Charts | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.sender = Collected()
        self.dispatcher = Dispatcher(store, engine, self.sender, charts=charts, clock=clock, local_user=user_id,
                                     owner=f"terminal:{user_id}"[:64])

    def due(self) -> list[Reply]:
        """The replies of every reminder due now (none most of the time)."""
        asyncio.run(self.dispatcher.tick())
        return self.sender.take()

    def close(self) -> None:
        """Stop the dispatcher's database thread."""
        self.dispatcher.close()
