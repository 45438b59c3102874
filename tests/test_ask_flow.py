"""The answer flow, on a small in-memory knowledge base (a unit test of the engine alone)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.engine import ConversationState, Engine, Event, EventKind, Profile
from companion.engine.effects import AddJournalEntry
from companion.engine.synthesis import key_sentences, plain
from companion.engine.text import detect_language, looks_like_question
from tests.support.knowledge import BANK, FakeKnowledge
from tests.support.reading import RULES_READER

NOW = datetime(2026, 11, 25, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)


@pytest.fixture
def engine() -> Engine:
    return Engine(reader=RULES_READER, knowledge=FakeKnowledge(), questions=BANK)


def say(engine: Engine, state: ConversationState, text: str):  # type: ignore[no-untyped-def]
    return engine.handle(ADULT, state, Event.from_text("u1", text), NOW)


def press(engine: Engine, state: ConversationState, value: str):  # type: ignore[no-untyped-def]
    return engine.handle(ADULT, state, Event("u1", EventKind.CHOICE, choice=value), NOW)


def test_free_question_is_answered_with_source_and_reflection(engine: Engine) -> None:
    result = say(engine, ConversationState(), "comment réagir face à un troll ?")
    text = result.replies[0].text
    assert "Ne pas nourrir le troll" in text and "Pratique courante" in text
    assert "Question troll fr ?" in text
    assert result.state.flow == "ask" and result.state.step == "answered"
    assert [c.value for c in result.replies[0].choices] == ["ask:more", "ask:next", "ask:write", "ask:done"]


def test_more_next_write_and_done(engine: Engine) -> None:
    answered = say(engine, ConversationState(), "/question comment réagir face à un troll ?").state
    full = press(engine, answered, "ask:more")
    assert "Garde une capture avant de bloquer." in full.replies[0].text
    other = press(engine, full.state, "ask:next")
    assert "Les quatre étapes" in other.replies[0].text and other.state.data["shown"] == 1
    write = press(engine, other.state, "ask:write")
    assert write.state.flow == "note" and write.replies[-1].text == "Question cnv fr ?"
    saved = say(engine, write.state, "J'essaie de dire ce que je ressens.")
    (entry,) = saved.effects
    assert isinstance(entry, AddJournalEntry) and entry.kind == "reflection" and entry.prompt == "Question cnv fr ?"
    assert entry.theme == "cnv"
    done = press(engine, answered, "ask:done")
    assert done.state.flow is None and done.replies[-1].choices


def test_nothing_found_says_so(engine: Engine) -> None:
    result = say(engine, ConversationState(), "/question rien du tout à voir")
    assert "rien trouvé" in result.replies[0].text and result.state.flow is None


def test_question_command_without_text_asks(engine: Engine) -> None:
    result = say(engine, ConversationState(), "/question")
    assert result.state.step == "asking"
    answered = say(engine, result.state, "c'est quoi la CNV ?")
    assert answered.state.step == "answered"


def test_small_talk_is_not_a_question(engine: Engine) -> None:
    result = say(engine, ConversationState(), "bonjour")
    assert result.state.flow is None and "Bonjour" in result.replies[0].text


def test_question_detection_and_language() -> None:
    assert looks_like_question("comment on fait pour bloquer ?")
    assert looks_like_question("mon fils passe toutes ses soirées sur tiktok depuis la rentrée")
    assert not looks_like_question("merci !")
    assert not looks_like_question("ok")
    assert detect_language("what should I do when someone insults me") == "en"
    assert detect_language("jsuis saoulé par les commentaires") == "fr"


def test_key_sentences_keep_the_thread() -> None:
    body = "Première idée posée. Puis un exemple de troll. Et le conseil de ne pas répondre au troll. Fin."
    assert key_sentences("que faire face au troll ?", body, limit=2) == [
        "Puis un exemple de troll.", "Et le conseil de ne pas répondre au troll."]
    assert plain("le livre *Réseaux sociaux, mon amour* dit") == "le livre Réseaux sociaux, mon amour dit"


def test_an_answer_on_conflict_leads_to_the_reply_session() -> None:
    from companion.prompts import load_nvc_lists

    engine = Engine(reader=RULES_READER, knowledge=FakeKnowledge(), questions=BANK, nvc=load_nvc_lists())
    answered = say(engine, ConversationState(), "comment réagir quand on m'insulte sous mon post ?")
    values = [c.value for r in answered.replies for c in r.choices]
    assert "ask:guided" in values
    started = engine.handle(ADULT, answered.state, Event("u1", EventKind.CHOICE, choice="ask:guided"), NOW)
    assert (started.state.flow, started.state.step) == ("reply", "paste")


def test_without_the_guided_flow_no_button_is_offered(engine: Engine) -> None:
    answered = say(engine, ConversationState(), "comment réagir quand on m'insulte sous mon post ?")
    assert "ask:guided" not in [c.value for r in answered.replies for c in r.choices]
