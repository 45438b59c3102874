"""Erase everything about the user (/oubli), after confirmation."""

from __future__ import annotations

from typing import Any

from companion.engine.effects import ForgetUser
from companion.engine.events import Reply
from companion.engine.flows.base import Entered, Flow, Turn
from companion.engine.text import normalise

CONFIRM = "confirm"
ERASED = "erased"
KEPT = "kept"


class ForgetFlow(Flow):
    """Confirm → erased | kept."""

    name = "forget"
    initial = CONFIRM
    kept_on_cancel = False
    terminal = frozenset({ERASED, KEPT})
    transitions = {
        (CONFIRM, "yes"): ERASED,
        (CONFIRM, "no"): KEPT,
    }

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Only an explicit button erases; a typed "non" keeps everything."""
        return "no" if normalise(turn.event.text) in ("non", "no", "garder", "keep") else "other"

    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Ask, erase, or keep."""
        t = turn.t
        if step == CONFIRM:
            choices = (self.choice(turn, "forget.yes", "yes"), self.choice(turn, "forget.no", "no"))
            return Entered([Reply(t("forget.confirm"), choices)])
        if step == ERASED:
            return Entered([Reply(t("forget.done"))], [ForgetUser()])
        if step == KEPT:
            return Entered([Reply(t("forget.kept"))])
        raise ValueError(f"unknown forget step {step!r}")
