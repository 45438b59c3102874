"""Measure how long a user waits for the offline answer when the model server is down, hung or slow.

    .venv/bin/python -m companion.evals.bench_llm [--timeout 2] [--runs 5]

"Down": nothing listens on the port. "Hung": a loopback server accepts and never answers. "Slow": the real
local llama.cpp server (``pip install -e '.[llm-test]'``) asked for a long answer it cannot give in time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from companion.config import load_settings
from companion.llm.factory import build_chat_model
from companion.llm.localserver import MODEL_NAME, Blackhole, LocalServer, free_port, missing_packages
from companion.llm.writer import LlmWriter
from companion.prompts import load_nvc_lists


def _writer(base_url: str, timeout: float, max_tokens: int = 300) -> LlmWriter:
    settings = load_settings(llm=f"openai:{MODEL_NAME}", llm_base_url=base_url, llm_timeout=timeout,
                             llm_max_tokens=max_tokens, llm_max_retries=0)
    # A high breaker threshold: every run reaches the provider (the breaker would make later runs instant).
    from companion.llm.metrics import Breaker

    return LlmWriter(build_chat_model(settings), load_nvc_lists(), timeout=timeout, breaker=Breaker(threshold=10**6))


def _measure(name: str, writer: LlmWriter, runs: int) -> None:
    times: list[float] = []
    results = []
    for _ in range(runs):
        started = time.monotonic()
        results.append(writer.reflect("Qui es-tu en ligne ?", "Je poste des photos de voyage et je veux rester vrai.",
                                      [], "fr", False))
        times.append((time.monotonic() - started) * 1000)
    paths = writer.counter.snapshot()
    print(f"{name:<6} timeout {writer.timeout * 1000:.0f} ms: offline after median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f}, max {max(times):.0f} ({runs} runs; paths {dict(paths)}; "
          f"model answers used: {sum(r is not None for r in results)})")


def main(argv: list[str] | None = None) -> None:
    """Print the fallback latency for a server that is down, hung, and slow."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=2.0, help="COMPANION_LLM_TIMEOUT to measure with")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    cases: list[tuple[str, Callable[[], None]]] = []
    cases.append(("down", lambda: _measure("down", _writer(f"http://127.0.0.1:{free_port()}/v1", args.timeout),
                                           args.runs)))

    def hung() -> None:
        with Blackhole() as server:
            _measure("hung", _writer(server.base_url, args.timeout), args.runs)

    cases.append(("hung", hung))

    def slow() -> None:
        if missing_packages():
            print(f"slow   skipped: needs {', '.join(missing_packages())} (pip install -e '.[llm-test]')")
            return
        with LocalServer() as server:
            _measure("slow", _writer(server.base_url, args.timeout, max_tokens=1000), args.runs)

    cases.append(("slow", slow))
    for _, run in cases:
        run()


if __name__ == "__main__":
    main()
