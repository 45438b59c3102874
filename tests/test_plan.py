"""/plan: a safety plan built together, kept (encrypted when a key is set), shown again, exported and erased."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text

from companion.engine import ConversationState, Event, EventKind, Profile, Reply
from companion.engine import Engine as Dialogue
from companion.engine.effects import SetSafetyPlan
from companion.engine.reading import CrisisReading, Reading
from companion.privacy.crypto import FieldCipher, generate_key
from companion.prompts import load_nvc_lists
from companion.service import ConversationService
from companion.storage import SqlStore
from companion.storage.encrypted import attach_cipher
from tests.support.reading import RULES_READER


class CheckinReader:
    """The rules' reading, with every message read as a check-in."""

    def read(self, line: str, lang: str | None = None) -> Reading:
        return replace(RULES_READER.read(line, lang), crisis=CrisisReading("checkin", "suicide", ("model",)))

    def resources(self, lang: str, kind: str | None = None) -> list:  # type: ignore[type-arg]
        return RULES_READER.resources(lang, kind)


NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)
SIGNS = "Je ne dors plus, je scrolle Zorglub jusqu'à 4 h"
PEOPLE = "Léa, ma sœur : 06 12 34 56 78"


@pytest.fixture(scope="module")
def engine() -> Dialogue:
    return Dialogue(reader=RULES_READER, nvc=load_nvc_lists())


def say(engine: Dialogue, state: ConversationState, line: str, profile: Profile = ADULT):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event.from_text("u1", line), NOW)


def press(engine: Dialogue, state: ConversationState, value: str, profile: Profile = ADULT):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event("u1", EventKind.CHOICE, choice=value), NOW)


def joined(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies)


def test_plan_one_question_at_a_time_each_skippable(engine: Dialogue) -> None:
    first = say(engine, ConversationState(), "/plan")
    assert "feuille de route" in joined(first.replies) and "(1/6)" in joined(first.replies)
    assert [c.label for c in first.replies[-1].choices] == ["Passer", "On s'arrête là"]
    state = say(engine, first.state, SIGNS).state
    assert state.step == "alone"
    state = press(engine, state, "plan:skip").state  # skip "what helps me on my own"
    state = say(engine, state, "passer").state  # a typed skip too
    assert state.step == "people"
    asked = say(engine, state, PEOPLE)
    assert "professionnels" in joined(asked.replies) and "3114" in joined(asked.replies)
    state = say(engine, asked.state, "je passe").state
    done = say(engine, state, "Confier mes médicaments à ma mère")
    assert done.state.flow is None
    (effect,) = done.effects
    assert effect == SetSafetyPlan({"signs": SIGNS, "people": PEOPLE, "safer": "Confier mes médicaments à ma mère"})
    shown = joined(done.replies)
    assert "C'est gardé" in shown and "/plan" in shown
    assert f"Mes signes d'alerte\u00a0: {SIGNS}" in shown and f"À qui demander de l'aide\u00a0: {PEOPLE}" in shown
    assert "3114" in shown and "Ce qui m'aide" not in shown  # a skipped part is not shown


def test_nobody_to_ask_is_met_with_care_not_stored(engine: Dialogue) -> None:
    state = ConversationState("plan", "people", {"plan": {"signs": SIGNS}})
    result = say(engine, state, "personne")
    assert result.state.step == "pros" and result.state.data["plan"] == {"signs": SIGNS}
    assert "sentir qu'il n'y a personne" in joined(result.replies) and "3114" in joined(result.replies)


def test_stopping_keeps_what_was_written(engine: Dialogue) -> None:
    state = say(engine, say(engine, ConversationState(), "/plan").state, SIGNS).state
    stopped = press(engine, state, "plan:stop")
    assert stopped.effects == [SetSafetyPlan({"signs": SIGNS})] and stopped.state.flow is None
    nothing = press(engine, say(engine, ConversationState(), "/plan").state, "plan:stop")
    assert not nothing.effects and "3114" in joined(nothing.replies)


def test_plan_in_english_and_with_vous(engine: Dialogue) -> None:
    english = say(engine, ConversationState(), "/plan", Profile("u1", "en", consent_at=NOW, known=True))
    assert "A safety plan is a map" in joined(english.replies) and "(1/6)" in joined(english.replies)
    formal = say(engine, ConversationState(), "/plan", Profile("u1", "fr", formal=True, consent_at=NOW, known=True))
    assert "Vous pouvez passer" in joined(formal.replies) and "remarquez-vous" in joined(formal.replies)


def test_safe_after_a_checkin_offers_the_plan() -> None:
    engine = Dialogue(reader=CheckinReader(), nvc=load_nvc_lists())
    checkin = say(engine, ConversationState(), "je n'en peux plus de tout ça")
    assert "en sécurité" in joined(checkin.replies)
    safe = press(engine, checkin.state, "care:safe")
    offer = [c for r in safe.replies for c in r.choices if c.value == "menu:plan"]
    assert offer and offer[0].label == "Construire mon plan de sécurité"
    engine = Dialogue(reader=RULES_READER, nvc=load_nvc_lists())
    started = press(engine, safe.state, "menu:plan")
    assert started.state.flow == "plan" and "(1/6)" in joined(started.replies)


# -- kept in the database, through the service ---------------------------------------------------


def service(store: SqlStore) -> ConversationService:
    return ConversationService(store, Dialogue(reader=RULES_READER, nvc=load_nvc_lists()), clock=lambda: NOW)


def send(svc: ConversationService, line: str) -> list[Reply]:
    return svc.handle(Event.from_text("tg:7", line, "fr"))


def click(svc: ConversationService, value: str) -> list[Reply]:
    return svc.handle(Event("tg:7", EventKind.CHOICE, choice=value))


def build(svc: ConversationService) -> None:
    send(svc, "/start")
    click(svc, "onb:accept")
    send(svc, "/plan")
    send(svc, SIGNS)
    for _ in range(2):
        click(svc, "plan:skip")
    send(svc, PEOPLE)
    click(svc, "plan:stop")


def test_plan_is_kept_shown_edited_exported_and_erased(store: SqlStore) -> None:
    svc = service(store)
    build(svc)
    shown = send(svc, "/plan")
    assert f"Mes signes d'alerte\u00a0: {SIGNS}" in joined(shown) and PEOPLE in joined(shown)
    assert [c.value for c in shown[-1].choices] == ["plan:edit", "plan:close"]
    edit = click(svc, "plan:edit")
    assert f"Ce que tu avais écrit\u00a0: «\u00a0{SIGNS}\u00a0»" in joined(edit)
    send(svc, "Je m'isole")  # changes the warning signs
    for _ in range(2):
        click(svc, "plan:skip")
    kept = click(svc, "plan:skip")  # "people": skipped, so kept as it was
    assert "(5/6)" in joined(kept) and "Ce que tu avais écrit" not in joined(kept)  # no pros were written
    done = click(svc, "plan:stop")
    assert "Mes signes d'alerte\u00a0: Je m'isole" in joined(done)
    assert PEOPLE in joined(done) and SIGNS not in joined(done)

    exported = send(svc, "/mesdonnees")
    documents = {d.filename.rsplit(".", 1)[1]: d.data.decode() for d in exported[-1].documents}
    tables = json.loads(documents["json"])["tables"]
    assert tables["safety_plans"][0]["parts"] == {"signs": "Je m'isole", "people": PEOPLE}
    assert "## 🧭 Mon plan de sécurité" in documents["md"]
    assert "- Mes signes d'alerte\u00a0: Je m'isole" in documents["md"]

    send(svc, "/oubli")
    click(svc, "forget:yes")
    with store.unit_of_work() as uow:
        assert uow.session.execute(text("SELECT count(*) FROM safety_plans")).scalar_one() == 0


def test_plan_is_encrypted_at_rest_when_a_key_is_set(db_engine: Engine) -> None:
    attach_cipher(db_engine, FieldCipher(generate_key()))
    svc = service(SqlStore(db_engine))
    build(svc)
    with svc.store.unit_of_work() as uow:
        raw = uow.session.execute(text("SELECT parts FROM safety_plans")).scalar_one()
        assert "Zorglub" not in str(raw) and "$fernet" in str(raw)
        assert uow.records("tg:7").safety_plan() == {"signs": SIGNS, "people": PEOPLE}
    assert SIGNS in joined(send(svc, "/plan"))
