"""One way out to Telegram: one sender, one retry policy, no private PTB call, reminders behind a port."""

from __future__ import annotations

import asyncio
import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from companion.channels.telegram.codec import CallbackCodec
from companion.channels.telegram.sender import SEND_ATTEMPTS, TelegramSender
from companion.engine import Reply
from companion.reminders.sender import Outcome
from tests.support.webhook import webhook_bot

ROOT = Path(__file__).resolve().parents[1] / "companion"
FAKE_BOT_API = ROOT / "evals" / "fake_bot_api.py"
CODEC = CallbackCodec(hashlib.sha256(b"callback:test").digest())


def test_no_second_way_out_and_no_private_ptb_call() -> None:
    pattern = re.compile(r"\._post\b|LeanBot|\b(bot|application|app|request|updater)\._[a-z]")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in sorted(ROOT.rglob("*.py"))
             if path != FAKE_BOT_API  # the fake's client has a _post of its own, not PTB's
             for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


def test_reminders_send_through_a_port_and_import_no_channel() -> None:
    for name in ("dispatcher.py", "sender.py"):
        source = (ROOT / "reminders" / name).read_text("utf-8")
        assert "companion.channels" not in source and "import telegram" not in source, name
        assert "from telegram" not in source, name


class FakeBot:
    """Answers ``send_message`` with the failures queued in ``errors``, then succeeds."""

    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def send_message(self, chat_id: int, text: str, **kwargs: Any) -> None:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)


async def _no_sleep(_seconds: float) -> None:
    return None


def _send(bot: FakeBot) -> Outcome:
    sender = TelegramSender(bot, CODEC, sleep=_no_sleep)  # type: ignore[arg-type]
    return asyncio.run(sender.send(1, [Reply("bonjour")]))


@pytest.mark.parametrize("error", [NetworkError("Bad Gateway (502)"), TimedOut(), NetworkError("httpx.ConnectError")])
def test_a_call_telegram_did_not_answer_is_repeated(error: Exception) -> None:
    bot = FakeBot(error, error)
    assert _send(bot) is Outcome.SENT
    assert bot.calls == 3


def test_refusals_are_final() -> None:
    bot = FakeBot(Forbidden("blocked"))
    assert _send(bot) is Outcome.BLOCKED and bot.calls == 1
    bot = FakeBot(BadRequest("Chat not found"))
    assert _send(bot) is Outcome.BLOCKED and bot.calls == 1
    bot = FakeBot(BadRequest("can't parse entities"))
    assert _send(bot) is Outcome.FAILED and bot.calls == 1


def test_no_answer_after_every_try_may_have_arrived() -> None:
    bot = FakeBot(*[TimedOut()] * SEND_ATTEMPTS)
    assert _send(bot) is Outcome.UNKNOWN and bot.calls == SEND_ATTEMPTS
    bot = FakeBot(*[NetworkError("Internal Server Error (500)")] * SEND_ATTEMPTS)
    assert _send(bot) is Outcome.FAILED and bot.calls == SEND_ATTEMPTS


async def test_background_work_runs_as_named_jobs_with_the_application(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url, retention_days=30, reminder_tick_seconds=60) as bot:
        jobs = bot.application.job_queue
        assert jobs is not None and jobs.scheduler.running
        assert sorted(job.name for job in jobs.jobs()) == ["reminders", "retention", "unsent-replies"]
    assert not jobs.scheduler.running  # stopped with the application
