"""Faults: the Bot API failing (429, 5xx, timeouts, drops), SIGKILL mid-session, the database away for a moment."""

from __future__ import annotations

import asyncio
import contextlib
import random
import signal
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from companion.channels.telegram.sender import SEND_READ_TIMEOUT
from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from companion.storage import make_engine
from companion.storage.repository import SqlStore
from tests.support.processes import bot_process
from tests.support.telegram import TOKEN, buttons, texts
from tests.support.webhook import webhook_bot

USER = 1000

FAILURES = [
    {"method": "sendMessage", "status": 429, "count": 2, "retry_after": 1},
    {"method": "sendMessage", "status": 500, "count": 2},
    {"method": "sendMessage", "status": 502, "count": 3},
    {"method": "sendMessage", "mode": "drop", "count": 2},
    {"method": "sendMessage", "mode": "timeout", "count": 1, "delay": SEND_READ_TIMEOUT + 1},  # past our timeout
    {"method": "sendChatAction", "status": 500, "count": 10},
    {"method": "*", "status": 502, "count": 2},
]


def _ok_texts(api: FakeBotApi, seq: int) -> list[str]:
    return [c["result"]["text"] for c in api.calls("sendMessage", chat_id=USER, since_seq=seq) if c["ok"]]


async def test_bot_api_failures_leave_no_message_unanswered_and_none_twice(tmp_path: Path, database_url: str) -> None:
    async with webhook_bot(tmp_path, database_url, typing_delay=0) as bot:  # "typing…" on every turn, failing too
        await bot.onboard(USER)
        seq = bot.api.last_seq()
        await bot.turn(USER, "/help")
        baseline = _ok_texts(bot.api, seq)
        assert baseline
        for failure in FAILURES:
            seq = bot.api.last_seq()
            bot.api.fail(**failure)
            await bot.say(USER, "/help")
            await bot.idle(timeout=60)
            assert _ok_texts(bot.api, seq) == baseline, failure  # every reply once, in order
            injected = [c for c in bot.api.calls(since_seq=seq) if c.get("injected")]
            assert injected, failure  # the failure did happen
        # A button press whose acknowledgement fails still gets its turn.
        menu = await bot.turn(USER, "/menu")
        seq = bot.api.last_seq()
        bot.api.fail("answerCallbackQuery", status=500, count=1)
        await bot.press(USER, menu[-1]["message_id"], buttons(menu[-1])[0]["callback_data"])
        await bot.idle()
        assert _ok_texts(bot.api, seq)
        assert bot.errors == []


def test_polling_survives_get_updates_failures(tmp_path: Path, database_url: str) -> None:
    with FakeBotApi.run_in_thread(token=TOKEN) as api, bot_process(api, database_url, tmp_path):
        client = FakeBotApiClient(api.root_url)
        seq = client.last_seq()
        client.send_text(USER, "/start")
        client.wait_for_sent(USER, seq, count=2, timeout=60)
        client.fail("getUpdates", status=502, count=3)
        client.fail("sendMessage", mode="drop", count=1)
        seq = client.last_seq()
        for n in range(5):
            client.send_text(USER, f"/help {n}")
        client.wait_for_sent(USER, seq, count=10, timeout=60)
        time.sleep(1.5)
        answers = [m["text"] for m in client.sent(USER, seq)]
        # Five /help before consent: five times the help and the pending consent question, nothing twice.
        assert len(answers) == 10 and sum("15 ans" in a for a in answers) == 5
        assert len([c for c in client.calls("getUpdates", since_seq=seq) if c.get("injected")]) == 3


SCRIPT = ("/start", "@accept", "/note", "Premiere note apres la coupure", "/note", "Seconde note, toujours la",
          "/menu")
REPLIES = {"/start": 2}  # the welcome, then the consent with its buttons; every other step answers in one message


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_sigkill_at_random_points_users_continue_where_they_were(tmp_path: Path, database_url: str,
                                                                 seed: int) -> None:
    """Kill the bot at a random moment of a session; after a restart the user goes on from the same place.

    Like a person, the user sends a message again only when it got no answer and was not processed.
    """
    rng = random.Random(seed)
    kill_at, kill_after = rng.randrange(len(SCRIPT)), rng.uniform(0.0, 0.3)
    engine = make_engine(database_url)
    store = SqlStore(engine)

    def processed(update_id: int) -> bool:
        with store.unit_of_work() as uow:
            return (uow.load_state(f"tg:{USER}")[1] or 0) >= update_id

    with FakeBotApi.run_in_thread(token=TOKEN) as api:
        client = FakeBotApiClient(api.root_url)
        last_bot_message: dict | None = None
        step = 0
        killed = False
        while step < len(SCRIPT):
            with bot_process(api, database_url, tmp_path) as bot:
                while step < len(SCRIPT):
                    seq = client.last_seq()
                    item = SCRIPT[step]
                    if item == "@accept":
                        assert last_bot_message is not None
                        update_id = client.press(USER, last_bot_message["message_id"],
                                                 buttons(last_bot_message)[0]["callback_data"])["update_id"]
                    else:
                        update_id = client.send_text(USER, item)["update_id"]
                    if step == kill_at and not killed:
                        time.sleep(kill_after)
                        bot.send_signal(signal.SIGKILL)
                        bot.wait(timeout=10)
                        killed = True
                        answer = client.sent(USER, seq)
                        if answer or processed(update_id):
                            step += 1
                            last_bot_message = next((m for m in reversed(answer) if buttons(m)), last_bot_message)
                        break  # restart; an unprocessed, unanswered message is sent again
                    answer = client.wait_for_sent(USER, seq, count=REPLIES.get(item, 1), timeout=60)
                    last_bot_message = next((m for m in reversed(answer) if buttons(m)), last_bot_message)
                    step += 1
        with store.unit_of_work() as uow:
            notes = [e.text for e in uow.journal(f"tg:{USER}")]
            state, _ = uow.load_state(f"tg:{USER}")
            profile = uow.load_profile(f"tg:{USER}")
        confirmations = [m for m in client.sent(USER) if "C'est dans ton journal" in (m["text"] or "")]
    engine.dispose()
    assert profile.consented
    assert sorted(notes) == sorted(set(notes)) and len(confirmations) <= 2  # nothing done twice
    # The second note always lands (it comes after the restart); the first too unless its own answer was lost.
    assert "Seconde note, toujours la" in notes
    assert "Premiere note apres la coupure" in notes or kill_at in (2, 3)
    assert not state.active  # the session ended at the menu, as it would without a crash


class Proxy:
    """A TCP proxy to PostgreSQL that the test can cut (existing connections dropped, new ones refused)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(64)
        self.port = self.server.getsockname()[1]
        self.up = True
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for s in (source, sink):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        self.up = False
        with self.lock:
            for s in self.sockets:
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)
            self.sockets.clear()

    def restore(self) -> None:
        self.up = True

    def close(self) -> None:
        self.cut()
        self.server.close()


@contextlib.contextmanager
def proxied(database_url: str) -> Iterator[tuple[str, Proxy]]:
    url = make_url(database_url)
    proxy = Proxy((url.host or "127.0.0.1", url.port or 5432))
    try:
        yield url.set(port=proxy.port).render_as_string(hide_password=False), proxy
    finally:
        proxy.close()


async def test_database_away_for_a_moment_then_back(tmp_path: Path, database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the proxy cuts a PostgreSQL connection; SQLite is covered by the lock test")
    with proxied(database_url) as (url, proxy):
        async with webhook_bot(tmp_path, url, db_retry_seconds=20) as bot:
            await bot.onboard(USER)
            seq = bot.api.last_seq()
            proxy.cut()
            await bot.say(USER, "/help")
            await bot.api.wait_for_sent(USER, seq, count=1, timeout=20)
            assert "Je reviens vite" in texts(bot.api.sent(USER, seq))
            await asyncio.sleep(1.0)
            proxy.restore()
            await bot.idle(timeout=30)
            answer = bot.api.sent(USER, seq)
            assert sum("Je reviens vite" in m["text"] for m in answer) == 1
            assert "/note" in texts(answer[1:])  # the update was processed once the database was back
            assert bot.errors == []


async def test_database_away_longer_than_the_bot_waits(tmp_path: Path, database_url: str) -> None:
    """Told clearly that the message was not read, no crash, and the next message is answered."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the proxy cuts a PostgreSQL connection")
    other = USER + 1
    with proxied(database_url) as (url, proxy):
        async with webhook_bot(tmp_path, url, db_retry_seconds=1.5) as bot:
            await bot.onboard(other)
            seq = bot.api.last_seq()
            proxy.cut()
            await bot.say(other, "/help")
            await bot.idle(timeout=30)
            said = texts(bot.api.sent(other, seq))
            assert "Je reviens vite" in said and "n'ai pas pu lire ton dernier message" in said
            proxy.restore()
            assert "/note" in texts(await bot.turn(other, "/help"))
            assert bot.errors == []


async def test_sqlite_locked_for_a_moment_the_update_waits(tmp_path: Path, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("a file lock is SQLite's way of being unavailable")
    async with webhook_bot(tmp_path, database_url) as bot:
        await bot.onboard(USER)
        blocker = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=1)
        blocker.execute("BEGIN EXCLUSIVE")
        seq = bot.api.last_seq()
        await bot.say(USER, "/help")
        await asyncio.sleep(1.5)
        assert bot.api.sent(USER, seq) == []  # waiting, not failing
        blocker.rollback()
        blocker.close()
        await bot.idle(timeout=30)
        assert "/note" in texts(bot.api.sent(USER, seq))
        assert bot.errors == []
