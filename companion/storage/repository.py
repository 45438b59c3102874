"""Repositories and the unit of work: the only place that speaks SQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from companion.engine.effects import DailyAnswered, DailyQuestionAsked, SetDailyEmotions, UpdateReminders
from companion.engine.ports import JournalItem, JournalPage, ReminderView
from companion.engine.schedule import Occurrence
from companion.engine.state import ConversationState, Profile
from companion.privacy.crypto import FieldCipher
from companion.storage import flood, outbox, reminder_store, turn_sql, user_data
from companion.storage.availability import StoreUnavailable, is_unavailable, wait_for_database
from companion.storage.db import make_engine, migrate
from companion.storage.encrypted import attach_cipher
from companion.storage.models import JournalEntry, ProcessedUpdate, SafetyPlan, User, utcnow
from companion.storage.reminder_models import ReminderSettings
from companion.storage.reminder_store import Claimed


class VersionConflict(Exception):
    """Another process changed the conversation state first; the unit of work must be retried."""


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes even for timezone=True columns; they were stored in UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _state(row: Any) -> ConversationState:
    """A conversation state from a ``LOAD_TURN`` row (``version`` is NULL when the user has no state yet)."""
    if row.version is None:
        return ConversationState()
    return ConversationState(row.flow, row.step, dict(row.data or {}), row.paused, row.version)


@dataclass
class Recipient:
    """What the reminders' dispatcher needs of one user to word a reminder (``state.version`` 0: no state row)."""

    profile: Profile
    state: ConversationState
    telegram_id: int | None
    active: bool
    view: ReminderView


class UnitOfWork:
    """One update's database work: rolls back unless committed."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._active: dict[str, bool] = {}  # users whose row was read in this unit: is it marked active?

    # -- users -----------------------------------------------------------------------------------

    def load_profile(self, user_id: str) -> Profile:
        """The user's profile, or an unknown default one if they have no row."""
        return self.load_turn(user_id)[0]

    def load_turn(self, user_id: str) -> tuple[Profile, ConversationState]:
        """What a turn starts from: the user's profile and conversation state, read in one statement."""
        row = self._turn_row(user_id)
        if row is None:
            return Profile(user_id), ConversationState()
        return self._profile(user_id, row), _state(row)

    def _turn_row(self, user_id: str) -> Any:
        return self.session.connection().execute(turn_sql.LOAD_TURN, {"user_id": user_id}).first()

    def _profile(self, user_id: str, row: Any) -> Profile:
        self._active[user_id] = row.active
        return Profile(user_id, row.language, row.formal, _aware(row.consent_at), known=True,
                       portrait=row.portrait, mission=row.mission, timezone=row.timezone,
                       agreement=row.agreement or "")

    def ensure_user(self, user_id: str, language: str, telegram_id: int | None = None) -> None:
        """Create the user's row if it does not exist yet."""
        if user_id not in self._active:
            added = self.session.connection().execute(turn_sql.ADD_USER, turn_sql.NEW_USER | {
                "id": user_id, "telegram_id": telegram_id, "language": language, "created_at": utcnow()})
            if added.rowcount == 1:
                self._active[user_id] = bool(turn_sql.NEW_USER["active"])

    def update_user(self, user_id: str, **values: Any) -> None:
        """Change columns of the user's row."""
        self.session.execute(update(User).where(User.id == user_id).values(**values))

    def claim_update(self, update_id: int, now: datetime | None = None) -> bool:
        """Record that ``update_id`` is being handled; False if it already was (by this or another process).

        One ``INSERT … ON CONFLICT DO NOTHING``; the row commits with the turn, so a concurrent claim of the same
        id waits for that commit, then finds the row and fails.
        """
        values = {"update_id": update_id, "processed_at": now or utcnow()}
        return self.session.connection().execute(turn_sql.CLAIM_UPDATE, values).rowcount == 1

    def prune_updates(self, older_than: datetime) -> int:
        """Forget update ids handled before ``older_than`` (Telegram redelivers for at most a day)."""
        result = self.session.execute(delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < older_than))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def forget_user(self, user_id: str) -> None:
        """Delete every row tied to the user: every table with a ``user_id`` column, then the user."""
        user_data.erase(self.session, user_id)

    def scrub(self) -> None:
        """After a committed erasure: leave no copy of the deleted rows in the database files (SQLite)."""
        user_data.scrub(self.session)

    def export_user(self, user_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every row stored about the user, table by table, text decrypted."""
        return user_data.export(self.session, user_id)

    def reencrypt(self) -> int:
        """Rewrite every encrypted column with the newest key (key rotation)."""
        return user_data.reencrypt(self.session)

    def purge_journal(self, before: datetime) -> int:
        """Delete journal entries older than ``before`` (retention), every user's."""
        return user_data.purge_journal(self.session, before)

    def flood_hit(self, user_id: str, now: float, limit: int, window: float) -> flood.Verdict:
        """Count one update of the user against the flood limit (shared by every process)."""
        return flood.hit(self.session, user_id, now, limit, window)

    # -- conversation state ------------------------------------------------------------------------

    def load_state(self, user_id: str) -> tuple[ConversationState, int | None]:
        """The user's conversation state and the last update id it processed."""
        row = self._turn_row(user_id)
        if row is None:
            return ConversationState(), None
        return _state(row), row.last_update_id

    def save_state(self, user_id: str, state: ConversationState, update_id: int | None = None) -> None:
        """Write the state if nobody else did since it was read (optimistic locking)."""
        values = {"flow": state.flow, "step": state.step, "data": state.data, "paused": state.paused,
                  "updated_at": utcnow()}
        if update_id is not None:
            values["last_update_id"] = update_id
        if state.version == 0:  # the user had no state row when it was read
            added = self.session.connection().execute(turn_sql.ADD_STATE, {"last_update_id": None} | values
                                                      | {"user_id": user_id})
            if added.rowcount != 1:
                raise VersionConflict(user_id)
            return
        result = self.session.connection().execute(
            turn_sql.SAVE_STATE, values | {"key_user_id": user_id, "key_version": state.version})
        if result.rowcount != 1:
            raise VersionConflict(user_id)

    # -- journal ---------------------------------------------------------------------------------

    def add_journal_entry(self, user_id: str, kind: str, text: str, theme: str | None = None,
                          prompt: str | None = None, emotions: list[str] | None = None,
                          details: dict[str, Any] | None = None) -> None:
        """Append an entry to the user's journal."""
        self.session.add(JournalEntry(user_id=user_id, kind=kind, text=text, theme=theme, prompt=prompt,
                                      emotions=emotions or None, details=details))

    def delete_journal_entry(self, user_id: str, entry_id: int) -> bool:
        """Delete one entry if it belongs to the user; True if something was deleted."""
        result = self.session.execute(
            delete(JournalEntry).where(JournalEntry.user_id == user_id, JournalEntry.id == entry_id))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def set_safety_plan(self, user_id: str, parts: dict[str, str]) -> None:
        """Keep the user's safety plan, replacing the one before."""
        row = self.session.get(SafetyPlan, user_id)
        if row is None:
            self.session.add(SafetyPlan(user_id=user_id, parts=dict(parts), updated_at=utcnow()))
        else:
            row.parts = dict(parts)
            row.updated_at = utcnow()

    def records(self, user_id: str, reminders: ReminderView | None = None) -> SqlUserRecords:
        """Read access to the user's stored entries, for the engine (``reminders``: settings already read)."""
        return SqlUserRecords(self.session, user_id, reminders)

    def journal(self, user_id: str, limit: int = 20, offset: int = 0) -> list[JournalEntry]:
        """The user's entries, newest first."""
        query = (select(JournalEntry).where(JournalEntry.user_id == user_id)
                 .order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc()).limit(limit).offset(offset))
        return list(self.session.scalars(query))

    # -- replies not yet sent (outbox) ------------------------------------------------------------

    def keep_replies(self, update_id: int, user_id: str, chat_id: int, replies: list[Any], now: datetime) -> None:
        """Keep the turn's replies until the channel confirms they were sent."""
        outbox.keep(self.session, update_id, user_id, chat_id, replies, now)

    def replies_sent(self, update_ids: Sequence[int]) -> int:
        """The replies of these updates were sent: forget them."""
        return outbox.forget(self.session, update_ids)

    def claim_unsent(self, now: datetime, grace: timedelta, lease: timedelta) -> list[outbox.Undelivered]:
        """Replies a process kept but never confirmed, older than ``grace``, claimed for ``lease``."""
        return outbox.claim_due(self.session, now, grace, lease)

    def commit(self) -> None:
        """Make the unit's work permanent."""
        self.session.commit()

    # -- reminders (SQL in reminder_store) ---------------------------------------------------------

    def update_reminders(self, user_id: str, change: UpdateReminders, now: datetime) -> None:
        """Apply a /rappels change and reschedule the user's reminders."""
        reminder_store.update_settings(self.session, user_id, change, now)

    def daily_question_asked(self, user_id: str, effect: DailyQuestionAsked) -> None:
        """Remember the question of the day put to the user."""
        reminder_store.question_asked(self.session, user_id, effect)

    def daily_answered(self, user_id: str, effect: DailyAnswered) -> None:
        """Record the daily answer's date and streak."""
        reminder_store.answered(self.session, user_id, effect)

    def set_daily_emotions(self, user_id: str, effect: SetDailyEmotions) -> None:
        """Name the emotions of the latest daily answer."""
        reminder_store.set_daily_emotions(self.session, user_id, effect)

    def add_follow_up(self, user_id: str, due_at: datetime, kind: str, payload: dict[str, object] | None) -> None:
        """Keep a one-off message (e.g. the cooling-off reminder) for the dispatcher."""
        reminder_store.add_follow_up(self.session, user_id, due_at, kind, payload)

    def reactivate(self, user_id: str, now: datetime) -> None:
        """A user marked inactive (they had blocked the bot) wrote again: back to active, reminders rescheduled."""
        if self._active.get(user_id) is True:
            return  # read as active in this unit (the dispatcher marks users inactive; a stale read only delays)
        result = self.session.execute(update(User).where(User.id == user_id, User.active.is_(False))
                                      .values(active=True).execution_options(synchronize_session=False))
        if result.rowcount:  # type: ignore[attr-defined]
            row = self.session.get(ReminderSettings, user_id)
            if row is not None:
                reminder_store.reschedule(self.session, row, now)

    def next_reminder(self, user_id: str, kind: str = "daily") -> datetime | None:
        """When the user's next ``kind`` reminder is queued for, if one is."""
        return reminder_store.next_due(self.session, user_id, kind)

    # -- the reminders' queue, for the dispatcher (SQL in reminder_store) ------------------------------

    def claim_deliveries(self, now: datetime, owner: str, limit: int,
                         user_id: str | None = None) -> tuple[list[Claimed], int]:
        """Claim up to ``limit`` due deliveries for ``owner`` (only ``user_id``'s if given); also how many were
        too late and skipped."""
        return reminder_store.claim_due(self.session, now, owner, limit, user_id)

    def take_over_deliveries(self, now: datetime, owner: str, lease: timedelta, limit: int) -> list[Claimed]:
        """Claims of a dispatcher that stopped more than ``lease`` ago, now ``owner``'s."""
        return reminder_store.take_over_stale(self.session, now, owner, lease, limit)

    def start_sending(self, ids: Sequence[int], owner: str, now: datetime) -> list[int]:
        """The deliveries among ``ids`` still ``owner``'s, moved to ``sending``."""
        return reminder_store.start_sending(self.session, ids, owner, now)

    def mark_deliveries(self, ids: Iterable[int], status: str, now: datetime) -> None:
        """Record the deliveries' outcome."""
        reminder_store.mark(self.session, ids, status, now)

    def deactivate(self, user_ids: Sequence[str]) -> None:
        """Users who blocked the bot: inactive, their reminders stopped until they write again."""
        reminder_store.deactivate(self.session, user_ids)

    def prune_deliveries(self, before: datetime) -> int:
        """Forget finished deliveries claimed before ``before``."""
        return reminder_store.prune(self.session, before)

    def record_questions(self, asked: dict[str, DailyQuestionAsked], views: dict[str, ReminderView]) -> None:
        """The questions of the day put to many users."""
        reminder_store.record_questions(self.session, asked, views)

    def recipients(self, user_ids: Sequence[str]) -> dict[str, Recipient]:
        """Profiles, conversation states and reminder settings of many users (as ``load_turn`` reads them)."""
        if not user_ids:
            return {}
        rows = self.session.connection().execute(turn_sql.LOAD_TURNS, {"user_ids": list(user_ids)}).all()
        views = reminder_store.views(self.session, user_ids)
        return {row.id: Recipient(self._profile(row.id, row), _state(row), row.telegram_id, row.active,
                                  views.get(row.id) or ReminderView(timezone=row.timezone)) for row in rows}

    # -- seeding (benchmarks) -------------------------------------------------------------------------

    def add_users(self, rows: Sequence[dict[str, Any]]) -> None:
        """Many users' rows at once."""
        if rows:
            self.session.execute(insert(User), list(rows))

    def add_reminder_settings(self, rows: Sequence[dict[str, Any]], first_due: Sequence[Occurrence | None]) -> None:
        """Many users' reminder settings at once, each with its first daily occurrence queued."""
        reminder_store.add_settings(self.session, rows, first_due)


def _item(row: JournalEntry) -> JournalItem:
    question = (row.details or {}).get("question")
    return JournalItem(row.id, row.kind, row.text, _aware(row.created_at) or utcnow(), row.theme, row.prompt,
                       tuple(row.emotions or ()), str(question) if question else None)


class SqlUserRecords:
    """The engine's ``UserRecords`` port over one session, bound to one user (no other user's rows)."""

    def __init__(self, session: Session, user_id: str, reminders: ReminderView | None = None) -> None:
        self.session = session
        self.user_id = user_id
        self._reminders = reminders

    def journal_page(self, offset: int, limit: int) -> JournalPage:
        """Entries newest first, and the total."""
        mine = JournalEntry.user_id == self.user_id
        total = self.session.scalar(select(func.count()).select_from(JournalEntry).where(mine)) or 0
        rows = self.session.scalars(select(JournalEntry).where(mine)
                                    .order_by(JournalEntry.created_at.desc(), JournalEntry.id.desc())
                                    .limit(limit).offset(offset))
        return JournalPage(tuple(_item(r) for r in rows), int(total))

    def journal_entry(self, entry_id: int) -> JournalItem | None:
        """One entry of this user."""
        row = self.session.scalar(select(JournalEntry).where(JournalEntry.user_id == self.user_id,
                                                             JournalEntry.id == entry_id))
        return _item(row) if row is not None else None

    def journal_counts(self) -> dict[str, int]:
        """Entries per kind."""
        rows = self.session.execute(select(JournalEntry.kind, func.count()).where(JournalEntry.user_id == self.user_id)
                                    .group_by(JournalEntry.kind))
        return {kind: int(n) for kind, n in rows}

    def recent_emotions(self, since: datetime) -> list[str]:
        """Feeling ids of entries since ``since``."""
        rows = self.session.scalars(select(JournalEntry.emotions).where(
            JournalEntry.user_id == self.user_id, JournalEntry.created_at >= since).order_by(JournalEntry.created_at))
        return [e for emotions in rows for e in (emotions or ())]

    def reminders(self) -> ReminderView:
        """The user's daily question settings."""
        if self._reminders is not None:
            return self._reminders
        return reminder_store.reminder_view(self.session, self.user_id)

    def safety_plan(self) -> dict[str, str]:
        """The user's safety plan, part by part (empty when none was written)."""
        parts = self.session.scalar(select(SafetyPlan.parts).where(SafetyPlan.user_id == self.user_id))
        return {str(k): str(v) for k, v in (parts or {}).items()}


class SqlStore:
    """Hands out units of work on one database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def ping(self) -> None:
        """Raise unless the database answers."""
        with self.engine.connect() as connection:
            connection.execute(text("SELECT 1"))

    def close(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """A unit of work that rolls back unless ``commit()`` was called."""
        session = self._sessions()
        try:
            yield UnitOfWork(session)
        except DBAPIError as error:
            if is_unavailable(error):
                raise StoreUnavailable(type(error.orig).__name__) from error
            raise
        finally:
            session.rollback()
            session.close()


def open_store(url: str, *, cipher: FieldCipher | None = None, wait: float = 0.0,
               migrations: bool = False) -> SqlStore:
    """A store on the database at ``url``: text encrypted with ``cipher``, waited for up to ``wait`` seconds,
    migrated first if ``migrations``."""
    engine = make_engine(url)
    attach_cipher(engine, cipher)
    if wait > 0:
        wait_for_database(engine, wait)
    if migrations:
        migrate(engine)
    return SqlStore(engine)
