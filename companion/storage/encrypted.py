"""Column types that encrypt user text at rest when the engine carries a cipher (``attach_cipher``).

Without a cipher the values are stored in clear, exactly as before; with one, new writes are encrypted and
old clear rows still read (they are encrypted the next time they are written, or by ``companion privacy
rotate``). Text columns hold ``fernet:<token>``; JSON columns hold ``{"$fernet": "<token>"}`` so that they stay
valid JSON for PostgreSQL and need no migration.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Engine, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from companion.privacy.crypto import FieldCipher, KeyMissing

TEXT_PREFIX = "fernet:"
JSON_KEY = "$fernet"
_ATTRIBUTE = "companion_cipher"


def attach_cipher(engine: Engine, cipher: FieldCipher | None) -> None:
    """Encrypt (and decrypt) the sensitive columns of everything run on ``engine``."""
    setattr(engine.dialect, _ATTRIBUTE, cipher)


def cipher_of(dialect: Dialect) -> FieldCipher | None:
    """The cipher attached to an engine's dialect, if any."""
    return getattr(dialect, _ATTRIBUTE, None)


class EncryptedText(TypeDecorator[str]):
    """Text encrypted with the engine's cipher."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        """Encrypt on the way in."""
        cipher = cipher_of(dialect)
        if value is None or cipher is None:
            return value
        return TEXT_PREFIX + cipher.encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        """Decrypt on the way out; clear values (written before a key was set) pass through."""
        if value is None or not value.startswith(TEXT_PREFIX):
            return value
        cipher = cipher_of(dialect)
        if cipher is None:
            raise KeyMissing("encrypted text found: set COMPANION_ENCRYPTION_KEY")
        return cipher.decrypt(value[len(TEXT_PREFIX):])


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value encrypted with the engine's cipher (stored as a one-key JSON object)."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        """Encrypt on the way in."""
        cipher = cipher_of(dialect)
        if value is None or cipher is None:
            return value
        return {JSON_KEY: cipher.encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")))}

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        """Decrypt on the way out; clear values pass through."""
        if not (isinstance(value, dict) and len(value) == 1 and JSON_KEY in value):
            return value
        cipher = cipher_of(dialect)
        if cipher is None:
            raise KeyMissing("encrypted data found: set COMPANION_ENCRYPTION_KEY")
        return json.loads(cipher.decrypt(str(value[JSON_KEY])))
