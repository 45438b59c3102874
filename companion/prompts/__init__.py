"""Prompt files shipped inside this package (``llm/``, ``questions/``), loaded by name."""

from __future__ import annotations

from pathlib import Path

import yaml

from companion.engine.nvc import NvcLists
from companion.engine.questions import Question, QuestionBank

LANGS = ("fr", "en")


def prompts_root() -> Path:
    """The folder of this package, where the prompt files are installed with it."""
    return Path(__file__).resolve().parent


def load_question_bank(root: Path | None = None) -> QuestionBank:
    """Read ``questions/<lang>.yaml`` for every language."""
    root = root or prompts_root()
    by_lang: dict[str, tuple[Question, ...]] = {}
    for lang in LANGS:
        raw = yaml.safe_load((root / "questions" / f"{lang}.yaml").read_text("utf-8"))
        by_lang[lang] = tuple(
            Question(str(q["id"]), str(q["theme"]), tuple(q["uses"]), str(q["text"]).strip())
            for q in raw["questions"]
        )
    return QuestionBank(by_lang)


def load_nvc_lists(root: Path | None = None) -> NvcLists:
    """Read the feelings and needs lists of ``companion/knowledge/content/nvc``."""
    root = root or prompts_root().parent / "knowledge" / "content" / "nvc"
    feelings = yaml.safe_load((root / "feelings.yaml").read_text("utf-8"))
    needs = yaml.safe_load((root / "needs.yaml").read_text("utf-8"))
    return NvcLists.from_raw(feelings, needs)
