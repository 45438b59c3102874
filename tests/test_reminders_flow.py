"""/rappels and the question of the day through the conversation service on a real database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from companion.engine import ConversationState, Engine, Event, EventKind, Reply
from companion.engine.effects import ScheduleFollowUp
from companion.engine.flows.reminders import next_streak
from companion.engine.ports import ReminderView
from companion.engine.reminders import DueReminder
from companion.prompts import load_nvc_lists, load_question_bank
from companion.service import ConversationService
from companion.storage import SqlStore
from companion.storage.models import JournalEntry, User
from companion.storage.reminder_models import ReminderDelivery, ReminderSettings
from tests.support.reading import RULES_READER

NOW = datetime(2026, 3, 27, 10, 0, tzinfo=UTC)  # a Friday; Paris changes to summer time on the 29th
ENGINE = Engine(reader=RULES_READER, questions=load_question_bank(), nvc=load_nvc_lists())
USER = "tg:77"


def service(store: SqlStore, now: datetime = NOW) -> ConversationService:
    return ConversationService(store, ENGINE, clock=lambda: now)


def send(svc: ConversationService, text: str) -> list[Reply]:
    return svc.handle(Event.from_text(USER, text, "fr"))


def press(svc: ConversationService, value: str) -> list[Reply]:
    return svc.handle(Event(USER, EventKind.CHOICE, choice=value))


def text_of(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def values(replies: list[Reply]) -> list[str]:
    return [c.value for r in replies for c in r.choices]


def settings_row(store: SqlStore) -> ReminderSettings | None:
    with store.unit_of_work() as uow:
        row = uow.session.get(ReminderSettings, USER)
        if row is not None:
            uow.session.expunge(row)  # a snapshot that outlives the unit of work
        return row


def next_due(store: SqlStore, kind: str = "daily") -> datetime | None:
    with store.unit_of_work() as uow:
        return uow.next_reminder(USER, kind)


def joined(store: SqlStore) -> ConversationService:
    svc = service(store)
    send(svc, "/start")
    press(svc, "onb:accept")
    return svc


def test_rappels_from_nothing_to_a_daily_time(store: SqlStore) -> None:
    svc = joined(store)
    shown = send(svc, "/rappels")
    assert "chaque jour une question" in text_of(shown)
    assert values(shown) == ["rem:on", "rem:close"]
    assert "19:30" in text_of(press(svc, "rem:on"))  # the example of a typed time
    assert "pas reconnu l'heure" in text_of(send(svc, "demain peut-être"))
    set_at = send(svc, "7h45")
    assert "Question du jour à 07:45, tous les jours (heure de Paris)" in text_of(set_at)
    row = settings_row(store)
    assert row is not None and row.enabled and row.minute == 7 * 60 + 45 and row.weekly_day == 6
    # Saturday 28 March, 07:45 in Paris (UTC+1) is 06:45 UTC.
    assert next_due(store) == datetime(2026, 3, 28, 6, 45, tzinfo=UTC)
    assert {"rem:time", "rem:zone", "rem:days", "rem:weekly", "rem:pause", "rem:stop", "rem:close"} == set(
        values(set_at))


def test_rappels_timezone_days_weekly_pause_and_stop(store: SqlStore) -> None:
    svc = joined(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:evening")
    zones = press(svc, "rem:zone")
    assert [c.label for c in zones[-1].choices][:6] == ["Paris", "Bruxelles", "Zurich", "Toronto", "Dakar",
                                                        "La Réunion"]
    assert "ne connais pas ce fuseau" in text_of(send(svc, "Atlantide"))
    moved = send(svc, "New York")
    assert "(heure de New York)" in text_of(moved)
    with store.unit_of_work() as uow:
        assert uow.session.get(User, USER).timezone == "America/New_York"  # type: ignore[union-attr]
    # 20:30 in New York on Friday 27 March (UTC-4) is 00:30 UTC on the 28th.
    assert next_due(store) == datetime(2026, 3, 28, 0, 30, tzinfo=UTC)

    press(svc, "rem:days")
    press(svc, "rem:weekdays")
    for day in range(5):
        press(svc, f"rem:d{day}")
    assert "au moins un jour" in text_of(press(svc, "rem:done"))
    press(svc, "rem:d2")
    shown = press(svc, "rem:done")
    assert "mercredi" in text_of(shown)
    row = settings_row(store)
    assert row is not None and row.days == 1 << 2
    assert next_due(store) == datetime(2026, 4, 2, 0, 30, tzinfo=UTC)
    press(svc, "rem:weekly")
    assert "le vendredi" in text_of(press(svc, "rem:w4"))
    row = settings_row(store)
    assert row is not None and row.weekly_day == 4 and next_due(store, "weekly") is not None

    paused = press(svc, "rem:pause")
    assert "En pause" in text_of(paused) and "rem:resume" in values(paused)
    row = settings_row(store)
    assert row is not None and row.paused and next_due(store) is None and next_due(store, "weekly") is None
    press(svc, "rem:resume")
    row = settings_row(store)
    assert row is not None and not row.paused and next_due(store) is not None

    stopped = press(svc, "rem:stop")
    assert "plus de question du jour" in text_of(stopped) and values(stopped) == ["rem:on", "rem:close"]
    row = settings_row(store)
    assert row is not None and not row.enabled and next_due(store) is None
    assert "C'est noté" in text_of(press(svc, "rem:close"))
    with store.unit_of_work() as uow:
        state, _ = uow.load_state(USER)
    assert not state.active


def remind(store: SqlStore, kind: str = "daily", now: datetime = NOW) -> list[Reply]:
    """Word a due reminder through the engine and keep its state, as the dispatcher does."""
    with store.unit_of_work() as uow:
        profile = uow.load_profile(USER)
        state, _ = uow.load_state(USER)
        result = ENGINE.reminder(profile, state, DueReminder(kind, now.date()), now, uow.records(USER))
        if result.state != state:
            uow.save_state(USER, result.state)
        for effect in result.effects:
            uow.daily_question_asked(USER, effect)  # type: ignore[arg-type]
        uow.commit()
    return result.replies


def daily_entries(store: SqlStore) -> list[JournalEntry]:
    with store.unit_of_work() as uow:
        rows = list(uow.session.scalars(select(JournalEntry).where(JournalEntry.kind == "daily")
                                        .order_by(JournalEntry.id)))
        uow.session.expunge_all()
        return rows


def test_idle_user_just_types_the_answer_then_names_feelings(store: SqlStore) -> None:
    svc = joined(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:noon")
    press(svc, "rem:close")
    question = remind(store)
    assert "question du jour" in text_of(question) and values(question) == ["daily:later"]
    asked = settings_row(store)
    assert asked is not None and asked.pending_question and asked.asked == [asked.pending_question]

    saved = send(svc, "J'ai laissé passer un commentaire sans répondre, et ça m'a soulagé.")
    assert "C'est dans ton journal" in text_of(saved)
    assert "daily:pick:calme" in values(saved) and "daily:done" in values(saved)
    entries = daily_entries(store)
    assert len(entries) == 1 and entries[0].emotions is None
    assert entries[0].details and entries[0].details["question_id"] == asked.pending_question
    press(svc, "daily:pick:calme")
    press(svc, "daily:pick:soulage")
    assert "Noté\u00a0: calme, soulagement." in text_of(press(svc, "daily:done"))
    assert daily_entries(store)[0].emotions == ["calme", "soulage"]
    row = settings_row(store)
    assert row is not None and row.streak == 1 and row.last_answer_date == "2026-03-27" and row.pending_question is None


def test_busy_user_keeps_their_flow_and_answers_later(store: SqlStore) -> None:
    svc = joined(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:noon")
    press(svc, "rem:close")
    send(svc, "/note")
    question = remind(store)
    assert values(question) == ["menu:daily"]
    with store.unit_of_work() as uow:
        state, _ = uow.load_state(USER)
    assert state.flow == "note"  # the note in progress is untouched
    pending = settings_row(store)
    assert pending is not None and pending.pending_question
    asked_again = press(svc, "menu:daily")
    assert "question du jour" in text_of(asked_again)
    done = send(svc, "Un échange apaisé avec ma sœur en commentaire.")
    assert "C'est dans ton journal" in text_of(done)
    closed = press(svc, "daily:skip")
    assert "menu:resume" in values(closed)  # the note waits, set aside, not lost
    assert daily_entries(store)[0].details["question_id"] == pending.pending_question  # type: ignore[index]


def test_later_then_the_button_asks_the_same_question(store: SqlStore) -> None:
    svc = joined(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:noon")
    press(svc, "rem:close")
    first = text_of(remind(store))
    later = press(svc, "daily:later")
    assert "elle t'attend" in text_of(later) and values(later) == ["menu:daily"]
    again = text_of(press(svc, "menu:daily"))
    question = first.split("\n\n")[1]
    assert question in again


def test_no_repeat_until_the_bank_is_exhausted(store: SqlStore) -> None:
    joined(store)
    svc = service(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:noon")
    bank = [q.id for q in load_question_bank().select("fr", use="daily")]
    seen = []
    for day in range(len(bank) + 3):
        remind(store, now=NOW + timedelta(days=day))
        row = settings_row(store)
        assert row is not None
        seen.append(row.pending_question)
    assert sorted(seen[:len(bank)]) == sorted(bank)  # every question once
    assert seen[len(bank)] in bank and len(settings_row(store).asked) == 3  # type: ignore[union-attr]


def test_streak_counts_days_in_a_row_without_guilt() -> None:
    view = ReminderView(exists=True, streak=4, last_answer_date="2026-03-26")
    assert next_streak(view, date(2026, 3, 27)) == (5, False)
    assert next_streak(view, date(2026, 3, 26)) == (4, False)
    assert next_streak(view, date(2026, 3, 30)) == (1, True)
    assert next_streak(ReminderView(), date(2026, 3, 30)) == (1, False)


def test_cooloff_follow_up_is_kept_and_worded_only_while_the_session_waits(store: SqlStore) -> None:
    svc = joined(store)
    with store.unit_of_work() as uow:
        svc._apply(uow, USER, ScheduleFollowUp(NOW + timedelta(hours=1), "cooloff", {"flow": "reply"}))
        uow.commit()
        follow = uow.session.execute(select(ReminderDelivery.kind, ReminderDelivery.status,
                                            ReminderDelivery.payload)).one()
    assert tuple(follow) == ("cooloff", "due", {"flow": "reply"})
    waiting = ConversationState(paused={"flow": "reply", "step": "waiting", "data": {}})
    with store.unit_of_work() as uow:
        profile = uow.load_profile(USER)
    result = ENGINE.reminder(profile, waiting, DueReminder("cooloff", NOW.date(), {"flow": "reply"}), NOW)
    assert "prendre le temps avant de répondre" in text_of(result.replies)
    assert values(result.replies) == ["menu:resume"]
    moved_on = ENGINE.reminder(profile, ConversationState(), DueReminder("cooloff", NOW.date(), {"flow": "reply"}),
                               NOW)
    assert moved_on.replies == []


def test_weekly_look_back_summarises_the_week_with_a_chart(store: SqlStore) -> None:
    from companion.reminders.lookback import MatplotlibCharts

    svc = joined(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:noon")
    press(svc, "rem:close")
    remind(store)
    send(svc, "Je me suis senti écouté dans un fil de discussion.")
    press(svc, "daily:pick:calme")
    press(svc, "daily:done")
    with store.unit_of_work() as uow:
        profile = uow.load_profile(USER)
        state, _ = uow.load_state(USER)
        result = ENGINE.reminder(profile, state, DueReminder("weekly", NOW.date()), NOW + timedelta(hours=1),
                                 uow.records(USER), MatplotlibCharts())
    [reply] = result.replies
    assert "1 fois" in reply.text and "écouté dans un fil" in reply.text and "calme (1)" in reply.text
    assert reply.image is not None and reply.image.data.startswith(b"\x89PNG") and "calme ×1" in reply.image.alt
    empty = ENGINE.reminder(profile, state, DueReminder("weekly", NOW.date()), NOW + timedelta(days=30),
                            None, MatplotlibCharts())
    assert "Pas d'écrit cette semaine" in empty.replies[0].text and empty.replies[0].image is None


def test_forget_deletes_reminder_rows(store: SqlStore) -> None:
    svc = joined(store)
    send(svc, "/rappels")
    press(svc, "rem:on")
    press(svc, "rem:noon")
    assert settings_row(store) is not None
    with store.unit_of_work() as uow:
        uow.forget_user(USER)
        uow.commit()
    assert settings_row(store) is None


def test_famille_follow_up_a_month_later_offers_the_round_table_again(store: SqlStore) -> None:
    joined(store)
    with store.unit_of_work() as uow:
        profile = uow.load_profile(USER)
    busy = ConversationState("note", "ask", {})
    result = ENGINE.reminder(profile, busy, DueReminder("famille", NOW.date(), {"lang": "fr"}), NOW)
    assert "en famille" in text_of(result.replies)
    assert values(result.replies) == ["menu:famille"]
    assert result.state == busy  # an offer, never an interruption of the flow in progress
    started = ENGINE.handle(profile, ConversationState(), Event(USER, EventKind.CHOICE, choice="menu:famille"), NOW)
    assert started.state.flow == "famille"
