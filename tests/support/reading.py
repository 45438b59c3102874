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


def short_answers(lang: str, intent: str, formal: bool = False) -> set[str]:
    """Every wording of the one-line answer to ``intent`` (greeting, thanks, ack, farewell, laughter)."""
    from companion.engine.i18n import load_catalog
    from companion.engine.listening import SHORT_KEYS

    t = load_catalog().bind(lang, formal)
    return {t(key) for key in SHORT_KEYS[intent]}
