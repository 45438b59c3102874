"""What every Telegram test shares: the fake bot's token, one user, and readers of what the bot sent."""

from __future__ import annotations

import socket
from typing import Any

TOKEN = "123456:TEST"
PUBLIC_URL = "https://compagnon.example/tg"
USER = 4242


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def texts(messages: list[dict[str, Any]]) -> str:
    """Everything the bot wrote in these messages (texts and captions)."""
    return "\n".join(str(m.get("text") or m.get("caption") or "") for m in messages)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """The inline buttons of one bot message."""
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]
