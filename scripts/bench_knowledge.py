"""Benchmark the knowledge base: index build, re-ingest, query latency and peak memory.

    .venv/bin/python scripts/bench_knowledge.py [--queries ../shared/eval/retrieval_dev.jsonl] [--rounds 5]

Builds a fresh index in a temporary folder twice: once embedding every passage (no cache), once from the
shipped embedding seed; then re-ingests (no work expected) and times queries. Prints one figure per line.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import numpy as np

from companion.knowledge import open_knowledge
from companion.knowledge.documents import default_root


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=Path, default=Path("../shared/eval/retrieval_dev.jsonl"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    queries = [json.loads(line)["text"] for line in args.queries.read_text("utf-8").splitlines() if line.strip()]

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # No seed: copy the passages elsewhere so the shipped embeddings are not found.
        bare = root / "knowledge"
        for source in default_root().glob("*/*/*.md"):
            target = bare / source.relative_to(default_root())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
        started = time.perf_counter()
        cold = open_knowledge(root / "cold", root=bare, cache_path=root / "cold-cache.npz")
        cold_s = time.perf_counter() - started

        started = time.perf_counter()
        seeded = open_knowledge(root / "seeded")
        seeded_s = time.perf_counter() - started

        started = time.perf_counter()
        again = open_knowledge(root / "seeded")
        again_s = time.perf_counter() - started
        assert again.report is not None and not again.report.changed

        retriever = seeded.retriever
        for text in queries[:5]:
            retriever.search(text)  # warm up
        timings = []
        for _ in range(args.rounds):
            for text in queries:
                began = time.perf_counter()
                retriever.search(text)
                timings.append((time.perf_counter() - began) * 1000)
        lexical = []
        for text in queries:
            began = time.perf_counter()
            retriever.lexical["fr"].search(text, 20)
            lexical.append((time.perf_counter() - began) * 1000)

    print(f"passages={len(cold.passages)}")
    print(f"index_build_cold_s={cold_s:.1f}  (embedding every passage)")
    print(f"index_build_seeded_s={seeded_s:.1f}  (shipped embeddings)")
    print(f"reingest_unchanged_s={again_s:.2f}")
    print(f"query_p50_ms={np.percentile(timings, 50):.1f} query_p95_ms={np.percentile(timings, 95):.1f} "
          f"queries={len(timings)}")
    print(f"bm25_only_p95_ms={np.percentile(lexical, 95):.2f}")
    print(f"peak_rss_mb={_rss_mb():.0f}")


if __name__ == "__main__":
    main()
