"""Two `companion webhook` processes on one PostgreSQL: 2,000 updates from 100 users spread over both at random.

Each user writes five notes one turn at a time (``/note`` then the note), then fires ten ``/help`` at once,
split at random between the two processes, so that both handle the same user concurrently (optimistic locking
and its retries). Every update must be answered exactly once and every user's state must add up.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from companion.evals.fake_bot_api import FakeBotApi
from companion.storage import SqlStore, make_engine, migrate
from companion.storage.models import ConversationRow, JournalEntry, ProcessedUpdate
from tests.support.database import POSTGRES_URL, postgres_schema
from tests.support.telegram import PUBLIC_URL, TOKEN, free_port

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs COMPANION_TEST_POSTGRES_URL "
                                "(several processes share PostgreSQL; .ci/run sets it)")
USERS = 100
NOTES = 5
BURST = 10
SECRET = "two-processes_secret"
SAVED = re.compile(r"«\s*(note-[0-9a-f]{12}-\d+)")


@pytest.fixture
def schema_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


@contextmanager
def webhook_process(api: FakeBotApi, url: str, tmp_path: Path, name: str) -> Iterator[tuple[int, int]]:
    """``companion webhook`` with its own webhook and health ports; yields them."""
    port, health = free_port(), free_port()
    env = {**os.environ, "COMPANION_TELEGRAM_TOKEN": TOKEN, "COMPANION_TELEGRAM_BASE_URL": api.base_url,
           "COMPANION_TELEGRAM_BASE_FILE_URL": api.base_file_url, "COMPANION_DATABASE_URL": url,
           "COMPANION_DATA_DIR": str(tmp_path / name), "COMPANION_RETRIEVAL": "bm25",
           "COMPANION_WEBHOOK_URL": PUBLIC_URL, "COMPANION_WEBHOOK_PORT": str(port), "COMPANION_WEBHOOK_PATH": "hook",
           "COMPANION_WEBHOOK_SECRET": SECRET, "COMPANION_HEALTH_PORT": str(health), "COMPANION_FLOOD_LIMIT": "0",
           "COMPANION_LOG_LEVEL": "WARNING"}
    log = tmp_path / f"{name}.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "companion.cli", "webhook"], env=env, cwd=tmp_path,
                                   stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:  # listening once a forged update is refused
            try:
                if httpx.post(f"http://127.0.0.1:{port}/hook", json={}, timeout=2).status_code == 403:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield port, health
    except BaseException:
        print(log.read_text())
        raise
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def consent_everyone(url: str) -> None:
    """The users went through onboarding earlier: rows with consent, so every turn here is a plain turn."""
    engine = make_engine(url)
    migrate(engine)
    store = SqlStore(engine)
    with store.unit_of_work() as uow:
        for user in range(USERS):
            uow.ensure_user(f"tg:{1000 + user}", "fr", 1000 + user)
            uow.update_user(f"tg:{1000 + user}", consent_at=datetime.now(UTC))
        uow.commit()
    engine.dispose()


def conflicts(health_ports: list[int]) -> float:
    total = 0.0
    for port in health_ports:
        body = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text
        found = re.search(r"^companion_version_conflicts_total (\S+)$", body, re.M)
        total += float(found.group(1)) if found else 0.0
    return total


async def run_users(api: FakeBotApi, ports: list[int], run_id: str) -> int:
    """Drive every user; returns the number of updates posted."""
    lock = asyncio.Lock()
    posted = 0

    async with httpx.AsyncClient(timeout=30) as http:

        async def post(chat: int, message: str) -> None:
            nonlocal posted
            async with lock:  # the fake queues updates globally: take exactly the one just injected
                api.inject_message(chat, message)
                update = api.pop_updates()[0]
            port = random.choice(ports)
            response = await http.post(f"http://127.0.0.1:{port}/hook", json=update,
                                       headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert response.status_code == 200
            posted += 1

        counts: dict[int, int] = {}
        seen = 0

        async def poll() -> None:
            # One incremental read of the fake's log for everybody: polling it per user would starve the fake
            # server (it copies every matching call), make the bot's calls time out and their retries double.
            nonlocal seen
            while True:
                for call in api.calls(method="sendMessage", since_seq=seen):
                    seen = max(seen, call["seq"])
                    if call["ok"]:
                        chat = int(call["params"]["chat_id"])
                        counts[chat] = counts.get(chat, 0) + 1
                await asyncio.sleep(0.05)

        async def answered(chat: int, count: int) -> None:
            deadline = time.monotonic() + 120
            while counts.get(chat, 0) < count:
                assert time.monotonic() < deadline, f"chat {chat}: {counts.get(chat, 0)} of {count} answers"
                await asyncio.sleep(0.02)

        async def user(index: int) -> None:
            chat = 1000 + index
            expected = 0
            for note in range(NOTES):
                await post(chat, "/note")
                expected += 1
                await answered(chat, expected)
                await post(chat, f"note-{run_id}-{index * 100 + note} écrite pour le test")
                expected += 1  # saved, with the menu in the same message
                await answered(chat, expected)
            await asyncio.gather(*(post(chat, "/help") for _ in range(BURST)))
            await answered(chat, expected + BURST)

        poller = asyncio.create_task(poll())
        try:
            await asyncio.gather(*(user(i) for i in range(USERS)))
        finally:
            poller.cancel()
    return posted


def test_two_webhook_processes_answer_every_update_exactly_once(tmp_path: Path, schema_url: str) -> None:
    consent_everyone(schema_url)
    run_id = uuid.uuid4().hex[:12]
    with FakeBotApi.run_in_thread(token=TOKEN) as api, \
            webhook_process(api, schema_url, tmp_path, "bot-a") as (port_a, health_a), \
            webhook_process(api, schema_url, tmp_path, "bot-b") as (port_b, health_b):
        started = time.perf_counter()
        posted = asyncio.run(run_users(api, [port_a, port_b], run_id))
        elapsed = time.perf_counter() - started
        time.sleep(1.0)  # anything sent late (a duplicate) would show now
        retried = conflicts([health_a, health_b])
        per_chat = {1000 + i: api.sent(1000 + i) for i in range(USERS)}

    assert posted == USERS * (2 * NOTES + BURST) == 2000
    expected = 2 * NOTES + BURST
    extra = sum(max(0, len(messages) - expected) for messages in per_chat.values())
    missing = sum(max(0, expected - len(messages)) for messages in per_chat.values())
    saved_quotes = [quote for messages in per_chat.values() for message in messages
                    for quote in SAVED.findall(message.get("text") or "")]
    duplicates = len(saved_quotes) - len(set(saved_quotes)) + extra
    print(f"\nupdates={posted} processes=2 users={USERS} seconds={elapsed:.1f} updates_per_s={posted / elapsed:.0f} "
          f"conflicts_retried={retried:.0f} duplicates={duplicates} unanswered={missing}")
    if extra:  # show what came more than once, to make a failure readable
        for chat, messages in per_chat.items():
            if len(messages) > expected:
                print(chat, [str(m.get("text") or "")[:40] for m in messages])
                break
    assert duplicates == 0 and missing == 0
    assert len(set(saved_quotes)) == USERS * NOTES

    engine = make_engine(schema_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(ProcessedUpdate)) == posted
            notes = connection.execute(select(JournalEntry.user_id, JournalEntry.text)).all()
            states = connection.execute(select(ConversationRow.user_id, ConversationRow.flow,
                                               ConversationRow.version)).all()
    finally:
        engine.dispose()
    assert len(notes) == USERS * NOTES and len({t for _, t in notes}) == USERS * NOTES
    for user_id, note_text in notes:  # every note is in its author's journal
        number = int(note_text.split()[0].rsplit("-", 1)[1])
        assert note_text.startswith(f"note-{run_id}-") and number // 100 == int(user_id[3:]) - 1000
    assert len(states) == USERS
    assert all(flow is None and version == 2 * NOTES + BURST for _, flow, version in states)
