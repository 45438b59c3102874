"""Rendering engine replies for Telegram: escaped HTML, inline keyboards, 4096-character parts."""

from __future__ import annotations

import html

from telegram import CopyTextButton, InlineKeyboardButton, InlineKeyboardMarkup

from companion.channels.telegram.codec import CallbackCodec
from companion.engine import Reply

MAX_MESSAGE = 4096
MAX_COPY = 256


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
    copy = copy_button(reply)
    if not reply.choices and copy is None:
        return None
    buttons = [InlineKeyboardButton(c.label, callback_data=codec.encode(c.value)) for c in reply.choices]
    width = max(1, reply.columns)
    rows = [buttons[i : i + width] for i in range(0, len(buttons), width)]
    return InlineKeyboardMarkup(([[copy]] if copy else []) + rows)


def copy_button(reply: Reply) -> InlineKeyboardButton | None:
    """Telegram's "copy text" button for the reply's ``copy_text`` (it holds at most 256 characters)."""
    if not reply.copy_text or len(reply.copy_text) > MAX_COPY:
        return None
    return InlineKeyboardButton(reply.copy_label or "Copy", copy_text=CopyTextButton(reply.copy_text))
