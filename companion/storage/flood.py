"""Per-user flood limit kept in the database, so that every bot process counts the same messages."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Boolean, Float, Integer, String, update
from sqlalchemy.exc import IntegrityError
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


def hit(session: Session, user_id: str, now: float, limit: int, window: float) -> Verdict:
    """Count one update of ``user_id`` at ``now`` (epoch seconds); atomic across processes."""
    table = FloodWindow
    count: int | None = None
    for _ in range(3):
        count = session.scalar(
            update(table).where(table.user_id == user_id, table.window_start > now - window)
            .values(count=table.count + 1).returning(table.count).execution_options(synchronize_session=False))
        if count is not None:
            break
        # The window is over (only one process may restart it) or the user was never counted.
        restarted = session.execute(
            update(table).where(table.user_id == user_id, table.window_start <= now - window)
            .values(window_start=now, count=1, notified=False).execution_options(synchronize_session=False))
        if restarted.rowcount:  # type: ignore[attr-defined]
            return Verdict.OK
        try:
            with session.begin_nested():
                session.add(FloodWindow(user_id=user_id, window_start=now, count=1, notified=False))
            return Verdict.OK
        except IntegrityError:
            continue  # another process inserted it first: count again
    if count is None or count <= limit:
        return Verdict.OK
    told = session.execute(update(table).where(table.user_id == user_id, table.notified.is_(False))
                           .values(notified=True).execution_options(synchronize_session=False))
    return Verdict.NOTIFY if told.rowcount else Verdict.DROP  # type: ignore[attr-defined]
