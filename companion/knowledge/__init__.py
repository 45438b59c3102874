"""The knowledge base: passages on disk, a Chroma index, and hybrid retrieval."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from companion.embedding.derived import derived_path, model_digest
from companion.knowledge.cache import EmbeddingCache
from companion.knowledge.documents import THEMES, Passage, default_root, load_passages
from companion.knowledge.embedding import E5EmbeddingFunction, EmbeddingUnavailable, load_e5
from companion.knowledge.retriever import HybridRetriever
from companion.knowledge.vectors import SyncReport, VectorStore, make_client

logger = logging.getLogger(__name__)

# Embeddings of the shipped passages, computed by scripts/build_embedding_seed.py, so a first start
# does not spend minutes embedding; a passage edited since is embedded again at ingest.
SEED_NAME = "embeddings-e5-small-q4.npz"

__all__ = ["THEMES", "HybridRetriever", "KnowledgeBase", "Passage", "SyncReport", "load_passages",
           "open_knowledge"]


@dataclass
class KnowledgeBase:
    """The retriever and what the last ingest did."""

    retriever: HybridRetriever
    report: SyncReport | None
    passages: list[Passage]
    vectors: VectorStore | None = None

    def check(self) -> None:
        """Raise if the index cannot be read (the health check)."""
        if self.vectors is not None:
            self.vectors.collection.count()
        elif not self.passages:
            raise RuntimeError("no passages loaded")


def open_knowledge(
    data_dir: Path,
    *,
    chroma_host: str | None = None,
    chroma_port: int = 8000,
    root: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    dense: bool = True,
    cache_path: Path | None = None,
) -> KnowledgeBase:
    """Load the passages, bring the index up to date (no work when unchanged) and build the retriever."""
    passages = load_passages(root)
    vectors: VectorStore | None = None
    report: SyncReport | None = None
    if dense:
        try:
            load_e5()  # fail now, not at the first question (the model is shared and cached)
            embedding = E5EmbeddingFunction()
            seeds = [(root or default_root()) / SEED_NAME]
            # Keyed by the model, so a new model starts from a fresh cache and the old one is removed.
            base = cache_path or data_dir / SEED_NAME
            cache = EmbeddingCache(derived_path(base.parent, base.stem, model_digest(), base.suffix), seeds)
            vectors = VectorStore(make_client(data_dir, chroma_host, chroma_port), embedding, cache=cache)
            report = vectors.sync(passages, progress)
        except EmbeddingUnavailable as error:
            logger.warning("dense retrieval unavailable (%s): using BM25 alone", error)
            vectors = None
    return KnowledgeBase(HybridRetriever(passages, vectors), report, passages, vectors)
