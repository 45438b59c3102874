"""A free note written to the journal (/note)."""

from __future__ import annotations

from typing import Any

from companion.engine.effects import AddJournalEntry
from companion.engine.events import EventKind, Reply
from companion.engine.flows.base import END, Entered, Flow, Step, Turn
from companion.engine.text import clean, excerpt

ASK = "ask"
SHORT = "short"
MIN_CHARS = 3


class NoteFlow(Flow):
    """Ask → (too short: ask again) → saved."""

    name = "note"
    initial = ASK
    transitions = {
        (ASK, "text"): END,
        (ASK, "short"): SHORT,
        (SHORT, "text"): END,
        (SHORT, "short"): SHORT,
    }

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Any text long enough is the note."""
        if turn.event.kind not in (EventKind.TEXT, EventKind.FORWARDED):
            return "other"
        return "text" if len(clean(turn.event.text)) >= MIN_CHARS else "short"

    def save(self, turn: Turn, text: str) -> Step:
        """``/note <text>``: the text is the note (too short: ask for a little more)."""
        if len(clean(text)) < MIN_CHARS:
            return self._arrive(SHORT, turn, {})
        return self._arrive(END, turn, {"text": text})

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Ask, nudge, or save."""
        t = turn.t
        if step == ASK:
            return Entered([Reply(data.get("prompt") or t("note.ask"))])
        if step == SHORT:
            return Entered([Reply(t("note.short"))])
        if step == END:
            text = clean(data.get("text") or turn.event.text)
            saved = Reply(t("note.saved", excerpt=excerpt(text)))
            kind = "reflection" if data.get("prompt") else "note"
            entry = AddJournalEntry(kind, text, data.get("theme"), data.get("prompt"))
            return Entered([saved], [entry])
        raise ValueError(f"unknown note step {step!r}")
