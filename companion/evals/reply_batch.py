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
from companion.engine.flows.reply import ReplyFlow
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

    def offered(self) -> list[str]:
        """The symbols of the buttons on offer, in order."""
        return [c.value.partition(":")[2] for r in self.replies for c in r.choices]

    def type(self, text: str) -> None:
        self.send(Event(USER, EventKind.TEXT, text=text))


def run_scenario(engine: Engine, row: dict[str, Any]) -> dict[str, Any]:
    """One scenario through the session; returns the readings, the session's draft and the user draft's feedback.

    The session takes its own suggested feelings, needs and request; the scenario's context, register and channel
    when given, else its own guesses.
    """
    received, user_draft = str(row["received"]), str(row["user_draft"])
    lang = "en" if row.get("lang") == "en" else "fr"
    session = _Session(engine, Profile(USER, lang, consent_at=datetime.now(UTC), known=True))
    session.send(Event(USER, EventKind.COMMAND, text=f"/repondre {received}", command="repondre", args=received))
    protection_first = session.state.step == "safe"
    draft: str | None = None
    if protection_first:
        session.press("yes")  # safe: the protection plan
        session.press("reply")  # the user asks to write a reply anyway
        session.press("own")
    else:
        session.press("skip")  # how able do I feel
        session.press("continue")  # the reading
        context = row.get("context")
        session.press(f"who_{context}" if context else "skip")
        if session.state.step == "where":
            channel = row.get("channel")
            session.press(channel if channel in ("public", "private") else session.offered()[0])  # its guess
        session.press("continue")  # facts and judgments
        if session.state.step == "agree_first":
            session.press("neutral")  # words about the user: phrasing that needs no agreement
        for symbol in ("done", "done"):  # the session's own feelings, then needs
            session.press(symbol)
        if session.state.step == "theirs":
            session.press("continue")
        session.press("reply")
        session.press("suggest")
        session.press(session.offered()[0])  # the request the session suggests first
        if session.state.step == "agree":
            session.press("neutral")
        register = row.get("register")
        if register in ("tu", "vous") and session.state.data.get("register") != register and lang != "en":
            session.press("register")
        draft = str(session.state.data.get("draft") or "")
        session.press("edit")
    session.type(user_draft)
    feedback_text = "\n".join(r.text for r in session.replies)

    def analyse(text: str) -> TensionReading:
        return engine.reader.read(text, lang).tension

    flow = engine.flows["reply"]
    assert isinstance(flow, ReplyFlow)
    user_reading = flow.draft_reading(user_draft, lang)  # as the session's feedback shows it
    praise_ids = flow.feedback_praise(user_draft, lang)
    t = engine.catalog.bind(lang, False)
    praise = t("reply.praise", items=", ".join(t(f"reply.praise_{p}") for p in praise_ids)) if praise_ids else None
    return {
        "received_reading": reading_json(analyse(received)),
        "protection_first": protection_first,
        "draft": draft,
        "draft_reading": reading_json(analyse(draft)) if draft is not None else None,
        "user_draft_feedback": {
            "level": user_reading.level,
            "markers": [{"kind": m.kind, "quote": m.quote, "suggestion": m.suggestion} for m in user_reading.markers],
            "praise": praise,
            "text": feedback_text,
        },
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
        yield run_scenario(engine, row)


def summary_line(results: list[dict[str, Any]], scenarios: list[dict[str, Any]] | None = None) -> str:
    """The issue's figures: protection first (expected / not expected), drafts given, register, "·", lengths,
    specificity, duplicates, the user draft's quoted markers, mean tension levels, and the drafts' toxicity."""
    from companion.engine.reply_draft import PRIVATE_LIMIT, PUBLIC_LIMIT, names_something, register_of

    n = len(results)
    rows = scenarios or [{} for _ in results]
    expected = [r for r, s in zip(results, rows, strict=True) if s.get("expect_protection") is True]
    others = [r for r, s in zip(results, rows, strict=True) if s.get("expect_protection") is False]
    drafted = [(r, s) for r, s in zip(results, rows, strict=True) if not r["protection_first"]]
    drafts = [r["draft"] or "" for r, _ in drafted]

    def rate(hits: int, total: int) -> str:
        return f"{hits / total:.3f}" if total else "n/a"

    register_ok = sum(1 for (r, s) in drafted if s.get("register") not in ("tu", "vous") or s.get("lang") == "en"
                      or register_of(r["draft"] or "") in (None, s["register"]))
    length_ok = sum(1 for (r, s) in drafted if len(r["draft"] or "") <= (
        PUBLIC_LIMIT if (s.get("channel") or "private") == "public" else PRIVATE_LIMIT))
    specific = sum(1 for (r, s) in drafted if names_something(r["draft"] or "", str(s.get("received") or "")))
    marked = sum(1 for r in results if r["user_draft_feedback"]["markers"])
    user_mean = sum(r["user_draft_feedback"]["level"] for r in results) / n if n else 0.0
    draft_levels = [r["draft_reading"]["level"] for r in results if r["draft_reading"] is not None]
    # The toxicity head alone (trained on public French toxicity sets, not on drafts) as a second opinion.
    draft_toxic = [r["draft_reading"]["toxic_probability"] for r in results if r["draft_reading"] is not None]
    return (f"n={n} protection_first_expected={rate(sum(r['protection_first'] for r in expected), len(expected))} "
            f"protection_first_others={rate(sum(r['protection_first'] for r in others), len(others))} "
            f"drafts={rate(sum(bool(d) for d in drafts), len(drafted))} register_ok={rate(register_ok, len(drafted))} "
            f"no_dot={rate(sum('·' not in d for d in drafts), len(drafted))} "
            f"length_ok={rate(length_ok, len(drafted))} specific={rate(specific, len(drafted))} "
            f"distinct={len(set(drafts))}/{len(drafts)} user_draft_marked={rate(marked, n)} "
            f"user_draft_level_mean={user_mean:.4f} "
            f"draft_level_max={max(draft_levels, default=0)} "
            f"draft_toxic_max={max(draft_toxic, default=0.0):.3f} "
            f"drafts_toxic={sum(p >= 0.5 for p in draft_toxic)}")
