"""Excerpts of the real passages: whole sentences, never a piece of a list; a question of the same theme."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from companion.engine import ConversationState, Engine, Event, Profile
from companion.engine.ports import KnowledgeHit
from companion.engine.synthesis import excerpt_runs, excerpt_units, key_sentences, plain, sentences
from companion.knowledge.documents import load_passages
from companion.prompts import load_question_bank
from tests.support.reading import RULES_READER

PASSAGES = load_passages()
OPENS = re.compile(r"^[«“\"]?\s?[A-ZÀ-ÖØ-Þ]")
CLOSES = re.compile(r"[.!?…](\s?[»”\"])?$")
LIST_MARK = re.compile(r"(^|\s)(\d+[.)]|[-*•])\s")
# The sizes the ask flow (3 sentences, 480 characters) and the journeys (2, 280) show.
SIZES = ((3, 480), (2, 280))


def _check(text: str, where: str) -> None:
    assert OPENS.match(text), f"{where}: starts mid-sentence: {text[:60]!r}"
    assert CLOSES.search(text), f"{where}: ends mid-sentence: {text[-60:]!r}"
    assert text.count("«") == text.count("»") and text.count('"') % 2 == 0, f"{where}: a quote is cut: {text!r}"
    assert "**" not in text and "\n" not in text and not text.startswith("#"), where
    assert not LIST_MARK.match(text), f"{where}: starts in a list: {text[:60]!r}"


@pytest.mark.parametrize(("limit", "chars"), SIZES)
def test_every_excerpt_of_every_passage_is_whole_sentences(limit: int, chars: int) -> None:
    for passage in PASSAGES:
        units = excerpt_units(passage.body)[0]
        runs = excerpt_runs(passage.body, limit, chars)
        assert runs, f"{passage.id}: no excerpt can be shown"
        for start, end in runs:
            _check(" ".join(units[start:end]), passage.id)


def test_what_the_answer_shows_is_one_of_those_excerpts() -> None:
    for passage in PASSAGES:
        units = excerpt_units(passage.body)[0]
        allowed = {" ".join(units[s:e]) for s, e in excerpt_runs(passage.body)}
        for question in (passage.title, " ".join(passage.tags), "pourquoi ?"):
            shown = " ".join(key_sentences(question, passage.body))
            assert shown in allowed, (passage.id, shown)


def test_a_numbered_list_is_never_cut_into_an_excerpt() -> None:
    body = ("Quatre ingrédients comptent :\n\n1. **Un brin d'introspection.** Regarder qui tu es.\n"
            "2. **De l'amour à partager.** Donner ce que tu aimes.\n\nLe reste vient avec le temps.")
    for question in ("amour à partager", "introspection", "temps"):
        shown = " ".join(key_sentences(question, body))
        assert shown == "Le reste vient avec le temps.", shown


def test_sentences_are_not_split_on_initials_or_inside_quotes() -> None:
    body = ("La méthode vient de M. Rosenberg. Elle aide. « Hier, tu as posté la photo. Je me sens gêné. » "
            "Puis on demande.")
    assert sentences(body) == ["La méthode vient de M. Rosenberg.", "Elle aide.",
                               "« Hier, tu as posté la photo. Je me sens gêné. »", "Puis on demande."]
    assert key_sentences("photo gêné", body, limit=1) == ["« Hier, tu as posté la photo. Je me sens gêné. »"]


def test_an_introduction_to_a_list_does_not_end_an_excerpt() -> None:
    body = "Le message énervé arrive. Voici trois gestes :\n- Respirer.\n- Attendre.\n- Relire."
    assert key_sentences("trois gestes", body) == ["Le message énervé arrive."]


class OnePassage:
    """A knowledge base that holds the one passage under test, in its own language."""

    def __init__(self) -> None:
        self.hit: KnowledgeHit | None = None

    def search(self, text: str, lang: str | None = None, k: int = 3) -> list[KnowledgeHit]:
        return [self.hit] if self.hit and self.hit.lang == lang else []

    def get(self, passage_id: str) -> KnowledgeHit | None:
        return self.hit if self.hit and self.hit.id == passage_id else None


def test_every_answer_shows_whole_sentences_and_a_question_of_the_passages_theme() -> None:
    bank, knowledge = load_question_bank(), OnePassage()
    engine = Engine(reader=RULES_READER, knowledge=knowledge, questions=bank)
    now = datetime(2026, 11, 25, tzinfo=UTC)
    for passage in PASSAGES:
        knowledge.hit = KnowledgeHit(passage.id, passage.theme, passage.lang, passage.title, passage.source,
                                     passage.body, 0.0)
        profile = Profile("u1", passage.lang, consent_at=now, known=True)
        event = Event.from_text("u1", f"/question {passage.title}")
        text = engine.handle(profile, ConversationState(), event, now).replies[0].text
        units = excerpt_units(passage.body)[0]
        assert any(" ".join(units[s:e]) in text for s, e in excerpt_runs(passage.body)), passage.id
        offered = text.split("\n\n")[-1]
        own = [q.text for q in bank.select(passage.lang, theme=passage.theme)]
        assert any(question in offered for question in own), (passage.id, offered)
        assert plain(passage.title) in text
