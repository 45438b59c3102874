"""The reminders' SQL: settings read and written for the engine, and the dispatcher's claims and outcomes.

Exactly-once rests on three things, all here:

1. a due row is claimed inside a transaction that holds it (PostgreSQL ``FOR UPDATE SKIP LOCKED``; SQLite
   ``BEGIN IMMEDIATE``, its single writer) and moves its ``next_due_at`` forward in the same transaction;
2. each claim inserts a delivery row unique per (user, kind, occurrence) with ``ON CONFLICT DO NOTHING``:
   a second claim of the same occurrence, by whatever path, inserts nothing and sends nothing;
3. a delivery is marked ``sending`` (committed) before its message leaves, and ``sent`` after; a ``sending``
   row whose dispatcher died is never sent again (``unknown``), a ``claimed`` one is taken over and sent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.orm import Session

from companion.engine.effects import DailyAnswered, DailyQuestionAsked, SetDailyEmotions, UpdateReminders
from companion.engine.ports import ReminderView
from companion.engine.schedule import Occurrence, local_date, next_occurrence, still_timely
from companion.engine.state import ConversationState, Profile
from companion.storage.db import dialect_insert
from companion.storage.models import ConversationRow, JournalEntry, User, utcnow
from companion.storage.reminder_models import FollowUp, ReminderDelivery, ReminderSettings

FOLLOW_UP_TOO_LATE = timedelta(hours=24)
"""A follow-up more than a day late (the bot was down) is dropped rather than sent out of context."""


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def begin_immediate(session: Session) -> None:
    """On SQLite, take the write lock now, so reads and writes of this transaction cannot interleave with another."""
    connection = session.connection()
    if connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


# -- settings, for the engine and the service --------------------------------------------------------------


def reminder_view(session: Session, user_id: str) -> ReminderView:
    """The user's settings as the engine sees them."""
    row = session.get(ReminderSettings, user_id)
    if row is None:
        user = session.get(User, user_id)
        return ReminderView(timezone=user.timezone if user is not None else "Europe/Paris")
    return view_of_row(row)


def view_of_row(row: ReminderSettings) -> ReminderView:
    """A settings row as a view."""
    return ReminderView(exists=True, enabled=row.enabled, paused=row.paused, minute=row.minute, timezone=row.timezone,
                        days=row.days, weekly_day=row.weekly_day, next_due_at=_aware(row.next_due_at),
                        asked=tuple(row.asked or ()), pending_question=row.pending_question,
                        pending_date=row.pending_date, streak=row.streak, last_answer_date=row.last_answer_date)


def reschedule(row: ReminderSettings, now: datetime) -> None:
    """Recompute the next daily and weekly instants from the settings (none while stopped or paused)."""
    if not row.enabled or row.paused:
        row.next_due_at = row.next_weekly_at = None
        return
    daily = next_occurrence(row.minute, row.timezone, row.days, now)
    row.next_due_at = daily.due_at if daily else None
    weekly = (next_occurrence(row.minute, row.timezone, 1 << row.weekly_day, now)
              if row.weekly_day is not None else None)
    row.next_weekly_at = weekly.due_at if weekly else None


def update_settings(session: Session, user_id: str, change: UpdateReminders, now: datetime) -> None:
    """Apply a /rappels change and reschedule."""
    row = session.get(ReminderSettings, user_id)
    if row is None:
        user = session.get(User, user_id)
        row = ReminderSettings(user_id=user_id, enabled=True, paused=False, minute=20 * 60 + 30,
                               timezone=user.timezone if user is not None else "Europe/Paris",
                               days=0b1111111, weekly_day=None, streak=0, asked=[])
        session.add(row)
    for name in ("enabled", "paused", "minute", "timezone", "days", "weekly_day"):
        value = getattr(change, name)
        if value is not None:
            setattr(row, name, value)
    if change.no_weekly:
        row.weekly_day = None
    if change.timezone is not None:
        session.execute(update(User).where(User.id == user_id).values(timezone=change.timezone))
    reschedule(row, now)
    session.flush()


def question_asked(session: Session, user_id: str, effect: DailyQuestionAsked) -> None:
    """Remember the question of the day (no repeat until the bank is exhausted, then a new round)."""
    row = session.get(ReminderSettings, user_id)
    if row is None:
        return
    row.asked = next_asked(row.asked or (), effect.question_id)
    row.pending_question, row.pending_date = effect.question_id, effect.local_date


def next_asked(asked: Sequence[str], question_id: str) -> list[str]:
    """The bank questions asked in this round: a question asked again means the bank was exhausted, a new round."""
    if question_id.startswith("personal:") or question_id == "fallback":
        return list(asked)
    return [question_id] if question_id in asked else [*asked, question_id]


def record_questions(session: Session, asked: dict[str, DailyQuestionAsked], views: dict[str, ReminderView]) -> None:
    """``question_asked`` for many users at once (one executemany)."""
    if not asked:
        return
    table = ReminderSettings.__table__
    session.execute(
        update(table).where(table.c.user_id == bindparam("uid"))
        .values(asked=bindparam("new_asked"), pending_question=bindparam("qid"), pending_date=bindparam("day")),
        [{"uid": user_id, "new_asked": next_asked(views[user_id].asked, effect.question_id),
          "qid": effect.question_id, "day": effect.local_date} for user_id, effect in asked.items()])


def answered(session: Session, user_id: str, effect: DailyAnswered) -> None:
    """Count the streak; the question is no longer pending."""
    session.execute(update(ReminderSettings).where(ReminderSettings.user_id == user_id).values(
        streak=effect.streak, last_answer_date=effect.local_date, pending_question=None, pending_date=None))


def set_daily_emotions(session: Session, user_id: str, effect: SetDailyEmotions) -> None:
    """Name the emotions of the user's latest daily answer."""
    latest = session.scalar(select(JournalEntry).where(JournalEntry.user_id == user_id, JournalEntry.kind == "daily")
                            .order_by(JournalEntry.id.desc()).limit(1))
    if latest is not None:
        latest.emotions = list(effect.emotions) or None


def add_follow_up(session: Session, user_id: str, due_at: datetime, kind: str,
                  payload: dict[str, object] | None) -> None:
    """Keep a one-off message to send at ``due_at``."""
    session.add(FollowUp(user_id=user_id, kind=kind, due_at=due_at, payload=payload, done=False))


def forget(session: Session, user_id: str) -> None:
    """Delete every reminder row of the user."""
    for table in (ReminderDelivery, FollowUp, ReminderSettings):
        session.execute(delete(table).where(table.user_id == user_id))


# -- the dispatcher ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    """A delivery this dispatcher owns: who, what kind, which occurrence."""

    id: int
    user_id: str
    kind: str
    occurrence: str
    payload: dict[str, Any] | None


def _claim_rows(session: Session, values: list[dict[str, Any]]) -> list[Claimed]:
    if not values:
        return []
    table = ReminderDelivery.__table__
    for row in values:
        row.setdefault("payload", None)
    # Core executemany ("insertmanyvalues"): batched multi-row INSERT … RETURNING, compiled once.
    statement = (dialect_insert(session, table).on_conflict_do_nothing(index_elements=["user_id", "kind", "occurrence"])
                 .returning(table.c.id, table.c.user_id, table.c.kind, table.c.occurrence, table.c.payload))
    return [Claimed(*row) for row in session.connection().execute(statement, values)]


def claim_due(session: Session, now: datetime, owner: str, limit: int) -> tuple[list[Claimed], int]:
    """Claim up to ``limit`` due deliveries and advance their schedules; returns the claims and how many were skipped.

    The caller commits. Daily and weekly reminders late by more than their day are skipped (rescheduled, not
    sent); so are follow-ups more than a day late.
    """
    begin_immediate(session)
    values: list[dict[str, Any]] = []
    skipped = 0
    for kind, column in (("daily", ReminderSettings.next_due_at), ("weekly", ReminderSettings.next_weekly_at)):
        room = limit - len(values)
        if room <= 0:
            break
        rows = session.execute(
            select(ReminderSettings.user_id, ReminderSettings.minute, ReminderSettings.timezone,
                   ReminderSettings.days, ReminderSettings.weekly_day, column)
            .where(column <= now).order_by(column).limit(room).with_for_update(skip_locked=True)).all()
        moves: list[dict[str, Any]] = []
        for user_id, minute, zone, days, weekly_day, due in rows:
            due = _aware(due)
            mask = days if kind == "daily" else 1 << (weekly_day if weekly_day is not None else 6)
            occurrence = Occurrence(due, local_date(due, zone))
            following = next_occurrence(minute, zone, mask, max(now, due))
            moves.append({"uid": user_id, "due": following.due_at if following else None})
            if still_timely(occurrence, now, zone):
                values.append({"user_id": user_id, "kind": kind, "occurrence": occurrence.local_date.isoformat(),
                               "status": "claimed", "owner": owner, "claimed_at": now, "attempts": 0})
            else:
                skipped += 1
        if moves:
            table = ReminderSettings.__table__
            session.execute(update(table).where(table.c.user_id == bindparam("uid"))
                            .values({column.name: bindparam("due")}), moves)
    room = limit - len(values)
    if room > 0:
        follow_ups = session.execute(
            select(FollowUp.id, FollowUp.user_id, FollowUp.kind, FollowUp.due_at, FollowUp.payload)
            .where(FollowUp.done.is_(False), FollowUp.due_at <= now).order_by(FollowUp.due_at).limit(room)
            .with_for_update(skip_locked=True)).all()
        if follow_ups:
            session.execute(update(FollowUp), [{"id": row.id, "done": True} for row in follow_ups])
        for row in follow_ups:
            if now - _aware(row.due_at) > FOLLOW_UP_TOO_LATE:  # type: ignore[operator]
                skipped += 1
                continue
            values.append({"user_id": row.user_id, "kind": row.kind, "occurrence": f"f{row.id}", "status": "claimed",
                           "owner": owner, "claimed_at": now, "attempts": 0, "payload": row.payload})
    claims = _claim_rows(session, values)
    return claims, skipped + len(values) - len(claims)


def take_over_stale(session: Session, now: datetime, owner: str, lease: timedelta, limit: int) -> list[Claimed]:
    """Claims whose dispatcher died before sending are taken over; sends it died during become ``unknown``."""
    begin_immediate(session)
    stale = now - lease
    session.execute(update(ReminderDelivery).where(ReminderDelivery.status == "sending",
                                                   ReminderDelivery.claimed_at < stale)
                    .values(status="unknown").execution_options(synchronize_session=False))
    rows = session.execute(
        select(ReminderDelivery.id, ReminderDelivery.user_id, ReminderDelivery.kind, ReminderDelivery.occurrence,
               ReminderDelivery.payload)
        .where(ReminderDelivery.status == "claimed", ReminderDelivery.claimed_at < stale)
        .order_by(ReminderDelivery.id).limit(limit).with_for_update(skip_locked=True)).all()
    if rows:
        session.execute(update(ReminderDelivery).where(ReminderDelivery.id.in_([r.id for r in rows]))
                        .values(owner=owner, claimed_at=now).execution_options(synchronize_session=False))
    return [Claimed(*row) for row in rows]


def mark(session: Session, ids: Iterable[int], status: str, now: datetime) -> None:
    """Move deliveries to ``status`` (``sending`` also counts an attempt and renews the lease)."""
    ids = list(ids)
    if not ids:
        return
    values: dict[str, Any] = {"status": status}
    if status == "sending":
        values.update(claimed_at=now, attempts=ReminderDelivery.attempts + 1)
    if status == "sent":
        values["sent_at"] = now
    session.execute(update(ReminderDelivery).where(ReminderDelivery.id.in_(ids)).values(**values)
                    .execution_options(synchronize_session=False))


def deactivate(session: Session, user_ids: Sequence[str]) -> None:
    """Users who blocked the bot: marked inactive, their reminders stopped (they restart with /rappels)."""
    if not user_ids:
        return
    session.execute(update(User).where(User.id.in_(user_ids)).values(active=False))
    session.execute(update(ReminderSettings).where(ReminderSettings.user_id.in_(user_ids))
                    .values(next_due_at=None, next_weekly_at=None))


def prune(session: Session, before: datetime) -> int:
    """Forget finished deliveries claimed before ``before`` (a day's uniqueness only needs a few days)."""
    result = session.execute(delete(ReminderDelivery).where(
        ReminderDelivery.claimed_at < before, ReminderDelivery.status.not_in(("claimed", "sending"))))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def settings_rows(session: Session, user_ids: Sequence[str]) -> dict[str, ReminderSettings]:
    """Settings rows by user id."""
    if not user_ids:
        return {}
    return {row.user_id: row for row in session.scalars(
        select(ReminderSettings).where(ReminderSettings.user_id.in_(user_ids)))}


def local_today(now: datetime, zone: str) -> date:
    """The user's date now."""
    return local_date(now, zone)


@dataclass
class Recipient:
    """What the dispatcher needs of one user to word a reminder."""

    profile: Profile
    state: ConversationState
    has_state_row: bool
    telegram_id: int | None
    active: bool
    view: ReminderView


def start_sending(session: Session, ids: Sequence[int], owner: str, now: datetime) -> list[int]:
    """Move this owner's claimed deliveries to ``sending`` (compare-and-set: a taken-over claim is not sent)."""
    if not ids:
        return []
    rows = session.execute(
        update(ReminderDelivery)
        .where(ReminderDelivery.id.in_(ids), ReminderDelivery.owner == owner, ReminderDelivery.status == "claimed")
        .values(status="sending", claimed_at=now, attempts=ReminderDelivery.attempts + 1)
        .returning(ReminderDelivery.id).execution_options(synchronize_session=False))
    return [row[0] for row in rows]


def recipients(session: Session, user_ids: Sequence[str]) -> dict[str, Recipient]:
    """Profiles, conversation states and settings of many users in three queries."""
    users = session.execute(select(User.id, User.language, User.formal, User.agreement, User.consent_at,
                                   User.portrait, User.mission, User.timezone, User.telegram_id, User.active)
                            .where(User.id.in_(user_ids))).all()
    c = ConversationRow
    states = {row.user_id: row for row in session.execute(
        select(c.user_id, c.flow, c.step, c.data, c.paused, c.version).where(c.user_id.in_(user_ids)))}
    r = ReminderSettings
    views = {row.user_id: ReminderView(True, row.enabled, row.paused, row.minute, row.timezone, row.days,
                                       row.weekly_day, _aware(row.next_due_at), tuple(row.asked or ()),
                                       row.pending_question, row.pending_date, row.streak, row.last_answer_date)
             for row in session.execute(select(
                 r.user_id, r.enabled, r.paused, r.minute, r.timezone, r.days, r.weekly_day, r.next_due_at, r.asked,
                 r.pending_question, r.pending_date, r.streak, r.last_answer_date).where(r.user_id.in_(user_ids)))}
    found: dict[str, Recipient] = {}
    for user in users:
        row = states.get(user.id)
        state = (ConversationState(row.flow, row.step, dict(row.data or {}), row.paused, row.version)
                 if row is not None else ConversationState())
        profile = Profile(user.id, user.language, user.formal, _aware(user.consent_at), known=True,
                          portrait=user.portrait, mission=user.mission, timezone=user.timezone,
                          agreement=user.agreement or "")
        view = views.get(user.id) or ReminderView(timezone=user.timezone)
        found[user.id] = Recipient(profile, state, row is not None, user.telegram_id, user.active, view)
    return found


class StateConflict(Exception):
    """A conversation changed while the dispatcher was wording its reminder; the chunk is done again."""


def save_states(session: Session, states: dict[str, tuple[ConversationState, bool]]) -> None:
    """Write new conversation states with optimistic locking (``bool``: the row exists)."""
    now = utcnow()
    fresh = [{"user_id": user_id, "flow": s.flow, "step": s.step, "data": s.data, "paused": s.paused, "version": 1,
              "updated_at": now} for user_id, (s, exists) in states.items() if not exists]
    if fresh:
        table = ConversationRow.__table__
        statement = (dialect_insert(session, table).on_conflict_do_nothing(index_elements=["user_id"])
                     .returning(table.c.user_id))
        inserted = session.connection().execute(statement, fresh).all()
        if len(inserted) != len(fresh):
            raise StateConflict()
    for user_id, (state, exists) in states.items():
        if not exists:
            continue
        result = session.execute(
            update(ConversationRow).where(ConversationRow.user_id == user_id, ConversationRow.version == state.version)
            .values(flow=state.flow, step=state.step, data=state.data, paused=state.paused,
                    version=ConversationRow.version + 1, updated_at=now)
            .execution_options(synchronize_session=False))
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise StateConflict()
