"""Rendering engine replies for Telegram: escaped HTML, inline keyboards, 4096-character parts."""

from __future__ import annotations

import functools
import html
from dataclasses import replace

from telegram import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup

from companion.channels.telegram.codec import CallbackCodec
from companion.engine import Choice, Reply

MAX_MESSAGE = 4096
MAX_COPY = 256
SHORT_REPLY = 280
"""A text-only reply this short (an acknowledgement) is sent together with the reply after it…"""
JOIN_LIMIT = 1000
"""…when both texts together stay this short."""


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split text into parts of at most ``limit`` characters, preferring paragraph and line breaks."""
    if not text:
        return [""]
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit
        parts.append(rest[:cut])
        rest = rest[cut:].lstrip("\n ") if cut < limit else rest[cut:]
    parts.append(rest)
    return parts


def escape_parts(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split plain text, then HTML-escape each part; a part that grows too long is split finer."""
    parts: list[str] = []
    for part in split_text(text, limit):
        escaped = html.escape(part, quote=False)
        parts.extend([escaped] if len(escaped) <= MAX_MESSAGE else escape_parts(part, limit // 2))
    return parts


def keyboard(reply: Reply, codec: CallbackCodec) -> InlineKeyboardMarkup | None:
    """The reply's choices as an inline keyboard, ``reply.columns`` buttons per row."""
    return _keyboard(reply.choices, reply.columns, reply.copy_text, reply.copy_label, codec)


@functools.lru_cache(maxsize=512)
def _keyboard(choices: tuple[Choice, ...], columns: int, copy_text: str, copy_label: str,
              codec: CallbackCodec) -> InlineKeyboardMarkup | None:
    """Built once per distinct keyboard: most replies carry one of a few (the menu, yes/no, the pickers), and a
    keyboard is immutable, so every message can share it."""
    copy = copy_button(copy_text, copy_label)
    if not choices and copy is None:
        return None
    buttons = [InlineKeyboardButton(c.label, callback_data=codec.encode(c.value)) for c in choices]
    width = max(1, columns)
    rows = [buttons[i : i + width] for i in range(0, len(buttons), width)]
    return InlineKeyboardMarkup(([[copy]] if copy else []) + rows)


def copy_button(copy_text: str, copy_label: str) -> InlineKeyboardButton | None:
    """Telegram's "copy text" button for a reply's ``copy_text`` (it holds at most 256 characters)."""
    if not copy_text or len(copy_text) > MAX_COPY:
        return None
    return InlineKeyboardButton(copy_label or "Copy", copy_text=CopyTextButton(copy_text))


def bubbles(replies: list[Reply]) -> list[Reply]:
    """The replies as Telegram messages: a short text-only reply joins the reply after it.

    An acknowledgement followed by the next question ("C'est noté." then the menu) arrives as one message: one
    notification instead of two, and one Bot API call fewer against Telegram's ~30 messages a second. Replies
    with buttons, a copy button, an image or files keep their own message, and so does anything long; a text to
    copy stays alone in its message, so that copying it by hand takes nothing else.
    """
    merged: list[Reply] = []
    for reply in replies:
        last = merged[-1] if merged else None
        if (last is not None and _text_only(last) and reply.image is None and not reply.copy_text
                and len(last.text) <= SHORT_REPLY and len(last.text) + 2 + len(reply.text) <= JOIN_LIMIT):
            merged[-1] = replace(reply, text=f"{last.text}\n\n{reply.text}")
        else:
            merged.append(reply)
    return merged


def _text_only(reply: Reply) -> bool:
    return not (reply.choices or reply.copy_text or reply.image is not None or reply.documents)
