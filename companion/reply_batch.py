"""`companion eval drafts`: run scenarios through the offline reply session, non-interactively.

Each scenario walks the real engine: `/repondre <received>` → skip the welcome → the reading → skip the facts →
the session's own suggested feelings and needs → reply → suggest a draft (request "talk calmly") → then the
user's own draft, for its feedback. Nothing is stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from companion.engine import Engine, Event, Profile
from companion.engine.events import EventKind, Reply
from companion.engine.reading import TensionReading
from companion.engine.state import ConversationState

USER = "eval:drafts"


def reading_json(reading: TensionReading) -> dict[str, Any]:
    """A tension reading as plain JSON: level, protection, probability, markers quoted with their explanation."""
    return {
        "level": reading.level,
        "protection": reading.protection,
        "toxic_probability": reading.toxic_probability,
        "markers": [{"kind": m.kind, "quote": m.quote, "explanation": m.explanation, "suggestion": m.suggestion}
                    for m in reading.markers],
    }


@dataclass
class _Session:
    engine: Engine
    profile: Profile
    state: ConversationState = field(default_factory=ConversationState)
    replies: list[Reply] = field(default_factory=list)

    def send(self, event: Event) -> None:
        result = self.engine.handle(self.profile, self.state, event, datetime.now(UTC))
        self.state = result.state
        self.replies = result.replies

    def press(self, symbol: str) -> None:
        value = f"reply:{symbol}"
        offered = {c.value for r in self.replies for c in r.choices}
        if value not in offered:
            raise RuntimeError(f"the session did not offer {symbol!r} at step {self.state.step!r}")
        self.send(Event(USER, EventKind.CHOICE, choice=value))

    def type(self, text: str) -> None:
        self.send(Event(USER, EventKind.TEXT, text=text))


def run_scenario(engine: Engine, received: str, user_draft: str, lang: str = "fr") -> dict[str, Any]:
    """One scenario through the session; returns the readings, the offline draft and the user draft's feedback."""
    lang = "en" if lang == "en" else "fr"
    session = _Session(engine, Profile(USER, lang, consent_at=datetime.now(UTC), known=True))
    session.send(Event(USER, EventKind.COMMAND, text=f"/repondre {received}", command="repondre", args=received))
    for symbol in ("skip", "continue", "skip", "done", "done", "continue", "reply", "suggest", "talk"):
        session.press(symbol)
    draft = str(session.state.data.get("draft") or "")
    session.press("edit")
    session.type(user_draft)
    feedback_text = "\n".join(r.text for r in session.replies)
    def analyse(text: str) -> TensionReading:
        return engine.reader.read(text, lang).tension

    user_reading = analyse(user_draft)
    return {
        "received_reading": reading_json(analyse(received)),
        "draft": draft,
        "draft_reading": reading_json(analyse(draft)),
        "user_draft_feedback": {**reading_json(user_reading), "text": feedback_text},
    }


def read_scenarios(path: str | Path) -> Iterator[dict[str, Any]]:
    """Lines ``{"received": ..., "user_draft": ..., "lang": ...}`` of a JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                row = json.loads(line)
                if not isinstance(row, dict) or "received" not in row or "user_draft" not in row:
                    raise ValueError(f"line {number}: expected an object with 'received' and 'user_draft'")
                yield row


def run_batch(engine: Engine, scenarios: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every scenario's result, in order."""
    for row in scenarios:
        yield run_scenario(engine, str(row["received"]), str(row["user_draft"]), str(row.get("lang") or "fr"))


def summary_line(results: list[dict[str, Any]]) -> str:
    """``n=… user_draft_level_mean=… draft_level_mean=…`` (tension levels 0–3)."""
    n = len(results)
    user_mean = sum(r["user_draft_feedback"]["level"] for r in results) / n if n else 0.0
    draft_mean = sum(r["draft_reading"]["level"] for r in results) / n if n else 0.0
    return f"n={n} user_draft_level_mean={user_mean:.4f} draft_level_mean={draft_mean:.4f}"
