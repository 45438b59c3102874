"""A turn's replies are kept until sent: a process killed between its commit and Telegram still answers."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from companion.engine import Engine, Event, EventKind
from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from companion.service import ConversationService
from companion.storage import SqlStore
from companion.storage.outbox import PendingReply, decode, encode
from tests.support.processes import bot_process
from tests.support.reading import RULES_READER
from tests.support.telegram import texts

USER = 5151


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def pending(store: SqlStore) -> int:
    with store.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(PendingReply)) or 0)


def test_replies_are_kept_with_the_turn_until_confirmed(store: SqlStore) -> None:
    clock = Clock()
    service = ConversationService(store, Engine(reader=RULES_READER), clock=clock)
    replies = service.handle(Event.from_text("tg:1", "/start"), update_id=1, chat_id=1)
    assert replies and pending(store) == 1
    assert service.unsent_replies(timedelta(seconds=60), timedelta(minutes=5)) == []  # within the grace period
    clock.now += timedelta(seconds=61)
    [unsent] = service.unsent_replies(timedelta(seconds=60), timedelta(minutes=5))
    assert (unsent.update_id, unsent.chat_id) == (1, 1)
    assert [r.text for r in unsent.replies] == [r.text for r in replies]
    assert [c.value for c in unsent.replies[-1].choices] == [c.value for c in replies[-1].choices]
    # Claimed: no other process takes it while the lease runs; after the lease, it may be tried again.
    assert service.unsent_replies(timedelta(seconds=60), timedelta(minutes=5)) == []
    clock.now += timedelta(minutes=6)
    assert len(service.unsent_replies(timedelta(seconds=60), timedelta(minutes=5))) == 1
    service.replies_sent([1])
    assert pending(store) == 0


def test_without_a_chat_nothing_is_kept_and_an_erasure_leaves_nothing(store: SqlStore) -> None:
    service = ConversationService(store, Engine(reader=RULES_READER))
    service.handle(Event.from_text("tg:2", "/start"), update_id=9)
    service.handle(Event("tg:2", EventKind.CHOICE, choice="onb:accept"), update_id=10)
    assert pending(store) == 0
    service.handle(Event.from_text("tg:2", "/help"), update_id=11, chat_id=2)
    assert pending(store) == 1
    forget = service.handle(Event.from_text("tg:2", "/oubli"), update_id=12, chat_id=2)
    assert "forget:yes" in [c.value for r in forget for c in r.choices]
    service.handle(Event("tg:2", EventKind.CHOICE, choice="forget:yes"), update_id=13, chat_id=2)
    assert pending(store) == 0  # the erased user's unsent replies went with everything else


def test_encoding_round_trip_keeps_words_buttons_and_copy_text() -> None:
    from companion.engine import Reply
    from companion.engine.events import Choice

    replies = [Reply("un", (Choice("A", "a:1"), Choice("B", "b:2")), columns=2, copy_text="texte", copy_label="Copier")]
    assert decode(encode(replies)) == replies


def test_a_bot_killed_before_sending_answers_after_its_restart(
        api: FakeBotApi, client: FakeBotApiClient, database_url: str, store: SqlStore,
        tmp_path: Path) -> None:
    with bot_process(api, database_url, tmp_path, retrieval="bm25", outbox_grace_seconds="2") as bot:
        seq = client.last_seq()
        client.send_text(USER, "/start")
        welcome = client.wait_for_sent(USER, seq, count=2, timeout=60)
        seq = client.last_seq()
        button = welcome[-1]["reply_markup"]["inline_keyboard"][0][0]
        client.press(USER, welcome[-1]["message_id"], button["callback_data"])
        client.wait_for_sent(USER, seq, count=1, timeout=30)
        # Telegram stops answering: the next send hangs; the turn itself is committed.
        client.fail("sendMessage", mode="timeout", delay=60, count=1)
        seq = client.last_seq()
        client.send_text(USER, "/help")
        deadline = time.monotonic() + 30
        while pending(store) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pending(store) == 1
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)
    assert client.sent(USER, seq) == []  # nothing reached the user before the kill
    with bot_process(api, database_url, tmp_path, retrieval="bm25", outbox_grace_seconds="2"):
        answer = client.wait_for_sent(USER, seq, count=1, timeout=60)
        assert "Ce que je sais faire" in texts(answer)
        time.sleep(3)  # a few more sweeps: sent once, not again
        assert len(client.sent(USER, seq)) == len(answer)
        assert pending(store) == 0
