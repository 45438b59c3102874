"""Settings: every variable is prefixed ``COMPANION_`` and read from the environment or ``.env``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_TOKEN_SHAPE = re.compile(r"^\d{3,}:[A-Za-z0-9_-]{4,}$")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the variable."""


class Settings(BaseSettings):
    """Everything Compagnon can be configured with."""

    model_config = SettingsConfigDict(
        env_prefix="COMPANION_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    telegram_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str | None = None
    data_dir: Path = Path("./data")
    database_url: str | None = None
    default_language: Literal["fr", "en"] = "fr"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    poll_timeout: int = Field(default=10, ge=0, le=60)
    chroma_host: str | None = None
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    knowledge_dir: Path | None = None
    retrieval: Literal["hybrid", "bm25"] = "hybrid"
    embedding_cache: Path | None = None

    @property
    def resolved_embedding_cache(self) -> Path:
        """Where passage embeddings are cached (keyed by content hash)."""
        return self.embedding_cache or self.data_dir / "embeddings-e5-small-q4.npz"

    @field_validator("telegram_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        """Reject a token that cannot be a Telegram bot token (without echoing it)."""
        if value is None or not value.get_secret_value().strip():
            return None
        if not _TOKEN_SHAPE.match(value.get_secret_value().strip()):
            raise ValueError("expected the shape 123456789:ABC-def… given by @BotFather")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("telegram_base_url")
    @classmethod
    def _url_shape(cls, value: str) -> str:
        """Require an http(s) URL."""
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected an http:// or https:// URL")
        return value

    @property
    def resolved_database_url(self) -> str:
        """The database URL, defaulting to SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'companion.db').resolve()}"


def load_settings(**overrides: object) -> Settings:
    """Read settings; turn validation errors into one clear line naming the variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        message = first["msg"].removeprefix("Value error, ")
        raise SettingsError(f"COMPANION_{field.upper()}: {message}") from None
