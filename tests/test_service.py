"""The conversation service on a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from companion.engine import ConversationState, Engine, Event, EventKind
from companion.service import ConversationService
from companion.storage import SqlStore, VersionConflict
from companion.storage.models import ConversationRow, JournalEntry, User
from tests.support.reading import RULES_READER


def service(store: SqlStore) -> ConversationService:
    return ConversationService(store, Engine(reader=RULES_READER))


def say(svc: ConversationService, text: str, user: str = "tg:1", **kw: object) -> str:
    replies = svc.handle(Event.from_text(user, text, "fr"), **kw)  # type: ignore[arg-type]
    return "\n".join(r.text for r in replies)


def press(svc: ConversationService, value: str, user: str = "tg:1") -> str:
    return "\n".join(r.text for r in svc.handle(Event(user, EventKind.CHOICE, choice=value)))


def count(store: SqlStore, model: type) -> int:
    with store.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def test_onboarding_survives_a_new_service_instance(store: SqlStore) -> None:
    first = service(store)
    assert "programme, pas un humain" in say(first, "/start")
    # A new process (new service, same database) continues at the same step.
    second = service(SqlStore(store.engine))
    assert "pas sûr" not in press(second, "onb:accept")
    with store.unit_of_work() as uow:
        assert uow.load_profile("tg:1").consented


def test_note_is_journaled_per_user(store: SqlStore) -> None:
    svc = service(store)
    for user in ("tg:1", "tg:2"):
        say(svc, "/start", user)
        press(svc, "onb:accept", user)
    say(svc, "/note", "tg:1")
    assert "une pensée à moi" in say(svc, "une pensée à moi", "tg:1")
    with store.unit_of_work() as uow:
        assert [e.text for e in uow.journal("tg:1")] == ["une pensée à moi"]
        assert uow.journal("tg:2") == []


def test_minor_leaves_nothing_stored(store: SqlStore) -> None:
    svc = service(store)
    say(svc, "/start")
    assert count(store, User) == 1
    assert "0 800 235 236" in press(svc, "onb:under15")
    assert count(store, User) == count(store, ConversationRow) == 0


def test_forget_erases_every_row(store: SqlStore) -> None:
    svc = service(store)
    say(svc, "/start")
    press(svc, "onb:accept")
    say(svc, "/note")
    say(svc, "phrase unique 7f3a")
    say(svc, "/oubli")
    press(svc, "forget:yes")
    assert count(store, User) == count(store, ConversationRow) == count(store, JournalEntry) == 0


def test_a_replayed_update_is_processed_once(store: SqlStore) -> None:
    svc = service(store)
    say(svc, "/start", update_id=10)
    assert svc.handle(Event(user_id="tg:1", kind=EventKind.CHOICE, choice="onb:accept"), update_id=10) == []
    with store.unit_of_work() as uow:
        assert not uow.load_profile("tg:1").consented


def test_stale_version_is_a_conflict(store: SqlStore) -> None:
    with store.unit_of_work() as uow:
        uow.ensure_user("tg:9", "fr")
        uow.save_state("tg:9", ConversationState("note", "ask"))
        uow.commit()
    with store.unit_of_work() as uow:
        state, _ = uow.load_state("tg:9")
        assert state.version == 1
    with store.unit_of_work() as uow:
        uow.save_state("tg:9", state)
        uow.commit()
    with store.unit_of_work() as uow, pytest.raises(VersionConflict):
        uow.save_state("tg:9", state)


def test_concurrent_turns_for_one_user_are_all_applied(store: SqlStore) -> None:
    svc = service(store)
    say(svc, "/start")
    press(svc, "onb:accept")
    errors: list[BaseException] = []

    def write(index: int) -> None:
        try:
            say(svc, "/note")
            say(svc, f"note numéro {index}")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    with store.unit_of_work() as uow:
        state, _ = uow.load_state("tg:1")
    # Every turn bumped the version exactly once: start, accept, then 8 turns.
    assert state.version == 10


def test_updates_handled_out_of_order_are_each_answered_once(store: SqlStore) -> None:
    service = ConversationService(store, Engine(reader=RULES_READER))
    assert service.handle(Event.from_text("o1", "/start"), update_id=10)
    # Two processes may take a user's updates in any order: an older id arriving late is still answered…
    assert service.handle(Event.from_text("o1", "/help"), update_id=12)
    assert service.handle(Event.from_text("o1", "/help"), update_id=11)
    # …and a redelivered one, whatever its age, is not.
    assert service.handle(Event.from_text("o1", "/help"), update_id=11) == []
    assert service.handle(Event.from_text("o1", "/help"), update_id=10) == []


def test_old_update_ids_are_pruned(store: SqlStore) -> None:
    from datetime import UTC, datetime, timedelta

    long_ago = datetime(2026, 1, 1, tzinfo=UTC)
    old = ConversationService(store, Engine(reader=RULES_READER), clock=lambda: long_ago)
    old.handle(Event.from_text("o2", "/start"), update_id=7)
    later = ConversationService(store, Engine(reader=RULES_READER), clock=lambda: long_ago + timedelta(days=3))
    later.handle(Event.from_text("o2", "/help"), update_id=2000)  # a multiple of PRUNE_EVERY prunes
    with store.unit_of_work() as uow:
        assert uow.claim_update(7)  # forgotten: the id could be claimed again
        assert not uow.claim_update(2000)


def test_the_flood_limit_counts_tells_once_drops_then_starts_a_new_window(store: SqlStore) -> None:
    def hit(now: float) -> str:
        with store.unit_of_work() as uow:
            verdict = uow.flood_hit("tg:77", now, 3, 10.0)
            uow.commit()
            return str(verdict)

    assert [hit(100.0 + n) for n in range(6)] == ["ok", "ok", "ok", "notify", "drop", "drop"]
    assert hit(111.0) == "ok"  # the window started at 100 s is over: counting starts again
    assert [hit(112.0), hit(113.0), hit(114.0)] == ["ok", "ok", "notify"]


def test_load_turn_reads_the_profile_and_the_state_together(store: SqlStore) -> None:
    with store.unit_of_work() as uow:
        profile, state = uow.load_turn("tg:78")
        assert not profile.known and state == ConversationState()
        uow.ensure_user("tg:78", "en", 78)
        uow.commit()
    with store.unit_of_work() as uow:
        profile, state = uow.load_turn("tg:78")  # a user without a state yet
        assert profile.known and profile.language == "en" and state == ConversationState()
        uow.save_state("tg:78", ConversationState("note", "write", {"n": 1}))
        uow.commit()
    with store.unit_of_work() as uow:
        profile, state = uow.load_turn("tg:78")
        assert (state.flow, state.step, state.data, state.version) == ("note", "write", {"n": 1}, 1)
        assert uow.load_state("tg:78") == (state, None)


def test_two_first_states_for_one_user_conflict_and_a_known_user_is_not_added_twice(store: SqlStore) -> None:
    with store.unit_of_work() as uow:
        uow.ensure_user("tg:79", "fr", 79)
        uow.commit()
    if store.engine.dialect.name == "sqlite":
        _second_unit_waits_for_the_first(store)
    else:
        with store.unit_of_work() as first, store.unit_of_work() as second:
            first.ensure_user("tg:79", "en", 79)  # already there: left alone, language unchanged
            assert first.load_turn("tg:79")[1] == second.load_turn("tg:79")[1] == ConversationState()
            first.save_state("tg:79", ConversationState("note", "write"))
            first.commit()
            with pytest.raises(VersionConflict):  # it read "no state yet" too, and the first wrote one since
                second.save_state("tg:79", ConversationState("menu", None))
    with store.unit_of_work() as uow:
        profile, state = uow.load_turn("tg:79")
        assert profile.language == "fr" and (state.flow, state.version) == ("note", 1)


def _second_unit_waits_for_the_first(store: SqlStore) -> None:
    """On SQLite a unit of work holds the write lock from its start: the second reads only after the first commits."""
    seen: list[ConversationState] = []
    started = threading.Event()

    def second() -> None:
        started.set()
        with store.unit_of_work() as uow:
            seen.append(uow.load_turn("tg:79")[1])  # waits at BEGIN IMMEDIATE for the first to commit

    with store.unit_of_work() as first:
        first.ensure_user("tg:79", "en", 79)  # already there: left alone, language unchanged
        assert first.load_turn("tg:79")[1] == ConversationState()
        thread = threading.Thread(target=second)
        thread.start()
        started.wait(5)
        thread.join(0.3)
        assert thread.is_alive() and seen == []  # still waiting: it cannot read the state the first replaces
        first.save_state("tg:79", ConversationState("note", "write"))
        first.commit()
    thread.join(10)
    assert [(s.flow, s.version) for s in seen] == [("note", 1)]  # no stale read: no lost update
