"""The engine's ports: what it asks of the outside world, as Protocols (adapters live elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class KnowledgeHit:
    """A passage of the knowledge base found for a question."""

    id: str
    theme: str
    lang: str
    title: str
    source: str
    body: str
    score: float


class Knowledge(Protocol):
    """Searches the knowledge base."""

    def search(self, text: str, lang: str | None = None, k: int = 3) -> list[KnowledgeHit]:
        """The ``k`` best passages for ``text``, in ``lang`` when given."""
        ...

    def get(self, passage_id: str) -> KnowledgeHit | None:
        """One passage by id."""
        ...
