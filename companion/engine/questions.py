"""The bank of reflection questions (loaded from ``companion/prompts/questions`` by the bootstrap)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Question:
    """One reflection question."""

    id: str
    theme: str
    uses: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class QuestionBank:
    """Questions per language, with the same ids in every language."""

    by_lang: dict[str, tuple[Question, ...]]

    def questions(self, lang: str) -> tuple[Question, ...]:
        """All questions of a language (French when the language is unknown)."""
        return self.by_lang.get(lang) or self.by_lang.get("fr", ())

    def select(self, lang: str, *, theme: str | None = None, use: str | None = None) -> list[Question]:
        """Questions matching a theme and/or a use."""
        return [q for q in self.questions(lang)
                if (theme is None or q.theme == theme) and (use is None or use in q.uses)]

    def pick(self, lang: str, *, theme: str | None = None, use: str | None = None, seed: str = "",
             exclude: Sequence[str] = ()) -> Question | None:
        """A stable choice among matching questions (same seed, same question), skipping ``exclude``."""
        pool = [q for q in self.select(lang, theme=theme, use=use) if q.id not in exclude]
        if not pool and theme is not None:
            pool = [q for q in self.select(lang, use=use) if q.id not in exclude]
        if not pool:
            return None
        digest = int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16)
        return pool[digest % len(pool)]
