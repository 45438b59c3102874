"""Retention: journal entries older than ``COMPANION_RETENTION_DAYS`` are deleted (the bot's ``retention`` job)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from companion.storage.models import utcnow
from companion.storage.repository import SqlStore

logger = logging.getLogger(__name__)


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
