"""A small on-disk cache of passage embeddings keyed by content hash, so rebuilding an index is cheap."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)


def _read(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path) as stored:
            return {key: stored[key] for key in stored.files}
    except (OSError, ValueError):
        logger.warning("embedding cache %s unreadable, ignored", path.name)
        return {}


class EmbeddingCache:
    """Content hash → vector, stored as one ``.npz`` file; read-only seed files fill it first."""

    def __init__(self, path: Path | None, seeds: Sequence[Path] = ()) -> None:
        self.path = path
        self.vectors: dict[str, np.ndarray] = {}
        for source in [*seeds, *([path] if path else [])]:
            if source.exists():
                self.vectors.update(_read(source))

    def get(self, key: str) -> np.ndarray | None:
        """The cached vector, if any."""
        return self.vectors.get(key)

    def put(self, key: str, vector: np.ndarray) -> None:
        """Remember a vector."""
        self.vectors[key] = np.asarray(vector, dtype=np.float32)

    def save(self, keep: set[str] | None = None) -> None:
        """Write the cache (only the ``keep`` keys when given), atomically."""
        if self.path is None:
            return
        if keep is not None:
            self.vectors = {k: v for k, v in self.vectors.items() if k in keep}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp.npz")
        np.savez(temporary, **self.vectors)
        temporary.replace(self.path)
