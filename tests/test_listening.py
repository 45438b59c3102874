"""Listening outside the journeys: varied short answers, venting reflected, care after a crisis, /reprendre."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from companion.engine import Engine, Event, Profile
from companion.engine.events import EventKind
from companion.engine.listening import echo, sounds_settled
from companion.engine.reading import CrisisReading, Reading
from companion.engine.state import ConversationState
from companion.prompts import load_nvc_lists, load_question_bank
from tests.support.knowledge import KnowledgeSpy
from tests.support.reading import RULES_READER, short_answers

NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
FR = Profile("u1", "fr", consent_at=NOW, known=True)
EN = Profile("u1", "en", consent_at=NOW, known=True)
INTENTS = {
    "merci": "thanks", "merci bcp 🙏": "thanks", "mrc c gentil": "thanks", "thx": "thanks", "ok": "ack",
    "t'es un robot ?": "about_bot", "are you a bot?": "about_bot",
    "tu connais une bonne recette de crêpes ?": "off_topic", "any good pancake recipe?": "off_topic",
    "personne me répond sur insta, tout le monde s'en fout de moi": "venting",
    "nobody answers me on insta, no one cares about me": "venting",
    "c'est surtout ma meilleure amie, elle like les posts des autres mais jamais les miens": "venting",
    "pourquoi les gens sont plus méchants en ligne ?": "question",
    "merci. ça va aller, je voulais juste en parler": "thanks",
    "bonne nuit": "farewell",
    "Envoie-moi d'autres photos ou je les montre à tous tes contacts.": "received_message",
}


class PhraseReader:
    """The rules' reading (crisis tiers, feelings), with the intent these tests give each phrase."""

    def read(self, text: str, lang: str | None = None) -> Reading:
        return replace(RULES_READER.read(text, lang), intent=INTENTS.get(text))

    def resources(self, lang: str, kind: str | None = None) -> list:
        return RULES_READER.resources(lang, kind)


class CheckinFirst(PhraseReader):
    """A check-in for the first message (an indirect, heavy one), the phrases' reading afterwards."""

    def read(self, text: str, lang: str | None = None) -> Reading:
        reading = super().read(text, lang)
        if text.startswith("jsuis à bout"):
            return replace(reading, crisis=CrisisReading("checkin", "suicide", ("test",)))
        return reading


def build(spy: KnowledgeSpy) -> Engine:
    return Engine(reader=PhraseReader(), knowledge=spy, questions=load_question_bank(),  # type: ignore[arg-type]
                  nvc=load_nvc_lists())


def say(engine: Engine, state: ConversationState, text: str, profile: Profile = FR):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event.from_text(profile.user_id, text), NOW)


def press(engine: Engine, state: ConversationState, value: str, profile: Profile = FR):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event(profile.user_id, EventKind.CHOICE, choice=value), NOW)


def command(engine: Engine, state: ConversationState, name: str, profile: Profile = FR):  # type: ignore[no-untyped-def]
    return engine.handle(profile, state, Event(profile.user_id, EventKind.COMMAND, command=name), NOW)


def texts(result: object) -> str:
    return "\n".join(r.text for r in result.replies)  # type: ignore[attr-defined]


def values(result: object) -> list[str]:
    return [c.value for r in result.replies for c in r.choices]  # type: ignore[attr-defined]


def test_thanks_are_answered_in_a_line_that_varies_but_stays_the_same_for_the_same_message() -> None:
    engine = build(KnowledgeSpy())
    said = {texts(say(engine, ConversationState(), text)) for text in ("merci", "merci bcp 🙏", "mrc c gentil")}
    assert said <= short_answers("fr", "thanks") and len(said) >= 2
    assert texts(say(engine, ConversationState(), "merci")) == texts(say(engine, ConversationState(), "merci"))


def test_the_bot_says_honestly_what_it_is_and_never_quotes_a_passage_about_it() -> None:
    spy = KnowledgeSpy()
    engine = build(spy)
    french = texts(say(engine, ConversationState(), "t'es un robot ?"))
    english = texts(say(engine, ConversationState(), "are you a bot?", EN))
    assert "programme, pas un humain" in french and "open source" in french and "/oubli" in french
    assert "program, not a person" in english and "/forget" in english
    assert spy.searches == 0


def test_an_off_topic_request_gets_a_kind_redirect() -> None:
    spy = KnowledgeSpy()
    engine = build(spy)
    assert "pas le bon compagnon" in texts(say(engine, ConversationState(), "tu connais une bonne recette de crêpes ?"))
    assert "not really my area" in texts(say(engine, ConversationState(), "any good pancake recipe?", EN))
    assert spy.searches == 0


def test_venting_is_reflected_in_the_person_s_words_with_one_question_then_listened_to_then_offered() -> None:
    spy = KnowledgeSpy()
    engine = build(spy)
    first = say(engine, ConversationState(), "personne me répond sur insta, tout le monde s'en fout de moi")
    reflection = first.replies[0].text
    assert "«\u00a0tout le monde s'en fout de moi\u00a0»" in reflection and reflection.count("?") == 1
    assert values(first) == ["menu:reply", "menu:note"] and "journal" in texts(first)
    second = say(engine, first.state,
                 "c'est surtout ma meilleure amie, elle like les posts des autres mais jamais les miens")
    assert "écoute" in texts(second) and "?" not in texts(second) and not values(second)
    third = say(engine, second.state, "je sais pas, ça me rend triste")
    assert "tristesse" in texts(third) and values(third) == ["menu:reply", "menu:note"]
    assert third.state == ConversationState()  # offered again: listening is over
    assert spy.searches == 0 and "troll" not in texts(second) + texts(third)


def test_venting_in_english_is_reflected_too() -> None:
    engine = build(KnowledgeSpy())
    first = say(engine, ConversationState(), "nobody answers me on insta, no one cares about me", EN)
    assert "“no one cares about me”" in first.replies[0].text and first.replies[0].text.count("?") == 1
    assert "journal" in texts(first)


def test_an_answer_does_not_hold_the_next_messages() -> None:
    spy = KnowledgeSpy()
    engine = build(spy)
    answered = say(engine, ConversationState(), "pourquoi les gens sont plus méchants en ligne ?")
    assert "troll" in texts(answered) and answered.state.step == "answered" and spy.searches == 1
    thanks = say(engine, answered.state, "merci")
    assert texts(thanks) in short_answers("fr", "thanks") and spy.searches == 1
    felt = say(engine, answered.state, "ça m'énerve")
    assert "agacement" in texts(felt) and spy.searches == 1  # a feeling told, not a new question


def test_after_a_crisis_message_care_comes_first_and_the_journey_resumes_where_it_was() -> None:
    spy = KnowledgeSpy()
    engine = build(spy)
    journey = command(engine, ConversationState(), "personnage")
    journey = press(engine, journey.state, journey.replies[-1].choices[0].value)
    question = journey.replies[-1].text
    assert journey.state.flow == "personnage" and "(1/7)" in question
    crisis = say(engine, journey.state, "je veux plus vivre")
    assert "3114" in texts(crisis) and "/reprendre" in texts(crisis)

    okay = say(engine, crisis.state, "merci. ça va aller, je voulais juste en parler")
    assert "bien fait d'en parler" in texts(okay) and values(okay) == ["care:lines", "menu:resume"]
    lines = press(engine, okay.state, "care:lines")
    assert "3114" in texts(lines) and lines.state == okay.state

    hurt = say(engine, okay.state, "personne me répond sur insta, tout le monde s'en fout de moi")
    assert "«\u00a0tout le monde s'en fout de moi\u00a0»" in texts(hurt) and values(hurt) == ["care:lines"]
    assert "(2/7)" not in texts(hurt) and "Pour aller plus loin" not in texts(hurt) and spy.searches == 0

    back = command(engine, hurt.state, "reprendre")
    assert "On reprend" in texts(back) and back.replies[-1].text == question
    assert back.state.flow == "personnage" and back.state.step == journey.state.step


def test_care_lasts_a_few_messages_and_even_a_question_gets_no_passage() -> None:
    spy = KnowledgeSpy()
    engine = build(spy)
    crisis = say(engine, ConversationState(), "je veux plus vivre")
    asked = say(engine, crisis.state, "pourquoi les gens sont plus méchants en ligne ?")
    assert "rester avec toi" in texts(asked) and spy.searches == 0
    calmer = say(engine, say(engine, asked.state, "ok").state, "ok")
    assert calmer.state.flow is None and calmer.state.paused is None  # three messages with care, then as usual
    later = say(engine, calmer.state, "pourquoi les gens sont plus méchants en ligne ?")
    assert "troll" in texts(later) and spy.searches == 1  # after a few messages, questions are answered again


def test_after_a_check_in_the_person_who_wants_to_talk_is_listened_to() -> None:
    spy = KnowledgeSpy()
    engine = Engine(reader=CheckinFirst(), knowledge=spy, questions=load_question_bank(),  # type: ignore[arg-type]
                    nvc=load_nvc_lists())
    checkin = say(engine, ConversationState(), "jsuis à bout, je sais plus pourquoi je me lève")
    assert "en sécurité" in texts(checkin) and checkin.state.lingering
    talk = press(engine, checkin.state, "care:talk")
    heard = say(engine, talk.state, "personne me répond sur insta, tout le monde s'en fout de moi")
    assert "«\u00a0tout le monde s'en fout de moi\u00a0»" in texts(heard) and values(heard) == ["care:lines"]
    assert spy.searches == 0


def test_a_message_received_during_care_still_gets_the_reply_session() -> None:
    engine = build(KnowledgeSpy())
    crisis = say(engine, ConversationState(), "je veux plus vivre")
    pasted = say(engine, crisis.state, "Envoie-moi d'autres photos ou je les montre à tous tes contacts.")
    assert any(value.startswith("reply:") for value in values(pasted)), texts(pasted)


def test_a_command_leaves_care_and_the_journey_set_aside_is_still_there() -> None:
    engine = build(KnowledgeSpy())
    paused = ConversationState("personnage", "networks", {"answers": {"q1": "le clown"}})
    crisis = say(engine, paused, "je veux plus vivre")
    menu = command(engine, crisis.state, "menu")
    assert menu.state.flow is None and menu.state.paused == {"flow": "personnage", "step": "networks",
                                                             "data": {"answers": {"q1": "le clown"}}}
    assert "menu:resume" in values(menu)


def test_a_question_answered_in_between_does_not_hide_the_journey_set_aside() -> None:
    engine = build(KnowledgeSpy())
    state = ConversationState("ask", "answered", {"q": "x", "hits": ["p1"], "shown": 0},
                              paused={"flow": "personnage", "step": "networks", "data": {}})
    back = command(engine, state, "reprendre")
    assert back.state.flow == "personnage" and back.state.step == "networks"
    started = command(engine, state, "mission")  # starting another journey keeps the paused one, not the answer
    assert started.state.paused is not None and started.state.paused["flow"] == "personnage"


def test_settled_words_and_echoes() -> None:
    assert sounds_settled("merci. ça va aller, je voulais juste en parler")
    assert sounds_settled("thanks, I'll be ok") and sounds_settled("jvais mieux, ça va mieux mrc")
    assert not sounds_settled("ça va pas aller du tout") and not sounds_settled("I'm not ok")
    assert echo("bref. il m'a bloqué partout, sans un mot") == "sans un mot"
    assert echo("ok") is None


def test_start_or_help_just_after_an_answer_offers_nothing_to_resume() -> None:
    engine = build(KnowledgeSpy())
    answered = say(engine, ConversationState(), "pourquoi les gens sont plus méchants en ligne ?")
    assert answered.state.lingering and not answered.state.paused
    start = command(engine, answered.state, "start")
    assert "menu:resume" not in values(start) and start.state == ConversationState()
    help_ = command(engine, answered.state, "help")
    assert "en plein milieu" not in texts(help_)  # no "you were in the middle of something"
    set_aside = replace(answered.state, paused={"flow": "personnage", "step": "networks", "data": {}})
    assert "menu:resume" in values(command(engine, set_aside, "start"))
    assert "en plein milieu" in texts(command(engine, set_aside, "help"))
