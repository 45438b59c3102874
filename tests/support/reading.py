"""Readers for engine tests: the rules alone (fast, no model), and one that reads every message as a crisis."""

from __future__ import annotations

from dataclasses import replace

from companion.analysis.reader import MessageReader
from companion.engine.reading import CrisisReading, Reading

RULES_READER = MessageReader()
"""Crisis rules, tension lexicon and intent phrases; no embedding."""


class CrisisEverywhere(MessageReader):
    """The rules' reading of every message, with its crisis tier forced (the engine's routing under test)."""

    def __init__(self, kind: str, cues: tuple[str, ...] = ("test",), tier: str = "crisis") -> None:
        super().__init__()
        self.forced = CrisisReading(tier, kind, cues)

    def read(self, text: str, lang: str | None = None) -> Reading:
        return replace(super().read(text, lang), crisis=self.forced)
