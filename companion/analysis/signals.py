"""Indirect crisis signals named in LABELS.md, and hyperbole that only looks like a crisis (``crisis_signals.toml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from companion.analysis.crisis import compile_rule
from companion.analysis.data import load_toml


@dataclass(frozen=True)
class Signal:
    """A rule: it fires when every one of its patterns is found in the message."""

    id: str
    tier: str
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class CrisisSignals:
    """The signal rules, and the hyperbole patterns with the model risk under which they apply."""

    signals: tuple[Signal, ...]
    hyperboles: tuple[re.Pattern[str], ...]
    max_risk: float

    def fired(self, plain: str) -> list[Signal]:
        """Signals found in ``plain`` (the crisis screen's normalised text), crisis tier first."""
        found = [s for s in self.signals
                 if all(p.search(plain) for p in s.patterns) and not any(p.search(plain) for p in s.unless)]
        return sorted(found, key=lambda s: s.tier != "crisis")

    def hyperbole(self, plain: str) -> bool:
        """Does ``plain`` name a trivial cause ("si le prof nous remet un DM")?"""
        return any(p.search(plain) for p in self.hyperboles)


@cache
def crisis_signals() -> CrisisSignals:
    """The rules of ``data/crisis_signals.toml``, compiled once."""
    raw = load_toml("crisis_signals.toml")
    distance = tuple(compile_rule(p) for p in raw.get("distance", {}).get("patterns", []))
    signals = tuple(Signal(str(s["id"]), str(s["tier"]), str(s["kind"]), tuple(compile_rule(p) for p in s["all"]),
                           distance) for s in raw.get("signal", []))
    hyperbole = raw.get("hyperbole", {})
    return CrisisSignals(signals, tuple(compile_rule(p) for p in hyperbole.get("patterns", [])),
                         float(hyperbole.get("max_risk", 0.0)))
