"""The intent development set through the whole engine: closings and questions about the bot never get a knowledge
passage, every question on the themes gets one (one message at a time, after consent, fresh state each message)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from companion.analysis.reader import build_reader
from companion.engine import Engine, Event, Profile
from companion.engine.ports import KnowledgeHit
from companion.engine.state import ConversationState
from companion.knowledge import open_knowledge
from companion.prompts import load_nvc_lists, load_question_bank
from tests.support.devset import EVAL

DEV_SET = EVAL / "intent_dev.jsonl"
NOW = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)
NO_PASSAGE = ("greeting", "thanks", "ack", "farewell", "laughter", "about_bot")


class Recording:
    """The real retriever, remembering the titles of the passages it returned."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.titles: set[str] = set()

    def search(self, text: str, lang: str | None = None, k: int = 3) -> list[KnowledgeHit]:
        hits: list[KnowledgeHit] = self.inner.search(text, lang, k)
        self.titles.update(h.title for h in hits)
        return hits

    def get(self, passage_id: str) -> KnowledgeHit | None:
        hit: KnowledgeHit | None = self.inner.get(passage_id)
        return hit


def run_dev_set(dev_set: Path, data_dir: Path) -> list[tuple[str, str, bool]]:
    """(intent, lang, whether the replies quote a passage) for each row of ``dev_set``."""
    assert dev_set.exists(), f"{dev_set} is missing: this check needs ../shared/eval next to the repository"
    rows = [json.loads(line) for line in dev_set.read_text(encoding="utf-8").splitlines() if line.strip()]
    knowledge = Recording(open_knowledge(data_dir, dense=False).retriever)
    engine = Engine(knowledge=knowledge, questions=load_question_bank(), reader=build_reader(),  # type: ignore[arg-type]
                    nvc=load_nvc_lists())
    found = []
    for row in rows:
        profile = Profile("eval", row["lang"], consent_at=NOW, known=True)
        knowledge.titles.clear()
        result = engine.handle(profile, ConversationState(), Event.from_text("eval", row["text"]), NOW)
        said = "\n".join(r.text for r in result.replies)
        quoted = any(f"« {title} »" in said or title in said for title in knowledge.titles)
        found.append((row["intent"], row["lang"], quoted))
    return found


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, bool]]:
    """The development set's outcomes, computed once."""
    return run_dev_set(DEV_SET, tmp_path_factory.mktemp("kb"))


def counts(outcomes: list[tuple[str, str, bool]]) -> dict[str, tuple[int, int]]:
    """Per intent: (replies with a passage, rows)."""
    rows = Counter(intent for intent, _, _ in outcomes)
    quoted = Counter(intent for intent, _, q in outcomes if q)
    return {intent: (quoted[intent], rows[intent]) for intent in sorted(rows)}


def test_closings_and_questions_about_the_bot_get_no_passage(outcomes: list[tuple[str, str, bool]]) -> None:
    figures = counts(outcomes)
    print(figures)
    assert all(figures[intent][0] == 0 for intent in NO_PASSAGE if intent in figures), figures
    assert all(intent in figures for intent in NO_PASSAGE), figures


def test_every_question_gets_a_passage(outcomes: list[tuple[str, str, bool]]) -> None:
    figures = counts(outcomes)
    assert figures["question"][0] == figures["question"][1], figures


def test_the_check_fails_without_the_development_set(tmp_path: Path) -> None:
    with pytest.raises(AssertionError, match="is missing"):
        run_dev_set(tmp_path / "intent_dev.jsonl", tmp_path)
