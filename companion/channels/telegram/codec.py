"""Callback data codec: button values signed so tampered data is recognised (≤ 64 bytes)."""

from __future__ import annotations

import base64
import hashlib
import hmac

MAX_BYTES = 64
SEPARATOR = "~"
_SIG_BYTES = 6  # 8 base64 characters: enough to make forging a button pointless


class CallbackCodec:
    """Encode a choice value with a short HMAC; decode returns None for anything forged or broken."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def _sign(self, value: str) -> str:
        digest = hmac.new(self._secret, value.encode("utf-8"), hashlib.sha256).digest()[:_SIG_BYTES]
        return base64.urlsafe_b64encode(digest).decode("ascii")

    def encode(self, value: str) -> str:
        """Return ``value~signature``; raise if it cannot fit Telegram's 64 bytes."""
        if SEPARATOR in value:
            raise ValueError("choice values must not contain the separator")
        data = f"{value}{SEPARATOR}{self._sign(value)}"
        if len(data.encode("utf-8")) > MAX_BYTES:
            raise ValueError(f"callback data over {MAX_BYTES} bytes: {value[:20]}…")
        return data

    def decode(self, data: str | None) -> str | None:
        """Return the value if the signature matches, else None."""
        if not data or len(data.encode("utf-8", "ignore")) > MAX_BYTES:
            return None
        value, sep, signature = data.rpartition(SEPARATOR)
        try:
            if not sep or not hmac.compare_digest(signature.encode("utf-8"), self._sign(value).encode("utf-8")):
                return None
        except UnicodeEncodeError:  # lone surrogates in forged data
            return None
        return value
