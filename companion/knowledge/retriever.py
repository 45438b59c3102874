"""Hybrid retrieval: dense (Chroma + e5) fused with BM25 by reciprocal-rank fusion."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from companion.engine.ports import KnowledgeHit
from companion.engine.text import detect_language
from companion.knowledge.documents import LANGS, Passage
from companion.knowledge.lexical import LexicalIndex
from companion.knowledge.slang import expand
from companion.knowledge.vectors import VectorStore

logger = logging.getLogger(__name__)

RRF_K = 60
CANDIDATES = 20
# The dense ranking counts a little more than BM25: it understands paraphrase; BM25 catches rare words.
DENSE_WEIGHT = 1.5


def reciprocal_rank_fusion(rankings: Sequence[Sequence[str]], k: int = RRF_K,
                           weights: Sequence[float] | None = None) -> list[tuple[str, float]]:
    """Fuse ranked id lists: each id scores the sum of ``weight / (k + rank)``."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


def diversify(ranked: Sequence[tuple[str, float]], passages: dict[str, Passage]) -> list[tuple[str, float]]:
    """Keep the best passage of each theme first, then the rest: the top hits give distinct angles."""
    seen: set[str] = set()
    leaders, others = [], []
    for item in ranked:
        theme = passages[item[0]].theme
        (others if theme in seen else leaders).append(item)
        seen.add(theme)
    return leaders + others


class HybridRetriever:
    """Searches passages of one language with BM25 and, when the model is available, dense vectors."""

    def __init__(self, passages: Sequence[Passage], vectors: VectorStore | None) -> None:
        self.passages = {p.id: p for p in passages}
        self.vectors = vectors
        self.lexical = {}
        for lang in LANGS:
            subset = [p for p in passages if p.lang == lang]
            texts = [f"{p.text}\n{' '.join(p.tags)}" for p in subset]
            self.lexical[lang] = LexicalIndex([p.id for p in subset], texts, lang)

    @property
    def mode(self) -> str:
        """``hybrid`` or ``bm25`` (when the dense model could not load)."""
        return "hybrid" if self.vectors is not None else "bm25"

    def search(self, text: str, lang: str | None = None, k: int = 3) -> list[KnowledgeHit]:
        """The ``k`` best passages for ``text``; the language is guessed from the text when not given."""
        lang = lang if lang in LANGS else detect_language(text)
        query = expand(text, lang)
        rankings = [[i for i, _ in self.lexical[lang].search(query, CANDIDATES)]]
        weights = [1.0]
        if self.vectors is not None:
            rankings.insert(0, [i for i, _ in self.vectors.search(query, lang, CANDIDATES)])
            weights.insert(0, DENSE_WEIGHT)
        fused = reciprocal_rank_fusion(rankings, weights=weights)
        return [self._hit(self.passages[i], score) for i, score in diversify(fused, self.passages)[:k]]

    def get(self, passage_id: str) -> KnowledgeHit | None:
        """One passage by id."""
        passage = self.passages.get(passage_id)
        return self._hit(passage, 0.0) if passage else None

    @staticmethod
    def _hit(passage: Passage, score: float) -> KnowledgeHit:
        return KnowledgeHit(passage.id, passage.theme, passage.lang, passage.title, passage.source,
                            passage.body, score)
