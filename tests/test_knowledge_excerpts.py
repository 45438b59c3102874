"""Excerpts of the real passages: whole sentences, never a piece of a list, and one language per answer."""

from __future__ import annotations

import re

import pytest

from companion.engine.synthesis import excerpt_runs, excerpt_units, key_sentences, sentences
from companion.knowledge.documents import load_passages

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
