"""Tables of the reminders: each user's settings, and the queue of deliveries (daily, weekly, one-off)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from companion.storage.models import Base, utcnow

EVERY_DAY = 0b1111111
"""Days of the week as a bit mask, Monday = bit 0."""


class ReminderSettings(Base):
    """One user's daily question: when, where (timezone), which days, and what was asked and answered.

    Settings only: when the next message is due is a row of ``reminder_deliveries``.
    """

    __tablename__ = "reminder_settings"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    minute: Mapped[int] = mapped_column(Integer, default=20 * 60 + 30)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Paris")
    days: Mapped[int] = mapped_column(Integer, default=EVERY_DAY)
    weekly_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    asked: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    pending_question: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pending_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    streak: Mapped[int] = mapped_column(Integer, default=0)
    last_answer_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ReminderDelivery(Base):
    """One message due at ``due_at``: unique per user, kind and occurrence, so it is queued and sent once at most.

    ``occurrence`` is the user's local date (``2026-03-29``) for daily and weekly messages, ``f…`` for a one-off
    follow-up. ``status`` moves due → claimed → sending → sent | blocked | failed | skipped; a ``due`` row too
    late to send becomes ``skipped``; a ``sending`` row left by a dead process becomes ``unknown`` and is never
    sent again. A user's next daily and weekly rows are queued when their settings change and when the previous
    occurrence is claimed.
    """

    __tablename__ = "reminder_deliveries"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "occurrence", name="uq_reminder_delivery"),
        Index("ix_reminder_deliveries_status_claimed", "status", "claimed_at"),
        Index("ix_reminder_deliveries_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    occurrence: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column()
    status: Mapped[str] = mapped_column(String(16), default="due")
    owner: Mapped[str | None] = mapped_column(String(64), nullable=True)
    claimed_at: Mapped[datetime | None] = mapped_column(nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
