"""Navigation keeps its promises: /cancel then /reprendre, /note <text>, aliases, near-misses, a short menu."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from companion.engine import ConversationState, Engine, Event, EventKind, Profile
from companion.engine.commands import phrase_command, resolve
from companion.engine.effects import AddJournalDetails, AddJournalEntry
from companion.prompts import load_nvc_lists
from tests.support.reading import RULES_READER

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)
ADULT_EN = Profile("u1", "en", consent_at=NOW, known=True)
ANSWER = "Dans la cour, j'étais celui qui faisait rire les autres pour qu'on m'accepte."


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(reader=RULES_READER, nvc=load_nvc_lists())


def say(engine: Engine, state: ConversationState, text: str, profile: Profile = ADULT):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event.from_text("u1", text), NOW)


def press(engine: Engine, state: ConversationState, value: str, profile: Profile = ADULT):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event("u1", EventKind.CHOICE, choice=value), NOW)


def joined(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(r.text for r in result.replies)


def values(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.value for r in result.replies for c in r.choices]


def test_cancel_then_resume_brings_the_journey_back_at_the_same_question(engine: Engine) -> None:
    started = say(engine, ConversationState(), "/personnage")
    going = press(engine, started.state, "personnage:continue")
    question = going.state.step
    answered = say(engine, going.state, ANSWER)
    step, data = answered.state.step, answered.state.data
    assert step != question and data  # the answer is in the journey's data…
    assert any(isinstance(e, AddJournalDetails) and e.text == ANSWER for e in answered.effects)  # …and the journal

    cancelled = say(engine, answered.state, "/cancel")
    assert "Ce que tu as déjà écrit est gardé" in joined(cancelled) and "/reprendre" in joined(cancelled)
    assert cancelled.state.flow is None and "menu:resume" in values(cancelled)

    resumed = say(engine, cancelled.state, "/reprendre")
    assert "On reprend où on en était" in joined(resumed)
    assert resumed.state.flow == "personnage" and resumed.state.step == step and resumed.state.data == data


def test_cancel_in_english_keeps_its_promise(engine: Engine) -> None:
    state = ConversationState("mission", "dream", {"answers": {"love": "photography"}})
    cancelled = say(engine, state, "/stop", ADULT_EN)
    assert "What you've already written is kept" in joined(cancelled)
    resumed = say(engine, cancelled.state, "/resume", ADULT_EN)
    assert resumed.state.step == "dream" and resumed.state.data["answers"] == {"love": "photography"}


def test_note_with_text_saves_it_at_once(engine: Engine) -> None:
    result = say(engine, ConversationState(), "/note j'ai bloqué le troll et ça m'a fait du bien")
    assert result.effects == [AddJournalEntry("note", "j'ai bloqué le troll et ça m'a fait du bien")]
    assert "C'est dans ton journal" in joined(result) and "j'ai bloqué le troll" in joined(result)
    assert result.state.flow is None


def test_note_with_text_inside_a_journey_sets_the_journey_aside(engine: Engine) -> None:
    state = ConversationState("mission", "dream", {"answers": {"love": "x"}})
    result = say(engine, state, "/note une pensée en passant")
    assert isinstance(result.effects[0], AddJournalEntry) and result.state.paused["flow"] == "mission"  # type: ignore[index]
    assert "menu:resume" in values(result)


def test_note_with_too_little_text_asks_for_more(engine: Engine) -> None:
    result = say(engine, ConversationState(), "/note ok")
    assert not result.effects and result.state.flow == "note" and "un peu court" in joined(result)


def test_returning_start_shows_the_menu_and_resume(engine: Engine) -> None:
    state = ConversationState("mission", "dream", {"answers": {"love": "x"}})
    result = say(engine, state, "/start")
    assert any(back in joined(result) for back in ("te revoilà", "content de te relire", "merci de revenir"))
    assert values(result)[0] == "menu:resume" and "menu:more" in values(result)


@pytest.mark.parametrize(("typed", "expected"), [
    ("/aide", "Je suis Compagnon, un programme"),
    ("/help", "Je suis Compagnon, un programme"),
    ("/menu", "Qu'est-ce qui te ferait du bien"),
    ("/accueil", "Qu'est-ce qui te ferait du bien"),
    ("/repondr", "Colle ici le message"),
    ("/reply", "Colle ici le message"),
    ("/répondre", "Colle ici le message"),
    ("/reglage", "Réglages"),
    ("/famile", "famille"),
])
def test_aliases_and_near_misses(engine: Engine, typed: str, expected: str) -> None:
    assert expected in joined(say(engine, ConversationState(), typed)), typed


def test_annuler_and_stop_cancel(engine: Engine) -> None:
    for typed in ("/annuler", "/stop", "/anuler"):
        result = say(engine, ConversationState("note", "ask"), typed)
        assert "on s'arrête là" in joined(result) and result.state.paused == {"flow": "note", "step": "ask",
                                                                                 "data": {}}, typed


def test_cancel_drops_an_erase_confirmation(engine: Engine) -> None:
    result = say(engine, ConversationState("forget", "confirm"), "/annuler")
    assert joined(result).startswith("C'est noté, on s'arrête là.") and "gardé" not in joined(result)
    assert result.state.flow is None and not result.state.paused and "menu:resume" not in values(result)


def test_an_unknown_command_says_so_and_shows_the_menu(engine: Engine) -> None:
    result = say(engine, ConversationState(), "/zzzqqq")
    assert "Je ne connais pas cette commande" in joined(result) and "menu:more" in values(result)
    english = say(engine, ConversationState(), "/zzzqqq", ADULT_EN)
    assert "I don't know that command" in joined(english)


@pytest.mark.parametrize(("line", "lang"), [("aide moi a repondre", "fr"), ("Aide-moi à répondre", "fr"),
                                            ("aide moi à répondre à un message", "fr"), ("help me reply", "en")])
def test_asking_in_words_starts_the_reply_session(engine: Engine, line: str, lang: str) -> None:
    profile = ADULT if lang == "fr" else ADULT_EN
    result = say(engine, ConversationState(), line, profile)
    assert result.state.flow == "reply", line
    assert ("Colle ici le message" if lang == "fr" else "Paste the message") in joined(result)


def test_the_menu_is_short_and_more_opens_the_rest(engine: Engine) -> None:
    menu = say(engine, ConversationState(), "/menu")
    (reply,) = menu.replies
    assert len(reply.choices) <= 7 and reply.choices[-1].value == "menu:more" and reply.choices[-1].label == "Plus…"
    with_resume = say(engine, ConversationState(paused={"flow": "note", "step": "ask", "data": {}}), "/menu")
    assert len(with_resume.replies[-1].choices) <= 7 and values(with_resume)[0] == "menu:resume"
    more = press(engine, ConversationState(), "menu:more")
    rest = values(more)
    assert {"menu:famille", "menu:journal", "menu:moi", "menu:plan", "menu:help"} <= set(rest)
    assert not set(rest) & set(values(menu))  # nothing twice


def test_resolve_and_phrases() -> None:
    assert resolve("annuler") == "cancel" and resolve("repondr") == "repondre" and resolve("zzzqqq") is None
    assert resolve("Aide") == "help" and resolve("plann") == "plan" and resolve("inconnue") is None
    assert phrase_command("aide moi a repondre") == "reply"
    assert phrase_command("j'ai besoin d'aide pour répondre à mon cousin qui m'a insulté hier soir") is None
    assert phrase_command("bonjour") is None


def test_plan_set_aside_is_found_again_by_plan(engine: Engine) -> None:
    started = say(engine, ConversationState(), "/plan")
    answered = say(engine, started.state, "je ne dors plus")
    cancelled = say(engine, answered.state, "/annuler")
    again = say(engine, cancelled.state, "/plan")
    assert again.state.step == "alone" and again.state.data["plan"] == {"signs": "je ne dors plus"}
    assert "On reprend où on en était" in joined(again)
