"""A safety plan built together (/plan): one question per step, each one skippable, shown again any time.

The steps follow safety planning as crisis lines offer it (in France, the 3114): warning signs, what helps on
one's own, people and places that change one's ideas, people to ask for help, professionals and lines, making
one's surroundings safer. The plan is kept in the database (``SetSafetyPlan``), read back through the records.
"""

from __future__ import annotations

from typing import Any

from companion.engine.effects import SetSafetyPlan
from companion.engine.events import Choice, EventKind, Reply
from companion.engine.flows.base import END, OTHER, Entered, Flow, Step, Turn
from companion.engine.text import clean, excerpt, normalise

SHOW = "show"
PARTS = ("signs", "alone", "places", "people", "pros", "safer")
"""The plan's parts, in the order they are asked; each has ``plan.q_<part>`` and ``plan.h_<part>``."""
EDIT_BUTTON = "menu:plan_edit"
"""The button under a saved plan (the flow is over by then: the engine's menu starts it again to edit)."""
SAVED = "saved"
CLOSED = "closed"
SKIP_WORDS = frozenset({"passer", "je passe", "skip", "next", "suivant", "rien", "nothing", "aucun", "aucune",
                        "je ne sais pas", "je sais pas", "jsp", "i don t know", "dunno"})
STOP_WORDS = frozenset({"stop", "arreter", "on arrete", "plus tard", "later", "stop for now"})
NOBODY_WORDS = frozenset({"personne", "il n y a personne", "j ai personne", "nobody", "no one", "there s nobody"})
"""Said when asked who could help: skipped, with a word about it and the line that is always there."""
MAX_CHARS = 600
"""Longer answers are shortened at a word boundary in the plan."""


def _rows() -> dict[tuple[str, str], str]:
    rows = {(SHOW, "edit"): PARTS[0], (SHOW, "close"): CLOSED}
    for index, part in enumerate(PARTS):
        following = PARTS[index + 1] if index + 1 < len(PARTS) else SAVED
        rows[(part, "text")] = following
        rows[(part, "skip")] = following
        rows[(part, "stop")] = SAVED
    return rows


class PlanFlow(Flow):
    """(show → edit) → signs → alone → places → people → pros → safer → saved; "stop" saves what there is."""

    name = "plan"
    initial = PARTS[0]
    terminal = frozenset({END, SAVED, CLOSED})
    resumes_on_start = True
    transitions = _rows()

    def start(self, turn: Turn, data: dict[str, Any] | None = None) -> Step:
        """Show the plan when there is one (or go over it again with ``{"edit": True}``); else the first question."""
        kept = turn.records.safety_plan() if turn.records is not None else {}
        if kept and (data or {}).get("edit"):
            return self._arrive(self.initial, turn, {"plan": dict(kept)})
        if kept:
            return self._arrive(SHOW, turn, {"plan": dict(kept)})
        return self._arrive(self.initial, turn, {"plan": {}, "intro": True})

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Any words answer the question; a few words skip it or stop."""
        if turn.event.kind not in (EventKind.TEXT, EventKind.FORWARDED) or step not in PARTS:
            return OTHER
        said = normalise(turn.event.text).strip(" .!…")
        if said in SKIP_WORDS:
            return "skip"
        if said in NOBODY_WORDS and step in ("places", "people"):
            data["nobody"] = True
            return "skip"
        if said in STOP_WORDS:
            return "stop"
        text = clean(turn.event.text)
        if not text:
            return OTHER
        data["plan"] = {**(data.get("plan") or {}), step: excerpt(text, MAX_CHARS)}
        return "text"

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Ask a part, show the plan, or keep it."""
        t = turn.t
        plan: dict[str, str] = data.get("plan") or {}
        if step == SHOW:
            choices = (self.choice(turn, "plan.edit", "edit"), self.choice(turn, "plan.close", "close"))
            return Entered([Reply(self.render(turn, plan), choices)])
        if step in PARTS:
            number = PARTS.index(step) + 1
            lines = [t("plan.intro")] if data.pop("intro", False) else []
            if data.pop("nobody", False):
                lines.append(t("plan.nobody"))
            lines.append(t(f"plan.q_{step}", n=number, total=len(PARTS)))
            lines.append(t(f"plan.h_{step}"))
            if plan.get(step):
                lines.append(t("plan.before", text=plan[step]))
            choices = (self.choice(turn, "plan.skip", "skip"), self.choice(turn, "plan.stop", "stop"))
            return Entered([Reply("\n\n".join(lines), choices)], data=data)
        if step == SAVED:
            kept = {part: plan[part] for part in PARTS if plan.get(part)}
            if not kept:
                return Entered([Reply(t("plan.empty"))])
            reply = Reply(t("plan.saved") + "\n\n" + self.render(turn, kept),
                          (Choice(t("plan.edit"), EDIT_BUTTON),))
            return Entered([reply], [SetSafetyPlan(kept)])
        if step == CLOSED:
            return Entered([Reply(t("plan.closed"))])
        raise ValueError(f"unknown plan step {step!r}")

    @staticmethod
    def render(turn: Turn, plan: dict[str, str]) -> str:
        """The plan as one message: each part written, the lines that are always there at the end."""
        t = turn.t
        lines = [t("plan.title")]
        for part in PARTS:
            if plan.get(part):
                lines.append(t("plan.line", title=t(f"plan.t_{part}"), text=plan[part]))
        lines.append(t("plan.lines"))
        return "\n".join(lines)
