"""The reminders' SQL: settings read and written for the engine, and the queue of deliveries the dispatcher claims.

Exactly-once rests on three things, all here:

1. every message to come is one ``due`` row of ``reminder_deliveries``, unique per (user, kind, occurrence):
   an occurrence queued twice, by whatever path, is inserted once (``ON CONFLICT DO NOTHING``), and a day
   already delivered is never queued again;
2. a due row is claimed inside a transaction that holds it (PostgreSQL ``FOR UPDATE SKIP LOCKED``; SQLite
   ``BEGIN IMMEDIATE``, its single writer), which also queues the user's next occurrence;
3. a delivery is marked ``sending`` (committed) before its message leaves, and ``sent`` after; a ``sending``
   row whose dispatcher died is never sent again (``unknown``), a ``claimed`` one is taken over and sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from companion.engine.effects import DailyAnswered, DailyQuestionAsked, SetDailyEmotions, UpdateReminders
from companion.engine.ports import ReminderView
from companion.engine.schedule import Occurrence, next_occurrence, still_timely
from companion.storage.db import dialect_insert
from companion.storage.models import JournalEntry, User
from companion.storage.reminder_models import EVERY_DAY, ReminderDelivery, ReminderSettings

FOLLOW_UP_TOO_LATE = timedelta(hours=24)
"""A follow-up more than a day late (the bot was down) is dropped rather than sent out of context."""

SCHEDULED = ("daily", "weekly")
"""Kinds queued from the settings; every other kind is a one-off follow-up."""

_deliveries = ReminderDelivery.__table__
_settings = ReminderSettings.__table__


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


# -- settings, for the engine and the service --------------------------------------------------------------


def reminder_view(session: Session, user_id: str) -> ReminderView:
    """The user's settings as the engine sees them, with the next daily delivery queued."""
    row = session.get(ReminderSettings, user_id)
    if row is None:
        user = session.get(User, user_id)
        return ReminderView(timezone=user.timezone if user is not None else "Europe/Paris")
    return view_of_row(row, next_due(session, user_id))


def view_of_row(row: Any, next_due_at: datetime | None = None) -> ReminderView:
    """A settings row (ORM object or result row) as a view."""
    return ReminderView(exists=True, enabled=row.enabled, paused=row.paused, minute=row.minute, timezone=row.timezone,
                        days=row.days, weekly_day=row.weekly_day, next_due_at=_aware(next_due_at),
                        asked=tuple(row.asked or ()), pending_question=row.pending_question,
                        pending_date=row.pending_date, streak=row.streak, last_answer_date=row.last_answer_date)


def views(session: Session, user_ids: Sequence[str]) -> dict[str, ReminderView]:
    """Settings of many users in one query (users without settings are absent)."""
    if not user_ids:
        return {}
    rows = session.execute(select(_settings).where(_settings.c.user_id.in_(user_ids)))
    return {row.user_id: view_of_row(row) for row in rows}


def next_due(session: Session, user_id: str, kind: str = "daily") -> datetime | None:
    """When the user's next queued ``kind`` delivery is due, if one is."""
    d = ReminderDelivery
    return _aware(session.scalar(select(func.min(d.due_at)).where(d.user_id == user_id, d.kind == kind,
                                                                   d.status == "due")))


def reschedule(session: Session, row: ReminderSettings, now: datetime) -> None:
    """Queue the next daily and weekly occurrences from the settings, in place of those queued (none if stopped)."""
    d = ReminderDelivery
    session.execute(delete(d).where(d.user_id == row.user_id, d.kind.in_(SCHEDULED), d.status == "due")
                    .execution_options(synchronize_session=False))
    if not row.enabled or row.paused:
        return
    wanted = [(row.user_id, "daily", row.minute, row.timezone, row.days)]
    if row.weekly_day is not None:
        wanted.append((row.user_id, "weekly", row.minute, row.timezone, 1 << row.weekly_day))
    _queue(session, wanted, now)


def _queue(session: Session, wanted: Sequence[tuple[str, str, int, str, int]], after: datetime) -> None:
    """Queue each (user, kind, minute, timezone, days) at its first occurrence after ``after`` not queued yet.

    An occurrence whose row exists (already queued, sent or skipped) is not queued again: the next one is.
    """
    pending = [(entry, after) for entry in wanted]
    for _ in range(8):  # a handful of occurrences can be taken (a time moved back and forth in one day)
        rows: list[dict[str, Any]] = []
        for (user_id, kind, minute, zone, days), start in pending:
            occurrence = next_occurrence(minute, zone, days, start)
            if occurrence is not None:
                rows.append(_due_row(user_id, kind, occurrence))
        if not rows:
            return
        statement = (dialect_insert(session, _deliveries)
                     .on_conflict_do_nothing(index_elements=["user_id", "kind", "occurrence"])
                     .returning(_deliveries.c.user_id, _deliveries.c.kind))
        inserted = {tuple(r) for r in session.connection().execute(statement, rows)}
        by_key = {(r["user_id"], r["kind"]): r["due_at"] for r in rows}
        pending = [(entry, by_key[entry[:2]]) for entry, _ in pending
                   if entry[:2] in by_key and entry[:2] not in inserted]
        if not pending:
            return


def _due_row(user_id: str, kind: str, occurrence: Occurrence) -> dict[str, Any]:
    return {"user_id": user_id, "kind": kind, "occurrence": occurrence.local_date.isoformat(),
            "due_at": occurrence.due_at, "status": "due", "owner": None, "claimed_at": None, "sent_at": None,
            "attempts": 0, "payload": None}


def update_settings(session: Session, user_id: str, change: UpdateReminders, now: datetime) -> None:
    """Apply a /rappels change and reschedule."""
    row = session.get(ReminderSettings, user_id)
    if row is None:
        user = session.get(User, user_id)
        row = ReminderSettings(user_id=user_id, enabled=True, paused=False, minute=20 * 60 + 30,
                               timezone=user.timezone if user is not None else "Europe/Paris",
                               days=EVERY_DAY, weekly_day=None, streak=0, asked=[])
        session.add(row)
    for name in ("enabled", "paused", "minute", "timezone", "days", "weekly_day"):
        value = getattr(change, name)
        if value is not None:
            setattr(row, name, value)
    if change.no_weekly:
        row.weekly_day = None
    if change.timezone is not None:
        session.execute(update(User).where(User.id == user_id).values(timezone=change.timezone))
    session.flush()
    reschedule(session, row, now)


def add_settings(session: Session, rows: Sequence[dict[str, Any]], first_due: Sequence[Occurrence | None]) -> None:
    """Many users' settings at once, each with its first daily occurrence queued (a seeded bench)."""
    if not rows:
        return
    session.execute(_settings.insert(), list(rows))
    due = [_due_row(row["user_id"], "daily", occurrence) for row, occurrence in zip(rows, first_due, strict=True)
           if occurrence is not None]
    if due:
        session.execute(_deliveries.insert(), due)


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
    session.execute(
        update(_settings).where(_settings.c.user_id == bindparam("uid"))
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
    """Queue a one-off message to send at ``due_at``."""
    session.add(ReminderDelivery(user_id=user_id, kind=kind, occurrence=f"f{uuid.uuid4().hex[:16]}", due_at=due_at,
                                 status="due", attempts=0, payload=payload))


# -- the dispatcher ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claimed:
    """A delivery this dispatcher owns: who, what kind, which occurrence."""

    id: int
    user_id: str
    kind: str
    occurrence: str
    payload: dict[str, Any] | None


def claim_due(session: Session, now: datetime, owner: str, limit: int,
              user_id: str | None = None) -> tuple[list[Claimed], int]:
    """Claim up to ``limit`` due deliveries, queue the next occurrences; returns the claims and how many were skipped.

    With ``user_id``, only that user's deliveries (the terminal chat shows its own user's reminders).

    The caller commits. Daily and weekly reminders late by more than their day are skipped (the next one is
    queued, this one is not sent); so are follow-ups more than a day late.
    """
    d, s = ReminderDelivery, ReminderSettings
    mine = [d.user_id == user_id] if user_id is not None else []
    rows = session.execute(
        select(d.id, d.user_id, d.kind, d.occurrence, d.due_at, d.payload, s.minute, s.timezone, s.days,
               s.weekly_day, s.enabled, s.paused)
        .select_from(d).outerjoin(s, and_(s.user_id == d.user_id, d.kind.in_(SCHEDULED)))
        .where(d.status == "due", d.due_at <= now, *mine).order_by(d.due_at).limit(limit)
        .with_for_update(skip_locked=True, of=d)).all()
    claims: list[Claimed] = []
    outcomes: list[dict[str, Any]] = []
    following: list[tuple[str, str, int, str, int]] = []
    latest: dict[tuple[str, str], datetime] = {}
    for row in rows:
        due = _aware(row.due_at)
        assert due is not None
        if row.kind in SCHEDULED and row.timezone is not None:
            timely = still_timely(Occurrence(due, _date(row.occurrence, due)), now, row.timezone)
            if row.enabled and not row.paused:
                mask = row.days if row.kind == "daily" else 1 << (row.weekly_day if row.weekly_day is not None else 6)
                following.append((row.user_id, row.kind, row.minute, row.timezone, mask))
                latest[(row.user_id, row.kind)] = max(now, due)
        else:
            timely = now - due <= FOLLOW_UP_TOO_LATE
        outcomes.append({"key_id": row.id, "new_status": "claimed" if timely else "skipped"})
        if timely:
            claims.append(Claimed(row.id, row.user_id, row.kind, row.occurrence, row.payload))
    if outcomes:
        session.connection().execute(
            update(_deliveries).where(_deliveries.c.id == bindparam("key_id"), _deliveries.c.status == "due")
            .values(status=bindparam("new_status"), owner=bindparam("new_owner"),
                    claimed_at=bindparam("new_claimed_at")),
            [row | {"new_owner": owner, "new_claimed_at": now} for row in outcomes])
    _queue_each(session, following, latest)
    return claims, len(outcomes) - len(claims)


def _queue_each(session: Session, following: list[tuple[str, str, int, str, int]],
                latest: dict[tuple[str, str], datetime]) -> None:
    # Grouped by start instant so that each group is one batched insert.
    groups: dict[datetime, list[tuple[str, str, int, str, int]]] = {}
    for entry in following:
        groups.setdefault(latest[entry[:2]], []).append(entry)
    for start, entries in groups.items():
        _queue(session, entries, start)


def _date(occurrence: str, due: datetime) -> date:
    try:
        return date.fromisoformat(occurrence)
    except ValueError:
        return due.date()


def take_over_stale(session: Session, now: datetime, owner: str, lease: timedelta, limit: int) -> list[Claimed]:
    """Claims whose dispatcher died before sending are taken over; sends it died during become ``unknown``."""
    stale = now - lease
    d = ReminderDelivery
    session.execute(update(d).where(d.status == "sending", d.claimed_at < stale)
                    .values(status="unknown").execution_options(synchronize_session=False))
    rows = session.execute(
        select(d.id, d.user_id, d.kind, d.occurrence, d.payload)
        .where(d.status == "claimed", d.claimed_at < stale)
        .order_by(d.id).limit(limit).with_for_update(skip_locked=True)).all()
    if rows:
        session.execute(update(d).where(d.id.in_([r.id for r in rows]))
                        .values(owner=owner, claimed_at=now).execution_options(synchronize_session=False))
    return [Claimed(*row) for row in rows]


def start_sending(session: Session, ids: Sequence[int], owner: str, now: datetime) -> list[int]:
    """Move this owner's claimed deliveries to ``sending`` (compare-and-set: a taken-over claim is not sent)."""
    if not ids:
        return []
    d = ReminderDelivery
    rows = session.execute(
        update(d).where(d.id.in_(ids), d.owner == owner, d.status == "claimed")
        .values(status="sending", claimed_at=now, attempts=d.attempts + 1)
        .returning(d.id).execution_options(synchronize_session=False))
    return [row[0] for row in rows]


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
    """Users who blocked the bot: marked inactive, their queued reminders dropped (they restart when they write)."""
    if not user_ids:
        return
    d = ReminderDelivery
    session.execute(update(User).where(User.id.in_(user_ids)).values(active=False))
    session.execute(delete(d).where(d.user_id.in_(user_ids), d.kind.in_(SCHEDULED), d.status == "due")
                    .execution_options(synchronize_session=False))


def prune(session: Session, before: datetime) -> int:
    """Forget finished deliveries claimed before ``before`` (a day's uniqueness only needs a few days)."""
    d = ReminderDelivery
    result = session.execute(delete(d).where(d.claimed_at < before, d.status.not_in(("due", "claimed", "sending"))))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
