"""Recompute the embeddings of every knowledge passage into companion/knowledge/content/embeddings-e5-small-q4.npz.

Run after editing the knowledge base:  .venv/bin/python scripts/build_embedding_seed.py
"""

from __future__ import annotations

import time

import numpy as np

from companion.knowledge import SEED_NAME, load_passages
from companion.knowledge.documents import default_root
from companion.knowledge.embedding import E5EmbeddingFunction

BATCH = 16


def main() -> None:
    """Embed all passages (as e5 passages) and write the seed file."""
    passages = load_passages()
    embed = E5EmbeddingFunction()
    started = time.perf_counter()
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(passages), BATCH):
        batch = passages[start : start + BATCH]
        for passage, vector in zip(batch, embed([p.text for p in batch]), strict=True):
            vectors[passage.content_hash] = np.asarray(vector, dtype=np.float32)
    target = default_root() / SEED_NAME
    np.savez_compressed(target, **vectors)
    print(f"passages={len(passages)} seconds={time.perf_counter() - started:.1f} file={target}")


if __name__ == "__main__":
    main()
