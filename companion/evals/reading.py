"""Figures of the reading on labelled sets (``companion eval crisis|intent|levels|feelings``, ``analyse``)."""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from companion.engine.reading import Reader, Reading


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank); 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100.0 * len(ordered))) - 1]


def timed_readings(reader: Reader, rows: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], Reading, float]]:
    """Each row with its reading and the milliseconds it took."""
    for row in rows:
        started = time.perf_counter()
        reading = reader.read(str(row["text"]), row.get("lang"))
        yield row, reading, (time.perf_counter() - started) * 1000.0


def as_json(reading: Reading) -> dict[str, Any]:
    """The batch contract's object for one reading."""
    return {
        "lang": reading.lang,
        "crisis": {"tier": reading.crisis.tier, "kind": reading.crisis.kind},
        "intent": reading.intent,
        "tension": {"level": reading.tension.level, "protection": reading.tension.protection,
                    "markers": [{"kind": m.kind, "quote": m.quote} for m in reading.tension.markers]},
        "feelings": list(reading.feelings),
        "needs": list(reading.needs),
    }


def crisis_figures(pairs: list[tuple[dict[str, Any], Reading]]) -> dict[str, float]:
    """Tier figures on rows with ``crisis`` and ``tiers`` (LABELS.md)."""
    flagged = [r for row, r in pairs if row.get("crisis")]
    severe = [r for row, r in pairs if row.get("tiers") == ["crisis"]]
    calm = [r for row, r in pairs if row.get("tiers") == ["none"]]
    acceptable = [r.crisis.tier in row.get("tiers", [r.crisis.tier]) for row, r in pairs]
    return {
        "n": len(pairs),
        "concerning_caught": _share(r.crisis.tier != "none" for r in flagged),
        "severe_at_crisis": _share(r.crisis.tier == "crisis" for r in severe),
        "calm_crisis": _share(r.crisis.tier == "crisis" for r in calm),
        "calm_checkin": _share(r.crisis.tier == "checkin" for r in calm),
        "acceptable": _share(acceptable),
    }


def intent_figures(pairs: list[tuple[dict[str, Any], Reading]]) -> tuple[dict[str, float], Counter[tuple[str, str]]]:
    """Accuracy, and the confusions (label, predicted)."""
    confusions: Counter[tuple[str, str]] = Counter()
    for row, reading in pairs:
        if reading.intent != row["intent"]:
            confusions[(row["intent"], str(reading.intent))] += 1
    return {"n": len(pairs), "accuracy": _share(r.intent == row["intent"] for row, r in pairs)}, confusions


def level_figures(pairs: list[tuple[dict[str, Any], Reading]]) -> dict[str, float]:
    """The tension targets of LABELS.md's levels."""
    tense = [(row, r) for row, r in pairs if row["level"] >= 1]
    calm = [(row, r) for row, r in pairs if row["level"] == 0]
    dangerous = [(row, r) for row, r in pairs if row["level"] == 3]
    return {
        "n": len(pairs),
        "tense_caught": _share(r.tension.level >= 1 for _, r in tense),
        "calm_kept": _share(r.tension.level == 0 for _, r in calm),
        "protection_l3": _share(r.tension.protection for _, r in dangerous),
        "protection_false": _share(r.tension.protection for row, r in pairs if not row.get("protection")),
        "within_one": _share(abs(r.tension.level - row["level"]) <= 1 for row, r in pairs),
        "exact": _share(r.tension.level == row["level"] for row, r in pairs),
        "markers_on_tense": _share(bool(r.tension.markers) for _, r in tense),
    }


def feeling_figures(pairs: list[tuple[dict[str, Any], Reading]]) -> dict[str, float]:
    """Share of predicted ids that are acceptable, rows with one acceptable id, rows with a ``not`` id."""
    predicted = sum(len(r.feelings) for _, r in pairs)
    right = sum(sum(1 for f in r.feelings if f in row["feelings"]) for row, r in pairs)
    return {
        "n": len(pairs),
        "precision": right / predicted if predicted else 0.0,
        "rows_right": _share(any(f in row["feelings"] for f in r.feelings) for row, r in pairs),
        "rows_not": _share(any(f in row.get("not", []) for f in r.feelings) for row, r in pairs),
        "rows_empty": _share(not r.feelings for _, r in pairs),
    }


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0
