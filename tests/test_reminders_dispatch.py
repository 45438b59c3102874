"""The dispatcher on a real database (SQLite, and PostgreSQL when set) against the fake Bot API over HTTP."""

from __future__ import annotations

import asyncio
import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from companion.channels.telegram.codec import CallbackCodec
from companion.channels.telegram.sender import TelegramSender, make_bot
from companion.config import load_settings
from companion.engine import ConversationState, Engine
from companion.engine.effects import UpdateReminders
from companion.engine.schedule import EVERY_DAY, local_date, next_occurrence
from companion.evals.bench_reminders import FIRST_CHAT, seed_users
from companion.evals.fake_bot_api import FakeBotApi
from companion.prompts import load_nvc_lists, load_question_bank
from companion.reminders.dispatcher import Dispatcher, Report
from companion.reminders.lookback import MatplotlibCharts
from companion.storage import SqlStore, make_engine
from companion.storage.models import ConversationRow, User
from companion.storage.reminder_models import ReminderDelivery, ReminderSettings
from tests.support.reading import RULES_READER

TOKEN = "123456:REMIND"
CODEC = CallbackCodec(hashlib.sha256(b"callback:" + TOKEN.encode()).digest())
ENGINE = Engine(reader=RULES_READER, questions=load_question_bank(), nvc=load_nvc_lists())


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi.run_in_thread(token=TOKEN) as server:
        yield server


def dispatch(store: SqlStore, api: FakeBotApi, *, clock: Callable[[], datetime] | None = None,
             owner: str | None = None, lease: timedelta = timedelta(minutes=5),
             batch: int = 50, chunk: int = 10) -> Report:
    """Tick until nothing is due, with the bot's own sender over HTTP."""

    async def run() -> Report:
        settings = load_settings(telegram_token=TOKEN, telegram_base_url=api.base_url,
                                 telegram_base_file_url=api.base_file_url)
        bot = make_bot(settings, overall_max_rate=0)
        sender = TelegramSender(bot, CODEC)
        extra = {"clock": clock} if clock else {}
        dispatcher = Dispatcher(store, ENGINE, sender, charts=MatplotlibCharts(), batch=batch, chunk=chunk,
                                owner=owner, lease=lease, **extra)
        total = Report()
        async with bot:
            while True:
                report = await dispatcher.tick()
                total.add(report)
                if not report.claimed and not report.skipped:
                    break
        dispatcher.close()
        return total

    return asyncio.run(run())


def received(api: FakeBotApi) -> Counter[int]:
    return Counter(int(c["params"]["chat_id"]) for c in api.calls("sendMessage") if c["ok"])


def statuses(store: SqlStore) -> dict[str, int]:
    """Deliveries taken on, by status (not the ``due`` rows of the days to come)."""
    with store.unit_of_work() as uow:
        rows = uow.session.execute(select(ReminderDelivery.status, func.count())
                                   .where(ReminderDelivery.status != "due").group_by(ReminderDelivery.status))
        return {status: int(n) for status, n in rows}


def test_two_dispatchers_at_once_send_each_reminder_exactly_once(database_url: str, store: SqlStore,
                                                                 api: FakeBotApi) -> None:
    users = 240
    seed_users(database_url, users, datetime.now(UTC))
    reports: list[Report] = []

    def worker(name: str) -> None:
        own = SqlStore(make_engine(database_url))  # its own connections, as another process would have
        reports.append(dispatch(own, api, owner=name, batch=40, chunk=8))
        own.engine.dispose()

    threads = [threading.Thread(target=worker, args=(f"d{i}",)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    got = received(api)
    assert sorted(got) == [FIRST_CHAT + i for i in range(users)]
    assert set(got.values()) == {1}
    assert sum(r.sent for r in reports) == users
    assert statuses(store) == {"sent": users}
    with store.unit_of_work() as uow:
        waiting = uow.session.scalar(select(func.count()).select_from(ConversationRow)
                                     .where(ConversationRow.flow == "daily"))
        due = uow.session.scalar(select(func.min(ReminderDelivery.due_at)).where(ReminderDelivery.status == "due"))
        queued = uow.session.scalar(select(func.count()).select_from(ReminderDelivery)
                                    .where(ReminderDelivery.status == "due"))
    assert waiting == users  # idle users can simply type their answer
    assert due is not None and due.replace(tzinfo=UTC) > datetime.now(UTC) + timedelta(hours=12)
    assert queued == users  # each user's next day, queued once
    # A second pass finds nothing to send.
    assert dispatch(store, api).claimed == 0 and sum(received(api).values()) == users


def queued(user_id: str, kind: str, due: datetime, zone: str) -> ReminderDelivery:
    """A delivery row waiting in the queue for ``due``."""
    return ReminderDelivery(user_id=user_id, kind=kind, occurrence=local_date(due, zone).isoformat(), due_at=due,
                            status="due", attempts=0)


def one_user(store: SqlStore, telegram_id: int, minute: int, zone: str, due: datetime) -> str:
    user_id = f"tg:{telegram_id}"
    with store.unit_of_work() as uow:
        uow.session.add(User(id=user_id, telegram_id=telegram_id, language="fr", timezone=zone,
                             consent_at=due - timedelta(days=3)))
        uow.session.flush()
        uow.session.add(ReminderSettings(user_id=user_id, enabled=True, paused=False, minute=minute, timezone=zone,
                                         days=EVERY_DAY, weekly_day=None, asked=[], streak=0))
        uow.session.add(queued(user_id, "daily", due, zone))
        uow.commit()
    return user_id


def test_missed_today_is_sent_once_older_is_skipped(store: SqlStore, api: FakeBotApi) -> None:
    now = datetime(2026, 6, 10, 16, 0, tzinfo=UTC)  # 18:00 in Paris
    this_morning = next_occurrence(9 * 60, "Europe/Paris", EVERY_DAY, now - timedelta(hours=12))
    yesterday = next_occurrence(9 * 60, "Europe/Paris", EVERY_DAY, now - timedelta(hours=36))
    assert this_morning and yesterday
    today_user = one_user(store, 501, 9 * 60, "Europe/Paris", this_morning.due_at)
    old_user = one_user(store, 502, 9 * 60, "Europe/Paris", yesterday.due_at)
    report = dispatch(store, api, clock=lambda: now)
    assert report.sent == 1 and report.skipped == 1
    assert received(api) == Counter({501: 1})
    with store.unit_of_work() as uow:
        for user_id in (today_user, old_user):
            assert uow.next_reminder(user_id) == datetime(2026, 6, 11, 7, 0, tzinfo=UTC)


def test_the_same_day_cannot_be_sent_twice(store: SqlStore, api: FakeBotApi) -> None:
    now = datetime(2026, 6, 10, 16, 0, tzinfo=UTC)
    first = next_occurrence(9 * 60, "Europe/Paris", EVERY_DAY, now - timedelta(hours=12))
    assert first
    user_id = one_user(store, 601, 9 * 60, "Europe/Paris", first.due_at)
    assert dispatch(store, api, clock=lambda: now).sent == 1
    # The user moves the time to later the same day (19:00 in Paris, after 18:00 now)…
    with store.unit_of_work() as uow:
        uow.update_reminders(user_id, UpdateReminders(minute=19 * 60), now)
        uow.commit()
        # …but today's delivery exists: the next one queued is tomorrow's.
        assert uow.next_reminder(user_id) == datetime(2026, 6, 11, 17, 0, tzinfo=UTC)
    # Even queued again by hand, today's occurrence is refused by the queue's key.
    with pytest.raises(IntegrityError), store.unit_of_work() as uow:
        uow.session.add(queued(user_id, "daily", now - timedelta(minutes=1), "Europe/Paris"))
        uow.session.flush()
    report = dispatch(store, api, clock=lambda: now + timedelta(hours=2))
    assert report.claimed == 0 and report.skipped == 0
    assert received(api) == Counter({601: 1})


def test_flood_control_is_waited_out_and_the_message_sent_once(store: SqlStore, api: FakeBotApi) -> None:
    now = datetime.now(UTC)
    one_user(store, 701, 0, "UTC", now - timedelta(minutes=1))
    api.fail("sendMessage", 429, count=1, retry_after=1)
    started = time.monotonic()
    report = dispatch(store, api, clock=lambda: now)
    assert time.monotonic() - started >= 1.0
    assert report.sent == 1
    calls = api.calls("sendMessage")
    assert [c.get("error_code") for c in calls] == [429, None]
    assert received(api) == Counter({701: 1})


def test_a_user_who_blocked_the_bot_is_marked_inactive(store: SqlStore, api: FakeBotApi) -> None:
    now = datetime.now(UTC)
    user_id = one_user(store, 801, 0, "UTC", now - timedelta(minutes=1))
    api.block(801)
    report = dispatch(store, api, clock=lambda: now)
    assert report.outcomes.get("blocked") == 1
    assert len(api.calls("sendMessage")) == 1  # asked once, not retried
    with store.unit_of_work() as uow:
        user = uow.session.get(User, user_id)
        assert user is not None and not user.active
        assert uow.next_reminder(user_id) is None
        # They come back and write: active again, reminders rescheduled.
        uow.reactivate(user_id, now)
        uow.commit()
    with store.unit_of_work() as uow:
        user = uow.session.get(User, user_id)
        assert user is not None and user.active and uow.next_reminder(user_id) is not None


def test_a_dead_dispatchers_claims_are_taken_over_and_its_sends_never_repeated(store: SqlStore,
                                                                              api: FakeBotApi) -> None:
    now = datetime.now(UTC)
    for telegram_id in (901, 902):
        one_user(store, telegram_id, 0, "UTC", now - timedelta(minutes=2))
    with store.unit_of_work() as uow:
        claims, _ = uow.claim_deliveries(now, "dead", 10)
        uow.commit()
    assert len(claims) == 2
    with store.unit_of_work() as uow:  # the dead one had started sending to 902 when it died
        uow.start_sending([c.id for c in claims if c.user_id == "tg:902"], "dead", now)
        uow.commit()
    # Before the lease runs out, nobody touches them.
    assert dispatch(store, api, clock=lambda: now + timedelta(minutes=1)).claimed == 0
    assert received(api) == Counter()
    report = dispatch(store, api, clock=lambda: now + timedelta(minutes=6))
    assert report.sent == 1
    assert received(api) == Counter({901: 1})
    assert statuses(store) == {"sent": 1, "unknown": 1}


def test_cooloff_follow_up_fires_with_a_resume_button(store: SqlStore, api: FakeBotApi) -> None:
    now = datetime.now(UTC)
    user_id = one_user(store, 1001, 0, "UTC", now + timedelta(hours=5))
    with store.unit_of_work() as uow:
        uow.save_state(user_id, ConversationState(paused={"flow": "reply", "step": "waiting", "data": {}}))
        uow.add_follow_up(user_id, now - timedelta(minutes=1), "cooloff", {"flow": "reply"})
        uow.add_follow_up(user_id, now - timedelta(days=2), "cooloff", {"flow": "reply"})  # far too late
        uow.commit()
    report = dispatch(store, api, clock=lambda: now)
    assert report.sent == 1 and report.skipped == 1
    [message] = api.sent(1001)
    assert "prendre le temps avant de répondre" in message["text"]
    [[button]] = message["reply_markup"]["inline_keyboard"]
    assert CODEC.decode(button["callback_data"]) == "menu:resume"
    with store.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(ReminderDelivery).where(
            ReminderDelivery.kind == "cooloff", ReminderDelivery.status == "due")) == 0


def test_weekly_look_back_is_a_photo_and_a_text(store: SqlStore, api: FakeBotApi) -> None:
    now = datetime.now(UTC)
    user_id = one_user(store, 1101, 0, "UTC", now + timedelta(hours=5))
    with store.unit_of_work() as uow:
        uow.add_journal_entry(user_id, "daily", "Une journée calme en ligne.", None, None, ["calme", "fatigue"])
        uow.session.execute(update(ReminderSettings).where(ReminderSettings.user_id == user_id)
                            .values(weekly_day=now.weekday()))
        uow.session.add(queued(user_id, "weekly", now - timedelta(minutes=1), "UTC"))
        uow.commit()
    assert dispatch(store, api, clock=lambda: now + timedelta(minutes=1)).sent == 1
    [photo] = api.calls("sendPhoto")
    assert photo["ok"] and "calme ×1" in photo["params"]["caption"]
    [text] = api.sent(1101)[1:]
    assert "Une journée calme en ligne" in text["text"]
