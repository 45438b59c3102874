"""Retention: journal entries older than ``COMPANION_RETENTION_DAYS`` are deleted, on start and then daily."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from companion.storage.models import utcnow
from companion.storage.repository import SqlStore

logger = logging.getLogger(__name__)
DAY = 24 * 3600.0


def purge(store: SqlStore, days: int, now: datetime | None = None) -> int:
    """Delete journal entries older than ``days`` days; 0 days keeps everything. Returns how many went."""
    if days <= 0:
        return 0
    cutoff = (now or utcnow()) - timedelta(days=days)
    with store.unit_of_work() as uow:
        deleted = uow.purge_journal(cutoff)
        uow.commit()
    logger.info("retention: %d journal entries older than %d days deleted", deleted, days)
    return deleted


def start(store: SqlStore, days: int, *, every: float = DAY,
          clock: Callable[[], datetime] = utcnow) -> threading.Thread | None:
    """Purge now, then every ``every`` seconds in a daemon thread (it dies with the process)."""
    if days <= 0:
        return None
    purge(store, days, clock())
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(every):
            try:
                purge(store, days, clock())
            except Exception as error:  # the next round tries again; the bot keeps running
                logger.warning("retention round failed (%s)", type(error).__name__)

    thread = threading.Thread(target=loop, name="retention", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]
    thread.start()
    return thread
