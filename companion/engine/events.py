"""Channel-neutral inputs (Event) and outputs (Reply) of the dialogue engine."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EventKind(StrEnum):
    """What the user did."""

    TEXT = "text"
    CHOICE = "choice"
    COMMAND = "command"
    FORWARDED = "forwarded"
    VOICE = "voice"
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True)
class Event:
    """One thing a user did, whatever the channel."""

    user_id: str
    kind: EventKind
    text: str = ""
    command: str = ""
    args: str = ""
    choice: str = ""
    media: str = ""
    language_code: str | None = None
    forwarded: bool = False
    """For a voice note: forwarded from someone else (its ``text`` is the transcript; ``media`` a problem, if any)."""
    spoken: bool = False
    """The text was heard in a voice note (answers say "ce que tu me dis", not "ce que tu écris")."""

    @classmethod
    def from_text(cls, user_id: str, text: str, language_code: str | None = None) -> Event:
        """Build a TEXT or COMMAND event from what was typed."""
        stripped = text.strip()
        if stripped.startswith("/") and len(stripped) > 1:
            head, _, rest = stripped[1:].partition(" ")
            command = head.split("@", 1)[0].lower()
            if command.replace("_", "").isalnum():
                return cls(user_id, EventKind.COMMAND, text=text, command=command, args=rest.strip(),
                           language_code=language_code)
        return cls(user_id, EventKind.TEXT, text=text, language_code=language_code)


@dataclass(frozen=True)
class Choice:
    """A button: what it says and the value sent back when pressed."""

    label: str
    value: str


@dataclass(frozen=True)
class Image:
    """An image to send with a reply (e.g. a chart), with a text alternative."""

    data: bytes
    alt: str
    filename: str = "image.png"


@dataclass(frozen=True)
class Document:
    """A file to send with a reply (e.g. the user's data export)."""

    data: bytes
    filename: str
    mime_type: str = "application/octet-stream"


@dataclass(frozen=True)
class Reply:
    """One message to the user: text with light markup, optional buttons and image."""

    text: str
    choices: tuple[Choice, ...] = ()
    image: Image | None = None
    columns: int = 1
    copy_text: str = ""  # text a "copy" button puts on the clipboard, where the channel has one
    copy_label: str = ""
    documents: tuple[Document, ...] = ()  # files sent after the text (a channel without files saves them)
