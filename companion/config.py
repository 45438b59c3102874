"""Settings: every variable is prefixed ``COMPANION_`` and read from the environment or ``.env``."""

from __future__ import annotations

import re
import sys
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
    log_format: Literal["text", "json"] = "text"
    health_host: str = "127.0.0.1"
    health_port: int = Field(default=0, ge=0, le=65535)  # 0: no /healthz and /metrics server
    poll_timeout: int = Field(default=10, ge=0, le=60)
    chroma_host: str | None = None
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    knowledge_dir: Path | None = None
    retrieval: Literal["hybrid", "bm25"] = "hybrid"
    embedding_cache: Path | None = None
    llm: str = "none"  # or an init_chat_model spec: "openai:gpt-4o-mini", "mistralai:mistral-small-latest", …
    llm_base_url: str | None = None  # any OpenAI-compatible server (vLLM, llama.cpp, LM Studio, Ollama's /v1)
    llm_api_key: SecretStr | None = None
    llm_timeout: float = Field(default=8.0, gt=0, le=120)  # seconds for one model answer, retries included
    llm_max_tokens: int = Field(default=400, ge=1, le=4096)  # output tokens per call
    llm_max_retries: int = Field(default=1, ge=0, le=3)  # provider errors retried, and invalid outputs retried
    llm_temperature: float = Field(default=0.4, ge=0, le=2)
    llm_context_tokens: int = Field(default=4096, ge=512)  # the model's context window: prompts stay inside it
    llm_stream: bool = True  # stream answers (long ones are cut off early)
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_path: str = "telegram"
    webhook_url: str | None = None  # the public https URL Telegram posts to (a reverse proxy forwards it here)
    webhook_secret: SecretStr | None = None  # checked on every request (X-Telegram-Bot-Api-Secret-Token)
    encryption_key: SecretStr | None = None  # Fernet key(s), comma-separated, newest first (rotation)
    retention_days: int = Field(default=0, ge=0)  # 0: journal entries are kept until the user erases them
    flood_limit: int = Field(default=20, ge=0)  # messages per user per flood window; 0 turns the limit off
    flood_window: int = Field(default=10, ge=1)  # seconds
    db_retry_seconds: float = Field(default=60.0, ge=0)  # how long an update waits for an unreachable database
    outbox_grace_seconds: float = Field(default=60.0, ge=0)  # replies unconfirmed this long are sent again; 0: off
    turn_threads: int = Field(default=0, ge=0, le=64)  # threads for turns; 0: 2 with SQLite and no model, else 8
    typing_delay: float = Field(default=0.4, ge=0)  # "typing…" is shown once a turn takes longer than this (s)
    reminder_tick_seconds: float = Field(default=20.0, ge=0)  # how often due reminders are looked for; 0: never
    reminder_rate: float = Field(default=25.0, gt=0)  # reminder messages per second, under Telegram's ~30/s
    voice: bool = True  # transcribe voice notes offline (the Whisper base model, assembled in the data directory)
    voice_threads: int = Field(default=0, ge=0, le=64)  # CPU threads for a transcription; 0: the model's default
    reminder_lease_seconds: float = Field(default=300.0, gt=0)  # a dead dispatcher's claims are taken over after

    @property
    def resolved_embedding_cache(self) -> Path:
        """Where passage embeddings are cached (keyed by content hash)."""
        return self.embedding_cache or self.data_dir / "embeddings-e5-small-q4.npz"

    @property
    def resolved_turn_threads(self) -> int:
        """Threads that run turns: two where a turn only computes and writes to SQLite (the second runs while a
        question's embedding, outside the GIL, holds the first), several where it waits on the network (a model, a
        database server, a Chroma server); ``COMPANION_TURN_THREADS`` decides if set."""
        if self.turn_threads:
            return self.turn_threads
        local = self.resolved_database_url.startswith("sqlite") and self.llm == "none" and not self.chroma_host
        return 2 if local else 8

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

    @field_validator("llm")
    @classmethod
    def _llm_spec(cls, value: str) -> str:
        """``none``, or a model spec: ``provider:model`` or a model name the provider can be inferred from."""
        value = value.strip()
        if not value or value.lower() == "none":
            return "none"
        provider, colon, model = value.partition(":")
        if any(c.isspace() for c in value) or (colon and not (provider and model)):
            raise ValueError("expected none or provider:model, e.g. openai:gpt-4o-mini")
        return value

    @field_validator("llm_base_url")
    @classmethod
    def _llm_url_shape(cls, value: str | None) -> str | None:
        """Require an http(s) URL when set."""
        if value is None or not value.strip():
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("expected an http:// or https:// URL")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        """Telegram accepts 1-256 characters among A-Z, a-z, 0-9, _ and -."""
        if value is None or not value.get_secret_value():
            return None
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("expected 1 to 256 characters among A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("encryption_key")
    @classmethod
    def _fernet_keys(cls, value: SecretStr | None) -> SecretStr | None:
        """Every comma-separated key must be a Fernet key (``Fernet.generate_key()``)."""
        if value is None or not value.get_secret_value().strip():
            return None
        from cryptography.fernet import Fernet

        try:
            for key in value.get_secret_value().split(","):
                Fernet(key.strip().encode())
        except ValueError:
            raise ValueError("expected Fernet keys (32 url-safe base64-encoded bytes), comma-separated") from None
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


def load_settings_or_exit() -> Settings:
    """Read settings for a command: on a bad value, print one clear line and exit with status 2."""
    try:
        return load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
