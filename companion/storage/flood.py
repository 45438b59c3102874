"""Per-user flood limit kept in the database, so that every bot process counts the same messages."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, Float, Integer, String, bindparam, text, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from companion.storage.models import Base


class FloodWindow(Base):
    """How many updates a user sent in the current window, and whether they were told to slow down.

    No foreign key: the first messages of a new user are counted before their ``users`` row exists.
    """

    __tablename__ = "flood_windows"

    user_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[float] = mapped_column(Float)  # seconds since the epoch
    count: Mapped[int] = mapped_column(Integer, default=0)
    notified: Mapped[bool] = mapped_column(Boolean, default=False)


class Verdict(StrEnum):
    """What to do with one update."""

    OK = "ok"
    NOTIFY = "notify"  # over the limit, first time in this window: tell the user, once
    DROP = "drop"  # over the limit, already told


_table = FloodWindow.__table__
# Built once: this runs on every message (see storage.turn_sql).
# The usual case, a message within the limit of a running window: counted in one statement, no row to read back.
_COUNT_BELOW = (update(_table).where(_table.c.user_id == bindparam("who"), _table.c.window_start > bindparam("since"),
                                     _table.c.count < bindparam("limit"))
                .values(count=_table.c.count + 1))
# A user never counted (or whose row another process just wrote: then nothing is inserted, and counting goes on).
_START = text(
    "INSERT INTO flood_windows (user_id, window_start, count, notified) VALUES (:who, :now, 1, :notified) "
    "ON CONFLICT (user_id) DO NOTHING"
).bindparams(bindparam("notified", type_=_table.c.notified.type))
_COUNT = (update(_table).where(_table.c.user_id == bindparam("who"), _table.c.window_start > bindparam("since"))
          .values(count=_table.c.count + 1).returning(_table.c.count))
_RESTART = (update(_table).where(_table.c.user_id == bindparam("who"), _table.c.window_start <= bindparam("since"))
            .values(window_start=bindparam("now"), count=1, notified=False))
_NOTIFY = (update(_table).where(_table.c.user_id == bindparam("who"), _table.c.notified.is_(False))
           .values(notified=True))


def hit(session: Session, user_id: str, now: float, limit: int, window: float) -> Verdict:
    """Count one update of ``user_id`` at ``now`` (epoch seconds); atomic across processes."""
    connection = session.connection()
    keys = {"who": user_id, "since": now - window}
    if connection.execute(_COUNT_BELOW, keys | {"limit": limit}).rowcount:
        return Verdict.OK
    # At the limit, a window that is over, or a user never counted.
    if connection.execute(_START, {"who": user_id, "now": now, "notified": False}).rowcount:
        return Verdict.OK
    count = connection.execute(_COUNT, keys).scalar()
    # The window is over: only one process may restart it; one that finds it restarted counts in the new one.
    if count is None:
        if connection.execute(_RESTART, keys | {"now": now}).rowcount:
            return Verdict.OK
        count = connection.execute(_COUNT, keys).scalar()
    if count is None or count <= limit:
        return Verdict.OK
    return Verdict.NOTIFY if connection.execute(_NOTIFY, {"who": user_id}).rowcount else Verdict.DROP
