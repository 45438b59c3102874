"""Reminders end to end: the real bot process (``companion run``) against the fake Bot API over HTTP."""

from __future__ import annotations

import signal
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from companion.channels.telegram.jobs import PIPELINE
from companion.engine import ConversationState
from companion.evals.bench_reminders import FIRST_CHAT, seed_users
from companion.evals.fake_bot_api import FakeBotApi, FakeBotApiClient
from companion.storage import SqlStore
from companion.storage.models import JournalEntry
from companion.storage.reminder_models import ReminderDelivery, ReminderSettings
from tests import test_telegram_e2e as e2e

USER = 5151


@contextmanager
def bot_process(api: FakeBotApi, database_url: str, tmp_path: Path, **settings: str) -> Iterator[subprocess.Popen[str]]:
    """``companion run`` with the reminder dispatcher ticking every half second."""
    with e2e.bot_process(api, database_url, tmp_path, retrieval="bm25", reminder_tick_seconds="0.5",
                         **settings) as process:
        yield process


def texts(messages: list[dict]) -> str:
    return "\n".join(str(m.get("text") or "") for m in messages)


def buttons(message: dict) -> list[dict]:
    return [b for row in (message.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]


def press_labelled(client: FakeBotApiClient, message: dict, label: str) -> None:
    button = next(b for b in buttons(message) if label in b["text"])
    client.press(USER, message["message_id"], button["callback_data"])


def make_due_now(store: SqlStore, user_id: str) -> None:
    """As if the clock had reached the chosen time: the daily reminder is due now."""
    with store.unit_of_work() as uow:
        settings = uow.session.get(ReminderSettings, user_id)
        assert settings is not None
        today = datetime.now(ZoneInfo(settings.timezone)).date().isoformat()
        d = ReminderDelivery
        uow.session.execute(update(d).where(d.user_id == user_id, d.kind == "daily", d.status == "due")
                            .values(due_at=datetime.now(UTC) - timedelta(seconds=1), occurrence=today))
        uow.commit()


def test_a_reminder_fires_the_user_answers_and_it_lands_in_the_journal(
        api: FakeBotApi, client: FakeBotApiClient, database_url: str, store: SqlStore, tmp_path: Path) -> None:
    with bot_process(api, database_url, tmp_path):
        seq = client.last_seq()
        client.send_text(USER, "/start", language_code="fr")
        welcome = client.wait_for_sent(USER, seq, count=2, timeout=90)
        seq = client.last_seq()
        press_labelled(client, welcome[-1], "j'accepte")
        client.wait_for_sent(USER, seq, count=1, timeout=30)  # the thanks and the menu, one message
        seq = client.last_seq()
        client.send_text(USER, "/rappels")
        [offer] = client.wait_for_sent(USER, seq, count=1, timeout=30)
        seq = client.last_seq()
        press_labelled(client, offer, "Choisir une heure")
        client.wait_for_sent(USER, seq, count=1, timeout=30)
        seq = client.last_seq()
        client.send_text(USER, "21:15")
        shown = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "Question du jour à 21:15" in texts(shown)
        seq = client.last_seq()
        press_labelled(client, shown[-1], "C'est bon")
        client.wait_for_sent(USER, seq, count=1, timeout=30)  # "c'est noté" and the menu, one message

        seq = client.last_seq()
        make_due_now(store, f"tg:{USER}")
        [question] = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "Ta question du jour" in question["text"]
        assert [b["text"] for b in buttons(question)] == ["Plus tard"]
        seq = client.last_seq()
        client.send_text(USER, "Aujourd'hui j'ai pris le temps de relire avant de publier.")
        answered = client.wait_for_sent(USER, seq, count=1, timeout=30)
        assert "C'est dans ton journal" in texts(answered)
        seq = client.last_seq()
        press_labelled(client, answered[-1], "calme")
        picked = client.wait_for_sent(USER, seq, count=1, timeout=30)
        seq = client.last_seq()
        press_labelled(client, picked[-1], "C'est tout")
        assert "Noté\u00a0: calme." in texts(client.wait_for_sent(USER, seq, count=1, timeout=30))
    with store.unit_of_work() as uow:
        [entry] = uow.session.scalars(select(JournalEntry).where(JournalEntry.kind == "daily")).all()
        assert entry.text.startswith("Aujourd'hui j'ai pris le temps")
        assert entry.emotions == ["calme"]
        assert entry.details and entry.details["question"] in question["text"]


def test_killed_mid_dispatch_nothing_is_sent_twice_after_restart(
        api: FakeBotApi, client: FakeBotApiClient, database_url: str, store: SqlStore, tmp_path: Path) -> None:
    users = 150
    seed_users(database_url, users, datetime.now(UTC))
    settings = {"reminder_rate": "20", "reminder_lease_seconds": "2"}
    with bot_process(api, database_url, tmp_path, **settings) as bot:
        client.wait_for_calls("sendMessage", count=40, timeout=120)
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)
    before = sum(1 for c in api.calls("sendMessage") if c["ok"])
    assert 40 <= before < users  # killed in the middle
    with bot_process(api, database_url, tmp_path, **settings):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with store.unit_of_work() as uow:
                open_rows = uow.session.scalar(select(func.count()).select_from(ReminderDelivery).where(
                    ReminderDelivery.status.in_(("claimed", "sending"))))
                done = uow.session.scalar(select(func.count()).select_from(ReminderDelivery)
                                          .where(ReminderDelivery.status != "due"))  # not the days to come
            if open_rows == 0 and done == users:
                break
            time.sleep(0.5)
    got = Counter(int(c["params"]["chat_id"]) for c in api.calls("sendMessage") if c["ok"])
    with store.unit_of_work() as uow:
        status = dict(uow.session.execute(select(ReminderDelivery.user_id, ReminderDelivery.status)
                                          .where(ReminderDelivery.status != "due")).all())
    assert len(status) == users and set(status.values()) <= {"sent", "unknown"}
    assert max(got.values()) == 1  # nobody got the question twice
    for i in range(users):
        user_id, chat = f"tg:{FIRST_CHAT + i}", FIRST_CHAT + i
        if status[user_id] == "sent":
            assert got[chat] == 1
        else:  # in flight when the process died: never sent again
            assert got[chat] <= 1
    in_doubt = sum(1 for s in status.values() if s == "unknown")
    assert in_doubt <= PIPELINE * 2  # at most the chunks in flight (rate 20/s: chunks of 2)
    assert sum(got.values()) >= users - in_doubt


def test_cooloff_follow_up_fires_after_a_restart(
        api: FakeBotApi, client: FakeBotApiClient, database_url: str, store: SqlStore, tmp_path: Path) -> None:
    with bot_process(api, database_url, tmp_path) as bot:
        seq = client.last_seq()
        client.send_text(USER, "/start", language_code="fr")
        welcome = client.wait_for_sent(USER, seq, count=2, timeout=90)
        seq = client.last_seq()
        press_labelled(client, welcome[-1], "j'accepte")
        client.wait_for_sent(USER, seq, count=1, timeout=30)  # the thanks and the menu, one message
        with store.unit_of_work() as uow:  # a reply session set aside to cool off, due in a few seconds
            state, _ = uow.load_state(f"tg:{USER}")
            paused = ConversationState(paused={"flow": "reply", "step": "decide", "data": {}}, version=state.version)
            uow.save_state(f"tg:{USER}", paused)
            uow.add_follow_up(f"tg:{USER}", datetime.now(UTC) + timedelta(seconds=4), "cooloff", {"flow": "reply"})
            uow.commit()
        bot.send_signal(signal.SIGKILL)
        bot.wait(timeout=10)
    time.sleep(4)  # the follow-up falls due while the bot is down
    seq = client.last_seq()
    with bot_process(api, database_url, tmp_path):
        [reminder] = client.wait_for_sent(USER, seq, count=1, timeout=90)
        assert "prendre le temps avant de répondre" in reminder["text"]
        assert [b["text"] for b in buttons(reminder)] == ["Reprendre"]
        time.sleep(2)  # a few more ticks: still one message
        assert len(client.sent(USER, seq)) == 1
