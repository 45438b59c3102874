"""The engine's ports: what it asks of the outside world, as Protocols (adapters live elsewhere)."""

from __future__ import annotations

from collections.abc import Sequence
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

    def reminders(self) -> ReminderView:
        """The user's daily question settings (a default, not existing, view when none were set)."""
        ...

    def safety_plan(self) -> dict[str, str]:
        """The user's safety plan, part by part (empty when none was written)."""
        ...


@dataclass(frozen=True)
class ReminderView:
    """The user's daily question settings and progress, as the engine sees them."""

    exists: bool = False
    enabled: bool = False
    paused: bool = False
    minute: int = 20 * 60 + 30
    timezone: str = "Europe/Paris"
    days: int = 0b1111111
    weekly_day: int | None = None
    next_due_at: datetime | None = None
    asked: tuple[str, ...] = ()
    pending_question: str | None = None
    pending_date: str | None = None
    streak: int = 0
    last_answer_date: str | None = None


class Charts(Protocol):
    """Draws the weekly look-back chart."""

    def emotions_chart(self, counts: list[tuple[str, int]], title: str) -> bytes:
        """A PNG bar chart of labelled counts."""
        ...


@dataclass(frozen=True)
class WrittenAnswer:
    """A language model's answer to a question, with the ids of the passages it drew on.

    ``cited`` is empty when the model found that none of the passages answers the question.
    """

    text: str
    cited: tuple[str, ...]


class Writer(Protocol):
    """Warmer, more personal words from a language model, checked before use.

    Every method returns ``None`` when it cannot help (no answer in time, an answer that failed a check, a
    provider error): the flow then keeps its offline text. Third-party text is only ever passed as data.
    """

    def reflect(self, question: str, answer: str, earlier: Sequence[str], lang: str, formal: bool) -> str | None:
        """Two or three warm sentences reflecting a journal or journey answer back."""
        ...

    def portrait(self, answers: Sequence[tuple[str, str]], lang: str, formal: bool) -> str | None:
        """A portrait of the user's online "personnage" from their (question, answer) pairs."""
        ...

    def mission(self, answers: Sequence[tuple[str, str]], lang: str, formal: bool) -> str | None:
        """One mission statement suggested from the user's own words."""
        ...

    def their_side(self, received: str, markers: Sequence[str], lang: str) -> tuple[list[str], list[str]] | None:
        """Feeling ids and need ids (of the NVC lists) the sender might have had: a hypothesis."""
        ...

    def nvc_draft(self, observation: str, feelings: Sequence[str], needs: Sequence[str], request: str,
                  lang: str) -> str | None:
        """A non-violent reply from the user's observation, feelings, needs (labels) and request."""
        ...

    def draft_feedback(self, draft: str, markers: Sequence[str], lang: str, formal: bool) -> str | None:
        """A few sentences of feedback on the user's draft, beside the analyser's markers (their kinds)."""
        ...

    def answer(self, question: str, passages: Sequence[KnowledgeHit], lang: str,
               formal: bool) -> WrittenAnswer | None:
        """An answer to ``question`` drawn from ``passages`` only, citing the ones it used."""
        ...


@dataclass(frozen=True)
class Transcript:
    """What was heard in a voice note: the text, its language (fr or en), how sure, and the audio's length."""

    text: str
    language: str
    probability: float
    duration_s: float


class VoiceProblem(Exception):
    """A voice note could not be turned into text; ``reason`` names why (a catalog key under ``voice.``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Transcriber(Protocol):
    """Turns a voice note (encoded audio bytes, e.g. OGG/Opus) into text, in memory.

    Raises :class:`VoiceProblem` with ``"too_long"``, ``"unreadable"`` or ``"off"`` (no model).
    """

    max_seconds: float
    """The longest note it transcribes; a longer one is declined before it is fetched."""

    def transcribe(self, audio: bytes) -> Transcript:
        """The text heard in ``audio``."""
        ...
