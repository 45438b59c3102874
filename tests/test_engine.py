"""Unit tests of the pure engine: routing, onboarding, commands and small flows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from companion.engine import ConversationState, Engine, Event, EventKind, Profile
from companion.engine.effects import AddJournalEntry, ForgetUser, GiveConsent, SetAgreement, SetFormal, SetLanguage
from companion.engine.flows.onboarding import OnboardingFlow
from companion.engine.text import format_resources
from tests.support.reading import RULES_READER, short_answers

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(reader=RULES_READER)


def text(value: str, user: str = "u1") -> Event:
    return Event.from_text(user, value)


def choose(value: str, user: str = "u1") -> Event:
    return Event(user, EventKind.CHOICE, choice=value)


def test_start_welcomes_in_french_says_program_not_human(engine: Engine) -> None:
    result = engine.handle(Profile("u1"), ConversationState(), text("/start"), NOW)
    joined = "\n".join(r.text for r in result.replies)
    assert "Je suis un programme, pas un humain" in joined
    assert "pas un thérapeute" in joined
    assert "15 ans" in joined
    assert result.state.flow == "onb" and result.state.step == "welcome"
    values = [c.value for c in result.replies[-1].choices]
    assert values[0] == "onb:accept" and "onb:under15" in values


def test_start_in_english_from_language(engine: Engine) -> None:
    result = engine.handle(Profile("u1", "en"), ConversationState(), text("/start"), NOW)
    assert "I'm a program, not a human" in result.replies[0].text


@pytest.mark.parametrize(
    ("step", "symbol", "target"),
    sorted((step, symbol, target) for (step, symbol), target in OnboardingFlow.transitions.items()),
)
def test_every_onboarding_transition(engine: Engine, step: str, symbol: str, target: str) -> None:
    state = ConversationState("onb", step)
    result = engine.handle(Profile("u1"), state, choose(f"onb:{symbol}"), NOW)
    effects = {type(e) for e in result.effects}
    if target == "accepted":
        assert effects == {GiveConsent} and result.state.flow is None
        assert any("menu:" in c.value for r in result.replies for c in r.choices)
    elif target in ("minor", "declined"):
        assert effects == {ForgetUser} and result.state.flow is None
    else:
        assert result.state.step == target and not effects


def test_under_15_gets_youth_resources_and_nothing_kept(engine: Engine) -> None:
    result = engine.handle(Profile("u1"), ConversationState("onb", "welcome"), choose("onb:under15"), NOW)
    joined = "\n".join(r.text for r in result.replies)
    assert "0 800 235 236" in joined and "3018" in joined
    assert any(isinstance(e, ForgetUser) for e in result.effects)


def test_typed_age_under_15_and_typed_yes(engine: Engine) -> None:
    minor = engine.handle(Profile("u1"), ConversationState("onb", "welcome"), text("j'ai 13 ans"), NOW)
    assert any(isinstance(e, ForgetUser) for e in minor.effects)
    yes = engine.handle(Profile("u1"), ConversationState("onb", "welcome"), text("Oui"), NOW)
    assert any(isinstance(e, GiveConsent) for e in yes.effects)


def test_unclear_answer_during_onboarding_nudges_and_stays(engine: Engine) -> None:
    result = engine.handle(Profile("u1"), ConversationState("onb", "welcome"), text("bonjour"), NOW)
    assert result.state.step == "welcome" and not result.effects
    assert "si tu as 15 ans ou plus et si tu es d'accord" in result.replies[0].text
    assert [c.value for c in result.replies[-1].choices][:2] == ["onb:accept", "onb:under15"]


def test_anything_before_consent_starts_onboarding(engine: Engine) -> None:
    result = engine.handle(Profile("u1"), ConversationState(), text("salut"), NOW)
    assert result.state.flow == "onb"


def test_crisis_comes_first_and_pauses_the_flow(engine: Engine) -> None:
    state = ConversationState("note", "ask", {"x": 1}, version=3)
    result = engine.handle(ADULT, state, text("je veux mourir, je vais en finir ce soir"), NOW)
    joined = "\n".join(r.text for r in result.replies)
    assert "3114" in joined and "112" in joined
    assert result.state.paused == {"flow": "note", "step": "ask", "data": {"x": 1}}
    assert result.state.lingering  # no flow in progress: the next messages are listened to with care
    assert result.state.version == 3
    resumed = engine.handle(ADULT, result.state, text("/reprendre"), NOW)
    assert resumed.state.flow == "note" and resumed.state.step == "ask"


def test_crisis_shows_three_helplines_in_tu_and_the_rest_behind_a_button(engine: Engine) -> None:
    result = engine.handle(ADULT, ConversationState(), text("je veux mourir, je vais en finir ce soir"), NOW)
    first = result.replies[0]
    lines = [line for line in first.text.splitlines() if line.startswith("• ")]
    assert len(lines) == 3 and lines[0].startswith("• 3114") and lines[1].startswith("• 112")
    assert "pour toi ou quelqu'un d'autre\u00a0: il t'oriente" in lines[1]
    assert [c.label for c in first.choices] == ["2 autres numéros"]
    more = engine.handle(ADULT, result.state, choose(first.choices[0].value), NOW)
    rest = more.replies[0].text
    assert "SOS Amitié" in rest and "Fil Santé Jeunes" in rest and "3114" not in rest
    assert more.state == result.state


def test_helplines_fit_the_situation_age_and_register(engine: Engine) -> None:
    danger = engine.reader.resources("fr", "danger")
    assert [r.id for r in danger][:2] == ["112", "17"] and "119" not in [r.id for r in danger]
    assert engine.reader.resources("fr", "harassment")[0].id == "3018"
    assert "119" in [r.id for r in engine.reader.resources("fr")]  # the under-15 answer still lists it
    tu, vous = format_resources(danger[:3], "fr"), format_resources(danger[:3], "fr", formal=True)
    assert "Quelqu'un te menace" in tu and "écris au 114" in tu and " vous " not in tu
    assert "Quelqu'un vous menace" in vous and "écrivez au 114" in vous


def test_welcome_back_varies_with_the_day_and_fits_the_hour(engine: Engine) -> None:
    said = {engine.handle(ADULT, ConversationState(), text("/start"), NOW + timedelta(days=d)).replies[0].text
            for d in range(3)}
    assert said == {"Bonjour, te revoilà. Content de te retrouver.",
                    "Bonjour, content de te relire. On reprend où tu veux.",
                    "Bonjour, merci de revenir. Par quoi on commence\u202f?"}
    evening = engine.handle(ADULT, ConversationState(), text("/start"), NOW.replace(hour=19))  # 20:00 in Paris
    assert evening.replies[0].text.startswith("Bonsoir, ")
    english = engine.handle(replace(ADULT, language="en", formal=True), ConversationState(), text("/start"), NOW)
    assert english.replies[0].text.startswith("Hello, ") and english.replies[0].choices


def test_crisis_before_consent_too(engine: Engine) -> None:
    result = engine.handle(Profile("u1"), ConversationState(), text("j'ai envie de me suicider"), NOW)
    assert "3114" in result.replies[0].text


def test_figurative_language_does_not_trigger_crisis(engine: Engine) -> None:
    result = engine.handle(ADULT, ConversationState(), text("je suis mort de rire"), NOW)
    assert "3114" not in "\n".join(r.text for r in result.replies)


def test_cancel_works_from_any_step(engine: Engine) -> None:
    for state in (ConversationState("note", "ask"), ConversationState("note", "short"),
                  ConversationState("set", "show"), ConversationState("forget", "confirm")):
        result = engine.handle(ADULT, state, text("/cancel"), NOW)
        assert result.state.flow is None, state


def test_cancel_with_nothing_in_progress(engine: Engine) -> None:
    result = engine.handle(ADULT, ConversationState(), text("/cancel"), NOW)
    assert "rien en cours" in result.replies[0].text


def test_help_keeps_the_state(engine: Engine) -> None:
    state = ConversationState("note", "ask")
    result = engine.handle(ADULT, state, text("/help"), NOW)
    assert result.state.flow == "note" and "/reprendre" in result.replies[-1].text


def test_fallback_is_kind_and_shows_the_menu(engine: Engine) -> None:
    result = engine.handle(ADULT, ConversationState(), text("blabla"), NOW)
    assert "pas sûr de bien comprendre" in result.replies[0].text
    menu = [c.value for c in result.replies[-1].choices]
    assert {"menu:note", "menu:more"} <= set(menu) and len(menu) <= 6  # the rest is behind "Plus…"


def test_unsupported_media_gets_an_explanation(engine: Engine) -> None:
    event = Event("u1", EventKind.UNSUPPORTED, media="sticker")
    result = engine.handle(ADULT, ConversationState("note", "ask"), event, NOW)
    assert "stickers" in result.replies[0].text and result.state.flow == "note"


def test_stale_and_tampered_buttons(engine: Engine) -> None:
    idle = engine.handle(ADULT, ConversationState(), choose("onb:accept"), NOW)
    assert "plus actif" in idle.replies[0].text and not idle.effects
    in_flow = engine.handle(ADULT, ConversationState("forget", "confirm"), choose("invalid:"), NOW)
    assert in_flow.state.step == "confirm" and not in_flow.effects
    unknown_menu = engine.handle(ADULT, ConversationState(), choose("menu:nothing"), NOW)
    assert "reconnu" in unknown_menu.replies[0].text


def test_note_flow_saves_whole_long_text(engine: Engine) -> None:
    started = engine.handle(ADULT, ConversationState(), text("/note"), NOW)
    assert started.state.flow == "note"
    short = engine.handle(ADULT, started.state, text("ok"), NOW)
    assert short.state.step == "short" and not short.effects
    long_text = "Une pensée. " * 1000
    saved = engine.handle(ADULT, short.state, text(long_text), NOW)
    assert saved.state.flow is None
    (effect,) = saved.effects
    assert isinstance(effect, AddJournalEntry) and effect.text == long_text.strip()
    assert len(saved.replies[0].text) < 400


def test_settings_switch_to_vous_and_english(engine: Engine) -> None:
    started = engine.handle(ADULT, ConversationState(), text("/reglages"), NOW)
    formal = engine.handle(ADULT, started.state, choose("set:vous"), NOW)
    assert formal.effects == [SetFormal(True)]
    assert "vous vouvoie" in formal.replies[-1].text
    english = engine.handle(ADULT, formal.state, choose("set:en"), NOW)
    assert english.effects == [SetLanguage("en")]
    assert "English" in english.replies[-1].text


def test_settings_change_how_words_about_the_user_agree(engine: Engine) -> None:
    started = engine.handle(ADULT, ConversationState(), text("/reglages"), NOW)
    assert "tournures sans accord" in started.replies[-1].text
    labels = [c.label for c in started.replies[-1].choices]
    assert "Accorder au féminin" in labels and "Accorder au masculin" in labels and "Sans accord" not in labels
    feminine = engine.handle(ADULT, started.state, choose("set:fem"), NOW)
    assert feminine.effects == [SetAgreement("fem")]
    assert "j'accorde au féminin («\u00a0je me suis sentie blessée\u00a0»)" in feminine.replies[-1].text
    assert "Sans accord" in [c.label for c in feminine.replies[-1].choices]


def test_vous_register_is_used_everywhere_it_exists(engine: Engine) -> None:
    formal = Profile("u1", "fr", formal=True, consent_at=NOW, known=True)
    result = engine.handle(formal, ConversationState(), text("/note"), NOW)
    assert "votre journal" in result.replies[0].text


def test_forget_needs_the_button(engine: Engine) -> None:
    asked = engine.handle(ADULT, ConversationState(), text("/oubli"), NOW)
    typed = engine.handle(ADULT, asked.state, text("oui"), NOW)
    assert not typed.effects and typed.state.step == "confirm"
    erased = engine.handle(ADULT, asked.state, choose("forget:yes"), NOW)
    assert erased.effects == [ForgetUser()]


def test_starting_a_flow_pauses_the_current_one(engine: Engine) -> None:
    in_note = ConversationState("note", "short")
    result = engine.handle(ADULT, in_note, text("/reglages"), NOW)
    assert result.state.flow == "set" and result.state.paused["flow"] == "note"
    closed = engine.handle(ADULT, result.state, choose("set:close"), NOW)
    assert any(c.value == "menu:resume" for c in closed.replies[-1].choices)
    back = engine.handle(ADULT, closed.state, choose("menu:resume"), NOW)
    assert back.state.flow == "note" and back.state.step == "short"


def test_same_input_same_output(engine: Engine) -> None:
    a = engine.handle(ADULT, ConversationState(), text("/note"), NOW)
    b = engine.handle(ADULT, ConversationState(), text("/note"), NOW)
    assert a == b


def test_clean_keeps_emoji_sequences_and_drops_invisible_characters() -> None:
    from companion.engine.text import clean

    assert clean("👩\u200d👩\u200d👧") == "👩\u200d👩\u200d👧"  # one family emoji, not three people
    assert clean("❤️\u200d🔥 merci") == "❤️\u200d🔥 merci"
    assert clean("bon\u200djour\u200b \u202eà toi\ufeff") == "bonjour à toi"
    assert clean("\u200d\u200b\u200d") == ""


@pytest.mark.parametrize(
    ("message", "lang", "kind", "expected", "menu"),
    [
        ("bonjour", "fr", "hello", "Bonjour", True),
        ("Salut Compagnon !", "fr", "hello", "Bonjour", True),
        ("ça va ?", "fr", "how", "Je suis un programme", True),
        ("merci beaucoup", "fr", "thanks", "Avec plaisir", False),
        ("merci, à demain", "fr", "bye", "À bientôt", False),
        ("hello", "en", "hello", "Hello", True),
        ("how are you?", "en", "how", "I'm a program", True),
        ("thanks a lot", "en", "thanks", "You're welcome", False),
        ("good night", "en", "bye", "See you soon", False),
    ],
)
def test_greetings_thanks_and_farewells_get_a_warm_short_answer(
        engine: Engine, message: str, lang: str, kind: str, expected: str, menu: bool) -> None:
    from companion.engine.text import small_talk

    assert small_talk(message) == kind
    profile = Profile("u1", lang, consent_at=NOW, known=True)
    result = engine.handle(profile, ConversationState(), text(message), NOW)
    intent = {"hello": "greeting", "bye": "farewell"}.get(kind, kind)
    wordings = short_answers(lang, intent) if intent != "how" else {result.replies[0].text}
    assert result.replies[0].text in wordings and expected in "".join(wordings)
    assert "pas sûr de bien comprendre" not in result.replies[0].text and "not sure" not in result.replies[0].text
    assert bool(result.replies[-1].choices) is menu  # a greeting opens the menu; thanks and goodbye do not insist
    assert result.state == ConversationState() and not result.effects


def test_small_talk_is_only_small_talk(engine: Engine) -> None:
    from companion.engine.text import small_talk

    for message in ("bonjour, on m'a insulté sous mon post", "merci mais je ne sais pas quoi répondre", "ok", "non",
                    "thanks but what do I do now"):
        assert small_talk(message) is None, message
    formal = Profile("u1", "fr", formal=True, consent_at=NOW, known=True)
    said = engine.handle(formal, ConversationState(), text("au revoir"), NOW).replies[0].text
    assert said in short_answers("fr", "farewell", formal=True) and "vous" in said


def test_a_thanks_inside_a_journey_is_an_answer_not_small_talk(engine: Engine) -> None:
    started = engine.handle(ADULT, ConversationState(), text("/note"), NOW)
    result = engine.handle(ADULT, started.state, text("merci"), NOW)
    assert any(isinstance(effect, AddJournalEntry) for effect in result.effects)
