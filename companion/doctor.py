"""`companion doctor`: check the configuration and what it points at, one line per check, without changing anything."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from companion.config import Settings


@dataclass(frozen=True)
class Check:
    """The outcome of one check."""

    name: str
    ok: bool
    detail: str
    required: bool = True  # a failed optional check is a warning, not a failure

    def line(self) -> str:
        """``ok   name: detail`` / ``FAIL …`` / ``warn …``."""
        mark = "ok  " if self.ok else ("FAIL" if self.required else "warn")
        return f"{mark} {self.name}: {self.detail}"


def _token(settings: Settings) -> Check:
    if settings.telegram_token is None:
        return Check("telegram token", True, "not set: `companion run` talks in the terminal", required=False)
    # The shape was validated when the settings were read; the token itself is never printed.
    return Check("telegram token", True, "set, shape ok (123456789:…)")


def _database(settings: Settings) -> Check:
    from companion.storage import database_revision, head_revision

    try:
        current = database_revision(settings.resolved_database_url)
    except Exception as error:  # noqa: BLE001 - any failure to connect is the finding
        return Check("database", False, f"unreachable ({type(error).__name__})")
    head = head_revision()
    backend = settings.resolved_database_url.split(":", 1)[0]
    if current is None:
        return Check("database", False, f"{backend} reachable but not migrated: run `companion migrate`")
    if current != head:
        return Check("database", False, f"{backend} at revision {current}, code expects {head}: `companion migrate`")
    return Check("database", True, f"{backend} reachable, migrated ({current})")


def _knowledge(settings: Settings) -> Check:
    from companion.knowledge.documents import load_passages
    from companion.knowledge.vectors import COLLECTION, make_client

    try:
        passages = load_passages(settings.knowledge_dir)
    except Exception as error:  # noqa: BLE001
        return Check("knowledge", False, f"passages unreadable ({type(error).__name__})")
    if settings.retrieval == "bm25":
        return Check("knowledge", True, f"{len(passages)} passages, BM25 only (no index needed)")
    server = f"chroma server {settings.chroma_host}:{settings.chroma_port}"
    where = server if settings.chroma_host else "embedded chroma"
    try:
        client = make_client(settings.data_dir, settings.chroma_host, settings.chroma_port)
        names = {c if isinstance(c, str) else c.name for c in client.list_collections()}
        if COLLECTION not in names:
            return Check("knowledge", False, f"{where} has no index yet: run `companion ingest` (or start the bot)")
        got = client.get_collection(COLLECTION).get(include=["metadatas"])
    except Exception as error:  # noqa: BLE001
        return Check("knowledge", False, f"{where} unreachable ({type(error).__name__})")
    stored = {i: (m or {}).get("hash") for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)}
    stale = sum(1 for p in passages if stored.get(p.id) != p.content_hash) + len(set(stored) - {p.id for p in passages})
    if stale:
        return Check("knowledge", False, f"{where}: {stale} passage(s) stale, run `companion ingest`")
    return Check("knowledge", True, f"{where}: {len(passages)} passages indexed and fresh")


def _llm(settings: Settings) -> Check:
    spec = str(getattr(settings, "llm", "none") or "none")
    if spec == "none":
        return Check("language model", True, "none configured: offline answers", required=False)
    base_url = getattr(settings, "llm_base_url", None)
    if not base_url:
        return Check("language model", True, f"{spec} (hosted provider; not probed)", required=False)
    url = str(base_url).rstrip("/") + "/models"
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - an operator-configured URL
            return Check("language model", True, f"{spec} at {base_url} answered {response.status}")
    except urllib.error.HTTPError as error:
        # A server that answers (even 401/404 on /models) is reachable.
        return Check("language model", error.code < 500, f"{spec} at {base_url} answered {error.code}")
    except (OSError, ValueError) as error:
        return Check("language model", False, f"{spec} at {base_url} unreachable ({type(error).__name__}); "
                                             "Compagnon will answer offline")


def _timezones(_settings: Settings) -> Check:
    try:
        for name in ("Europe/Paris", "America/Montreal", "Africa/Dakar", "UTC"):
            ZoneInfo(name)
    except ZoneInfoNotFoundError as error:
        return Check("timezone data", False, f"missing ({error}): install tzdata")
    return Check("timezone data", True, "present")


def _data_dir(settings: Settings) -> Check:
    path = settings.data_dir
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return Check("data directory", False, f"{path} cannot be created ({type(error).__name__})")
    if not os.access(path, os.W_OK):
        return Check("data directory", False, f"{path} is not writable")
    return Check("data directory", True, f"{path.resolve()} writable")


def _voice(settings: Settings) -> Check:
    if not settings.voice:
        return Check("voice notes", True, "off (COMPANION_VOICE=false): voice notes are declined", required=False)
    from companion.voice import ModelMissing, ensure_model

    try:
        folder = ensure_model(settings.data_dir / "models")
    except (ModelMissing, OSError) as error:
        return Check("voice notes", False, f"off: {error}", required=False)
    return Check("voice notes", True, f"Whisper base ready in {folder}, checksum ok")


CHECKS: tuple[Callable[[Settings], Check], ...] = (_token, _data_dir, _database, _knowledge, _llm, _timezones,
                                                   _voice)


def run_doctor(settings: Settings) -> Iterator[Check]:
    """Every check, in order."""
    for check in CHECKS:
        yield check(settings)
