"""The engine's ports: what it asks of the outside world, as Protocols (adapters live elsewhere)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
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


@dataclass(frozen=True)
class JournalItem:
    """One journal entry as the engine sees it."""

    id: int
    kind: str
    text: str
    created_at: datetime
    theme: str | None = None
    prompt: str | None = None
    emotions: tuple[str, ...] = ()
    question: str | None = None  # for a journey's answer: the question it answers


@dataclass(frozen=True)
class JournalPage:
    """A page of the user's journal, newest first, and how many entries there are in all."""

    items: tuple[JournalItem, ...]
    total: int


class UserRecords(Protocol):
    """Read access to what the current user has stored (bound to that user by the service)."""

    def journal_page(self, offset: int, limit: int) -> JournalPage:
        """Entries ``offset`` .. ``offset + limit``, newest first."""
        ...

    def journal_entry(self, entry_id: int) -> JournalItem | None:
        """One of the user's entries, or None if it is not theirs or does not exist."""
        ...

    def journal_counts(self) -> dict[str, int]:
        """Number of entries per kind."""
        ...

    def recent_emotions(self, since: datetime) -> list[str]:
        """Feeling ids named in entries since ``since``, oldest first."""
        ...
