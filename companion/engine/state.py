"""Conversation state and the user profile the engine reads."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Profile:
    """What the engine knows about the user (persisted by the store)."""

    user_id: str
    language: str = "fr"
    formal: bool = False
    consent_at: datetime | None = None
    known: bool = False
    portrait: str | None = None
    mission: str | None = None
    timezone: str = "Europe/Paris"
    agreement: str = ""
    """How words about the user agree: "fem", "masc", "neutral", or "" until they said."""

    @property
    def consented(self) -> bool:
        """True once the user accepted the privacy terms."""
        return self.consent_at is not None


LINGERING = {"listen": None, "ask": ("answered", "full")}
"""Flows (and steps) that only colour the next messages: setting them aside drops them, and /reprendre skips them
for the journey that was paused before (``None``: every step)."""


@dataclass(frozen=True)
class ConversationState:
    """Where the user is: the flow, its step, the flow's data, and what was paused."""

    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    paused: dict[str, Any] | None = None
    version: int = 0

    @property
    def active(self) -> bool:
        """True while a flow is in progress."""
        return self.flow is not None

    @property
    def lingering(self) -> bool:
        """True while listening, or just after an answer: nothing there to resume later."""
        if self.flow not in LINGERING:
            return False
        steps = LINGERING[self.flow]
        return steps is None or self.step in steps

    @property
    def resumable(self) -> bool:
        """True when /reprendre has something to go back to: a flow in progress that does not only linger, or one
        set aside."""
        return (self.active and not self.lingering) or bool(self.paused)

    def settled(self) -> ConversationState:
        """Leave what was lingering (listening, an answer shown); what was paused stays paused."""
        return replace(self, flow=None, step=None, data={}) if self.lingering else self

    def pause(self) -> ConversationState:
        """Set the flow in progress aside, to be resumed later (what only lingers is dropped)."""
        if not self.active:
            return self
        if self.lingering:
            return self.settled()
        snapshot = {"flow": self.flow, "step": self.step, "data": self.data}
        return replace(self, flow=None, step=None, data={}, paused=snapshot)

    def resumed(self) -> ConversationState:
        """Bring the paused flow back."""
        if not self.paused:
            return self
        p = self.paused
        return replace(self, flow=p["flow"], step=p["step"], data=dict(p["data"]), paused=None)
