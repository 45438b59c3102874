"""Voice notes: the transcript is shown back for a check, then goes where the same typed text would go.

A crisis heard in a voice note is answered at once, without waiting for the check. While the check is pending,
the transcript is kept in the state's data under :data:`PENDING`, beside the flow in progress, which it leaves as
it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from companion.engine.events import Choice, Event, EventKind, Reply
from companion.engine.flows.base import Turn
from companion.engine.reading import CHECKIN, CRISIS
from companion.engine.state import ConversationState
from companion.engine.text import clean

PENDING = "_voice"
"""Key of the state's data holding the transcript waiting for the user's check."""
PREFIX = "voice"
"""Buttons of the check: ``voice:ok``, ``voice:received``, ``voice:fix``."""
MEDIA_KEYS = {"video_note": "voice.video_note", "audio": "voice.audio_file"}
"""Media that look like voice but are not voice notes, and what to say about them."""
PROBLEMS = ("too_long", "unreadable", "off", "empty")
QUOTE_LIMIT = 600
"""Characters of the transcript quoted back in the check (the whole text is kept)."""


@dataclass(frozen=True)
class Outcome:
    """What the voice module decided: replies and the state, or an event to route as typed text."""

    state: ConversationState
    replies: list[Reply]
    typed: Event | None = None


def concerns(event: Event, state: ConversationState) -> bool:
    """Does this event belong to the voice module: a voice note, a near-voice medium, or a pending check?"""
    return (event.kind is EventKind.VOICE or (event.kind is EventKind.UNSUPPORTED and event.media in MEDIA_KEYS)
            or PENDING in state.data)


def handle(turn: Turn, state: ConversationState) -> Outcome:
    """Answer a voice event, or the user's check of a pending transcript."""
    event, t = turn.event, turn.t
    held = state.data.get(PENDING)
    base = replace(state, data={key: value for key, value in state.data.items() if key != PENDING})
    if event.kind is EventKind.UNSUPPORTED:
        return _told(turn, base, MEDIA_KEYS[event.media])
    if event.kind is EventKind.VOICE:
        return _heard(turn, base)
    if not isinstance(held, dict):
        return Outcome(base, [], event)
    text, forwarded = str(held.get("text", "")), bool(held.get("forwarded"))
    if event.kind is EventKind.CHOICE and event.choice == f"{PREFIX}:ok":
        return Outcome(base, [], _typed(event, text, forwarded))
    if event.kind is EventKind.CHOICE and event.choice == f"{PREFIX}:received":
        return Outcome(base, [], _typed(event, text, True))
    if event.kind is EventKind.CHOICE and event.choice == f"{PREFIX}:fix":
        fixing = replace(base, data={**base.data, PENDING: {**held, "fixing": True}})
        return Outcome(fixing, [Reply(t("voice.fix_prompt"))])
    if event.kind is EventKind.TEXT and held.get("fixing"):
        return Outcome(base, [], _typed(event, event.text, forwarded))
    return Outcome(base, [], event)  # anything else: the check is dropped and the event goes on as usual


def _heard(turn: Turn, base: ConversationState) -> Outcome:
    event, t = turn.event, turn.t
    if event.media in PROBLEMS:
        return _told(turn, base, f"voice.{event.media}")
    text = clean(event.text)
    if not text:
        return _told(turn, base, "voice.empty")
    if turn.reading.crisis.tier in (CRISIS, CHECKIN):
        return Outcome(base, [], _typed(event, text, event.forwarded))  # safety does not wait for the check
    quoted = text if len(text) <= QUOTE_LIMIT else text[:QUOTE_LIMIT].rstrip() + "…"
    choices = [Choice(t("voice.ok"), f"{PREFIX}:ok")]
    if not event.forwarded:
        choices.append(Choice(t("voice.received"), f"{PREFIX}:received"))
    choices.append(Choice(t("voice.fix"), f"{PREFIX}:fix"))
    pending = replace(base, data={**base.data, PENDING: {"text": text, "forwarded": event.forwarded}})
    lead = "voice.heard_forwarded" if event.forwarded else "voice.heard"
    return Outcome(pending, [Reply(t(lead, text=quoted), tuple(choices))])


def _told(turn: Turn, state: ConversationState, key: str) -> Outcome:
    """A short message about the voice note; where something is in progress, how to go back to it."""
    replies = [Reply(turn.t(key))]
    if state.resumable:
        replies.append(Reply(turn.t("help.in_flow")))
    return Outcome(state, replies)


def _typed(event: Event, text: str, forwarded: bool) -> Event:
    kind = EventKind.FORWARDED if forwarded else EventKind.TEXT
    return Event(event.user_id, kind, text=text, language_code=event.language_code, spoken=True)
