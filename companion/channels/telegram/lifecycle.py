"""Background work that lives as long as the bot: started after PTB initialises, stopped before it shuts down."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram.ext import Application


def run_alongside(application: Application,  # type: ignore[type-arg]
                  start: Callable[[Application], Awaitable[None]] | None,  # type: ignore[type-arg]
                  stop: Callable[[], Awaitable[None]]) -> None:
    """Chain ``start(app)`` (if any) after the application's own ``post_init`` and ``stop()`` before its
    ``post_shutdown``."""
    before_init: Any = application.post_init
    before_shutdown: Any = application.post_shutdown

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        if before_init is not None:
            await before_init(app)
        if start is not None:
            await start(app)

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        await stop()
        if before_shutdown is not None:
            await before_shutdown(app)

    application.post_init = post_init
    application.post_shutdown = post_shutdown
