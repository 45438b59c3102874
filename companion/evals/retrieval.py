"""Retrieval evaluation: recall@k and MRR by theme, with latency percentiles."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from companion.knowledge.retriever import HybridRetriever

DEPTH = 10


def evaluate_retrieval(retriever: HybridRetriever, rows: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    """A hit is a returned passage with the query's theme; the language is guessed as for users.

    One warm-up search (not counted) first, so lazy start-up work does not pass for query latency.
    """
    rows = list(rows)
    if rows:
        retriever.search(str(rows[0]["text"]), rows[0].get("lang"), DEPTH)
    hits1 = hits3 = 0
    reciprocal = 0.0
    timings: list[float] = []
    count = 0
    for row in rows:
        started = time.perf_counter()
        found = retriever.search(str(row["text"]), row.get("lang"), DEPTH)
        timings.append((time.perf_counter() - started) * 1000)
        themes = [hit.theme for hit in found]
        count += 1
        hits1 += themes[:1] == [row["theme"]]
        hits3 += row["theme"] in themes[:3]
        reciprocal += next((1 / rank for rank, theme in enumerate(themes, 1) if theme == row["theme"]), 0.0)
    if not count:
        return {"recall@1": 0.0, "recall@3": 0.0, "mrr": 0.0, "p50_ms": 0.0, "p95_ms": 0.0, "n": 0}
    return {
        "recall@1": hits1 / count, "recall@3": hits3 / count, "mrr": reciprocal / count,
        "p50_ms": float(np.percentile(timings, 50)), "p95_ms": float(np.percentile(timings, 95)), "n": count,
    }
