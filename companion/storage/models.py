"""Database tables (SQLAlchemy 2.0 typed models)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Integer, String, true
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from companion.storage.encrypted import EncryptedJSON, EncryptedText


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Base of every table."""

    type_annotation_map = {datetime: DateTime(timezone=True), dict[str, Any]: JSON}


class User(Base):
    """A person talking to Compagnon, whatever the channel."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    telegram_id: Mapped[int | None] = mapped_column(BigInteger, unique=True, nullable=True)
    language: Mapped[str] = mapped_column(String(8), default="fr")
    formal: Mapped[bool] = mapped_column(Boolean, default=False)
    agreement: Mapped[str] = mapped_column(String(8), default="", server_default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Paris")
    consent_at: Mapped[datetime | None] = mapped_column(nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    portrait: Mapped[str | None] = mapped_column(EncryptedText, nullable=True)
    mission: Mapped[str | None] = mapped_column(EncryptedText, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())


class ProcessedUpdate(Base):
    """A Telegram update already handled: its id is claimed in the same transaction as the turn it caused.

    No user id and no text: only the number, so that a redelivered update is never answered twice, even when
    two processes receive a user's updates out of order. Old ids are pruned (``UnitOfWork.prune_updates``).
    """

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ConversationRow(Base):
    """Where a user is in the conversation: one row per user, versioned for optimistic locking."""

    __tablename__ = "conversation_states"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    flow: Mapped[str | None] = mapped_column(String(32), nullable=True)
    step: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # Drafts and received messages live in data/paused: encrypted at rest when a key is configured.
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    paused: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    last_update_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class JournalEntry(Base):
    """Something the user chose to keep: a note, a journey answer, a portrait…"""

    __tablename__ = "journal_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    theme: Mapped[str | None] = mapped_column(String(32), nullable=True)
    text: Mapped[str] = mapped_column(EncryptedText)
    prompt: Mapped[str | None] = mapped_column(EncryptedText, nullable=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    emotions: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)
    details: Mapped[dict[str, Any] | None] = mapped_column(EncryptedJSON, nullable=True)


class SafetyPlan(Base):
    """The safety plan the user built with ``/plan``: its written parts by name, encrypted at rest."""

    __tablename__ = "safety_plans"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    parts: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
