"""Background work as named ``JobQueue`` jobs, started and stopped with the application.

* ``reminders``: the dispatcher claims due reminders and sends them through the one sender.
* ``unsent-replies``: replies a stopped process kept but never confirmed (see ``storage.outbox``) are sent.
* ``retention``: journal entries older than ``COMPANION_RETENTION_DAYS`` are deleted, on start and daily.

PTB's job queue runs one instance of a job at a time (a tick still running when the next is due makes that one
wait for the following interval), and lets the running ones finish when the application stops.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any

from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes, JobQueue

from companion.bootstrap import Services
from companion.channels.telegram.sender import TelegramSender
from companion.privacy.retention import purge
from companion.reminders.dispatcher import Dispatcher
from companion.reminders.lookback import MatplotlibCharts
from companion.storage.availability import StoreUnavailable

logger = logging.getLogger(__name__)

PIPELINE = 3
"""Reminder chunks sent at once."""
UNSENT_LEASE = timedelta(minutes=5)
"""A claimed unsent reply is left alone this long by other processes (then it is theirs to try)."""
RETENTION_EVERY = timedelta(days=1)


class ReminderJob:
    """The ``reminders`` job: one dispatcher tick, everything due now."""

    def __init__(self, services: Services, sender: TelegramSender) -> None:
        settings = services.settings
        # Small chunks (a tenth of a second of sending each, three at a time): a crash leaves at most
        # ``chunk * pipeline`` deliveries in doubt, and those are never sent twice.
        chunk = max(1, round(settings.reminder_rate / 10))
        self.dispatcher = Dispatcher(services.store, services.conversations.engine, sender,
                                     charts=MatplotlibCharts(), batch=max(50, chunk * 20), chunk=chunk,
                                     pipeline=PIPELINE, lease=timedelta(seconds=settings.reminder_lease_seconds))

    async def __call__(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Send what is due; a failing tick is logged, and the next one tries again."""
        try:
            await self.dispatcher.tick()
        except Exception as error:  # noqa: BLE001 - the job must survive a database or network hiccup
            logger.error("reminder tick failed: %s", type(error).__name__, exc_info=True)

    def close(self) -> None:
        """Stop the dispatcher's database thread."""
        self.dispatcher.close()


class UnsentRepliesJob:
    """The ``unsent-replies`` job: claim replies older than the grace period and send them, once each."""

    def __init__(self, services: Services, channel: Any, grace: float) -> None:
        self.services, self.channel = services, channel
        self.grace = timedelta(seconds=grace)

    async def __call__(self, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Send what is due now; returns how many turns' replies were sent."""
        try:
            due = await asyncio.to_thread(self.services.conversations.unsent_replies, self.grace, UNSENT_LEASE)
        except StoreUnavailable:
            return 0
        sent = 0
        for item in due:
            try:
                await self.channel.deliver(item.chat_id, item.update_id, item.replies)
                sent += 1
            except TelegramError as error:  # kept: tried again once the lease runs out
                logger.warning("unsent replies still not delivered (%s)", type(error).__name__)
        if sent:
            logger.warning("sent the replies of %d turn(s) a stopped process had not sent", sent)
        return sent


async def retention(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The ``retention`` job: delete journal entries past the retention period."""
    services: Services = context.job.data  # type: ignore[union-attr]
    try:
        await asyncio.to_thread(purge, services.store, services.settings.retention_days)
    except Exception as error:  # noqa: BLE001 - the next round tries again; the bot keeps running
        logger.warning("retention round failed (%s)", type(error).__name__)


def schedule(application: Application, services: Services, channel: Any,  # type: ignore[type-arg]
             sender: TelegramSender) -> list[Any]:
    """Add the background jobs the settings ask for; returns what must be closed on shutdown."""
    jobs: JobQueue[Any] | None = application.job_queue
    if jobs is None:
        raise RuntimeError("python-telegram-bot's job queue is missing: install python-telegram-bot[job-queue]")
    settings = services.settings
    closing: list[Any] = []
    for name in ("reminders", "unsent-replies", "retention"):  # old jobs go before new ones are added
        for job in jobs.get_jobs_by_name(name):
            job.schedule_removal()
    if settings.reminder_tick_seconds > 0:
        reminders = ReminderJob(services, sender)
        jobs.run_repeating(reminders, interval=settings.reminder_tick_seconds, first=0, name="reminders")
        closing.append(reminders)
        logger.info("reminder dispatcher started (every %.0f s)", settings.reminder_tick_seconds)
    grace = settings.outbox_grace_seconds
    if grace > 0:
        jobs.run_repeating(UnsentRepliesJob(services, channel, grace), interval=max(0.5, min(30.0, grace / 2)),
                           first=0, name="unsent-replies")
    if settings.retention_days > 0:
        jobs.run_repeating(retention, interval=RETENTION_EVERY, first=0, name="retention", data=services)
    return closing
