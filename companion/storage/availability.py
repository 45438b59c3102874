"""The database can be away for a moment: one exception for it, and a patient wait at start-up."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

logger = logging.getLogger(__name__)


class StoreUnavailable(Exception):
    """The database could not be reached or was busy; the work was rolled back and can be tried again."""


def is_unavailable(error: BaseException) -> bool:
    """Is this database error about reaching the database (not about the data or the SQL)?"""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def wait_for_database(engine: Engine, timeout: float, *, sleep: Callable[[float], None] = time.sleep) -> None:
    """Return once the database answers; retry with backoff for ``timeout`` seconds, then raise.

    So that a bot started while its database is restarting waits instead of exiting (and being restarted in a
    loop by its supervisor).
    """
    deadline = time.monotonic() + timeout
    delay = 0.5
    while True:
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return
        except DBAPIError as error:
            if not is_unavailable(error) or time.monotonic() + delay > deadline:
                raise
            logger.warning("database unreachable (%s), retrying in %.1fs", type(error.orig).__name__, delay)
            sleep(delay)
            delay = min(delay * 2, 10.0)
