"""The shape every flow shares: an explicit transition table walked by one small interpreter."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from companion.engine.events import Choice, Event, EventKind, Reply
from companion.engine.i18n import Translator
from companion.engine.ports import UserRecords
from companion.engine.reading import NO_READING, CrisisResource, Reading
from companion.engine.state import ConversationState, Profile

END = "end"
"""The pseudo-step that leaves the flow."""

STALE = "stale"
"""Symbol for a button that is not valid at the current step (old message or tampered data)."""

OTHER = "other"
"""Symbol for any input the step does not expect."""


@dataclass(frozen=True)
class Turn:
    """What a flow may read while handling one event."""

    profile: Profile
    t: Translator
    now: datetime
    event: Event
    records: UserRecords | None = None
    reading: Reading = NO_READING
    """The reading of this event's text (empty for a button or a command without text)."""
    resources: Callable[[str, str | None], list[CrisisResource]] = field(default=lambda lang, kind=None: [])
    """Helplines by language and crisis kind."""

    def feelings_in(self, text: str, fallback: Callable[[], list[str]]) -> list[str]:
        """Feeling ids this event's text expresses, when ``text`` is that text and it was read; else ``fallback()``."""
        if self.reading.feelings and text.strip() == (self.event.text or self.event.args).strip():
            return list(self.reading.feelings)
        return fallback()


@dataclass
class Step:
    """A flow's answer: the next state, the replies and the effects."""

    state: ConversationState
    replies: list[Reply] = field(default_factory=list)
    effects: list[object] = field(default_factory=list)
    handoff: tuple[str, dict[str, Any]] | None = None
    pause: bool = False


@dataclass
class Entered:
    """What entering a step produces; ``handoff`` names a flow to start next, with its data."""

    replies: list[Reply] = field(default_factory=list)
    effects: list[object] = field(default_factory=list)
    data: dict[str, Any] | None = None
    handoff: tuple[str, dict[str, Any]] | None = None
    pause: bool = False  # set the flow aside at this step (resumed later with /reprendre)


class Flow(ABC):
    """A state machine: ``classify`` turns an event into a symbol, the table gives the next step."""

    name: ClassVar[str]
    initial: ClassVar[str]
    transitions: ClassVar[Mapping[tuple[str, str], str]]
    terminal: ClassVar[frozenset[str]] = frozenset({END})
    resumes_on_start: ClassVar[bool] = False
    kept_on_cancel: ClassVar[bool] = True
    """``/cancel`` sets the flow aside for ``/reprendre``; False for a confirmation that should just go away."""
    """Starting the flow while it is set aside brings it back where it was, instead of starting over."""

    def choice(self, turn: Turn, label_key: str, symbol: str) -> Choice:
        """A button for this flow: the value carries the flow name so stale presses are recognised."""
        return Choice(turn.t(label_key), f"{self.name}:{symbol}")

    def symbols(self, step: str) -> set[str]:
        """The symbols the table accepts at ``step``."""
        return {symbol for (source, symbol) in self.transitions if source == step}

    def classify(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Map the event to a symbol of the table (buttons by default; flows override for text)."""
        event = turn.event
        if event.kind is EventKind.CHOICE:
            flow, _, symbol = event.choice.partition(":")
            if flow == self.name and symbol in self.symbols(step):
                return symbol
            return STALE
        return self.classify_text(step, turn, data)

    def classify_text(self, step: str, turn: Turn, data: dict[str, Any]) -> str:
        """Map free text to a symbol; by default nothing is expected."""
        return OTHER

    @abstractmethod
    def enter(self, step: str, turn: Turn, data: dict[str, Any]) -> Entered:
        """Produce the replies and effects of arriving at ``step``."""

    def reprompt(self, step: str, turn: Turn, data: dict[str, Any], symbol: str) -> Step:
        """Answer an unexpected input: a gentle word, then the step again."""
        key = {STALE: "common.stale_button"}.get(symbol)
        again = self.enter(step, turn, data)
        lead = [Reply(turn.t(key))] if key else []
        state = ConversationState(self.name, step, again.data if again.data is not None else data)
        return Step(state, lead + again.replies, again.effects)

    def start(self, turn: Turn, data: dict[str, Any] | None = None) -> Step:
        """Begin the flow at its initial step."""
        return self._arrive(self.initial, turn, dict(data or {}))

    def resume(self, state: ConversationState, turn: Turn) -> Step:
        """Show the current step again (after a pause or a restart)."""
        return self._arrive(state.step or self.initial, turn, dict(state.data))

    def handle(self, state: ConversationState, turn: Turn) -> Step:
        """Advance the flow by one event."""
        step = state.step or self.initial
        data = dict(state.data)
        symbol = self.classify(step, turn, data)
        target = self.transitions.get((step, symbol))
        if target is None:
            return self.reprompt(step, turn, data, symbol)
        return self._arrive(target, turn, data)

    def _arrive(self, target: str, turn: Turn, data: dict[str, Any]) -> Step:
        entered = self.enter(target, turn, data)
        new_data = entered.data if entered.data is not None else data
        if target in self.terminal:
            return Step(ConversationState(), entered.replies, entered.effects, entered.handoff)
        return Step(ConversationState(self.name, target, new_data), entered.replies, entered.effects,
                    entered.handoff, entered.pause)
