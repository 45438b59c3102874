"""Encryption at rest with Fernet; several keys (newest first) make rotation possible (MultiFernet)."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class KeyMissing(Exception):
    """The database holds encrypted text but no COMPANION_ENCRYPTION_KEY is configured."""


class WrongKey(Exception):
    """No configured key decrypts a stored value (a key was dropped before its rows were rotated)."""


class FieldCipher:
    """Encrypts with the first key, decrypts with any of them."""

    def __init__(self, keys: str) -> None:
        """``keys``: one or more Fernet keys, comma-separated, the newest first."""
        parts = [key.strip() for key in keys.split(",") if key.strip()]
        if not parts:
            raise ValueError("no encryption key given")
        self._fernet = MultiFernet([Fernet(key.encode()) for key in parts])

    def encrypt(self, plain: str) -> str:
        """A Fernet token (URL-safe text) for ``plain``."""
        return self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The text behind a token made with any configured key."""
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise WrongKey("a stored value cannot be decrypted with the configured keys") from None

    def rotate(self, token: str) -> str:
        """Re-encrypt a token with the newest key."""
        try:
            return self._fernet.rotate(token.encode("ascii")).decode("ascii")
        except InvalidToken:
            raise WrongKey("a stored value cannot be decrypted with the configured keys") from None


def generate_key() -> str:
    """A fresh Fernet key, for ``COMPANION_ENCRYPTION_KEY``."""
    return Fernet.generate_key().decode("ascii")
