"""How the engine uses the reading of a message: check-in, crisis, intents outside flows, typed feelings."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from companion.engine import Engine, Event, Profile
from companion.engine.events import EventKind
from companion.engine.reading import CrisisReading, Reading
from companion.engine.state import ConversationState
from companion.prompts import load_nvc_lists, load_question_bank
from tests.support.knowledge import KnowledgeSpy
from tests.support.reading import RULES_READER

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)


class ScriptedReader:
    """The rules' reading, with the fields a test sets (intent, crisis tier…)."""

    def __init__(self, **fields: object) -> None:
        self.fields = fields

    def read(self, text: str, lang: str | None = None) -> Reading:
        return replace(RULES_READER.read(text, lang), **self.fields)  # type: ignore[arg-type]

    def resources(self, lang: str, kind: str | None = None) -> list:
        return RULES_READER.resources(lang, kind)


def engine_with(reader: object, knowledge: KnowledgeSpy | None = None) -> Engine:
    return Engine(reader=reader, knowledge=knowledge or KnowledgeSpy(), questions=load_question_bank(),  # type: ignore[arg-type]
                  nvc=load_nvc_lists())


def say(text: str) -> Event:
    return Event.from_text("u1", text)


def texts(result: object) -> str:
    return "\n".join(r.text for r in result.replies)  # type: ignore[attr-defined]


def test_a_concerning_indirect_message_gets_a_gentle_safety_question_first() -> None:
    engine = engine_with(ScriptedReader(crisis=CrisisReading("checkin", "suicide", ("model",))))
    in_journey = ConversationState("personnage", "q2", {"answers": {}})
    result = engine.handle(ADULT, in_journey, say("j'en peux plus de tout ça, à quoi bon"), NOW)
    assert len(result.replies) == 1 and "en sécurité" in result.replies[0].text
    values = [c.value for c in result.replies[0].choices]
    assert values == ["care:safe", "care:unsafe", "care:talk"]
    assert "3114" not in result.replies[0].text  # a question, not a wall of numbers
    assert result.state.paused and result.state.paused["flow"] == "personnage"  # set aside, not lost
    safe = engine.handle(ADULT, result.state, Event("u1", EventKind.CHOICE, choice="care:safe"), NOW)
    assert "Merci de me le dire" in texts(safe) and any(c.value == "menu:resume" for r in safe.replies
                                                           for c in r.choices)
    unsafe = engine.handle(ADULT, result.state, Event("u1", EventKind.CHOICE, choice="care:unsafe"), NOW)
    assert "3114" in texts(unsafe)


def test_the_crisis_tier_brings_the_resources_first() -> None:
    engine = engine_with(ScriptedReader(crisis=CrisisReading("crisis", "suicide", ("model",))))
    result = engine.handle(ADULT, ConversationState(), say("je vais en finir ce soir"), NOW)
    assert "3114" in result.replies[0].text


def test_a_farewell_only_guessed_to_be_received_is_answered_as_the_users_own() -> None:
    reading = ScriptedReader(crisis=CrisisReading("crisis", "suicide", ("farewell",)), intent="received_message")
    engine = engine_with(reading)
    result = engine.handle(ADULT, ConversationState(), say("Bientôt vous serez tranquilles, je vous dérangerai "
                                                            "plus."), NOW)
    assert "3114" in result.replies[0].text and "me touche" in result.replies[0].text
    assert "quelqu'un d'autre" in result.replies[1].text
    assert result.state.flow != "reply" and "répondes" not in texts(result)  # no offer to answer "them"
    forwarded = Event("u1", EventKind.FORWARDED, text="Bientôt vous serez tranquilles, je vous dérangerai plus.")
    relayed = engine.handle(ADULT, ConversationState(), forwarded, NOW)
    assert "aux proches" in relayed.replies[0].text  # forwarded: someone else's words, the lines for relatives


def test_someone_else_at_risk_gets_lines_that_answer_relatives() -> None:
    engine = engine_with(ScriptedReader(crisis=CrisisReading("crisis", "other-at-risk", ("model",))))
    result = engine.handle(ADULT, ConversationState(), say("ma pote a posté adieu tout le monde"), NOW)
    first = result.replies[0].text
    assert "aux proches" in first and first.index("3114") < first.index("112")


@pytest.mark.parametrize(("intent", "expected"), [
    ("thanks", ("Avec plaisir", "De rien")), ("ack", ("D'accord", "Ça marche")),
    ("farewell", ("À bientôt", "Bonne suite", "À plus tard")), ("laughter", ("😄", "Haha")),
    ("about_bot", ("programme, pas un humain",)), ("off_topic", ("pas le bon compagnon",)), ("venting", ("te peser",)),
])
def test_conversational_intents_get_a_line_and_never_a_passage(intent: str, expected: tuple[str, ...]) -> None:
    spy = KnowledgeSpy()
    engine = engine_with(ScriptedReader(intent=intent), spy)
    result = engine.handle(ADULT, ConversationState(), say("un message quelconque assez long pour passer"), NOW)
    assert any(words in texts(result) for words in expected), texts(result)
    assert spy.searches == 0


def test_only_questions_reach_the_knowledge_base() -> None:
    spy = KnowledgeSpy()
    engine = engine_with(ScriptedReader(intent="question"), spy)
    result = engine.handle(ADULT, ConversationState(), say("pourquoi les gens sont plus méchants en ligne ?"), NOW)
    assert spy.searches >= 1 and "troll" in texts(result)


def test_a_received_message_is_offered_to_the_reply_session() -> None:
    engine = engine_with(ScriptedReader(intent="received_message"))
    result = engine.handle(ADULT, ConversationState(), say("T'aurais pu prévenir. Comme d'hab."), NOW)
    values = [c.value for r in result.replies for c in r.choices]
    assert any(v.startswith("reply:") for v in values), values


def test_venting_offers_to_reply_or_to_write_in_the_journal() -> None:
    engine = engine_with(ScriptedReader(intent="venting"))
    result = engine.handle(ADULT, ConversationState(), say("un keum m'a traité de bouffon sur tiktok"), NOW)
    assert [c.value for c in result.replies[-1].choices] == ["menu:reply", "menu:note"]


def test_typed_feelings_in_the_reply_session_come_from_the_reading() -> None:
    engine = engine_with(ScriptedReader(feelings=("decu",)))
    state = ConversationState("reply", "feelings", {"received": "Tu aurais pu prévenir.", "feelings": []})
    result = engine.handle(ADULT, state, say("pas en colère, juste déçue"), NOW)
    assert "decu" in result.state.data["feelings"] and "en_colere" not in result.state.data["feelings"]


def test_an_answered_question_does_not_hold_the_next_message() -> None:
    spy = KnowledgeSpy()
    asking = engine_with(ScriptedReader(intent="question"), spy)
    answered = asking.handle(ADULT, ConversationState(), say("pourquoi les gens sont plus méchants en ligne ?"), NOW)
    assert answered.state.flow == "ask" and answered.state.step == "answered"
    searches = spy.searches
    thanks = engine_with(ScriptedReader(intent="ack"), spy).handle(ADULT, answered.state, say("ok"), NOW)
    assert "D'accord" in texts(thanks) and spy.searches == searches and thanks.state.flow is None
