"""Voice notes in the pure engine: shown back for a check, then routed exactly as the same typed text."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from companion.engine import ConversationState, Engine, Event, EventKind, Profile
from companion.engine.voice import PENDING
from companion.prompts import load_nvc_lists
from tests.support.reading import RULES_READER

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ADULT = Profile("u1", "fr", consent_at=NOW, known=True)
FORMAL = Profile("u1", "fr", formal=True, consent_at=NOW, known=True)
ADULT_EN = Profile("u1", "en", consent_at=NOW, known=True)
NOTE = "Je passe trop de temps sur mon téléphone le soir et après je dors mal."
RECEIVED = "Tu ne réponds jamais à mes messages, tu te moques de moi et franchement tu exagères."


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(reader=RULES_READER, nvc=load_nvc_lists())


def voice(text: str, *, forwarded: bool = False, media: str = "") -> Event:
    return Event("u1", EventKind.VOICE, text=text, forwarded=forwarded, media=media)


def choose(value: str) -> Event:
    return Event("u1", EventKind.CHOICE, choice=value)


def said(result) -> str:  # noqa: ANN001 - test helper
    return "\n".join(reply.text for reply in result.replies)


def heard_then(engine: Engine, profile: Profile, state: ConversationState, event: Event, answer: str):  # noqa: ANN201
    heard = engine.handle(profile, state, event, NOW)
    assert [c.value for c in heard.replies[-1].choices][0] == "voice:ok"
    return heard, engine.handle(profile, heard.state, choose(answer), NOW)


def same(a, b) -> None:  # noqa: ANN001 - test helper
    assert [(r.text, r.choices) for r in a.replies] == [(r.text, r.choices) for r in b.replies]
    assert a.effects == b.effects
    assert a.state == b.state


def test_a_voice_note_is_shown_back_with_the_check(engine: Engine) -> None:
    result = engine.handle(ADULT, ConversationState(), voice(NOTE), NOW)
    assert said(result) == f"J'ai entendu\u00a0: «\u00a0{NOTE}\u00a0»\nC'est bien ça\u202f?"
    assert [c.label for c in result.replies[0].choices] == ["C'est ça", "On me l'a envoyé", "Je corrige"]
    assert result.state.data[PENDING] == {"text": NOTE, "forwarded": False}
    assert result.effects == []


def test_in_a_flow_the_confirmed_note_goes_where_the_typed_text_goes(engine: Engine) -> None:
    in_note = engine.handle(ADULT, ConversationState(), Event.from_text("u1", "/note"), NOW).state
    heard, confirmed = heard_then(engine, ADULT, in_note, voice(NOTE), "voice:ok")
    assert (heard.state.flow, heard.state.step) == (in_note.flow, in_note.step)  # the flow waits, untouched
    typed = engine.handle(ADULT, in_note, Event.from_text("u1", NOTE), NOW)
    same(confirmed, typed)
    assert any(getattr(effect, "text", None) == NOTE for effect in confirmed.effects)


def test_outside_a_flow_the_confirmed_note_is_read_like_typed_text(engine: Engine) -> None:
    _, confirmed = heard_then(engine, ADULT, ConversationState(), voice(RECEIVED), "voice:ok")
    same(confirmed, engine.handle(ADULT, ConversationState(), Event.from_text("u1", RECEIVED), NOW))


def test_a_forwarded_note_enters_the_reply_session_as_the_received_message(engine: Engine) -> None:
    heard, confirmed = heard_then(engine, ADULT, ConversationState(), voice(RECEIVED, forwarded=True), "voice:ok")
    assert "vocal transféré" in said(heard)
    assert "voice:received" not in [c.value for c in heard.replies[0].choices]
    forwarded = engine.handle(ADULT, ConversationState(), Event("u1", EventKind.FORWARDED, text=RECEIVED), NOW)
    same(confirmed, forwarded)
    assert confirmed.state.flow == "reply"
    assert "On en parle avant que tu répondes" in said(confirmed)


def test_someone_sent_me_this_reads_the_note_as_a_received_message(engine: Engine) -> None:
    _, received = heard_then(engine, ADULT, ConversationState(), voice(RECEIVED), "voice:received")
    same(received, engine.handle(ADULT, ConversationState(), Event("u1", EventKind.FORWARDED, text=RECEIVED), NOW))


def test_a_crisis_in_a_voice_note_is_answered_at_once(engine: Engine) -> None:
    crisis = "Je n'en peux plus, je veux mourir, je vais en finir ce soir."
    result = engine.handle(ADULT, ConversationState(), voice(crisis), NOW)
    assert "J'ai entendu" not in said(result)
    assert "3114" in said(result) and said(result).startswith("Ce que tu me dis me touche")
    typed = engine.handle(ADULT, ConversationState(), Event.from_text("u1", crisis), NOW)
    assert said(typed).startswith("Ce que tu écris me touche")  # the same answer, said of what was typed
    assert said(result).replace("tu me dis", "tu écris") == said(typed) and result.state == typed.state
    assert PENDING not in result.state.data


def test_correcting_the_transcript_routes_the_typed_version(engine: Engine) -> None:
    in_note = engine.handle(ADULT, ConversationState(), Event.from_text("u1", "/note"), NOW).state
    _, fixing = heard_then(engine, FORMAL, in_note, voice("Je passe au-dessus de mon téléphone"), "voice:fix")
    assert said(fixing) == "D'accord. Écrivez-moi la bonne version, je la lirai comme si vous l'aviez tapée."
    corrected = engine.handle(FORMAL, fixing.state, Event.from_text("u1", NOTE), NOW)
    same(corrected, engine.handle(FORMAL, in_note, Event.from_text("u1", NOTE), NOW))


def test_a_crisis_typed_as_the_correction_is_screened(engine: Engine) -> None:
    _, fixing = heard_then(engine, ADULT, ConversationState(), voice("Je passe au-dessus"), "voice:fix")
    result = engine.handle(ADULT, fixing.state, Event.from_text("u1", "je veux mourir"), NOW)
    assert "3114" in said(result)


def test_anything_else_drops_the_check(engine: Engine) -> None:
    heard = engine.handle(ADULT, ConversationState(), voice(NOTE), NOW)
    result = engine.handle(ADULT, heard.state, Event.from_text("u1", "/menu"), NOW)
    assert PENDING not in result.state.data
    same(result, engine.handle(ADULT, ConversationState(), Event.from_text("u1", "/menu"), NOW))


@pytest.mark.parametrize(("media", "fr", "en"), [
    ("too_long", "plus de 3 minutes", "over 3 minutes"),
    ("unreadable", "pas réussi à écouter", "couldn't listen"),
    ("off", "pas écouter les vocaux pour le moment", "can't listen to voice messages right now"),
    ("empty", "rien entendu", "didn't hear anything"),
])
def test_voice_problems_get_a_kind_message_and_keep_the_flow(engine: Engine, media: str, fr: str, en: str) -> None:
    in_note = engine.handle(ADULT, ConversationState(), Event.from_text("u1", "/note"), NOW).state
    result = engine.handle(ADULT, in_note, voice("", media=media), NOW)
    assert fr in said(result) and "/reprendre" in said(result)
    assert (result.state.flow, result.state.step) == (in_note.flow, in_note.step)
    assert en in said(engine.handle(ADULT_EN, ConversationState(), voice("", media=media), NOW))
    answered = ConversationState("ask", "answered", {"q": "x", "hits": ["p1"], "shown": 0})
    assert "/reprendre" not in said(engine.handle(ADULT, answered, voice("", media=media), NOW))  # nothing to resume


@pytest.mark.parametrize(("media", "expected"), [("video_note", "pas les messages vidéo"),
                                                 ("audio", "pas les fichiers audio")])
def test_video_notes_and_audio_files_are_told_apart(engine: Engine, media: str, expected: str) -> None:
    event = Event("u1", EventKind.UNSUPPORTED, media=media)
    assert expected in said(engine.handle(ADULT, ConversationState(), event, NOW))


def test_english_check_and_an_unknown_pending_shape_is_ignored(engine: Engine) -> None:
    result = engine.handle(ADULT_EN, ConversationState(), voice("I felt left out."), NOW)
    assert said(result) == "I heard: “I felt left out.”\nDid I get that right?"
    broken = replace(ConversationState(), data={PENDING: "not a dict"})
    same(engine.handle(ADULT, broken, Event.from_text("u1", "/menu"), NOW),
         engine.handle(ADULT, ConversationState(), Event.from_text("u1", "/menu"), NOW))
