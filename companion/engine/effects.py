"""Side effects the engine asks for; the service applies them through the store."""

from __future__ import annotations

from dataclasses import dataclass


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
class ForgetUser:
    """Erase every row kept about the user (e.g. under 15: nothing is stored)."""


@dataclass(frozen=True)
class AddJournalEntry:
    """Append an entry to the user's journal."""

    kind: str
    text: str
    theme: str | None = None
    prompt: str | None = None
