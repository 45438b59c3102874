"""The dispatcher: each tick claims due reminders, words them through the engine, sends them, records the outcome.

Several dispatchers (one per bot process) may run against the same database; see ``storage.reminder_store`` for
how a reminder is claimed by exactly one of them and never sent twice.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import TypeVar

from companion.engine import ConversationState, Engine, Reply
from companion.engine.effects import DailyQuestionAsked
from companion.engine.ports import Charts
from companion.engine.reminders import DueReminder
from companion.engine.schedule import local_date
from companion.reminders.sender import Outcome, Sender
from companion.storage import Claimed, SqlStore, VersionConflict
from companion.storage.models import utcnow

logger = logging.getLogger(__name__)
T = TypeVar("T")
LOCAL_CHAT = 0
"""The chat id of a ``local_user``'s deliveries (the terminal has one chat, and no Telegram id)."""


@dataclass
class Report:
    """What a tick did."""

    claimed: int = 0
    skipped: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def sent(self) -> int:
        """Deliveries that reached Telegram."""
        return self.outcomes.get(Outcome.SENT, 0)

    def add(self, other: Report) -> None:
        """Fold another report into this one."""
        self.claimed += other.claimed
        self.skipped += other.skipped
        for key, value in other.outcomes.items():
            self.outcomes[key] = self.outcomes.get(key, 0) + value


@dataclass(frozen=True)
class Outgoing:
    """A prepared delivery: where to, and what to say."""

    delivery_id: int
    user_id: str
    chat_id: int
    replies: list[Reply]


def dispatcher_id() -> str:
    """A name for this dispatcher, unique across processes and restarts."""
    return f"{socket.gethostname()[:24]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Dispatcher:
    """Claims, words, sends and records reminders; ``tick`` does everything that is due now."""

    def __init__(self, store: SqlStore, engine: Engine, sender: Sender, *, charts: Charts | None = None,
                 batch: int = 200, chunk: int = 10, pipeline: int = 3, lease: timedelta = timedelta(minutes=5),
                 clock: Callable[[], datetime] = utcnow, owner: str | None = None,
                 keep: timedelta = timedelta(days=7), in_flight: int = 32, local_user: str | None = None) -> None:
        self.store = store
        self.engine = engine
        self.sender = sender
        self.charts = charts
        self.batch = batch
        self.chunk = chunk
        self.pipeline = pipeline
        self.lease = lease
        self.clock = clock
        self.owner = owner or dispatcher_id()
        self.keep = keep
        self.local_user = local_user  # only this user's reminders, delivered without a Telegram id (a terminal)
        self._ticks = 0
        self._in_flight = in_flight
        self._gate: asyncio.Semaphore | None = None
        # One thread does all the database work, in order: no two transactions of this process wait on each other.
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reminders-db")

    async def _db(self, work: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, work, *args)

    def close(self) -> None:
        """Stop the database thread."""
        self._executor.shutdown(wait=True)

    async def tick(self) -> Report:
        """Send everything due now (taking over claims left by a dead dispatcher first)."""
        report = Report()
        now = self.clock()
        stale = await self._db(self._take_over, now)
        if stale:
            logger.info("took over %d reminder(s) claimed by a stopped dispatcher", len(stale))
            report.add(await self._process(stale))
        while True:
            now = self.clock()
            claims, skipped = await self._db(self._claim, now)
            report.claimed += len(claims)
            report.skipped += skipped
            if claims:
                report.add(await self._process(claims))
            if len(claims) + skipped < self.batch:
                break
        self._ticks += 1
        if self._ticks % 100 == 1:
            pruned = await self._db(self._prune, self.clock() - self.keep)
            if pruned:
                logger.info("pruned %d old delivery records", pruned)
        if report.claimed or report.skipped:
            logger.info("reminders: claimed=%d skipped=%d outcomes=%s", report.claimed, report.skipped,
                        dict(report.outcomes))
        return report

    # -- one batch -----------------------------------------------------------------------------------

    async def _process(self, claims: list[Claimed]) -> Report:
        gate = asyncio.Semaphore(self.pipeline)
        chunks = [claims[i:i + self.chunk] for i in range(0, len(claims), self.chunk)]

        async def run(part: list[Claimed]) -> Report:
            async with gate:
                return await self._chunk(part)

        report = Report()
        for part in await asyncio.gather(*(run(part) for part in chunks)):
            report.add(part)
        return report

    async def _chunk(self, claims: list[Claimed]) -> Report:
        outgoing, skipped = await self._db(self._prepare, claims)
        outcomes = await asyncio.gather(*(self._deliver(o) for o in outgoing))
        results = list(zip(outgoing, outcomes, strict=True))
        await self._db(self._record, results)
        report = Report(outcomes={"skipped": skipped} if skipped else {})
        for _, outcome in results:
            report.outcomes[outcome] = report.outcomes.get(outcome, 0) + 1
        return report

    async def _deliver(self, item: Outgoing) -> Outcome:
        if self._gate is None:  # created here: it belongs to the running event loop
            self._gate = asyncio.Semaphore(self._in_flight)
        try:
            async with self._gate:
                return await self.sender.send(item.chat_id, item.replies)
        except Exception as error:  # noqa: BLE001 - whatever it was, it may have left: never send it again
            logger.error("reminder delivery crashed: %s", type(error).__name__, exc_info=True)
            return Outcome.UNKNOWN

    # -- database work (in a worker thread) ----------------------------------------------------------

    def _take_over(self, now: datetime) -> list[Claimed]:
        if self.local_user is not None:
            return []  # a terminal takes over nobody's claims
        with self.store.unit_of_work() as uow:
            claims = uow.take_over_deliveries(now, self.owner, self.lease, self.batch)
            uow.commit()
            return claims

    def _claim(self, now: datetime) -> tuple[list[Claimed], int]:
        with self.store.unit_of_work() as uow:
            claims, skipped = uow.claim_deliveries(now, self.owner, self.batch, self.local_user)
            uow.commit()
            return claims, skipped

    def _prune(self, before: datetime) -> int:
        with self.store.unit_of_work() as uow:
            count = uow.prune_deliveries(before)
            uow.commit()
            return count

    def _prepare(self, claims: list[Claimed]) -> tuple[list[Outgoing], int]:
        for attempt in range(1, 9):
            try:
                return self._prepare_once(claims)
            except VersionConflict:
                logger.info("conversation changed while wording reminders, again (attempt %d)", attempt)
        raise VersionConflict()

    def _prepare_once(self, claims: list[Claimed]) -> tuple[list[Outgoing], int]:
        now = self.clock()
        with self.store.unit_of_work() as uow:
            mine = set(uow.start_sending([c.id for c in claims], self.owner, now))
            claims = [c for c in claims if c.id in mine]
            people = uow.recipients(sorted({c.user_id for c in claims}))
            states: dict[str, ConversationState] = {}
            outgoing: list[Outgoing] = []
            nothing: list[int] = []
            asked: dict[str, DailyQuestionAsked] = {}
            for claim in claims:
                person = people.get(claim.user_id)
                chat_id = person.telegram_id if person is not None else None
                if person is not None and claim.user_id == self.local_user:
                    chat_id = LOCAL_CHAT
                if person is None or chat_id is None or not person.active:
                    nothing.append(claim.id)
                    continue
                state = states.get(claim.user_id, person.state)
                view = person.view
                records = uow.records(claim.user_id, view)
                due = DueReminder(claim.kind, _occurrence_date(claim, now, view.timezone), claim.payload or {})
                result = self.engine.reminder(person.profile, state, due, now, records, self.charts)
                if not result.replies:
                    nothing.append(claim.id)
                    continue
                if result.state != state:
                    states[claim.user_id] = result.state
                for effect in result.effects:
                    if isinstance(effect, DailyQuestionAsked):
                        asked[claim.user_id] = effect
                outgoing.append(Outgoing(claim.id, claim.user_id, chat_id, result.replies))
            for user_id, state in states.items():  # the turns' optimistic lock: the version read with the chunk
                uow.save_state(user_id, replace(state, version=people[user_id].state.version))
            uow.record_questions(asked, {user_id: people[user_id].view for user_id in asked})
            uow.mark_deliveries(nothing, "skipped", now)
            uow.commit()
            return outgoing, len(nothing)

    def _record(self, results: list[tuple[Outgoing, Outcome]]) -> None:
        now = self.clock()
        by_outcome: dict[Outcome, list[Outgoing]] = {}
        for item, outcome in results:
            by_outcome.setdefault(outcome, []).append(item)
        with self.store.unit_of_work() as uow:
            for outcome, items in by_outcome.items():
                uow.mark_deliveries([i.delivery_id for i in items], str(outcome), now)
            blocked = by_outcome.get(Outcome.BLOCKED, [])
            if blocked:
                uow.deactivate(sorted({i.user_id for i in blocked}))
                logger.info("%d user(s) blocked the bot: marked inactive", len(blocked))
            uow.commit()


def _occurrence_date(claim: Claimed, now: datetime, zone: str) -> date:
    try:
        return date.fromisoformat(claim.occurrence)
    except ValueError:  # a follow-up: its occurrence is the follow-up's id
        return local_date(now, zone)
