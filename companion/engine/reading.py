"""The reading of one message, as the engine receives it through the ``Reader`` port.

Computed once per message by an adapter (``companion.analysis``) and used by every flow: crisis tier, intent
outside a guided flow, tension (level, protection, quoted markers), and the feelings and needs it expresses.
Labels are those of ``shared/eval/LABELS.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

CRISIS = "crisis"
CHECKIN = "checkin"
NONE = "none"
MODEL_CUE = "model"
"""The cue a crisis reading carries when the learned model decided it (rules carry their ids)."""

INTENTS = ("greeting", "thanks", "ack", "farewell", "laughter", "about_bot", "help", "venting", "question",
           "received_message", "off_topic")


@dataclass(frozen=True)
class CrisisReading:
    """``tier``: ``crisis`` (resources first), ``checkin`` (a gentle safety question first) or ``none``.

    ``kind`` is ``suicide``, ``self-harm``, ``danger`` or ``other-at-risk`` when the tier is not ``none``;
    ``cues`` names what decided it (rule ids or ``model``), never the user's words.
    """

    tier: str = NONE
    kind: str | None = None
    cues: tuple[str, ...] = ()

    @property
    def is_crisis(self) -> bool:
        """True for the ``crisis`` tier."""
        return self.tier == CRISIS

    @property
    def concerning(self) -> bool:
        """True for the ``crisis`` and ``checkin`` tiers."""
        return self.tier != NONE


@dataclass(frozen=True)
class Marker:
    """One sign of tension, quoted from the message, explained kindly, with a softer way to say it."""

    kind: str
    quote: str
    start: int
    end: int
    explanation: str
    suggestion: str


@dataclass(frozen=True)
class TensionReading:
    """Level 0 (calm) to 3 (dangerous), whether to protect oneself first, and the markers found."""

    level: int = 0
    protection: bool = False
    markers: tuple[Marker, ...] = ()
    toxic_probability: float = 0.0
    inflaming: tuple[Marker, ...] = ()
    """Every marker the lexicon found, whatever the level: words that could inflame an exchange if quoted."""
    jab: Marker | None = None
    """A jab the learned reader sees in a reply one is about to send (irony, mock thanks, a dig with a smiley),
    quoted from the sentence that carries it; None when it sees none or cannot tell."""

    @property
    def harassment_likely(self) -> bool:
        """Kept for the reply session's wording: protection comes first."""
        return self.protection


@dataclass(frozen=True)
class Reading:
    """Everything the engine knows about one message."""

    lang: str = "fr"
    crisis: CrisisReading = field(default_factory=CrisisReading)
    intent: str | None = None
    tension: TensionReading = field(default_factory=TensionReading)
    feelings: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()


NO_READING = Reading()


@dataclass(frozen=True)
class CrisisResource:
    """A helpline or emergency number, with where its details come from."""

    id: str
    name: str
    contact: str
    hours: str
    description: str
    url: str
    source: str
    kinds: tuple[str, ...] = ()
    description_tu: str = ""
    minors_only: bool = False

    def described(self, formal: bool) -> str:
        """The description in the user's register (the *vous* one when there is no *tu* form)."""
        return self.description if formal or not self.description_tu else self.description_tu


class Reader(Protocol):
    """Reads messages (an adapter: rules and learned models over one embedding), and knows where to find help."""

    def read(self, text: str, lang: str | None = None) -> Reading:
        """The reading of ``text``; ``lang`` ("fr"/"en") is the user's language, the message's is detected."""
        ...

    def resources(self, lang: str, kind: str | None = None) -> list[CrisisResource]:
        """Helplines for ``lang``, those for ``kind`` first when given."""
        ...


class NullReader:
    """Reads nothing: for engines built without analysis (every message is calm, intent unknown)."""

    def read(self, text: str, lang: str | None = None) -> Reading:
        """An empty reading in ``lang``."""
        return Reading(lang=lang or "fr")

    def resources(self, lang: str, kind: str | None = None) -> list[CrisisResource]:
        """No helplines."""
        return []
