"""Linear heads over one message's features, stored as plain numpy arrays (no pickle).

``data/reading_heads.npz`` is written by ``scripts/train_reading.py``. Each head ``name`` has
``name.W`` (features × classes), ``name.b``, ``name.classes`` and ``name.kind``: ``softmax`` (one class)
or ``sigmoid`` (independent labels). ``meta`` holds the thresholds chosen by cross-validation, as JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

HEADS_FILE = "reading_heads.npz"


@dataclass(frozen=True)
class Head:
    """One linear classifier."""

    name: str
    weights: np.ndarray
    bias: np.ndarray
    classes: tuple[str, ...]
    kind: str

    def probabilities(self, features: np.ndarray) -> dict[str, float]:
        """Probability of each class (softmax) or label (sigmoid)."""
        logits = features @ self.weights + self.bias
        if self.kind == "softmax":
            logits = logits - logits.max()
            exp = np.exp(logits)
            values = exp / exp.sum()
        else:
            values = 1.0 / (1.0 + np.exp(-logits))
        return {label: float(value) for label, value in zip(self.classes, values, strict=True)}


@dataclass(frozen=True)
class Heads:
    """Every head of the reading, and the thresholds that go with them."""

    heads: dict[str, Head]
    meta: dict[str, Any]

    def __getitem__(self, name: str) -> Head:
        return self.heads[name]

    def __contains__(self, name: object) -> bool:
        return name in self.heads

    def threshold(self, key: str, default: float) -> float:
        """A decision threshold from the training script, or ``default``."""
        return float(self.meta.get("thresholds", {}).get(key, default))


def save_heads(path: Any, heads: dict[str, Head], meta: dict[str, Any]) -> None:
    """Write ``heads`` and ``meta`` to ``path`` (an .npz file)."""
    arrays: dict[str, np.ndarray] = {"meta": np.array(json.dumps(meta, ensure_ascii=False))}
    for name, head in heads.items():
        arrays[f"{name}.W"] = head.weights.astype(np.float32)
        arrays[f"{name}.b"] = head.bias.astype(np.float32)
        arrays[f"{name}.classes"] = np.array(head.classes)
        arrays[f"{name}.kind"] = np.array(head.kind)
    np.savez_compressed(path, **arrays)


def read_heads(path: Any) -> Heads:
    """Read heads written by :func:`save_heads`."""
    with np.load(path, allow_pickle=False) as stored:
        names = sorted({key.rsplit(".", 1)[0] for key in stored.files if key != "meta"})
        heads = {
            name: Head(name, stored[f"{name}.W"], stored[f"{name}.b"],
                       tuple(str(c) for c in stored[f"{name}.classes"]), str(stored[f"{name}.kind"]))
            for name in names
        }
        meta = json.loads(str(stored["meta"]))
    return Heads(heads, meta)


@cache
def shipped_heads() -> Heads | None:
    """The heads shipped with Compagnon, or None when the file is absent."""
    path = resources.files("companion.analysis") / "data" / HEADS_FILE
    if not path.is_file():
        return None
    with resources.as_file(path) as file:
        return read_heads(file)
