"""The dense side: passages embedded in a Chroma collection (embedded or server mode)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import chromadb
from chromadb.config import Settings as ChromaSettings

from companion.knowledge.cache import EmbeddingCache
from companion.knowledge.documents import Passage
from companion.knowledge.embedding import E5EmbeddingFunction

logger = logging.getLogger(__name__)

COLLECTION = "knowledge"
BATCH = 32


@dataclass(frozen=True)
class SyncReport:
    """What an ingest changed."""

    added: int
    updated: int
    removed: int
    unchanged: int

    @property
    def changed(self) -> bool:
        """True if the index was modified."""
        return bool(self.added or self.updated or self.removed)


def make_client(data_dir: Path, host: str | None = None, port: int = 8000) -> Any:
    """A Chroma client: persistent in ``data_dir/chroma``, or HTTP when ``host`` is given."""
    settings = ChromaSettings(anonymized_telemetry=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    path = data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


class VectorStore:
    """Chroma collection of passages, always with our own embedding function (never Chroma's default)."""

    def __init__(self, client: Any, embedding: E5EmbeddingFunction, name: str = COLLECTION,
                 cache: EmbeddingCache | None = None) -> None:
        self.embedding = embedding
        self.cache = cache or EmbeddingCache(None)
        self.collection = client.get_or_create_collection(
            name, embedding_function=embedding, configuration={"hnsw": {"space": "cosine"}}
        )

    def stored_hashes(self) -> dict[str, str]:
        """Id → content hash of what the collection holds."""
        got = self.collection.get(include=["metadatas"])
        return {i: str((m or {}).get("hash", "")) for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}

    def sync(self, passages: Sequence[Passage], progress: Callable[[int, int], None] | None = None) -> SyncReport:
        """Upsert new or changed passages and delete removed ones; unchanged ones cost nothing.

        ``progress(done, total)`` is called after each batch with the batch size and the number to index.
        """
        stored = self.stored_hashes()
        wanted = {p.id: p for p in passages}
        changed = [p for p in passages if stored.get(p.id) != p.content_hash]
        removed = sorted(set(stored) - set(wanted))
        for start in range(0, len(changed), BATCH):
            batch = changed[start : start + BATCH]
            self.collection.upsert(
                ids=[p.id for p in batch],
                embeddings=self._embed(batch),
                documents=[p.text for p in batch],
                metadatas=[{"theme": p.theme, "lang": p.lang, "hash": p.content_hash, "path": p.path}
                           for p in batch],
            )
            if progress:
                progress(len(batch), len(changed))
        if removed:
            self.collection.delete(ids=removed)
        if changed:
            self.cache.save(keep={p.content_hash for p in passages})
        added = sum(1 for p in changed if p.id not in stored)
        return SyncReport(added, len(changed) - added, len(removed), len(passages) - len(changed))

    def _embed(self, batch: Sequence[Passage]) -> list[Any]:
        """Vectors for a batch: from the cache when known, else computed (as passages) and cached."""
        missing = [p for p in batch if self.cache.get(p.content_hash) is None]
        if missing:
            for passage, vector in zip(missing, self.embedding([p.text for p in missing]), strict=True):
                self.cache.put(passage.content_hash, vector)
        return [self.cache.get(p.content_hash) for p in batch]

    def search(self, query: str, lang: str | None, k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest passage ids with their cosine similarity."""
        where = {"lang": lang} if lang else None
        found = self.collection.query(query_texts=[query], n_results=k, where=where, include=["distances"])
        return [(i, 1.0 - float(d)) for i, d in zip(found["ids"][0], found["distances"][0], strict=True)]
