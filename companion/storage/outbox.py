"""Replies kept with the turn that produced them until Telegram has them (a transactional outbox).

A turn's replies are written in the same transaction as its new state; the channel deletes the row once every
message is sent. If the process dies in between (killed, out of memory), another process (or the same one after a
restart) finds the row after a grace period and sends it: the user's message never goes unanswered. Text is
encrypted like the journal when a key is set; the rows are tied to the user (export, /oubli).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, String, bindparam, delete, insert, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from companion.engine import Reply
from companion.engine.events import Choice
from companion.storage.encrypted import EncryptedJSON
from companion.storage.models import Base, utcnow


class PendingReply(Base):
    """The replies of one update, not yet confirmed as sent."""

    __tablename__ = "pending_replies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    update_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    user_id: Mapped[str] = mapped_column(String(64), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    replies: Mapped[Any] = mapped_column(EncryptedJSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


_table = PendingReply.__table__
# Built once: every turn keeps its replies and forgets them once sent (see storage.turn_sql).
_KEEP = insert(_table)
_FORGET = delete(_table).where(_table.c.update_id.in_(bindparam("sent_update_ids", expanding=True)))


@dataclass(frozen=True)
class Undelivered:
    """Replies to send again: whose, where, what."""

    id: int
    update_id: int
    chat_id: int
    replies: list[Reply]


def encode(replies: list[Reply]) -> list[dict[str, Any]]:
    """Replies as JSON. Images and files are left out (a late answer carries its words, not its attachments)."""
    return [{"text": r.text, "choices": [[c.label, c.value] for c in r.choices], "columns": r.columns,
             "copy_text": r.copy_text, "copy_label": r.copy_label} for r in replies]


def decode(stored: list[dict[str, Any]]) -> list[Reply]:
    """The inverse of :func:`encode`."""
    return [Reply(str(item["text"]), tuple(Choice(str(label), str(value)) for label, value in item["choices"]),
                  columns=int(item.get("columns", 1)), copy_text=str(item.get("copy_text", "")),
                  copy_label=str(item.get("copy_label", ""))) for item in stored]


def keep(session: Session, update_id: int, user_id: str, chat_id: int, replies: list[Reply], now: datetime) -> None:
    """Keep a turn's replies (in the turn's transaction)."""
    session.connection().execute(_KEEP, {"update_id": update_id, "user_id": user_id, "chat_id": chat_id,
                                         "replies": encode(replies), "created_at": now})


def forget(session: Session, update_ids: Sequence[int]) -> int:
    """The replies of these updates were sent (or can never be): drop them."""
    if not update_ids:
        return 0
    return int(session.connection().execute(_FORGET, {"sent_update_ids": list(update_ids)}).rowcount or 0)


def claim_due(session: Session, now: datetime, grace: timedelta, lease: timedelta,
              limit: int = 20) -> list[Undelivered]:
    """Rows older than ``grace`` that nobody holds, claimed for ``lease`` (each claim is atomic across processes)."""
    free = or_(PendingReply.claimed_until.is_(None), PendingReply.claimed_until < now)
    candidates = session.scalars(select(PendingReply.id).where(PendingReply.created_at < now - grace, free)
                                 .order_by(PendingReply.id).limit(limit)).all()
    claimed: list[Undelivered] = []
    for row_id in candidates:
        taken = session.execute(update(PendingReply).where(PendingReply.id == row_id, free)
                                .values(claimed_until=now + lease).execution_options(synchronize_session=False))
        if not taken.rowcount:  # type: ignore[attr-defined]
            continue  # another process took it first
        row = session.get(PendingReply, row_id)
        if row is not None:
            claimed.append(Undelivered(row.id, row.update_id, row.chat_id, decode(row.replies or [])))
    return claimed
