"""``companion bench updates`` runs end to end on a few updates and prints the figures the README quotes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from companion.evals.bench_updates import _cpu_spent, _thread_cpu

ROOT = Path(__file__).resolve().parents[1]
LAST_LINE = re.compile(r"updates_per_s=(\S+) echo_per_s=(\S+) ratio=(\S+) p95_ms=(\S+)")


@pytest.mark.parametrize("texts", [[], ["--distinct-texts"]])
def test_bench_updates_prints_its_figures(tmp_path: Path, texts: list[str]) -> None:
    command = [sys.executable, "-m", "companion.cli", "bench", "updates", "--updates", "20", "--rounds", "1",
               "--concurrency", "2", "--latency-concurrency", "2", *texts]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**_without_settings(os.environ), "TMPDIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    assert lines[0].startswith("compagnon: updates=20 ")
    assert lines[1].startswith("echo: updates=20 ")
    assert lines[2].startswith("compagnon latency pass: updates=20 ")
    assert lines[3].startswith("echo latency pass: updates=20 ")
    assert lines[4].startswith("compagnon cpu_ms_per_update: ") and lines[5].startswith("echo cpu_ms_per_update: ")
    if sys.platform == "linux":
        for line in lines[4:6]:
            assert "MainThread=" in line, line  # (20 updates: other threads may stay under the clock's 10 ms tick)
            assert float(line.rpartition("total=")[2]) > 0
    figures = LAST_LINE.fullmatch(lines[-1])
    assert figures is not None, lines[-1]
    rate, echo_rate, ratio, p95 = (float(value) for value in figures.groups())
    assert rate > 0 and echo_rate > 0 and p95 > 0
    assert abs(ratio - rate / echo_rate) <= 0.01


def _without_settings(environ: os._Environ[str]) -> dict[str, str]:
    """The environment without Compagnon's settings (a model or a database server would change the bench)."""
    keep = {"COMPANION_ENGINE_CACHE", "COMPANION_E5_ENGINE"}
    return {key: value for key, value in environ.items() if not key.startswith("COMPANION_") or key in keep}


def test_thread_cpu_names_a_busy_thread_and_counts_its_time() -> None:
    if sys.platform != "linux":
        assert _thread_cpu() == {}
        return
    before = _thread_cpu()
    spun, read = threading.Event(), threading.Event()

    def busy() -> None:
        _spin(0.1)  # CPU the kernel has counted (at a tick of 10 ms) before the main thread reads
        spun.set()
        read.wait(10)  # still alive while it is read

    worker = threading.Thread(target=busy, name="busy_3")
    worker.start()
    _spin(0.05)
    assert spun.wait(30)  # on a busy machine the worker may start late: wait for it, not for a clock
    during = _thread_cpu()  # read while the worker still runs
    read.set()
    worker.join()
    spent = _cpu_spent(before, during)
    assert spent["MainThread"] >= 0.03
    assert spent.get("busy", 0) > 0 and "busy_3" not in spent


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass
