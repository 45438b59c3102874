"""The terminal channel: the same conversations on stdin/stdout, no token needed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from companion.engine import Choice, Event, EventKind, Reply
from companion.engine.text import words_only


def render(reply: Reply) -> str:
    """A reply as terminal text: the message, then numbered choices."""
    lines = [reply.text]
    if reply.image is not None:
        lines.append(f"[image: {reply.image.alt}]")
    lines.extend(f"  [{number}] {choice.label}" for number, choice in enumerate(reply.choices, 1))
    return "\n".join(lines)


def save_documents(reply: Reply, folder: Path) -> list[Path]:
    """Write the reply's documents (e.g. the data export) into ``folder``; returns their paths."""
    paths = []
    for document in reply.documents:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / Path(document.filename).name
        path.write_bytes(document.data)
        paths.append(path.resolve())
    return paths


def to_event(user_id: str, line: str, choices: tuple[Choice, ...], language: str | None) -> Event:
    """Turn a typed line into an event: a number or a label picks a choice of the last message."""
    typed = line.strip()
    if typed.isdigit() and 1 <= int(typed) <= len(choices):
        return Event(user_id, EventKind.CHOICE, choice=choices[int(typed) - 1].value, language_code=language)
    wanted = words_only(typed)
    for choice in choices:
        if wanted and words_only(choice.label) == wanted:
            return Event(user_id, EventKind.CHOICE, choice=choice.value, language_code=language)
    return Event.from_text(user_id, line.rstrip("\n"), language)


VOICE_COMMANDS = ("vocal", "voice")
"""``/vocal FILE``: an audio file sent as if it were a voice note."""


def _voice_event(user_id: str, path: str, language: str | None, hear: Callable[[str, bytes], Event] | None) -> Event:
    """The event for ``/vocal FILE``: the file's transcript, or a voice problem the engine words."""
    if hear is None:
        return Event(user_id, EventKind.VOICE, media="off", language_code=language)
    try:
        audio = Path(path.strip()).expanduser().read_bytes()
    except OSError:
        return Event(user_id, EventKind.VOICE, media="unreadable", language_code=language)
    return hear(user_id, audio)


def chat(
    handle: Callable[[Event], list[Reply]],
    lines: Iterable[str],
    out: TextIO,
    *,
    user_id: str,
    language: str | None = None,
    prompt: str = "> ",
    files_dir: Path | None = None,
    due: Callable[[], list[Reply]] | None = None,
    poll_seconds: float | None = None,
    hear: Callable[[str, bytes], Event] | None = None,
) -> None:
    """Read lines until end of input, printing each answer; attached documents are saved in ``files_dir``.

    ``due`` returns the reminders due now: asked before each line is answered and, with ``poll_seconds``,
    also every so often while waiting for the next line. ``/vocal FILE`` sends the audio file as a voice note
    (``hear`` turns its bytes into the event).
    """
    interactive = out.isatty()
    lock = threading.Lock()
    shown: list[tuple[Choice, ...]] = [()]

    def show(replies: list[Reply], answer: bool) -> None:
        # Numbers answer the buttons of the latest answer only (older buttons are stale); a reminder without
        # buttons leaves the answer's buttons as they were.
        latest = next((r.choices for r in reversed(replies) if r.choices), None)
        if latest is not None or answer:
            shown[0] = latest or ()
        for reply in replies:
            out.write(render(reply) + "\n\n")
            for path in save_documents(reply, files_dir or Path(".")):
                out.write(f"[{path}]\n\n")

    def remind(again: bool) -> None:
        with lock:
            replies = due() if due is not None else []
            if replies:
                show(replies, False)
                if again and interactive:
                    out.write(prompt)
                out.flush()

    stop = threading.Event()
    if due is not None and poll_seconds:
        def poll() -> None:
            while not stop.wait(poll_seconds):
                remind(True)

        threading.Thread(target=poll, name="terminal-reminders", daemon=True).start()
    try:
        remind(False)
        if interactive:
            out.write(prompt)
            out.flush()
        for line in lines:
            remind(False)
            with lock:
                event = to_event(user_id, line, shown[0], language)
                if event.kind is EventKind.COMMAND and event.command in VOICE_COMMANDS:
                    event = _voice_event(user_id, event.args, language, hear)
                show(handle(event), True)
                if interactive:
                    out.write(prompt)
                out.flush()
    finally:
        stop.set()
