"""A learned second opinion for crisis screening: e5 sentence embeddings + multinomial logistic regression.

The rules in ``crisis.py`` catch explicit wording and explain themselves; this model catches indirect
wording the rules miss ("j'ai donné ma console à mon frère, j'en aurai plus besoin"). Weights are trained by
``scripts/train_crisis.py`` on sentences we wrote, and ship in ``data/crisis_model.npz`` (numpy only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from companion.analysis.embedder import shared_e5

logger = logging.getLogger(__name__)

CLASSES = ("none", "suicide", "self-harm", "danger")
MODEL_FILE = "crisis_model.npz"
MAX_CHARS = 2000  # e5 reads 512 tokens at most; the start of a long paste is what matters here


@dataclass(frozen=True)
class CrisisModel:
    """Weights of a linear softmax over e5 query embeddings, and the decision threshold."""

    weights: np.ndarray  # (dims, classes)
    bias: np.ndarray  # (classes,)
    threshold: float  # crisis when P(none) < 1 - threshold
    embed: Any

    def probabilities(self, text: str) -> np.ndarray:
        """Class probabilities in ``CLASSES`` order."""
        vector = np.asarray(self.embed(text[:MAX_CHARS]), dtype=np.float32).reshape(-1)
        logits = vector @ self.weights + self.bias
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, text: str) -> tuple[bool, str | None, float]:
        """(is crisis, kind, crisis probability)."""
        probabilities = self.probabilities(text)
        risk = float(1.0 - probabilities[0])
        if risk < self.threshold:
            return False, None, risk
        kind = CLASSES[1 + int(np.argmax(probabilities[1:]))]
        return True, kind, risk


@cache
def load_crisis_model() -> CrisisModel | None:
    """The shipped model, or None (with one warning) when it or the embedding engine is unavailable."""
    try:
        embedder = shared_e5()
        path = resources.files("companion.analysis") / "data" / MODEL_FILE
        with resources.as_file(path) as file, np.load(file) as stored:
            model = CrisisModel(stored["weights"], stored["bias"], float(stored["threshold"]),
                                lambda text: embedder.query(text))
        model.probabilities("test")
        return model
    except Exception as error:  # missing file, or an engine that cannot run on this CPU
        logger.warning("crisis model unavailable (%s): screening with rules alone", type(error).__name__)
        return None
