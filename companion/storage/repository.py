"""Repositories and the unit of work: the only place that speaks SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from companion.engine.state import ConversationState, Profile
from companion.storage.models import ConversationRow, JournalEntry, User, utcnow


class VersionConflict(Exception):
    """Another process changed the conversation state first; the unit of work must be retried."""


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes even for timezone=True columns; they were stored in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class UnitOfWork:
    """One update's database work: rolls back unless committed."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # -- users -----------------------------------------------------------------------------------

    def load_profile(self, user_id: str) -> Profile:
        """The user's profile, or an unknown default one if they have no row."""
        user = self.session.get(User, user_id)
        if user is None:
            return Profile(user_id)
        return Profile(user.id, user.language, user.formal, _aware(user.consent_at), known=True)

    def ensure_user(self, user_id: str, language: str, telegram_id: int | None = None) -> None:
        """Create the user's row if it does not exist yet."""
        if self.session.get(User, user_id) is None:
            self.session.add(User(id=user_id, telegram_id=telegram_id, language=language))
            self.session.flush()

    def update_user(self, user_id: str, **values: Any) -> None:
        """Change columns of the user's row."""
        self.session.execute(update(User).where(User.id == user_id).values(**values))

    def forget_user(self, user_id: str) -> None:
        """Delete every row tied to the user."""
        for table in (JournalEntry, ConversationRow):
            self.session.execute(delete(table).where(table.user_id == user_id))
        self.session.execute(delete(User).where(User.id == user_id))

    # -- conversation state ------------------------------------------------------------------------

    def load_state(self, user_id: str) -> tuple[ConversationState, int | None]:
        """The user's conversation state and the last update id it processed."""
        row = self.session.get(ConversationRow, user_id)
        if row is None:
            return ConversationState(), None
        state = ConversationState(row.flow, row.step, dict(row.data or {}), row.paused, row.version)
        return state, row.last_update_id

    def save_state(self, user_id: str, state: ConversationState, update_id: int | None = None) -> None:
        """Write the state if nobody else did since it was read (optimistic locking)."""
        values = {"flow": state.flow, "step": state.step, "data": state.data, "paused": state.paused,
                  "updated_at": utcnow()}
        if update_id is not None:
            values["last_update_id"] = update_id
        if state.version == 0 and self.session.get(ConversationRow, user_id) is None:
            try:
                with self.session.begin_nested():
                    self.session.add(ConversationRow(user_id=user_id, version=1, **values))
            except IntegrityError as error:
                raise VersionConflict(user_id) from error
            return
        result = self.session.execute(
            update(ConversationRow)
            .where(ConversationRow.user_id == user_id, ConversationRow.version == state.version)
            .values(version=ConversationRow.version + 1, **values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise VersionConflict(user_id)

    # -- journal ---------------------------------------------------------------------------------

    def add_journal_entry(self, user_id: str, kind: str, text: str, theme: str | None = None,
                          prompt: str | None = None) -> None:
        """Append an entry to the user's journal."""
        self.session.add(JournalEntry(user_id=user_id, kind=kind, text=text, theme=theme, prompt=prompt))

    def journal(self, user_id: str, limit: int = 20, offset: int = 0) -> list[JournalEntry]:
        """The user's entries, newest first."""
        query = (select(JournalEntry).where(JournalEntry.user_id == user_id)
                 .order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc()).limit(limit).offset(offset))
        return list(self.session.scalars(query))

    def commit(self) -> None:
        """Make the unit's work permanent."""
        self.session.commit()


class SqlStore:
    """Hands out units of work on one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """A unit of work that rolls back unless ``commit()`` was called."""
        session = self._sessions()
        try:
            yield UnitOfWork(session)
        finally:
            session.rollback()
            session.close()
