"""Side effects the engine asks for; the service applies them through the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class GiveConsent:
    """Record that the user accepted the privacy terms now."""


@dataclass(frozen=True)
class SetLanguage:
    """Change the user's language."""

    language: str


@dataclass(frozen=True)
class SetFormal:
    """Switch between *tu* (False) and *vous* (True)."""

    formal: bool


@dataclass(frozen=True)
class SetAgreement:
    """How words about the user agree: "fem", "masc" or "neutral"."""

    agreement: str


@dataclass(frozen=True)
class ForgetUser:
    """Erase every row kept about the user (e.g. under 15: nothing is stored)."""


@dataclass(frozen=True)
class AddJournalEntry:
    """Append an entry to the user's journal."""

    kind: str
    text: str
    theme: str | None = None
    prompt: str | None = None


@dataclass(frozen=True)
class AddJournalDetails:
    """Append a structured entry (a journey, a reply session) with the emotions named and its details."""

    kind: str
    text: str
    theme: str | None = None
    emotions: tuple[str, ...] = ()
    details: dict[str, object] | None = None


@dataclass(frozen=True)
class DeleteJournalEntry:
    """Delete one of the user's own journal entries."""

    entry_id: int


@dataclass(frozen=True)
class SetPortrait:
    """Keep the portrait written at the end of the "personnage" journey (None clears it)."""

    text: str | None


@dataclass(frozen=True)
class SetMission:
    """Keep the user's one-sentence mission statement (None clears it)."""

    text: str | None


@dataclass(frozen=True)
class SetSafetyPlan:
    """Keep the user's safety plan: written parts by name (signs, alone, places, people, pros, safer)."""

    parts: dict[str, str]


@dataclass(frozen=True)
class ScheduleFollowUp:
    """Send the user a one-off message at ``due_at`` (UTC), e.g. the cooling-off reminder of a reply session.

    ``kind`` names the message (``"cooloff"``); ``payload`` carries what the engine needs to word it.
    """

    due_at: datetime
    kind: str
    payload: dict[str, object] | None = None


@dataclass(frozen=True)
class UpdateReminders:
    """Change the user's daily question settings; None leaves a value as it is.

    ``minute`` is minutes past local midnight, ``days`` a bit mask (Monday = bit 0), ``weekly_day`` the weekday
    of the look-back (0 = Monday) with ``no_weekly`` to turn the look-back off.
    """

    enabled: bool | None = None
    paused: bool | None = None
    minute: int | None = None
    timezone: str | None = None
    days: int | None = None
    weekly_day: int | None = None
    no_weekly: bool = False


@dataclass(frozen=True)
class DailyQuestionAsked:
    """The question of the day ``question_id`` was put to the user for their local date ``local_date``."""

    question_id: str
    local_date: str


@dataclass(frozen=True)
class DailyAnswered:
    """The user answered the question of ``local_date``; ``streak`` is the new count of days in a row."""

    local_date: str
    streak: int


@dataclass(frozen=True)
class SetDailyEmotions:
    """Name the emotions of the user's latest daily answer."""

    emotions: tuple[str, ...]


@dataclass(frozen=True)
class ExportData:
    """Attach everything stored about the user (JSON and Markdown documents) to the last reply (/mesdonnees)."""
