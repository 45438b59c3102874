"""The conversation service: one unit of work per update (load → engine → save → replies)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from companion.engine import Engine, Event, EventKind, Profile, Reply
from companion.engine.effects import (
    AddJournalDetails,
    AddJournalEntry,
    DailyAnswered,
    DailyQuestionAsked,
    DeleteJournalEntry,
    ExportData,
    ForgetUser,
    GiveConsent,
    ScheduleFollowUp,
    SetAgreement,
    SetDailyEmotions,
    SetFormal,
    SetLanguage,
    SetMission,
    SetPortrait,
    SetSafetyPlan,
    UpdateReminders,
)
from companion.engine.i18n import pick_language
from companion.engine.ports import Transcriber, VoiceProblem
from companion.observability import METRICS
from companion.privacy.export import export_documents
from companion.storage.models import utcnow
from companion.storage.outbox import Undelivered
from companion.storage.repository import SqlStore, UnitOfWork, VersionConflict

logger = logging.getLogger(__name__)

KEEP_UPDATE_IDS = timedelta(days=2)
"""Handled update ids are kept this long (Telegram stops redelivering an update within a day)."""
PRUNE_EVERY = 1000
"""One update id in this many prunes the old ones."""


class ConversationService:
    """Runs the engine for one event inside a unit of work, retrying on version conflicts."""

    def __init__(
        self,
        store: SqlStore,
        engine: Engine,
        *,
        default_language: str = "fr",
        clock: Callable[[], datetime] = utcnow,
        max_attempts: int = 8,
        flood_limit: int = 0,
        flood_window: float = 10.0,
        wall_clock: Callable[[], float] = time.time,
        transcriber: Transcriber | None = None,
    ) -> None:
        self.transcriber = transcriber  # voice notes into text; None: voice notes are declined
        self.store = store
        self.flood_limit = flood_limit  # updates per user and window; 0: no limit (channel updates only)
        self.flood_window = flood_window
        self.wall_clock = wall_clock  # epoch seconds, shared by every process
        self.engine = engine
        self.default_language = default_language
        self.clock = clock
        self.max_attempts = max_attempts

    def handle(self, event: Event, *, update_id: int | None = None, telegram_id: int | None = None,
               chat_id: int | None = None) -> list[Reply]:
        """Process one event and return what to send back; replays of a processed update return nothing.

        With ``chat_id`` (and ``update_id``), the replies are also kept in the database with the turn, until
        :meth:`replies_sent` confirms them; :meth:`unsent_replies` finds those a dead process never sent.
        """
        started = time.perf_counter()
        try:
            for attempt in range(1, self.max_attempts + 1):
                try:
                    replies = self._handle_once(event, update_id, telegram_id, chat_id)
                    METRICS.updates.labels("answered" if replies else "replayed").inc()
                    return replies
                except VersionConflict:
                    METRICS.conflicts.inc()
                    logger.info("version conflict for a user, retrying (attempt %d)", attempt)
            raise VersionConflict(event.user_id)
        except Exception:
            METRICS.updates.labels("error").inc()
            METRICS.errors.labels("turn").inc()
            raise
        finally:
            METRICS.turn_seconds.observe(time.perf_counter() - started)

    def _handle_once(self, event: Event, update_id: int | None, telegram_id: int | None,
                     chat_id: int | None = None) -> list[Reply]:
        """Read, compute, then write: the engine runs before the turn's first write.

        On SQLite the first write takes the database's single write lock until the commit; taken before the
        engine (retrieval, screening, a model's answer), every other turn would wait for that work.
        """
        with self.store.unit_of_work() as uow:
            profile, state = uow.load_turn(event.user_id)
            if not profile.known:
                profile = Profile(event.user_id, pick_language(event.language_code, self.default_language))
            result = self.engine.handle(profile, state, event, self.clock(), uow.records(event.user_id))
            logger.info("turn: kind=%s flow=%s/%s -> %s/%s replies=%d", event.kind, state.flow, state.step,
                        result.state.flow, result.state.step, len(result.replies))
            # Writes from here on, in one short transaction.
            if update_id is not None and not uow.claim_update(update_id, self.clock()):
                logger.info("update %s already processed, skipped", update_id)
                return []
            # Messages count, button presses do not (a feelings picker is many quick taps, and bounded anyway).
            if update_id is not None and self.flood_limit > 0 and event.kind is not EventKind.CHOICE:
                verdict = uow.flood_hit(event.user_id, self.wall_clock(), self.flood_limit, self.flood_window)
                if verdict != "ok":  # the turn's result is dropped; only the count and the claim are kept
                    uow.commit()
                    logger.info("flood limit reached for a user (%s)", verdict)
                    notice = self.engine.catalog.text(profile.language, "flood.notice", formal=profile.formal,
                                                     agreement=profile.agreement)
                    return [Reply(notice)] if verdict == "notify" else []
            if update_id is not None and update_id % PRUNE_EVERY == 0:
                uow.prune_updates(self.clock() - KEEP_UPDATE_IDS)
            if any(isinstance(effect, ForgetUser) for effect in result.effects):
                uow.forget_user(event.user_id)
                uow.commit()
                uow.scrub()
                logger.info("user erased on request")
                return result.replies
            uow.ensure_user(event.user_id, profile.language, telegram_id)
            uow.reactivate(event.user_id, self.clock())
            for effect in result.effects:
                self._apply(uow, event.user_id, effect)
            uow.save_state(event.user_id, result.state, update_id)
            if result.replies and any(isinstance(effect, ExportData) for effect in result.effects):
                # Read inside the same unit of work, so the export includes what this turn wrote.
                documents = export_documents(uow.export_user(event.user_id), user_id=event.user_id, now=self.clock(),
                                             language=profile.language, formal=profile.formal,
                                             catalog=self.engine.catalog, nvc=self.engine.nvc)
                result.replies[-1] = replace(result.replies[-1], documents=documents)
            if chat_id is not None and update_id is not None and result.replies:
                uow.keep_replies(update_id, event.user_id, chat_id, result.replies, self.clock())
            uow.commit()
            return result.replies

    def voice_fits(self, seconds: float) -> bool:
        """Whether a voice note this long is worth fetching: voice is on and the note is within the limit."""
        return self.transcriber is not None and seconds <= self.transcriber.max_seconds

    def hear(self, user_id: str, audio: bytes, *, forwarded: bool = False, language_code: str | None = None,
             seconds: float | None = None) -> Event:
        """The event for a voice note: its transcript, or the problem met (the audio is only ever held in memory).

        ``seconds`` is the length the channel announced: a note over the limit is declined before any decoding.
        """
        voice = Event(user_id, EventKind.VOICE, forwarded=forwarded, language_code=language_code)
        if self.transcriber is None:
            return replace(voice, media="off")
        if seconds is not None and not self.voice_fits(seconds):
            return replace(voice, media="too_long")
        started = time.perf_counter()
        try:
            heard = self.transcriber.transcribe(audio)
        except VoiceProblem as problem:
            return replace(voice, media=problem.reason)
        logger.info("voice note heard: %.1f s of audio in %.1f s, language=%s", heard.duration_s,
                    time.perf_counter() - started, heard.language)
        return replace(voice, text=heard.text) if heard.text.strip() else replace(voice, media="empty")

    def replies_sent(self, update_ids: Sequence[int]) -> None:
        """Every reply of these updates reached Telegram (or never can): stop keeping them (one transaction)."""
        with self.store.unit_of_work() as uow:
            uow.replies_sent(update_ids)
            uow.commit()

    def unsent_replies(self, grace: timedelta, lease: timedelta) -> list[Undelivered]:
        """Replies kept longer than ``grace`` and never confirmed (their process died), claimed for ``lease``."""
        with self.store.unit_of_work() as uow:
            claimed = uow.claim_unsent(self.clock(), grace, lease)
            uow.commit()
            return claimed

    def _apply(self, uow: UnitOfWork, user_id: str, effect: object) -> None:
        match effect:
            case ExportData():
                pass  # the documents are attached to the reply once the turn's writes are done
            case GiveConsent():
                uow.update_user(user_id, consent_at=self.clock())
            case SetLanguage(language=language):
                uow.update_user(user_id, language=language)
            case SetFormal(formal=formal):
                uow.update_user(user_id, formal=formal)
            case SetAgreement(agreement=agreement):
                uow.update_user(user_id, agreement=agreement)
            case AddJournalEntry(kind=kind, text=text, theme=theme, prompt=prompt):
                uow.add_journal_entry(user_id, kind, text, theme, prompt)
            case AddJournalDetails(kind=kind, text=text, theme=theme, emotions=emotions, details=details):
                uow.add_journal_entry(user_id, kind, text, theme, None, list(emotions), details)
            case DeleteJournalEntry(entry_id=entry_id):
                uow.delete_journal_entry(user_id, entry_id)
            case SetPortrait(text=text):
                uow.update_user(user_id, portrait=text)
            case SetMission(text=text):
                uow.update_user(user_id, mission=text)
            case SetSafetyPlan(parts=parts):
                uow.set_safety_plan(user_id, parts)
            case UpdateReminders():
                uow.update_reminders(user_id, effect, self.clock())
            case DailyQuestionAsked():
                uow.daily_question_asked(user_id, effect)
            case DailyAnswered():
                uow.daily_answered(user_id, effect)
            case SetDailyEmotions():
                uow.set_daily_emotions(user_id, effect)
            case ScheduleFollowUp(due_at=due_at, kind=kind, payload=payload):
                uow.add_follow_up(user_id, due_at, kind, payload)
            case _:
                raise TypeError(f"unknown effect {type(effect).__name__}")
