"""The e5 embedding runtime shared by analysis and knowledge: one model per process, on the fastest engine.

See :mod:`companion.embedding.embedder`; the engine is the extension ``_e5engine`` built at install time.
"""

from companion.embedding.embedder import (
    Embedder,
    EmbeddingUnavailable,
    extension_embedder,
    package_embedder,
    shared_e5,
)

__all__ = ["Embedder", "EmbeddingUnavailable", "extension_embedder", "package_embedder", "shared_e5"]
