"""Where the Telegram channel runs its database work: a small pool of threads, and batched "sent" confirmations.

A turn (``ConversationService.handle``) is synchronous: SQL, retrieval, perhaps a model's answer. It runs off the
event loop so that webhooks, button acknowledgements and timers never wait for it.

With SQLite and no model, two threads are enough and go faster: SQLite takes one writer at a time anyway, and each
extra thread only adds handovers of Python's GIL (every SQL statement gives it up, and takes it back). Measured in
``companion bench updates``: the turn thread spent more than half of its time waiting for the GIL, and the
process did more work per update with 6 threads than with 1. The second thread earns its place with questions:
their e5 embedding runs outside the GIL for several milliseconds, and meanwhile the other thread serves other
users (lower p95 latency with several users at once, and as many updates per second or more). A model's
answer or a database server means waiting on the network, so those get several threads
(``COMPANION_TURN_THREADS`` overrides both).

Once a turn's replies reached Telegram, their kept copy is deleted (see ``storage.outbox``). Confirmations that
arrive while an earlier one waits for the thread are deleted together, in one transaction: under load, one
transaction for many turns instead of one each. No confirmation waits longer than it did alone: the batch is
taken the moment the thread is free.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from companion.storage.availability import StoreUnavailable

logger = logging.getLogger(__name__)
T = TypeVar("T")


class TurnRunner:
    """Runs blocking turn work on its own threads; confirms sent replies in batches."""

    def __init__(self, threads: int, forget_sent: Callable[[Sequence[int]], None]) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="turns")
        self._forget_sent = forget_sent
        self._lock = threading.Lock()
        self._waiting: list[tuple[int, asyncio.Future[None]]] = []  # confirmations no batch has taken yet
        self._batch_queued = False

    async def run(self, work: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """``work(*args, **kwargs)`` on a turn thread."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, functools.partial(work, *args, **kwargs))

    async def confirm_sent(self, update_id: int) -> None:
        """Delete the kept replies of ``update_id``; returns once that is committed (or could not be)."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        with self._lock:
            self._waiting.append((update_id, done))
            queue_batch, self._batch_queued = not self._batch_queued, True
        if queue_batch:
            self._pool.submit(self._confirm_batch, loop)
        await done

    def _confirm_batch(self, loop: asyncio.AbstractEventLoop) -> None:
        """On a turn thread: take every confirmation waiting now and delete their rows in one transaction."""
        with self._lock:
            batch, self._waiting = self._waiting, []
            self._batch_queued = False
        try:
            self._forget_sent([update_id for update_id, _ in batch])
        except StoreUnavailable:  # sent, but not recorded as sent: they may be sent once more, later
            logger.warning("could not record %d turn(s) of replies as sent (database unavailable)", len(batch))
        except Exception:
            logger.exception("could not record %d turn(s) of replies as sent", len(batch))
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(_settle, [future for _, future in batch])

    async def close(self) -> None:
        """Let queued work finish on its own; accept no more."""
        self._pool.shutdown(wait=False)


def _settle(futures: list[asyncio.Future[None]]) -> None:
    for future in futures:
        if not future.done():
            future.set_result(None)
