"""The features every head reads: the message's e5 embedding, a few surface cues, and its tension markers."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

import numpy as np

from companion.analysis.normalise import plain

EMBED_DIM = 384
MARKER_KINDS = ("insult", "contempt", "mockery", "sarcasm", "passive_aggression", "condescension", "blame",
                "generalisation", "guilt_trip", "dismissal", "exclusion", "shouting", "profanity", "threat",
                "blackmail", "hate", "incitement", "doxxing")
"""Marker kinds of ``shared/eval/LABELS.md``, in the order of the marker features."""

_QUOTES = re.compile("[\"«»“”]")
_SECOND = re.compile(r"(?<![a-z'])(?:tu|t'|toi|te|ton|ta|tes|vous|vos|votre|you|your|u|ur)(?![a-z])")
_FIRST = re.compile(r"(?<![a-z'])(?:je|j'|moi|me|m'|mon|ma|mes|jsuis|chui|i|i'm|im|my|me|myself)(?![a-z])")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")
_LETTER = re.compile(r"[^\W\d_]")


def surface(text: str) -> np.ndarray:
    """Cues no embedding sees well: length, a question mark, quotes, who speaks to whom, emoji, capitals."""
    low = plain(text)
    letters = _LETTER.findall(text)
    capitals = sum(1 for c in letters if c.isupper()) / len(letters) if len(letters) >= 6 else 0.0
    words = len(low.split())
    return np.array([
        math.log1p(len(text)) / 6.0,
        1.0 if "?" in text else 0.0,
        1.0 if _QUOTES.search(text) or ":" in text else 0.0,
        min(len(_SECOND.findall(low)), 4) / 4.0,
        min(len(_FIRST.findall(low)), 4) / 4.0,
        1.0 if _EMOJI.search(text) else 0.0,
        capitals,
        1.0 if "\n" in text.strip() else 0.0,
        1.0 if words <= 3 else 0.0,
    ], dtype=np.float32)


def marker_vector(kinds: Iterable[str]) -> np.ndarray:
    """1 for each kind of :data:`MARKER_KINDS` found in the message."""
    found = set(kinds)
    return np.array([1.0 if kind in found else 0.0 for kind in MARKER_KINDS], dtype=np.float32)


def feature_vector(embedding: np.ndarray, text: str, kinds: Iterable[str]) -> np.ndarray:
    """The embedding, then :func:`surface`, then :func:`marker_vector`."""
    return np.concatenate([np.asarray(embedding, dtype=np.float32).reshape(-1), surface(text), marker_vector(kinds)])
